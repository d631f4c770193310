import Foundation
import Testing
import ReviewModel
@testable import WorkbenchCore

/// Issue 15, items 1, 2 and 8: where the analyst left off comes back; notes are found; the
/// search is echoed as typed.
@Suite struct ResumeAndNotesTests {
    @Test func theResumePointBringsBackFilterSearchSortSelectionMarksAndTheWideList() throws {
        var state = Screens.state(width: 100, height: 30)
        Screens.press([.char("s")] + Screens.type("france") + [.enter, .char("f")] + Screens.type("text:ratify or text:moratorium") + [.enter], &state)
        Screens.press([.char("/")] + Screens.type("Moratorium") + [.enter, .char(" "), .char("o"), .char("w")], &state)
        let data = try JSONEncoder().encode(ResumePoint(state))

        var reopened = Screens.state(width: 100, height: 30)
        let problems = try JSONDecoder().decode(ResumePoint.self, from: data).apply(to: &reopened)
        #expect(problems.isEmpty)
        #expect(ResumePoint(reopened) == ResumePoint(state))
        #expect(reopened.filter.summary == state.filter.summary && reopened.visible == state.visible && reopened.cursor == state.cursor)
        #expect(!state.marked.isEmpty && state.sort == .state && state.detailHidden && state.searchText == "Moratorium")
        state.message = nil
        reopened.message = nil
        #expect(Render.screen(reopened).dump() == Render.screen(state).dump(), "the same screen")
    }

    @Test func whatNoLongerAppliesIsLeftOutAndSaid() {
        var point = ResumePoint(Screens.state())
        point.filter = "state:Atlantis"
        point.selected = "999.9"
        var state = Screens.state()
        let problems = point.apply(to: &state)
        #expect(problems.count == 2, "\(problems)")
        #expect(state.filter.isEmpty && state.cursor == 0)
    }

    @Test func theFileIsBesideTheLedgerPerAnalystAndABadOneIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("upr-ledger.json")
        let url = ResumeFile.url(forLedger: ledger, analyst: "nguyễn/lan")
        #expect(url.lastPathComponent == "upr-ledger.json.nguy_n_lan.resume")
        #expect(try ResumeFile.load(url) == nil)
        let point = ResumePoint(Screens.state())
        try ResumeFile.save(point, to: url)
        #expect(try ResumeFile.load(url) == point)
        try Data("{ not json".utf8).write(to: url)
        #expect(throws: ResumeFileError.self) { try ResumeFile.load(url) }
        // Beside a private ledger it is private: it holds filter and search words.
        try Data("{}".utf8).write(to: ledger)
        chmod(ledger.path, 0o600)
        try FileManager.default.removeItem(at: url)
        try ResumeFile.save(point, to: url, ledger: ledger)
        #expect((try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) == 0o600)
    }

    static func withNote() -> WorkbenchState {
        var state = Screens.state(width: 100, height: 30)
        Screens.press([.char("j"), .char("j"), .char("e")] + Screens.type("Bộ Tư pháp đề nghị xem xét") + [.enter, .char("g")], &state)
        return state
    }

    @Test func slashFindsANoteAndSaysWhichMatch() {
        var state = Self.withNote()
        Screens.press([.char("/")] + Screens.type("tu phap") + [.enter], &state)
        #expect(state.selected?.id == "140.3")
        #expect(state.message?.text == "“tu phap”: match 1 of 1 in view")
        #expect(Render.screen(state).dump().contains("“tu phap” match 1 of 1"), "the status line says which match")
    }

    @Test func textAndNoteFindNotesAndHasNoteStays() {
        var state = Self.withNote()
        Screens.press([.char("f")] + Screens.type("text:\"tu phap\"") + [.enter], &state)
        #expect(state.visible == [2])
        Screens.press([.escape, .char("f")] + Screens.type("note:PHÁP") + [.enter], &state)
        #expect(state.visible == [2])
        Screens.press([.escape, .char("f")] + Screens.type("note:moratorium") + [.enter], &state)
        #expect(state.visible.isEmpty, "note: looks at notes only, not at the text")
        Screens.press([.escape, .char("f")] + Screens.type("has:note") + [.enter], &state)
        #expect(state.visible == [2])
    }

    @Test func notesWrittenOrUndoneAfterASearchAreFoundAsTheyNowAre() {
        var state = Self.withNote()
        Screens.press([.char("/")] + Screens.type("tu phap") + [.enter], &state)
        Screens.press([.char("G"), .char("e")] + Screens.type("Tư pháp again") + [.enter, .char("n")], &state)
        #expect(state.message?.text == "“tu phap”: match 1 of 2 in view", "a note written since the search is found by n")
        Screens.press([.char("u"), .char("u"), .char("f")] + Screens.type("note:phap") + [.enter], &state)
        #expect(state.visible.isEmpty, "both notes undone: none found")
    }

    @Test func aRowWithANoteCarriesAMark() {
        let dump = Render.screen(Self.withNote()).dump().split(separator: "\n")
        #expect(dump[3].hasPrefix(" 140.3 ·✎ France"), "\(dump[3])")
        #expect(dump[1].hasPrefix(" 140.1 ·  Chile"))
    }

    @Test func theSearchIsEchoedAsTyped() {
        var state = Screens.state()
        Screens.press([.char("/")] + Screens.type("Hà Nội") + [.enter], &state)
        #expect(state.message?.text == "No match for “Hà Nội” in view")
        Screens.press([.char("/")] + Screens.type("Côte") + [.enter], &state)
        #expect(state.message?.text == "“Côte”: match 1 of 1 in view")
    }
}
