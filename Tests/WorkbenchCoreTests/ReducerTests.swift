import Testing
import ReviewModel
@testable import WorkbenchCore

@Suite struct ReducerTests {
    @Test func acceptingSavesAndMovesToTheNext() {
        var state = Screens.state()
        let effects = Screens.press([.char("a")], &state)
        #expect(effects == [.save])
        #expect(state.ledger.status(of: "140.1") == .accepted)
        #expect(state.ledger.record(for: "140.1")?.by == "lan")
        #expect(state.selected?.id == "140.2")
        #expect(state.message?.text == "140.1 accepted")
    }

    @Test func eachDecisionKeySetsItsStatusAndClearStays() {
        var state = Screens.state()
        Screens.press([.char("a"), .char("c"), .char("r"), .char("k"), .char("x")], &state)
        #expect(state.ledger.status(of: "140.1") == .accepted)
        #expect(state.ledger.status(of: "140.2") == .underConsideration)
        #expect(state.ledger.status(of: "140.3") == nil)
        #expect(state.selected?.id == "140.3")
    }

    @Test func repeatingTheSameDecisionWritesNothing() {
        var state = Screens.state()
        Screens.press([.char("a"), .char("k")], &state)
        #expect(Screens.press([.char("a")], &state).isEmpty)
        #expect(state.selected?.id == "140.2")
    }

    @Test func decidingInTheUndecidedViewDropsItAndKeepsYourPlace() {
        var state = Screens.state()
        Screens.press([.char("d")], &state)
        #expect(state.filter.status == .undecided)
        Screens.press([.char("j"), .char("a")], &state)
        #expect(state.visible.count == 5)
        #expect(state.selected?.id == "140.3")
        Screens.press([.char("G"), .char("r")], &state)
        #expect(state.selected?.id == "140.5", "deciding the last one selects the new last one")
    }

    @Test func statePickerNarrowsIgnoringAccentsAndFiltersCoRecommenders() {
        var state = Screens.state()
        Screens.press([.char("s")] + Screens.type("cote"), &state)
        guard case .statePicker(let picker) = state.mode else { Issue.record("picker not open"); return }
        #expect(picker.matches.map { state.allStates[$0].name } == ["Côte d'Ivoire"])
        Screens.press([.escape, .char("s")] + Screens.type("fr") + [.enter], &state)
        #expect(state.mode == .browse)
        #expect(state.filter.state == "France")
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.1", "140.3"])
    }

    @Test func stateAndDecisionFiltersCombineAndEscClearsBoth() {
        var state = Screens.state()
        Screens.press([.char("a")], &state)
        Screens.press([.char("s")] + Screens.type("France") + [.enter, .char("d")], &state)
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.3"])
        Screens.press([.escape], &state)
        #expect(state.filter.isEmpty)
        #expect(state.visible.count == 6)
    }

    @Test func pickerWithNoMatchSaysSoAndStaysOpen() {
        var state = Screens.state()
        Screens.press([.char("s")] + Screens.type("zzz") + [.enter], &state)
        #expect(state.mode.kind == .statePicker)
        #expect(state.message?.isError == true)
    }

    @Test func noteEditingSavesOnEnterAndCancelsOnEsc() {
        var state = Screens.state()
        let effects = Screens.press([.char("e")] + Screens.type("Bộ Tư pháp") + [.left, .backspace, .enter], &state)
        #expect(effects == [.save])
        #expect(state.ledger.record(for: "140.1")?.note == "Bộ Tư php")
        #expect(state.ledger.status(of: "140.1") == nil)
        #expect(Screens.press([.char("e")] + Screens.type(" more") + [.escape], &state).isEmpty)
        #expect(state.ledger.record(for: "140.1")?.note == "Bộ Tư php")
    }

    @Test func keysTypedIntoTheNoteAreNotCommands() {
        var state = Screens.state()
        Screens.press([.char("e")] + Screens.type("qarx") + [.enter], &state)
        #expect(state.ledger.record(for: "140.1")?.note == "qarx")
        #expect(state.ledger.status(of: "140.1") == nil)
    }

    @Test func quitWarnsOnceWhileChangesAreUnsaved() {
        var state = Screens.state()
        #expect(Screens.press([.char("q")], &state) == [.quit])
        _ = Workbench.reduce(&state, .saveFailed("No space left on device"), now: Screens.now)
        #expect(Screens.press([.char("q")], &state).isEmpty)
        #expect(state.message?.text.contains("NOT saved") == true)
        #expect(Screens.press([.char("q")], &state) == [.quit])
    }

    @Test func saveOutcomesShowAndClear() {
        var state = Screens.state()
        _ = Workbench.reduce(&state, .saveFailed("disk full"), now: Screens.now)
        #expect(state.unsavedError == "disk full")
        _ = Workbench.reduce(&state, .saved, now: Screens.now)
        #expect(state.unsavedError == nil)
    }

    @Test func exportMenuAsksForTheViewOrTheWholeDocument() {
        var state = Screens.state()
        Screens.press([.char("s")] + Screens.type("France") + [.enter], &state)
        #expect(Screens.press([.char("E"), .char("i")], &state) == [.export(.ids, positions: [0, 2])])
        #expect(Screens.press([.char("E"), .char("a")], &state) == [.export(.addendum, positions: Array(0..<6))])
        #expect(Screens.press([.char("E"), .escape], &state).isEmpty)
        #expect(state.mode == .browse)
    }

    @Test func pagingAndEndsStayInTheList() {
        var state = Screens.state(width: 80, height: 12)
        Screens.press([.pageDown, .pageDown, .pageDown], &state)
        #expect(state.cursor == 5)
        Screens.press([.char("g")], &state)
        #expect(state.cursor == 0)
        Screens.press([.up], &state)
        #expect(state.cursor == 0)
    }

    @Test func everyBindingInTheTableIsReachable() {
        for binding in KeyBindings.table {
            for key in binding.keys {
                #expect(KeyMap.standard.command(for: key, in: binding.mode) == binding.command, "\(key.name) in \(binding.mode)")
            }
        }
    }
}
