import Foundation
import XCTest
@testable import ReviewModel

/// Assignment of recommendations to line ministries, and the proposals they send back.
final class MinistryTests: XCTestCase {
    let moj = "Ministry of Justice"
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    private func ledger() throws -> Ledger { try FilterFixture.ledger() }

    func testAssignIsAChangeThatKeepsTheRestAndIsKeptByDecisions() throws {
        var ledger = try ledger()
        let before = ledger.record(for: "140.3")!
        let event = try XCTUnwrap(try ledger.assign("140.3", ministry: "  \(moj) ", by: "lan", at: t0))
        XCTAssertEqual(event.after?.ministry, moj, "trimmed")
        XCTAssertEqual(event.after?.decision, before.decision)
        XCTAssertEqual(event.after?.note, before.note)
        XCTAssertEqual(event.summary, "rejected (assigned to Ministry of Justice)")
        XCTAssertNil(try ledger.assign("140.3", ministry: moj, by: "lan", at: t0), "nothing changed")
        try ledger.decide("140.3", .accepted, by: "minh", at: t0)
        try ledger.annotate("140.3", note: "new", by: "minh", at: t0)
        try ledger.markImplemented("140.3", true, by: "minh", at: t0)
        XCTAssertEqual(ledger.record(for: "140.3")?.ministry, moj)
        // An assignment alone is a record (not empty), with no decision.
        try ledger.assign("140.20", ministry: "MOFA", by: "lan", at: t0)
        XCTAssertNil(ledger.status(of: "140.20"))
        XCTAssertEqual(ledger.ministries, ["Ministry of Justice", "MOFA"])
        XCTAssertEqual(ledger.ids(assignedTo: moj), ["140.3"])
        try ledger.assign("140.20", ministry: nil, by: "lan", at: t0)
        XCTAssertNil(ledger.record(for: "140.20"), "an empty record is removed")
        XCTAssertThrowsError(try ledger.assign("999", ministry: moj, by: "lan", at: t0))
    }

    func testUndoAndRedoCoverAssignment() throws {
        var ledger = try ledger()
        let group = ledger.nextGroup
        try ledger.assign("140.1", ministry: moj, by: "lan", at: t0, group: group)
        try ledger.assign("140.2", ministry: moj, by: "lan", at: t0, group: group)
        XCTAssertEqual(try ledger.undo(by: "lan", at: t0), ["140.1", "140.2"])
        XCTAssertNil(ledger.record(for: "140.1")?.ministry)
        XCTAssertEqual(ledger.record(for: "140.1")?.decision, .accepted)
        XCTAssertNil(ledger.record(for: "140.2"))
        try ledger.redo(by: "lan", at: t0)
        XCTAssertEqual(ledger.ids(assignedTo: moj), ["140.1", "140.2"])
    }

    func testFilterByMinistry() throws {
        var ledger = try ledger()
        try ledger.assign("140.2", ministry: "Ministry of Justice", by: "lan", at: t0)
        try ledger.assign("140.10", ministry: "Bộ Tư pháp", by: "lan", at: t0)
        let states = try StateDirectory.bundled()
        let index = SearchIndex(ledger, states: states)
        func ids(_ text: String) throws -> [String] {
            let query = try FilterQuery.parse(text, states: states)
            let positions = query.positions(in: ledger, index: index)
            XCTAssertEqual(positions, ledger.recommendations.indices.filter { query.matches($0, in: ledger, index: index) }, text)
            return positions.map { ledger.recommendations[$0].id }
        }
        XCTAssertEqual(try FilterQuery.parse("ministry:\"Ministry of Justice\"", states: states), .term(.ministry("ministry of justice")))
        XCTAssertEqual(try FilterQuery.parse("ministry:none", states: states), .term(.ministry(nil)))
        XCTAssertEqual(try ids("ministry:\"ministry of JUSTICE\""), ["140.2"])
        XCTAssertEqual(try ids("ministry:\"bo tu phap\""), ["140.10"], "folded")
        XCTAssertEqual(try ids("ministry:justice"), [], "a whole name")
        XCTAssertEqual(try ids("ministry:none"), ["140.1", "140.3", "140.4", "140.9", "140.20", "141.1"])
        XCTAssertEqual(try ids("-ministry:none has:note"), ["140.10"])
        for text in ["ministry:none", "ministry:\"ministry of justice\"", "ministry:moj -decision:undecided"] {
            XCTAssertEqual(try FilterQuery.parse(text, states: states).description, text)
        }
    }

    func proposal(_ id: String, _ decision: DecisionStatus?, _ note: String = "", line: Int = 2) -> Proposal {
        Proposal(id: id, decision: decision, note: note, ministry: moj, file: "moj.xlsx", line: line, at: t0)
    }

