import Foundation
import Testing
import ReviewModel
@testable import WorkbenchCore

/// The implementation view (`P`): supported recommendations with status, lead, next due action
/// and overdue marks; `p`, `l`, `:action`; statistics of progress; triage untouched.
@Suite struct PlanViewTests {
    static func supportedState() -> WorkbenchState {
        var state = Screens.state(width: 150, height: 30)
        state.today = "2026-12-01"
        // 140.1 and 140.2 accepted, 140.3 rejected.
        Screens.press([.char("a"), .char("a"), .char("r")], &state)
        return state
    }

    @Test func theViewListsTheSupportedWithStatusLeadNextActionAndOverdue() {
        var state = Self.supportedState()
        #expect(Screens.press([.char("P")], &state) == [])
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.1", "140.2"])
        Screens.press([.char("g")], &state)
        #expect(Screens.press([.char(":")] + Screens.type("action add Draft the law due:2026-06-30 lead:\"Ministry of Justice\"") + [.enter], &state) == [.save])
        #expect(Screens.press([.char(":")] + Screens.type("action add Train judges due:2027-03-01") + [.enter], &state) == [.save])
        let dump = Render.screen(state).dump()
        #expect(dump.contains("OVERDUE"), "\(dump)")
        #expect(dump.contains("next: 2026-06-30 Draft the law"), "\(dump)")
        #expect(dump.contains("Ministry of Justice"))
        #expect(dump.contains("no actions yet"), "140.2 has none")
        #expect(dump.contains("PLAN: 2 supported, 1 overdue (P leaves)"), "the status line says where the analyst is")
        #expect(dump.contains("[ ] 1. Draft the law — due 2026-06-30"), "the detail pane lists the actions: \(dump)")
        #expect(Screens.press([.char(":")] + Screens.type("action done 1") + [.enter], &state) == [.save])
        let after = Render.screen(state).dump()
        #expect(!after.contains("OVERDUE"), "\(after)")
        #expect(after.contains("next: 2027-03-01 Train judges"))
        // A wrong number is said above the prompt; nothing changes.
        let history = state.ledger.history.count
        #expect(Screens.press([.char(":")] + Screens.type("action done 7") + [.enter], &state) == [])
        guard case .prompt(let prompt) = state.mode else { Issue.record("the prompt stays with the error"); return }
        #expect(prompt.note == "140.1 has no action 7; its actions are 1-2.")
        #expect(state.ledger.history.count == history)
        Screens.press([.escape, .char("P")], &state)
        #expect(state.visible.count == 6, "P again: the whole triage list")
    }

    @Test func pMovesTheStatusOnAndLWritesAProgressNoteEachUndoneLikeADecision() {
        var state = Self.supportedState()
        Screens.press([.char("P"), .char("g")], &state)
        #expect(Screens.press([.char("p")], &state) == [.save])
        #expect(state.ledger.implementation(of: "140.1")?.status == .inProgress)
        Screens.press([.char("p")], &state)
        #expect(state.ledger.implementation(of: "140.1")?.status == .partiallyImplemented)
        #expect(state.message?.text == "140.1: partially implemented")
        #expect(Screens.press([.char("l")] + Screens.type("Decree signed") + [.enter], &state) == [.save])
        let plan = state.ledger.implementation(of: "140.1")
        #expect(plan?.progress.map(\.text) == ["Decree signed"])
        #expect(plan?.progress.first?.author == "lan")
        #expect(state.ledger.record(for: "140.1")?.note == "", "the analyst's own note is untouched")
        #expect(Render.screen(state).dump().contains("Progress, "))
        Screens.press([.char("u")], &state)
        #expect(state.ledger.implementation(of: "140.1")?.progress == [])
        Screens.press([.char("u"), .char("u")], &state)
        #expect(state.ledger.implementation(of: "140.1") == nil)
        #expect(state.ledger.status(of: "140.1") == .accepted)
    }

    @Test func onlySupportedRecommendationsArePlanned() {
        var state = Self.supportedState()
        Screens.press([.char("g"), .char("j"), .char("j")], &state)  // 140.3, rejected, in the triage list
        #expect(Screens.press([.char("p")], &state) == [])
        #expect(state.message?.isError == true)
        #expect(Screens.press([.char("l")], &state) == [])
        #expect(state.mode == .browse)
        #expect(state.ledger.implementation(of: "140.3") == nil)
    }

    @Test func statisticsCountByStatusMinistryAndThemeOnlyWhereThereIsAPlan() {
        var state = Self.supportedState()
        let triage = StatisticsScreen.lines(state, width: 90).map(\.0)
        #expect(!triage.contains { $0.contains("Implementation of") }, "a triage ledger's statistics as before")
        Screens.press([.char("P"), .char("g"), .char("p"), .char("p"), .char("p")], &state)
        let lines = StatisticsScreen.lines(state, width: 90).map(\.0)
        #expect(lines.contains("Implementation of the 2 supported"))
        #expect(lines.contains { $0.hasPrefix("fully implemented") && $0.hasSuffix(" 50.0% 1") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("By lead ministry") })
        #expect(lines.contains { $0.hasPrefix("International instruments") && $0.hasSuffix("1 of 2") }, "\(lines)")
    }

    @Test func theDetailPaneSaysWhatTheEarlierCycleImplemented() throws {
        var earlier = Screens.ledger()
        try earlier.decide("140.1", .accepted, by: "lan", at: Screens.now)
        try earlier.setImplementationStatus("140.1", .partiallyImplemented, note: "Half the prisons visited", by: "lan", at: Screens.now)
        var ledger = Screens.ledger()
        ledger.reference = ReferenceRecommendation.records(of: earlier, symbol: "A/HRC/41/7")
        var state = WorkbenchState(ledger: ledger, analyst: "lan", ledgerName: "t.json", size: Size(width: 120, height: 30))
        state.timeZone = TimeZone(identifier: "UTC")!
        let dump = Render.screen(state).dump()
        #expect(dump.contains("Earlier: supported in A/HRC/41/7, 140.1"), "\(dump)")
        #expect(dump.contains("Then partially implemented: Half the prisons"), "\(dump)")
        Screens.press([.char("f")] + Screens.type("was:partial") + [.enter], &state)
        // 140.2 (Consider ratifying OPCAT) is the same ask as the earlier 140.1.
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.1", "140.2"])
        Screens.press([.escape, .char("f")] + Screens.type("was:full") + [.enter], &state)
        #expect(state.visible.isEmpty)
    }

    @Test func consultationCommentsShowApartFromTheNote() throws {
        var state = Self.supportedState()
        Screens.press([.char("g"), .char("e")] + Screens.type("Our own reasons") + [.enter], &state)
        var ledger = state.ledger
        try ledger.addComments([("140.1", ConsultationComment(organization: "Viet Nam Lawyers Association", comment: "Visit prisons", date: "2026-03-15", file: "c.csv", line: 2))])
        state = WorkbenchState(ledger: ledger, analyst: "lan", ledgerName: "t.json", size: Size(width: 150, height: 30))
        let dump = Render.screen(state).dump()
        #expect(dump.contains("Consultation, Viet Nam Lawyers Association, 2026-03-15: Visit"), "\(dump)")
        #expect(dump.contains("Note: Our own reasons"))
    }

    @Test func actionWordsTakeDueAndLeadWhereverTheyAre() {
        let words = ActionWords("Draft due:2026-06-30 the law lead:\"Bộ Tư pháp\" now")
        #expect(words.text == "Draft the law now")
        #expect(words.due == "2026-06-30")
        #expect(words.lead == "Bộ Tư pháp")
    }
}
