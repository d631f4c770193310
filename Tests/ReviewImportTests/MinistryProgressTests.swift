import XCTest
import ReviewExport
import ReviewModel
@testable import ReviewImport

/// Progress from the ministries: once a plan is begun the ministry workbook carries the
/// implementation columns; the returned sheet becomes proposals (status, actions, progress notes),
/// taken or refused as decisions are; bad cells are named.
final class MinistryProgressTests: XCTestCase {
    let moj = "Ministry of Justice"
    let date = Date(timeIntervalSince1970: 1_800_000_000)
    var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-ministry-progress-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func ledger(planned: Bool) throws -> Ledger {
        var ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/00/0", title: "Test", stateUnderReview: "Viet Nam", cycle: 4), recommendations: [
            Recommendation(id: "140.1", text: "Ratify OPCAT", states: ["Chile"]),
            Recommendation(id: "140.2", text: "Train judges", states: ["France"]),
            Recommendation(id: "140.3", text: "Abolish the death penalty", states: ["Mexico"]),
        ])
        for id in ["140.1", "140.2", "140.3"] { try ledger.assign(id, ministry: moj, by: "lan", at: date) }
        try ledger.decide("140.1", .accepted, by: "lan", at: date)
        try ledger.decide("140.2", .accepted, by: "lan", at: date)
        try ledger.decide("140.3", .rejected, by: "lan", at: date)
        if planned { try ledger.addAction("140.1", "Draft the law", due: "2026-06-30", by: "lan", at: date) }
        return ledger
    }

    func header(of data: Data) throws -> [String] {
        let url = folder.appendingPathComponent("sheet-\(UUID().uuidString).xlsx")
        try data.write(to: url)
        return try XLSXCells.read(url, file: url.lastPathComponent).sheets[0].rows[0].cells
    }

    func testTheWorkbookGainsTheColumnsOnlyOnceAPlanIsBegun() throws {
        XCTAssertEqual(try header(of: try DecisionExport.ministryData(try ledger(planned: false), ministry: moj)), MinistrySheetLayout.columns, "a triage sheet as before")
        let planned = try header(of: try DecisionExport.ministryData(try ledger(planned: true), ministry: moj))
        XCTAssertEqual(planned, MinistrySheetLayout.columns + MinistryProgressColumns.titles)
    }

    func csv(_ ledger: Ledger, _ progress: [String: [String]]) throws -> URL {
        let rows = [MinistrySheetLayout.columns + MinistryProgressColumns.titles] + ["140.1", "140.2", "140.3"].map { id -> [String] in
            let text = ledger.recommendation(id)!.text
            return [id, ledger.recommendation(id)!.states.joined(separator: "; "), text, ledger.status(of: id)!.label, "", "",
                    MinistrySheetLayout.checksum(id: id, text: text), "", ""] + (progress[id] ?? ["", "", "", "", ""])
        }
        let text = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        let url = folder.appendingPathComponent("moj-progress.csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    func testAReturnedSheetBecomesProgressProposalsTakenLikeDecisions() throws {
        var ledger = try ledger(planned: true)
        let url = try csv(ledger, [
            "140.1": ["in progress", "Draft sent to the Assembly", "Publish the law", "2027-01-31", "1"],
            "140.2": ["", "Training planned", "", "", ""],
        ])
        let result = try MinistrySheetImport.read(url, ledger: ledger, at: date)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.proposals.map(\.id), ["140.1", "140.2"])
        XCTAssertEqual(result.proposals[0].progress, ProgressProposal(status: .inProgress, note: "Draft sent to the Assembly", action: "Publish the law", due: "2027-01-31", done: [1]))
        for proposal in result.proposals { try ledger.propose(proposal) }
        try ledger.takeProposal("140.1", by: "lan", at: date)
        let plan = try XCTUnwrap(ledger.implementation(of: "140.1"))
        XCTAssertEqual(plan.status, .inProgress)
        XCTAssertEqual(plan.actions.map(\.done), [true, false])
        XCTAssertEqual(plan.actions.last, ImplementationAction(text: "Publish the law", due: "2027-01-31", lead: moj))
        XCTAssertEqual(plan.progress.first?.author, moj)
        XCTAssertEqual(plan.progress.first?.source, "proposal of Ministry of Justice (moj-progress.csv:2)")
        XCTAssertEqual(ledger.history(of: "140.1").last?.source, "proposal of Ministry of Justice (moj-progress.csv:2)")
        ledger.refuseProposal("140.2")
        XCTAssertNil(ledger.implementation(of: "140.2"), "refused: nothing")
        try ledger.undo(by: "lan", at: date)
        XCTAssertEqual(ledger.implementation(of: "140.1")?.actions.count, 1, "undone like a decision")
    }

    func testBadCellsAreNamedAndGiveNoProposal() throws {
        let ledger = try ledger(planned: true)
        let url = try csv(ledger, [
            "140.1": ["finished", "", "", "2027-02-30", "3"],
            "140.3": ["in progress", "", "", "", ""],
        ])
        let result = try MinistrySheetImport.read(url, ledger: ledger, at: date)
        XCTAssertEqual(result.proposals, [])
        let messages = result.problems.map(\.description)
        XCTAssertTrue(messages.contains { $0.hasPrefix("moj-progress.csv:2: 'finished' in column Proposed status is not a status") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'2027-02-30'") && $0.contains("is not a day") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'3'") && $0.contains("(1-1)") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("moj-progress.csv:4: progress reported on 140.3, which is not supported") }, "\(messages)")
    }
}
