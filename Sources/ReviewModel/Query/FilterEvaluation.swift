import Foundation

/// Evaluates a filter over a whole ledger term by term, on sets of positions, rather than
/// recommendation by recommendation: each term binds its value and pins the index buffers once
/// per key instead of 42,000 times. `and` and `or` still short-circuit, by handing their right
/// side only the positions still in doubt.
extension FilterQuery {
    /// The positions of `ledger.recommendations` that pass, in document order. `index` must have
    /// been built from this ledger's recommendations (decisions are read from `ledger`).
    public func positions(in ledger: Ledger, index: SearchIndex) -> [Int] {
        precondition(index.count == ledger.recommendations.count, "the search index was built for other recommendations")
        return select(within: PositionSet(count: index.count, full: true), ledger, index).members
    }

    func select(within candidates: PositionSet, _ ledger: Ledger, _ index: SearchIndex) -> PositionSet {
        switch self {
        case .all:
            return candidates
        case let .term(term):
            return term.select(within: candidates, ledger, index)
        case let .and(left, right):
            return right.select(within: left.select(within: candidates, ledger, index), ledger, index)
        case let .or(left, right):
            let matched = left.select(within: candidates, ledger, index)
            return matched.union(right.select(within: candidates.subtracting(matched), ledger, index))
        case let .not(query):
            return candidates.subtracting(query.select(within: candidates, ledger, index))
        }
    }
}

extension FilterTerm {
    /// The candidates that pass this term; the same answers as `matches`, position by position.
    func select(within candidates: PositionSet, _ ledger: Ledger, _ index: SearchIndex) -> PositionSet {
        switch self {
        case let .state(name):
            // Decided once per distinct State of the ledger, then looked up by number.
            return Self.select(candidates, refs: index.stateRefs, wanted: index.stateNames.map { $0 == name })
        case let .group(group):
            let bit = SearchIndex.bit(of: group)
            return index.groupMasks.withUnsafeBufferPointer { masks in candidates.filter { masks[$0] & bit != 0 } }
        case let .theme(needle):
            let wanted = Self.withBytes(needle) { needle in
                index.foldedThemes.map { theme in theme.withUnsafeBufferPointer { ByteSearch.contains(needle, in: $0) } }
            }
            return Self.select(candidates, refs: index.themeRefs, wanted: wanted)
        case let .text(needle):
            let inText = Self.withBytes(needle) { needle in
                // Only the texts holding the needle's words, where they are indexed; each checked alike.
                let narrowed = index.words.candidates(for: needle, count: index.count).map { candidates.intersection($0) } ?? candidates
                return index.texts.withLists { texts in narrowed.filter { ByteSearch.contains(needle, in: texts[$0]) } }
            }
            return inText.union(NoteSearch.select(within: candidates, ledger, index, folded: needle))
        case let .note(needle):
            return NoteSearch.select(within: candidates, ledger, index, folded: needle)
        case let .id(id):
            return candidates.filter { Self.id(index.originalIDs[$0], isOrIsIn: id) }
        case let .idRange(lower, upper):
            return candidates.filter {
                ByteSearch.compareID(index.originalIDs[$0], toBound: lower) >= 0 && ByteSearch.compareID(index.originalIDs[$0], toBound: upper) <= 0
            }
        case let .decision(selection):
            return Self.select(candidates, ledger, index) { selection.matches($0?.decision) }
        case .hasNote:
            return Self.select(candidates, ledger, index) { !($0?.note.isEmpty ?? true) }
        case .hasProposal:
            return candidates.filter { ledger.proposals[index.originalIDs[$0]] != nil }
        case .hasConflict:
            return candidates.filter { ledger.conflicts[index.originalIDs[$0]] != nil }
        case .hasEarlier:
            let matches = index.memory.matches  // empty where no earlier cycle is known
            return candidates.filter { matches.indices.contains($0) && matches[$0] != nil }
        case .wasSupported:
            let memory = index.memory
            let supported = memory.reference.map { $0.position == .supported }
            return candidates.filter { position in
                guard memory.matches.indices.contains(position), let match = memory.matches[position], supported[match.reference] else { return false }
                return ledger.decisions.record(at: position)?.decision != .accepted
            }
        case .inCluster:
            return index.clusters.clusterOf.withUnsafeBufferPointer { of in candidates.filter { of[$0] >= 0 } }
        case .conflictInCluster:
            // Decided once per cluster, then looked up by number.
            let conflicting = index.clusters.clusters.map { ConsistencyCheck.kind(of: $0, in: ledger) == .conflict }
            return index.clusters.clusterOf.withUnsafeBufferPointer { of in candidates.filter { of[$0] >= 0 && conflicting[Int(of[$0])] } }
        case let .changedSince(date):
            return Self.select(candidates, ledger, index) { $0.map { $0.at >= date } ?? false }
        case let .decidedBy(analyst):
            return Self.select(candidates, ledger, index) { $0.map { Self.folded($0.by, equals: analyst) } ?? false }
        case let .ministry(name):
            return Self.select(candidates, ledger, index) { Self.ministry($0?.ministry, is: name) }
        case let .record(term):
            return term.select(within: candidates, index)
        case let .implementation(term):
            return candidates.filter { term.matches($0, ledger, index) }
        }
    }

    /// Positions any of whose States (or themes) is among the `wanted` numbers.
    private static func select(_ candidates: PositionSet, refs: FlatLists<Int32>, wanted: [Bool]) -> PositionSet {
        guard wanted.contains(true) else { return PositionSet(count: candidates.count, full: false) }
        return wanted.withUnsafeBufferPointer { wanted in
            refs.withLists { refs in candidates.filter { refs[$0].contains { wanted[Int($0)] } } }
        }
    }

    /// Positions whose decision record (nil: none yet) passes `test`.
    private static func select(_ candidates: PositionSet, _ ledger: Ledger, _ index: SearchIndex, _ test: (DecisionRecord?) -> Bool) -> PositionSet {
        let decisions = ledger.decisions
        if decisions.isEmpty {
            return test(nil) ? candidates : PositionSet(count: candidates.count, full: false)
        }
        // By position (the index's are the ledger's): no ID hashed for each candidate.
        return candidates.filter { test(decisions.record(at: $0)) }
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }
}
