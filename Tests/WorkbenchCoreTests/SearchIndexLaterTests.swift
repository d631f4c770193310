import Foundation
import Testing
import ReviewModel
@testable import WorkbenchCore

/// The search index built after the first screen: a key that needs it waits, with every key
/// after it, says so, and runs once it is there, as it would have run at once.
@Suite struct SearchIndexLaterTests {
    static func later(_ ledger: Ledger = Screens.ledger()) -> WorkbenchState {
        var state = WorkbenchState(ledger: ledger, analyst: "lan", ledgerName: "test.json", size: Size(width: 100, height: 30), searchIndexLater: true)
        state.timeZone = TimeZone(identifier: "UTC")!
        return state
    }

    /// What the runner does with `.replay`: each key reduced in turn.
    static func arrive(_ state: inout WorkbenchState) -> [Effect] {
        let arrival = SearchArrival.build(state.ledger, states: state.search.states)
        var effects: [Effect] = []
        for effect in Workbench.reduce(&state, .searchIndexReady(arrival), now: Screens.now) {
            guard case .replay(let keys) = effect else { effects.append(effect); continue }
            effects += Screens.press(keys, &state)
        }
        return effects
    }

    @Test func aSearchTypedBeforeTheIndexIsThereRunsWhenItArrives() {
        var state = Self.later()
        #expect(state.searchIndexPending)
        Screens.press([.char("j")] + [.char("/")] + Screens.type("torture"), &state)
        #expect(state.cursor == 1, "moving never waits")
        #expect(state.keysWaitingForIndex.isEmpty, "typing into the prompt does not wait either")
        Screens.press([.enter, .char("k"), .char("a")], &state)
        #expect(state.keysWaitingForIndex == [.enter, .char("k"), .char("a")], "Enter waits, and the keys after it")
        #expect(state.message?.text == "Building the search index… 3 keys run when it is ready")
        #expect(Render.screen(state).dump().contains("Building the search index…"))
        #expect(state.ledger.decisions.isEmpty, "a held decision is not made out of order")

        let effects = Self.arrive(&state)
        #expect(!state.searchIndexPending && state.keysWaitingForIndex.isEmpty)
        #expect(state.searchText == "torture" && state.searchMatches == PositionSet(count: 6, members: [0]))
        // The search put the cursor on 140.1, k stayed there (the top), a accepted it: as at once.
        #expect(state.ledger.status(of: "140.1") == .accepted)
        #expect(effects == [.save])
        #expect(state.allStates.map(\.name).contains("Côte d'Ivoire"))
    }

    @Test func theStatePickerAndAQueryWaitButADecisionFilterDoesNot() {
        var state = Self.later()
        Screens.press([.char("d")], &state)
        #expect(state.keysWaitingForIndex.isEmpty && state.filter.status == .undecided)
        Screens.press([.char("s")], &state)
        #expect(state.keysWaitingForIndex == [.char("s")] && state.mode == .browse)
        _ = Self.arrive(&state)
        guard case .statePicker = state.mode else { Issue.record("the picker opened on arrival: \(state.mode)"); return }

        var filtering = Self.later()
        Screens.press([.char(":")] + Screens.type("filter text:opcat") + [.enter], &filtering)
        #expect(filtering.keysWaitingForIndex == [.enter])
        _ = Self.arrive(&filtering)
        #expect(filtering.visible == [1])
    }

    /// `:proposals` (and `:conflicts`) filter by a query too: they wait like `:filter`, and a
    /// query reached by any other way before the index arrives builds it there, never reads it empty.
    @Test func theProposalsListWaitsAndAQueryNeverReadsAnIndexNotBuilt() throws {
        var ledger = Screens.ledger()
        try ledger.propose(Proposal(id: "140.3", decision: .accepted, ministry: "Ministry of Justice", file: "moj.xlsx", line: 2, at: Screens.now))
        var state = Self.later(ledger)
        Screens.press([.char(":")] + Screens.type("proposals") + [.enter], &state)
        #expect(state.keysWaitingForIndex == [.enter])
        _ = Self.arrive(&state)
        #expect(state.visible == [2])

        var direct = Self.later(ledger)
        direct.setFilter(direct.filter.with(query: try FilterQuery.parse("has:proposal", states: try StateDirectory.bundled()), text: "has:proposal"))
        #expect(!direct.searchIndexPending, "built where the query needed it")
        #expect(direct.visible == [2])
        #expect(Self.arrive(&direct).isEmpty, "the index arriving later changes nothing")
        #expect(direct.visible == [2])
    }

    /// A click or the wheel while keys wait for the index is left alone: the held keys then act
    /// where they were typed, as they would have at once.
    @Test func theMouseDoesNotMoveUnderKeysThatWait() {
        var state = Self.later()
        Screens.press([.char("/")] + Screens.type("torture") + [.enter], &state)
        #expect(state.keysWaitingForIndex == [.enter])
        _ = Workbench.reduce(&state, .mouse(.click(row: 4, column: 10)), now: Screens.now)
        _ = Workbench.reduce(&state, .mouse(.wheelDown), now: Screens.now)
        Screens.press([.char("a")], &state)
        _ = Self.arrive(&state)
        #expect(state.ledger.status(of: "140.1") == .accepted, "the search's match, where a was typed")
        #expect(state.ledger.status(of: "140.4") == nil)
    }

    /// Random keys, with the index arriving at a random step: the same screen, ledger and view as
    /// a workbench that had the index from the start.
    @Test func randomKeysEndWhereTheyWouldHaveWithTheIndexAtOnce() throws {
        var random = SoakTests.SeededGenerator(state: 19)
        let ledger = try Sample.ledger()
        let keys: [Key] = KeyBindings.table.flatMap(\.keys).filter { $0 != .char("q") && $0 != .ctrl("c") }
            + Screens.type("/f:tortue ") + [.enter, .enter, .tab, .escape]
        for round in 0..<20 {
            var now = WorkbenchState(ledger: ledger, analyst: "soak", size: Size(width: 100, height: 30))
            var later = WorkbenchState(ledger: ledger, analyst: "soak", size: Size(width: 100, height: 30), searchIndexLater: true)
            let arrivesAt = Int.random(in: 0..<150, using: &random)
            for step in 0..<150 {
                if step == arrivesAt { _ = Self.arrive(&later) }
                let key = keys.randomElement(using: &random)!
                _ = Workbench.reduce(&now, .key(key), now: Screens.now)
                _ = Workbench.reduce(&later, .key(key), now: Screens.now)
            }
            if later.searchIndexPending { _ = Self.arrive(&later) }
            let sameLedger = later.ledger == now.ledger
            #expect(sameLedger, "round \(round)")
            #expect(later.visible == now.visible && later.cursor == now.cursor && later.filter == now.filter, "round \(round)")
            #expect(later.searchMatches == now.searchMatches && later.mode == now.mode, "round \(round)")
            #expect(Render.screen(later).dump() == Render.screen(now).dump(), "round \(round)")
        }
    }
}
