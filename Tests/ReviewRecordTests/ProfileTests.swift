import Foundation
import ReviewModel
import ReviewRecord
import XCTest

/// A recommending State's profile for the briefing pack, counted against the record itself.
final class ProfileTests: XCTestCase {
    func testAProfileCountsTheStatesAsksAndLeavesTheReviewItselfOut() throws {
        let (record, _) = try RealRecord.record()
        let review = ReviewContext(stateUnderReview: "Viet Nam", session: 18)
        let profiles = record.profiles(of: ["France", "Cuba", "Atlantis"], for: review)
        XCTAssertEqual(Set(profiles.keys), ["France", "Cuba"], "a State the record does not know has no profile")
        let france = try XCTUnwrap(profiles["France"])
        var asks = 0, supported = 0, reviewed = Set<String>(), earlier: [Int] = []
        for ask in 0..<record.askCount where record.recommendingStates(ask).contains("France") {
            if record.stateUnderReview(ask) == "Viet Nam" && record.session(ask) == 18 { continue }
            asks += 1
            if record.askResponse[ask] == .supported { supported += 1 }
            reviewed.insert(record.stateUnderReview(ask))
            if record.stateUnderReview(ask) == "Viet Nam" { earlier.append(ask) }
        }
        XCTAssertEqual(france.asks, asks)
        XCTAssertEqual(france.supported, supported)
        XCTAssertEqual(france.statesAsked, reviewed.count)
        XCTAssertEqual(france.toThisState.count, min(6, earlier.count))
        XCTAssertTrue(france.toThisState.allSatisfy { $0.session != 18 }, "this review's own asks are not 'before'")
        XCTAssertEqual(france.toThisState.map(\.session), france.toThisState.map(\.session).sorted(by: >), "latest first")
        XCTAssertEqual(france.issues.count, 3)
        XCTAssertTrue(france.summary.contains("recommendations to \(reviewed.count) States"), france.summary)
    }
}
