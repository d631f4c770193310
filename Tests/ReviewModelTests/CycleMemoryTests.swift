import Foundation
import XCTest
@testable import ReviewModel

/// The earlier cycle kept as the ledger's reference, and the closest earlier ask of each recommendation.
final class CycleMemoryTests: XCTestCase {
    func ledger(_ texts: [String], reference: [ReferenceRecommendation] = []) throws -> Ledger {
        var ledger = try Ledger(
            document: DocumentInfo(symbol: "A/HRC/56/9", title: "Report", stateUnderReview: "Viet Nam"),
            recommendations: texts.enumerated().map { Recommendation(id: "140.\($0.offset + 1)", text: $0.element, states: ["France"]) })
        ledger.reference = reference
        return ledger
    }

    let earlier = [
        ReferenceRecommendation(id: "143.12", text: "Ratify the Convention against Torture (CAT)", states: ["Gabon", "Mali"], position: .noted, symbol: "A/HRC/26/6 (2014)"),
        ReferenceRecommendation(id: "143.40", text: "Abolish the death penalty and establish a moratorium on executions", states: ["Spain"], position: .supported, symbol: "A/HRC/26/6 (2014)"),
        ReferenceRecommendation(id: "143.41", text: "Ratify the International Covenant on Civil and Political Rights", states: ["Chile"], position: nil, symbol: "A/HRC/26/6 (2014)"),
    ]

    func testReferenceRoundTripsOnePerLineAndDecodesBack() throws {
        let ledger = try ledger(["Ratify CAT promptly"], reference: earlier)
        let data = try LedgerCoding.encode(ledger)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\n  \"reference\": [\n    {"), text)
        // One earlier recommendation per line; the position absent where unknown.
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("    {\"id\":\"143.") }
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].contains("\"position\":\"noted\""))
        XCTAssertFalse(lines[2].contains("position"))
        let back = try LedgerCoding.decode(data, path: "x.json")
        XCTAssertEqual(back.reference, earlier)
        XCTAssertEqual(back, ledger)
        XCTAssertEqual(try LedgerCoding.encode(back), data)
    }

    func testLedgersWithoutReferenceAreWrittenAsBefore() throws {
        let plain = try ledger(["Ratify CAT promptly"])
        let text = String(decoding: try LedgerCoding.encode(plain), as: UTF8.self)
        XCTAssertFalse(text.contains("reference"))
        XCTAssertTrue(text.hasSuffix("  \"history\": [\n  ]\n}\n"), text)
        XCTAssertEqual(try LedgerCoding.decode(Data(text.utf8), path: "x.json").reference, [])
    }

    func testTheSameAskRewordedFindsItsEarlierOneAndOthersDoNot() throws {
        let ledger = try ledger([
            "Take prompt steps to ratify the Convention against Torture",
            "Impose a moratorium on executions with a view to abolishing the death penalty",
            "Ratify the Convention on the Rights of Persons with Disabilities",
            "Improve access to clean water in rural areas",
        ], reference: earlier)
        let memory = CycleMemory(ledger)
        XCTAssertEqual(memory.earlier(at: 0)?.0.id, "143.12")
        XCTAssertEqual(memory.earlier(at: 1)?.0.id, "143.40")
        // "Ratify" is shared with 143.12 and 143.41, but the treaties differ.
        XCTAssertNil(memory.earlier(at: 2))
        XCTAssertNil(memory.earlier(at: 3))
        XCTAssertEqual(memory.matchedCount, 2)
        let similarity = try XCTUnwrap(ledger.earlier(of: "140.1")?.similarity)
        XCTAssertGreaterThanOrEqual(similarity, CycleMemorySettings.standard.threshold)
        XCTAssertLessThanOrEqual(similarity, 1.0001)
        XCTAssertNil(ledger.earlier(of: "140.4"))
        // A stricter threshold drops the reworded asks.
        XCTAssertNil(CycleMemory(ledger, settings: CycleMemorySettings(threshold: 0.99)).earlier(at: 1))
        XCTAssertNil(try self.ledger(["Ratify CAT"]).earlier(of: "140.1"))
    }

    func testHasEarlierAndWasSupportedFilters() throws {
        var ledger = try ledger([
            "Take prompt steps to ratify the Convention against Torture",
            "Impose a moratorium on executions with a view to abolishing the death penalty",
            "Improve access to clean water in rural areas",
        ], reference: earlier)
        var index = SearchIndex(ledger)
        index.memory = CycleMemory(ledger)
        let states = try StateDirectory.bundled()
        func ids(_ filter: String) throws -> [String] {
            let query = try FilterQuery.parse(filter, states: states)
            let positions = query.positions(in: ledger, index: index)
            XCTAssertEqual(positions, ledger.recommendations.indices.filter { query.matches($0, in: ledger, index: index) }, filter)
            XCTAssertEqual(try FilterQuery.parse(query.description, states: states), query)
            return positions.map { ledger.recommendations[$0].id }
        }
        XCTAssertEqual(try ids("has:earlier"), ["140.1", "140.2"])
        XCTAssertEqual(try ids("has:recurring"), ["140.1", "140.2"])
        XCTAssertEqual(try ids("-has:earlier"), ["140.3"])
        XCTAssertEqual(try ids("was:supported"), ["140.2"])
        try ledger.decide("140.2", .accepted, by: "a", at: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(try ids("was:supported"), [])
        try ledger.decide("140.2", .rejected, by: "a", at: Date(timeIntervalSince1970: 1))
        XCTAssertEqual(try ids("was:supported"), ["140.2"])
        XCTAssertEqual(try FilterQuery.parse("has:earlier", states: states).description, "has:earlier")
        XCTAssertThrowsError(try FilterQuery.parse("was:noted", states: states))
    }

    func testReimportKeepsTheReference() throws {
        let ledger = try ledger(["Ratify CAT promptly"], reference: earlier)
        let again = try ledger.reimporting(ledger.recommendations, document: nil, dropGoneDecisions: false)
        XCTAssertEqual(again.ledger.reference, earlier)
    }
}
