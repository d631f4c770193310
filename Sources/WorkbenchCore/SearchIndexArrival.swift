import Foundation
import ReviewModel

/// The search index (every text folded, the States and themes numbered) and the list of
/// recommending States, built after the first screen on a thread of its own for a large ledger
/// (a quarter of a second at 420,000), and taken up as `Action.searchIndexReady`.
///
/// Until it arrives the workbench holds a stand-in (`SearchIndex.pending`): browsing, deciding,
/// notes and the decision filter work as ever; a key that needs the index (Enter on a search or a
/// filter, Tab completing one, the State picker, `:filter`, `:view`, `:state`, `:proposals`,
/// `:conflicts`, `T`) is held with
/// every key after it, says so on the status line, and all of them run, in order, once it is there.
public struct SearchArrival: Equatable, Sendable {
    public var index: SearchIndex
    public var allStates: [WorkbenchState.StateCount]

    /// Folds every text and counts the States of `ledger`; the words of the texts (for `text:`)
    /// are then indexed on a thread of their own where the ledger is large.
    public static func build(_ ledger: Ledger, states directory: StateDirectory?) -> SearchArrival {
        build(ledger.recommendations, states: directory)
    }

    /// Over the recommendations alone, for the background: a thread holding the whole ledger
    /// would make the next key's change copy every decision and change.
    public static func build(_ recommendations: [Recommendation], states directory: StateDirectory?) -> SearchArrival {
        let index = SearchIndex(recommendations: recommendations, states: directory)
        // Below this a scan takes under a millisecond.
        if recommendations.count > 5_000 { index.prepareWordPostings() }
        let allStates = Ledger.recommendingStates(of: recommendations).map { WorkbenchState.StateCount(name: $0.state, folded: TextFolding.fold($0.state), count: $0.count) }
        return SearchArrival(index: index, allStates: allStates)
    }

    /// Compared by what it covers: the index itself has no equality.
    public static func == (a: SearchArrival, b: SearchArrival) -> Bool {
        a.index.count == b.index.count && a.allStates == b.allStates
    }
}

extension WorkbenchState {
    /// Above this many recommendations the workbench builds the index after the first screen
    /// (25 ms at 42,000); below it, at once (under 2 ms).
    public static let searchIndexLaterAbove = 2_000

    /// True while the search index is being built after the first screen.
    public var searchIndexPending: Bool { !search.index.isBuilt }

    /// The work that builds the index of this state's ledger, for `WorkbenchRunner.inBackground`
    /// (over the recommendations alone, which no key changes while it is pending).
    public func searchIndexWork() -> @Sendable () -> Action {
        let (recommendations, states) = (ledger.recommendations, search.states)
        return { .searchIndexReady(SearchArrival.build(recommendations, states: states)) }
    }

    /// Puts the built index in the stand-in's place (keeping what was set on it meanwhile) and
    /// hands back the keys that waited for it, to be run in order.
    mutating func receive(_ arrival: SearchArrival) -> [Effect] {
        if searchIndexPending {
            // Built for other recommendations (none of the keys that change them runs while it
            // is pending): built again here rather than leave the held keys waiting for ever.
            install(arrival.index.count == ledger.recommendations.count ? arrival : SearchArrival.build(ledger, states: search.states))
        }
        // Handed back even where the index was built without waiting for this (`refilter`).
        let keys = keysWaitingForIndex
        keysWaitingForIndex = []
        return keys.isEmpty ? [] : [.replay(keys)]
    }

    mutating func install(_ arrival: SearchArrival) {
        search.index = arrival.index.keeping(search.index)
        allStates = arrival.allStates
        if message?.text.hasPrefix(Self.buildingIndex) == true { message = nil }
    }

    /// Holds `key` while the index is built where it needs the index, or where keys before it
    /// wait already (so that they run in the order typed). True when the key was held.
    mutating func holdForSearchIndex(_ key: Key) -> Bool {
        guard searchIndexPending, !keysWaitingForIndex.isEmpty || needsSearchIndex(key) else { return false }
        keysWaitingForIndex.append(key)
        message = .init("\(Self.buildingIndex) \(keysWaitingForIndex.count == 1 ? "this key runs" : "\(keysWaitingForIndex.count) keys run") when it is ready")
        return true
    }

    static let buildingIndex = "Building the search index…"

    /// Whether `key`, in the present mode, searches, filters by a query or lists the States.
    func needsSearchIndex(_ key: Key) -> Bool {
        switch mode {
        case .browse:
            let command = keys.command(for: key, in: .browse)
            return command == .pickState || command == .acceptSuggestedThemes
        case .prompt(let prompt):
            let command = keys.command(for: key, in: .prompt)
            if command == .fieldComplete { return true }
            guard command == .fieldAccept else { return false }
            guard prompt.kind == .command else { return true }
            let name = String(prompt.field.string.trimmingCharacters(in: .whitespaces).prefix { $0 != " " })
            let spec = CommandLineLogic.specs.first(where: { $0.name == name }) ?? CommandLineLogic.uniquePrefix(name)
            return ["filter", "view", "state", "themes", "proposals", "conflicts"].contains(spec?.name ?? "")
        default:
            return false
        }
    }
}

extension ResumePoint {
    /// A filter or a search to put back: the first screen shows them, so it needs the index.
    public var needsSearchIndex: Bool { filter != nil || search != nil }
}
