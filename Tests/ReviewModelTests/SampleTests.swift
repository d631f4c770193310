import XCTest
@testable import ReviewModel

/// The embedded illustrative sample: the shape the brief asks for.
final class SampleTests: XCTestCase {
    func testSampleHas320RecommendationsFrom133States() throws {
        let ledger = try Sample.ledger()
        XCTAssertEqual(ledger.recommendations.count, 320)
        XCTAssertEqual(ledger.recommendingStates().count, 133)
        XCTAssertEqual(ledger.recommendations.first?.id, "140.1")
        XCTAssertEqual(ledger.recommendations.last?.id, "140.320")
        let ids = ledger.recommendations.map(\.id)
        XCTAssertEqual(ids, ids.sorted(by: RecommendationID.precedes), "IDs are in document order")
        XCTAssertFalse(ledger.recommendingStates().contains { $0.state == "Viet Nam" })
    }

    func testSampleSaysItIsIllustrative() throws {
        let ledger = try Sample.ledger()
        XCTAssertTrue(ledger.notice?.contains("ILLUSTRATIVE SAMPLE") == true)
        XCTAssertTrue(ledger.notice?.contains("NOT the official text of A/HRC/57/6") == true)
        XCTAssertTrue(ledger.document.symbol.contains("illustrative"))
        XCTAssertEqual(ledger.document.stateUnderReview, "Viet Nam")
    }

    func testSampleHasJointRecommendationsAndRepeatedAsks() throws {
        let ledger = try Sample.ledger()
        XCTAssertGreaterThanOrEqual(ledger.recommendations.filter { $0.states.count > 1 }.count, 10)
        let opcat = ledger.recommendations.filter { $0.text.contains("Optional Protocol to the Convention against Torture") }
        XCTAssertGreaterThanOrEqual(Set(opcat.flatMap(\.states)).count, 5, "the same ask from several States under different IDs")
        let names = Set(ledger.recommendations.flatMap(\.states))
        for name in ["Türkiye", "Côte d'Ivoire", "Venezuela (Bolivarian Republic of)"] {
            XCTAssertTrue(names.contains(name), name)
        }
    }

    func testTheRepeatedSampleHasNewIDsTheSameTextsAndDecisions() throws {
        var sample = try Sample.ledger()
        try sample.decide("140.7", .rejected, by: "lan", at: Fixtures.date)
        let twice = try sample.repeated(2)
        XCTAssertEqual(twice.recommendations.count, 640)
        XCTAssertEqual(twice.recommendation("1140.7")?.text, sample.recommendation("140.7")?.text)
        XCTAssertEqual(twice.recommendation("140.7"), sample.recommendation("140.7"))
        XCTAssertEqual(twice.status(of: "1140.7"), .rejected)
        XCTAssertEqual(twice.counts.rejected, 2)
    }
}
