import Testing
import ReviewModel
@testable import WorkbenchCore

@Suite struct CommandLineTests {
    func prompt(_ state: WorkbenchState) -> Prompt? {
        if case .prompt(let prompt) = state.mode { return prompt }
        return nil
    }

    @Test func gotoSelectsByIDEvenOutsideTheFilter() {
        var state = Screens.state()
        Screens.press([.char("s")] + Screens.type("France") + [.enter], &state)
        Screens.press([.char(":")] + Screens.type("goto 140.5.") + [.enter], &state)
        #expect(state.selected?.id == "140.5")
        #expect(state.filter.isEmpty, "the filter is cleared to show it")
        #expect(state.mode == .browse)
    }

    @Test func tabCompletesTheCommandThenTheState() {
        var state = Screens.state()
        Screens.press([.char(":")] + Screens.type("sta") + [.tab], &state)
        #expect(prompt(state)?.field.string == "stat", "state and stats share “stat”")
        #expect(prompt(state)?.note == "state  stats")
        Screens.press(Screens.type("e") + [.tab], &state)
        #expect(prompt(state)?.field.string == "state ")
        Screens.press(Screens.type("cote") + [.tab], &state)
        #expect(prompt(state)?.field.string == "state Côte d'Ivoire")
        Screens.press([.enter], &state)
        #expect(state.filter.state == "Côte d'Ivoire")
    }

    @Test func severalCompletionsAreOfferedAboveThePrompt() {
        var state = Screens.state()
        Screens.press([.char(":")] + Screens.type("sort ") + [.tab], &state)
        #expect(prompt(state)?.note == "id  state  decision  theme")
        let dump = Render.screen(state).dump()
        #expect(dump.contains(" id  state  decision  theme"))
        #expect(dump.hasSuffix(":sort"))
    }

    @Test func anErrorStaysAboveThePromptWithTheLineKept() {
        var state = Screens.state()
        Screens.press([.char(":")] + Screens.type("goto 999.9") + [.enter], &state)
        #expect(prompt(state)?.note == "No recommendation with ID 999.9")
        #expect(prompt(state)?.noteIsError == true)
        #expect(prompt(state)?.field.string == "goto 999.9")
        Screens.press([.escape], &state)
        #expect(state.mode == .browse)
    }

    @Test func historyRecallsEarlierLines() {
        var state = Screens.state()
        Screens.press([.char(":")] + Screens.type("sort state") + [.enter], &state)
        Screens.press([.char(":")] + Screens.type("decision undecided") + [.enter], &state)
        Screens.press([.char(":"), .up, .up], &state)
        #expect(prompt(state)?.field.string == "sort state")
        Screens.press([.down], &state)
        #expect(prompt(state)?.field.string == "decision undecided")
    }

    @Test func exportAndMarkCommands() {
        var state = Screens.state()
        Screens.press([.char(":")] + Screens.type("mark all") + [.enter], &state)
        #expect(state.marked.count == 6)
        #expect(Screens.press([.char(":")] + Screens.type("export csv") + [.enter], &state) == [.export(.csv, positions: Array(0..<6))])
    }
}