    func testTakeAppliesTheProposalWithItsSourceAndRemovesIt() throws {
        var ledger = try ledger()
        try ledger.assign("140.2", ministry: moj, by: "lan", at: t0)
        try ledger.propose(proposal("140.2", .rejected, "first", line: 3))
        try ledger.propose(proposal("140.2", .accepted, "Already in the 2015 Penal Code", line: 14))
        XCTAssertEqual(ledger.proposals.count, 1, "a later proposal replaces an earlier one")
        XCTAssertNil(ledger.status(of: "140.2"), "a proposal is no decision")
        let event = try XCTUnwrap(try ledger.takeProposal("140.2", by: "minh", at: t0))
        XCTAssertEqual(event.by, "minh")
        XCTAssertEqual(event.source, "proposal of Ministry of Justice (moj.xlsx:14)")
        XCTAssertEqual(ledger.record(for: "140.2")?.decision, .accepted)
        XCTAssertEqual(ledger.record(for: "140.2")?.note, "Already in the 2015 Penal Code")
        XCTAssertEqual(ledger.record(for: "140.2")?.ministry, moj)
        XCTAssertTrue(ledger.proposals.isEmpty)
        XCTAssertTrue(event.summary.hasSuffix("(from proposal of Ministry of Justice (moj.xlsx:14))"), event.summary)
        XCTAssertNil(try ledger.takeProposal("140.2", by: "minh", at: t0), "nothing left to take")

        // Undo reverts the taken decision (the proposal stays consumed; the history says where it came from).
        XCTAssertEqual(try ledger.undo(by: "minh", at: t0), ["140.2"])
        XCTAssertNil(ledger.status(of: "140.2"))
        XCTAssertEqual(ledger.record(for: "140.2")?.ministry, moj)
        try ledger.redo(by: "minh", at: t0)
        XCTAssertEqual(ledger.status(of: "140.2"), .accepted)

        // A proposal without a decision brings its note only; one without a note keeps the analyst's.
        try ledger.propose(proposal("140.3", nil, "Ask again in 2027"))
        try ledger.takeProposal("140.3", by: "minh", at: t0)
        XCTAssertEqual(ledger.record(for: "140.3")?.decision, .rejected)
        XCTAssertEqual(ledger.record(for: "140.3")?.note, "Ask again in 2027")
        try ledger.propose(proposal("140.3", .underConsideration))
        try ledger.takeProposal("140.3", by: "minh", at: t0)
        XCTAssertEqual(ledger.record(for: "140.3")?.note, "Ask again in 2027")
        XCTAssertEqual(ledger.status(of: "140.3"), .underConsideration)

        try ledger.propose(proposal("140.4", .rejected))
        XCTAssertEqual(ledger.refuseProposal("140.4")?.decision, .rejected)
        XCTAssertEqual(ledger.status(of: "140.4"), .underConsideration, "refusing changes nothing")
        XCTAssertTrue(ledger.proposals.isEmpty)
        XCTAssertThrowsError(try ledger.propose(proposal("999", .accepted)))
    }

    func testJSONRoundTripWithAndWithoutTheNewFields() throws {
        let plain = try ledger()
        let plainData = try LedgerCoding.encode(plain)
        let plainText = String(decoding: plainData, as: UTF8.self)
        XCTAssertFalse(plainText.contains("ministry") || plainText.contains("proposals") || plainText.contains("source"))
        XCTAssertEqual(try LedgerCoding.encode(try LedgerCoding.decode(plainData, path: "x")), plainData, "byte for byte")

        var ledger = plain
        try ledger.assign("140.2", ministry: moj, by: "lan", at: t0)
        try ledger.assign("140.9", ministry: moj, by: "lan", at: t0)
        try ledger.propose(proposal("140.9", .accepted, "yes", line: 3))
        try ledger.propose(proposal("140.2", .rejected, "no", line: 2))
        try ledger.propose(proposal("140.3", .accepted))
        try ledger.takeProposal("140.3", by: "minh", at: t0)
        let data = try LedgerCoding.encode(ledger)
        let text = String(decoding: data, as: UTF8.self)
        let decoded = try LedgerCoding.decode(data, path: "x")
        XCTAssertEqual(decoded, ledger)
        XCTAssertEqual(try LedgerCoding.encode(decoded), data)
        XCTAssertTrue(text.contains("\"schemaVersion\": 3,"))
        XCTAssertTrue(text.contains("\"ministry\":\"Ministry of Justice\""))
        XCTAssertTrue(text.contains("\"source\":\"proposal of Ministry of Justice (moj.xlsx:2)\""))
        let lines = text.split(separator: "\n").map(String.init)
        let start = try XCTUnwrap(lines.firstIndex(of: "  \"proposals\": {"))
        XCTAssertTrue(lines[start + 1].hasPrefix("    \"140.2\": {"), "document order, one a line")
        XCTAssertTrue(lines[start + 2].hasPrefix("    \"140.9\": {"))
        XCTAssertEqual(lines[start + 3], "  }")
        XCTAssertEqual(lines.last, "}")
        // A proposal for an ID the ledger lacks is refused, with the field named.
        let broken = text.replacingOccurrences(of: "\"140.9\": {\"at\"", with: "\"999.9\": {\"at\"")
        XCTAssertThrowsError(try LedgerCoding.decode(Data(broken.utf8), path: "x"))
    }

    func testProposalsSurviveASaveAndReopen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-ministry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ledger.json")
        let seed = try ledger()
        var store = try LedgerStore.open(url, analyst: "lan", seed: { seed }).store
        var ledger = store.saved
        try ledger.assign("140.2", ministry: moj, by: "lan", at: t0)
        try store.record(ledger)
        try ledger.propose(proposal("140.2", .accepted, "ok"))
        try store.save(ledger)
        store.close()
        store = try LedgerStore.open(url, analyst: "lan").store
        XCTAssertEqual(store.saved.proposals["140.2"]?.note, "ok")
        XCTAssertEqual(store.saved.record(for: "140.2")?.ministry, moj)
        store.close()
    }

    func testProposedDecisionSpellings() {
        for word in ["accepted", "Supported", " ACCEPT ", "yes"] { XCTAssertEqual(ProposedDecision.parse(word), .some(.accepted), word) }
        for word in ["rejected", "noted", "Reject", "no"] { XCTAssertEqual(ProposedDecision.parse(word), .some(.rejected), word) }
        for word in ["under consideration", "Under-Consideration", "UC", "consider"] {
            XCTAssertEqual(ProposedDecision.parse(word), .some(.underConsideration), word)
        }
        XCTAssertEqual(ProposedDecision.parse("  "), .some(nil))
        for word in ["acepted", "maybe", "supported?"] { XCTAssertNil(ProposedDecision.parse(word), word) }
    }
}
