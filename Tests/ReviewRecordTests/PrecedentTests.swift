import Foundation
import ReviewImport
import ReviewModel
import ReviewRecord
import XCTest

final class PrecedentTests: XCTestCase {
    func testRatifyCATFindsAsksAboutTheConventionAgainstTortureOnly() throws {
        let (record, _) = try RealRecord.record()
        let report = try RealRecord.vietNamSecondCycle()
        let ask = try XCTUnwrap(report.recommendations.first { $0.id == "143.9" })
        XCTAssertTrue(ask.text.contains("Convention against Torture"))
        let context = ReviewContext(stateUnderReview: "Viet Nam", session: nil).identified(in: record, texts: report.recommendations.map(\.text))
        XCTAssertEqual(context.session, 18, "the report gives no session, but the record holds this very review")
        let precedent = record.precedent(of: ask.text, for: context)
        XCTAssertGreaterThan(precedent.asks.count, 50, "ratifying CAT was asked of many States")
        for found in precedent.asks {
            let treaties = Set(ClusterText.tokens(found.text).filter { $0.hasPrefix("t:") })
            XCTAssertEqual(treaties, ["t:cat"], "not about CAT alone: \(found.stateUnderReview) \(found.year): \(found.text)")
        }
        // The shares printed are the responses of the asks listed.
        let supported = precedent.asks.filter { $0.response == .supported }.count
        let noted = precedent.asks.filter { $0.response == .noted }.count
        XCTAssertEqual(precedent.supported, supported)
        XCTAssertEqual(precedent.noted, noted)
        let share = Int((Double(supported) * 100 / Double(supported + noted)).rounded())
        XCTAssertTrue(precedent.summary.hasSuffix(": \(share)% supported"), precedent.summary)
        XCTAssertTrue(precedent.summary.hasPrefix("Asked of \(Set(precedent.asks.map(\.stateUnderReview)).count) States"), precedent.summary)
        // Viet Nam's own earlier answers first: 2009's, not this review's own of 2014.
        let own = precedent.asks.prefix { $0.stateUnderReview == "Viet Nam" }
        XCTAssertFalse(own.isEmpty)
        XCTAssertFalse(precedent.asks.dropFirst(own.count).contains { $0.stateUnderReview == "Viet Nam" })
        XCTAssertTrue(own.allSatisfy { $0.year == 2009 }, "\(own.map(\.year))")
        // A review the record does not hold (the illustrative sample's own wording) stays unknown.
        let sample = try Sample.ledger()
        XCTAssertNil(ReviewContext(stateUnderReview: "Viet Nam", session: nil).identified(in: record, texts: sample.recommendations.map(\.text)).session)
    }

    func testAReviewIsNotItsOwnPrecedent() throws {
        let (record, _) = try RealRecord.record()
        let text = try XCTUnwrap(RealRecord.vietNamSecondCycle().recommendations.first { $0.id == "143.9" }).text
        let precedent = record.precedent(of: text, for: ReviewContext(stateUnderReview: "Viet Nam", session: 18))
        let own = precedent.asks.filter { $0.stateUnderReview == "Viet Nam" }
        XCTAssertFalse(own.isEmpty)
        XCTAssertTrue(own.allSatisfy { $0.session == 5 }, "only the first cycle's answers: \(own.map(\.session))")
    }

    func testTheOptionalProtocolIsAnotherAsk() throws {
        let (record, _) = try RealRecord.record()
        let precedent = record.precedent(of: "Ratify the Optional Protocol to the Convention against Torture", stateUnderReview: nil)
        XCTAssertFalse(precedent.isEmpty)
        XCTAssertTrue(precedent.asks.allSatisfy { Set(ClusterText.tokens($0.text).filter { $0.hasPrefix("t:") }) == ["t:opcat"] })
    }
}
