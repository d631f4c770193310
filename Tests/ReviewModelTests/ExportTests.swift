import XCTest
@testable import ReviewModel

final class ExportTests: XCTestCase {
    func decidedLedger() throws -> Ledger {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        try ledger.decide("140.2", .accepted, by: "lan", at: Fixtures.date)
        try ledger.decide("140.3", .rejected, by: "lan", at: Fixtures.date)
        try ledger.annotate("140.3", note: "Needs \"Penal Code\" change, later", by: "lan", at: Fixtures.date)
        try ledger.decide("140.4", .underConsideration, by: "minh", at: Fixtures.date)
        try ledger.decide("140.10", .accepted, by: "lan", at: Fixtures.date)
        return ledger
    }

    func testIDsOfOneStatusInDocumentOrder() throws {
        let ledger = try decidedLedger()
        XCTAssertEqual(try DecisionExport.render(ledger, format: .ids, status: .accepted), "140.1\n140.2\n140.10\n")
        XCTAssertEqual(try DecisionExport.render(ledger, format: .ids, status: .undecided), "140.5\n")
        XCTAssertEqual(try DecisionExport.render(ledger, format: .ids).split(separator: "\n").count, 6)
    }

    func testCSVFollowsRFC4180() throws {
        let csv = try DecisionExport.render(try decidedLedger(), format: .csv, status: .rejected)
        XCTAssertEqual(csv, """
            id,states,text,decision,note,decided_by,decided_at\r
            140.3,France,Establish a moratorium on executions,rejected,"Needs ""Penal Code"" change, later",lan,2026-09-21T14:13:20Z\r

            """)
        let all = try DecisionExport.render(try decidedLedger(), format: .csv)
        XCTAssertTrue(all.contains("140.1,Chile; France,"))
        XCTAssertTrue(all.contains("\"Strengthen \"\"legal aid\"\", for all\""))
    }

    func testJSONExportIsReadable() throws {
        let json = try DecisionExport.render(try decidedLedger(), format: .json, status: .accepted)
        let items = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        XCTAssertEqual(items?.map { $0["id"] as? String }, ["140.1", "140.2", "140.10"])
        XCTAssertEqual(items?.first?["decision"] as? String, "accepted")
        XCTAssertEqual(items?.first?["states"] as? [String], ["Chile", "France"])
    }

    func testAddendumListsSupportedNotedAndWhatIsOpen() throws {
        let text = try DecisionExport.render(try decidedLedger(), format: .addendum)
        XCTAssertTrue(text.contains("Supported (3): 140.1-2, 10"), text)
        XCTAssertTrue(text.contains("Noted (1): 140.3"), text)
        XCTAssertTrue(text.contains("STILL OPEN: 2 recommendations"), text)
        XCTAssertTrue(text.contains("Under consideration (1): 140.4"), text)
        XCTAssertTrue(text.contains("Undecided (1): 140.5"), text)
    }

    func testRangesAreWrittenAsAddendaWriteThem() {
        XCTAssertEqual(IDRanges.compress(["140.1", "140.2", "140.3", "140.4", "140.5", "140.6"]), "140.1-6")
        XCTAssertEqual(IDRanges.compress(["140.1", "140.2", "140.9", "140.12", "140.13", "141.2"]), "140.1-2, 9, 12-13, 141.2")
        XCTAssertEqual(IDRanges.compress(["140.120", "140.209"]), "140.120, 209")
        XCTAssertEqual(IDRanges.compress([]), "none")
    }

    func testFilterMatchesCoRecommendersAndFoldsAccents() throws {
        let ledger = try decidedLedger()
        XCTAssertEqual(RecommendationFilter(state: "France").positions(in: ledger), [0, 2])
        XCTAssertEqual(RecommendationFilter(state: "France", status: .rejected).positions(in: ledger), [2])
        XCTAssertEqual(TextFolding.fold("Việt Nam"), "viet nam")
        XCTAssertEqual(TextFolding.fold("Côte d'Ivoire"), "cote d'ivoire")
        XCTAssertEqual(TextFolding.fold("Đà Nẵng"), "da nang")
    }
}
