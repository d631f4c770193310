import XCTest
@testable import ReviewModel

/// The filter the workbench and exports select by.
final class FilterTests: XCTestCase {
    func testFilterMatchesCoRecommendersAndFoldsAccents() throws {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.3", .rejected, by: "lan", at: Fixtures.date)
        XCTAssertEqual(RecommendationFilter(state: "France").positions(in: ledger), [0, 2])
        XCTAssertEqual(RecommendationFilter(state: "France", status: .rejected).positions(in: ledger), [2])
        XCTAssertEqual(TextFolding.fold("Việt Nam"), "viet nam")
        XCTAssertEqual(TextFolding.fold("Côte d'Ivoire"), "cote d'ivoire")
        XCTAssertEqual(TextFolding.fold("Đà Nẵng"), "da nang")
    }
}
