import Foundation
import Testing
import ReviewModel
@testable import WorkbenchCore

/// Issue 15, item 7: one import, one take of proposals, one `:cluster` are one undo step each;
/// the history names the source; a note edit reads as one; times in the local zone, ISO dates.
@Suite struct HistoryInTheWorkbenchTests {
    @Test func anImportOfPublishedPositionsIsUndoneInOneStepAndNamesItsDocument() throws {
        var state = Screens.state(width: 200, height: 40)
        let group = state.ledger.nextGroup
        for id in ["140.1", "140.2", "140.3", "140.4", "140.5"] {
            try state.ledger.applyPosition(id, id == "140.3" ? .rejected : .accepted, implemented: false,
                                           source: "published position in A_HRC_00_0_Add1.txt", by: "lan", at: Screens.now, group: group)
        }
        let dump = Render.screen(state).dump()
        #expect(dump.contains("Decided by lan, 2026-09-21 14:13 +00 (from published position in A_HRC_00_0_Add1.txt)"), "\(dump)")
        let words = dump.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("lan: undecided → accepted (from published position in A_HRC_00_0_Add1.txt)"), "the history names the document")
        #expect(Screens.press([.char("u")], &state) == [.save])
        #expect(state.ledger.counts.undecided == 6, "one u undoes the whole import")
        #expect(state.message?.text == "Undid the change to 5 recommendations")
    }

    @Test func takingProposalsAndClusteringAreOneStepEach() throws {
        var state = Screens.state()
        for id in ["140.2", "140.5"] {
            try state.ledger.propose(Proposal(id: id, decision: .accepted, ministry: "Ministry of Justice", file: "moj.xlsx", line: 3, at: Screens.now))
        }
        Screens.press([.char(":")] + Screens.type("proposals") + [.enter, .char(":")] + Screens.type("take") + [.enter], &state)
        #expect(state.ledger.counts.accepted == 2)
        Screens.press([.escape, .char("u")], &state)
        #expect(state.ledger.counts.accepted == 0)
        state.search.index.clusters = ClusterMap(clusters: [[0, 1, 2]], count: 6)
        Screens.press([.char("g"), .char(":")] + Screens.type("cluster reject") + [.enter], &state)
        #expect(state.ledger.counts.rejected == 3)
        Screens.press([.char("u")], &state)
        #expect(state.ledger.counts.rejected == 0)
    }

    @Test func aNoteEditIsShownAsANoteEditNotAsADecision() {
        var state = Screens.state(width: 200, height: 40)
        Screens.press([.char("e")] + Screens.type("Bộ Tư pháp đề nghị xem xét") + [.enter], &state)
        let dump = Render.screen(state).dump()
        #expect(!dump.contains("Decided by"), "\(dump)")
        #expect(dump.contains("Note by lan, 2026-09-21 14:13 +00"))
        #expect(dump.contains("lan: note edited: “Bộ Tư pháp đề nghị xem xét”"))
        let change = state.ledger.history(of: "140.1").last!
        #expect(ChangeDescription.isNoteOnly(change))
    }

    @Test func timesAreLocalWithAnISODateAndTheOffset() {
        let at = Timestamp.parse("2026-12-01T14:37:05Z")!
        #expect(LocalTime.format(at, in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!) == "2026-12-01 21:37 +07")
        #expect(LocalTime.format(at, in: TimeZone(identifier: "UTC")!) == "2026-12-01 14:37 +00")
        #expect(LocalTime.format(at, in: TimeZone(identifier: "Asia/Kolkata")!) == "2026-12-01 20:07 +05:30")
        #expect(LocalTime.format(at, in: TimeZone(identifier: "America/New_York")!) == "2026-12-01 09:37 -05")
        #expect(LocalTime.format(Timestamp.parse("2026-12-31T20:00:00Z")!, in: TimeZone(identifier: "Asia/Tokyo")!) == "2027-01-01 05:00 +09")
        var state = Screens.state(width: 100, height: 40)
        state.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        Screens.press([.char("a"), .char("k")], &state)
        #expect(Render.screen(state).dump().contains("Decided by lan, 2026-09-21 21:13 +07"))
        #expect(state.ledger.record(for: "140.1")?.at == Timestamp.wholeSeconds(Screens.now), "stored as it was, in UTC")
    }
}
