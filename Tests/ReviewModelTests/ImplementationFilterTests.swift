import Foundation
import XCTest
@testable import ReviewModel

/// `impl:`, `lead:`, `due:`, `overdue`, `sdg:` over a small plan.
final class ImplementationFilterTests: XCTestCase {
    var states: StateDirectory!
    var ledger: Ledger!
    var index: SearchIndex!

    override func setUpWithError() throws {
        states = try StateDirectory.bundled()
        var ledger = try Ledger(document: Fixtures.document, recommendations: [
            Recommendation(id: "140.1", text: "Ratify OPCAT", states: ["Chile"], sdgs: ["16"]),
            Recommendation(id: "140.2", text: "End torture", states: ["France"]),
            Recommendation(id: "140.3", text: "Abolish the death penalty", states: ["Mexico"]),
            Recommendation(id: "140.4", text: "Poverty reduction", states: ["Brazil"], sdgs: ["1"]),
            Recommendation(id: "140.5", text: "Legal aid", states: ["Germany"]),
        ])
        let at = Fixtures.date
        for id in ["140.1", "140.2", "140.4", "140.5"] { try ledger.decide(id, .accepted, by: "lan", at: at) }
        try ledger.decide("140.3", .rejected, by: "lan", at: at)
        try ledger.setImplementationStatus("140.1", .inProgress, by: "lan", at: at)
        try ledger.addAction("140.1", "Draft the law", due: "2020-06-30", lead: "Ministry of Justice", by: "lan", at: at)
        try ledger.setIndicators("140.1", sdgs: ["16.3", "16.a"], by: "lan", at: at)
        try ledger.setImplementationStatus("140.2", .fullyImplemented, by: "lan", at: at)
        try ledger.addAction("140.2", "Train police", due: "2020-01-01", by: "lan", at: at)
        try ledger.markAction("140.2", 1, by: "lan", at: at)
        try ledger.addAction("140.4", "Build schools", due: "2099-12-31", lead: "Bộ Giáo dục", by: "lan", at: at)
        try ledger.assign("140.5", ministry: "Ministry of Justice", by: "lan", at: at)
        self.ledger = ledger
        index = SearchIndex(ledger, states: states)
    }

    private func ids(_ text: String) throws -> [String] {
        let query = try FilterQuery.parse(text, states: states)
        let bySet = query.positions(in: ledger, index: index).map { ledger.recommendations[$0].id }
        let oneByOne = ledger.recommendations.indices.filter { query.matches($0, in: ledger, index: index) }.map { ledger.recommendations[$0].id }
        XCTAssertEqual(bySet, oneByOne, text)
        // The canonical text reads back as the same filter.
        XCTAssertEqual(try FilterQuery.parse(query.description, states: states), query, text)
        return bySet
    }

    func testEachTerm() throws {
        XCTAssertEqual(try ids("impl:in-progress"), ["140.1"])
        XCTAssertEqual(try ids("impl:full"), ["140.2"])
        XCTAssertEqual(try ids("impl:none"), ["140.4", "140.5"], "supported, no status yet; the rejected one is not in a plan")
        XCTAssertEqual(try ids("impl:any"), ["140.1", "140.2"])
        XCTAssertEqual(try ids("lead:\"ministry of justice\""), ["140.1", "140.5"], "the plan's lead, else the assigned ministry")
        XCTAssertEqual(try ids("lead:\"Bo Giao duc\""), ["140.4"])
        XCTAssertEqual(try ids("lead:none"), ["140.2"])
        XCTAssertEqual(try ids("due:<2021-01-01"), ["140.1"], "a done action is not due")
        XCTAssertEqual(try ids("due:>=2021-01-01"), ["140.4"])
        XCTAssertEqual(try ids("overdue"), ["140.1"])
        XCTAssertEqual(try ids("-overdue impl:none"), ["140.4", "140.5"])
        XCTAssertEqual(try ids("\"overdue\""), [], "quoted, it is text")
        XCTAssertEqual(try ids("sdg:16.3"), ["140.1"])
        XCTAssertEqual(try ids("sdg:16"), ["140.1"])
        XCTAssertEqual(try ids("sdg:1"), ["140.4"], "the thematic list's goal where none are entered")
        XCTAssertEqual(try ids("sdg:16.5"), [])
    }

    func testBadValuesSayWhatIsExpected() {
        for (text, message) in [("impl:finished", "unknown implementation status"), ("due:<2026-02-30", "expected a day"),
                                ("due:soon", "expected a day"), ("sdg:18", "expected an SDG goal"), ("sdg:16.3.1", "expected an SDG goal")] {
            XCTAssertThrowsError(try FilterQuery.parse(text, states: states), text) { error in
                XCTAssertTrue("\(error)".contains(message), "\(text): \(error)")
            }
        }
    }

    func testToday() {
        let noonUTC = Timestamp.parse("2026-12-01T20:00:00Z")!
        XCTAssertEqual(ImplementationTerm.today(noonUTC, zone: TimeZone(secondsFromGMT: 7 * 3600)!), "2026-12-02")
        XCTAssertEqual(ImplementationTerm.today(noonUTC, zone: TimeZone(secondsFromGMT: 0)!), "2026-12-01")
    }
}
