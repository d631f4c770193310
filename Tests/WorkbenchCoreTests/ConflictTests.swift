import Foundation
import Testing
import ReviewModel
@testable import WorkbenchCore

@Suite struct ConflictTests {
    @Test func conflictsAreFilteredShownSideBySideAndResolved() throws {
        var state = Screens.state(width: 110, height: 30)
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let base = state.ledger
        var ours = base, theirs = base
        try ours.decide("140.2", .accepted, by: "lan", at: at)
        try theirs.decide("140.2", .rejected, by: "minh", at: at + 5)
        try theirs.decide("140.5", .rejected, by: "minh", at: at + 6)
        try ours.decide("140.5", .underConsideration, by: "lan", at: at + 7)
        state.ledger = try LedgerMerge.merge(base: base, ours: ours, theirs: theirs, oursLabel: "HEAD", theirsLabel: "minh-branch").ledger
        Screens.press([.char(":")] + Screens.type("conflicts") + [.enter], &state)
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.2", "140.5"])
        var filtered = state
        Screens.press([.escape, .char("f")] + Screens.type("-has:conflict") + [.enter], &filtered)
        #expect(filtered.visible.count == filtered.ledger.recommendations.count - 2, "has:conflict is in the filter language")
        let dump = Render.screen(state).dump()
        #expect(dump.contains("MERGE CONFLICT"), "\(dump)")
        #expect(dump.contains("HEAD: accepted by lan"), "\(dump)")
        #expect(dump.contains("minh-branch: rejected by minh"), "\(dump)")
        #expect(Screens.press([.char(":")] + Screens.type("theirs") + [.enter], &state) == [.saveAll])
        #expect(state.ledger.status(of: "140.2") == .rejected)
        #expect(state.ledger.history(of: "140.2").last?.source == "merge conflict resolved: took theirs (minh-branch), decided by minh")
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.5"], "the filter still holds")
        #expect(Screens.press([.char(":")] + Screens.type("ours") + [.enter], &state) == [.saveAll])
        #expect(state.ledger.status(of: "140.5") == .underConsideration)
        #expect(state.ledger.conflicts.isEmpty)
        #expect(Screens.press([.char(":")] + Screens.type("ours") + [.enter], &state) == [])
    }
}

@Suite struct ConflictKeyTests {
    @Test func oneKeyTakesEitherSideOrTheDecisionAsItNowStands() throws {
        var state = Screens.state(width: 110, height: 30)
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let base = state.ledger
        var ours = base, theirs = base
        for id in ["140.1", "140.2", "140.3"] {
            try ours.decide(id, .accepted, by: "lan", at: at)
            try theirs.decide(id, .rejected, by: "minh", at: at + 5)
        }
        state.ledger = try LedgerMerge.merge(base: base, ours: ours, theirs: theirs, oursLabel: "HEAD", theirsLabel: "minh").ledger
        #expect(Screens.press([.char("<")], &state) == [.saveAll])
        #expect(state.ledger.status(of: "140.1") == .accepted)
        Screens.press([.char("j"), .char(">")], &state)
        #expect(state.ledger.status(of: "140.2") == .rejected)
        Screens.press([.char("j"), .char("c")], &state)  // a third way: decide anew, then keep it
        Screens.press([.char("k"), .char(":")] + Screens.type("keep") + [.enter], &state)
        #expect(state.ledger.status(of: "140.3") == .underConsideration)
        #expect(state.ledger.conflicts.isEmpty)
    }
}
