import Testing
import ReviewModel
@testable import WorkbenchCore

@Suite struct MarksAndMovesTests {
    @Test func markedRecommendationsAreDecidedTogetherAndUndoneTogether() {
        var state = Screens.state()
        Screens.press([.char(" "), .char("j"), .char(" ")], &state)
        #expect(state.marked == [0, 2])
        #expect(Render.screen(state).dump().contains("*140.1"))
        #expect(Render.screen(state).dump().contains("2 marked"))
        #expect(Screens.press([.char("r")], &state) == [.save])
        #expect(state.ledger.status(of: "140.1") == .rejected)
        #expect(state.ledger.status(of: "140.3") == .rejected)
        #expect(state.ledger.status(of: "140.2") == nil)
        #expect(state.marked.isEmpty)
        #expect(state.message?.text.contains("2 marked recommendations") == true)
        Screens.press([.char("u")], &state)
        #expect(state.ledger.status(of: "140.1") == nil)
        #expect(state.ledger.status(of: "140.3") == nil)
    }

    @Test func markAllInViewFollowsTheFilterAndMinusClears() {
        var state = Screens.state()
        Screens.press([.char("s")] + Screens.type("France") + [.enter, .char("*")], &state)
        #expect(state.marked == [0, 2])
        Screens.press([.char("-")], &state)
        #expect(state.marked.isEmpty)
    }

    @Test func bracketsJumpToTheNextAndPreviousUndecided() {
        var state = Screens.state()
        Screens.press([.char("a"), .char("a"), .char("g"), .char("]")], &state)
        #expect(state.selected?.id == "140.3")
        Screens.press([.char("[")], &state)
        #expect(state.selected?.id == "140.6", "wraps around")
    }

    @Test func sortingKeepsTheSelectionAndTiesInDocumentOrder() {
        var state = Screens.state()
        Screens.press([.char("j"), .char("j"), .char("o")], &state)
        #expect(state.sort == .state)
        #expect(state.visible.map { state.ledger.recommendations[$0].states[0] } == ["Chile", "Côte d'Ivoire", "France", "Germany", "Lao People's Democratic Republic", "Türkiye"])
        #expect(state.selected?.id == "140.3")
        Screens.press([.char("o"), .char("o"), .char("o")], &state)
        #expect(state.sort == .document)
        #expect(state.visible == Array(0..<6))
    }
}

@Suite struct MouseTests {
    @Test func aClickSelectsTheRowAndTheWheelScrolls() {
        var state = Screens.state(width: 100, height: 30)
        _ = Workbench.reduce(&state, .mouse(.click(row: 4, column: 10)), now: Screens.now)
        #expect(state.selected?.id == "140.4")
        _ = Workbench.reduce(&state, .mouse(.click(row: 4, column: 80)), now: Screens.now)
        #expect(state.selected?.id == "140.4", "a click in the detail pane does not move the selection")
        _ = Workbench.reduce(&state, .mouse(.wheelUp), now: Screens.now)
        #expect(state.selected?.id == "140.1")
        _ = Workbench.reduce(&state, .mouse(.wheelDown), now: Screens.now)
        #expect(state.selected?.id == "140.4")
    }
}

@Suite struct ImplementedTests {
    @Test func onlyAcceptedRecommendationsAreMarkedAlreadyImplemented() {
        var state = Screens.state(width: 100, height: 30)
        #expect(Screens.press([.char("I")], &state).isEmpty, "undecided: refused")
        #expect(state.message?.isError == true)
        Screens.press([.char("a"), .char("k")], &state)
        #expect(Screens.press([.char("I")], &state) == [.save])
        #expect(state.ledger.record(for: "140.1")?.implemented == true)
        #expect(Render.screen(state).dump().contains("Already implemented (addendum)"))
        Screens.press([.char("I")], &state)
        #expect(state.ledger.record(for: "140.1")?.implemented == false)
    }
}
