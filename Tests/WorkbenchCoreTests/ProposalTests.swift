import Foundation
import Testing
import ReviewModel
@testable import WorkbenchCore

@Suite struct ProposalTests {
    @Test func assignMarkedRecommendationsToAMinistryAsOneStep() {
        var state = Screens.state()
        Screens.press([.char(" "), .char(" ")], &state)
        #expect(Screens.press([.char(":")] + Screens.type("assign Ministry of Justice") + [.enter], &state) == [.save])
        #expect(state.ledger.record(for: "140.1")?.ministry == "Ministry of Justice")
        #expect(state.ledger.record(for: "140.2")?.ministry == "Ministry of Justice")
        Screens.press([.char(":")] + Screens.type("assign mini") + [.tab], &state)
        guard case .prompt(let prompt) = state.mode else { Issue.record("no prompt"); return }
        #expect(prompt.field.string == "assign Ministry of Justice", "known ministries complete")
        Screens.press([.escape, .char("f")] + Screens.type("ministry:\"ministry of justice\"") + [.enter], &state)
        #expect(state.visible.count == 2)
    }

    @Test func proposalsAreReviewedAsAMarkedBatchTakenOrRefused() throws {
        var state = Screens.state(width: 100, height: 30)
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        try state.ledger.propose(Proposal(id: "140.2", decision: .accepted, note: "Already law", ministry: "Ministry of Justice", file: "moj.xlsx", line: 3, at: at))
        try state.ledger.propose(Proposal(id: "140.5", decision: .rejected, ministry: "Ministry of Justice", file: "moj.xlsx", line: 6, at: at))
        Screens.press([.char(":")] + Screens.type("proposals") + [.enter], &state)
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.2", "140.5"])
        #expect(state.marked.count == 2)
        let dump = Render.screen(state).dump()
        #expect(dump.contains("PROPOSAL of Ministry of Justice:"), "\(dump)")
        #expect(dump.contains("accepted — Already law"))
        #expect(dump.contains("2 proposals"))
        Screens.press([.char(" ")], &state)  // unmark 140.2: refuse it alone later
        #expect(Screens.press([.char("t")], &state) == [.saveAll])
        #expect(state.ledger.status(of: "140.5") == .rejected)
        #expect(state.ledger.history(of: "140.5").last?.source == "proposal of Ministry of Justice (moj.xlsx:6)")
        #expect(state.ledger.proposals.keys.sorted() == ["140.2"])
        Screens.press([.char("g"), .char("X")], &state)
        #expect(state.ledger.proposals.isEmpty)
        #expect(state.ledger.status(of: "140.2") == nil, "a refused proposal decides nothing")
    }
}
