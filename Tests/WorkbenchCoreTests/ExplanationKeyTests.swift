import Testing
import ReviewModel
@testable import WorkbenchCore

/// `A`: the note becomes the addendum's explanation; marked recommendations share it.
@Suite struct ExplanationKeyTests {
    @Test func theNoteIsPublishedForTheMarkedTogetherAndWithdrawnByTheSameKey() {
        var state = Screens.state(width: 100, height: 30)
        #expect(Screens.press([.char("A")], &state).isEmpty, "no note yet: refused")
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("write it with e") == true)
        Screens.press([.char("e")] + "Ratified in 2015.".map { Key.char($0) } + [.enter], &state)
        #expect(state.ledger.record(for: "140.1")?.note == "Ratified in 2015.")
        // Mark 140.1 and 140.2, back on 140.1, publish its note for both.
        Screens.press([.char(" "), .char(" "), .char("k"), .char("k")], &state)
        #expect(state.marked == [0, 1])
        #expect(Screens.press([.char("A")], &state) == [.save])
        #expect(state.ledger.record(for: "140.1")?.explanation == "Ratified in 2015.")
        #expect(state.ledger.record(for: "140.2")?.explanation == "Ratified in 2015.")
        #expect(state.marked.isEmpty)
        #expect(Render.screen(state).dump().contains("Addendum explanation: Ratified in 2015."))
        // One undo step for both.
        Screens.press([.char("u")], &state)
        #expect(state.ledger.record(for: "140.1")?.explanation == nil)
        #expect(state.ledger.record(for: "140.2")?.explanation == nil)
        Screens.press([.ctrl("r")], &state)
        #expect(state.ledger.record(for: "140.2")?.explanation == "Ratified in 2015.")
        // Again on 140.1: withdrawn.
        #expect(Screens.press([.char("A")], &state) == [.save])
        #expect(state.ledger.record(for: "140.1")?.explanation == nil)
        #expect(state.ledger.record(for: "140.2")?.explanation == "Ratified in 2015.")
        #expect(state.message?.text.contains("withdrawn") == true)
    }

    @Test func theExportMenuWritesTheWordAddendumAndTheBriefingPackOfTheWholeReview() {
        var state = Screens.state(width: 100, height: 30)
        let all = Array(state.ledger.recommendations.indices)
        #expect(Screens.press([.char("E"), .char("w")], &state) == [.export(.docx, positions: all)])
        #expect(Screens.press([.char("E"), .char("b")], &state) == [.export(.briefing, positions: all)])
        Screens.press([.char("E")], &state)
        #expect(Render.screen(state).dump().contains("Word"))
    }
}
