import Foundation
import ReviewModel
import XCTest

/// The filter terms of the public record: read, printed back, and evaluated on facts by position.
final class RecordTermTests: XCTestCase {
    func testRecordTermsReadPrintBackAndSayWhatIsWrong() throws {
        let states = try StateDirectory.bundled()
        let query = try FilterQuery.parse("to:Vietnam session:18 response:noted precedent:>50 has:precedent issue:torture", states: states)
        XCTAssertEqual(query.description, "to:\"Viet Nam\" session:18 response:noted precedent:>50 has:precedent theme:torture")
        XCTAssertEqual(try FilterQuery.parse(query.description, states: states), query)
        XCTAssertEqual(try FilterQuery.parse("precedent:<=30%", states: states).description, "precedent:<=30")
        for (bad, message) in [("precedent:lots", "like precedent:>50"), ("session:x", "session number"), ("response:maybe", "supported, noted"), ("to:Atlantis", "unknown State")] {
            XCTAssertThrowsError(try FilterQuery.parse(bad, states: states), bad) { error in
                XCTAssertTrue("\(error)".contains(message), "\(bad): \(error)")
            }
        }
    }

    func testRecordTermsMatchTheFactsOfEachPosition() throws {
        let states = try StateDirectory.bundled()
        let ledger = try Ledger(document: DocumentInfo(symbol: "UPR Info", title: "", stateUnderReview: "every State"), recommendations: [
            Recommendation(id: "5.1", text: "Ratify CAT", states: ["France"]),
            Recommendation(id: "5.2", text: "Abolish the death penalty", states: ["France"]),
            Recommendation(id: "18.1", text: "Ratify CAT", states: ["Gabon"]),
        ])
        var index = SearchIndex(ledger, states: states)
        func positions(_ text: String) throws -> [Int] { try FilterQuery.parse(text, states: states).positions(in: ledger, index: index) }
        // Without the facts (a review's ledger) nothing is under review by anyone, nothing has precedent.
        XCTAssertEqual(try positions("to:\"Viet Nam\""), [])
        XCTAssertEqual(try positions("has:precedent"), [])
        index.record = RecordFacts(stateNames: ["Viet Nam", "Chile"], stateUnderReview: [0, 1, 0], session: [5, 5, 18], response: [.noted, .supported, .supported])
        index.precedent = PrecedentShares([40, nil, 75])
        XCTAssertEqual(try positions("to:\"Viet Nam\""), [0, 2])
        XCTAssertEqual(try positions("to:\"Viet Nam\" response:noted"), [0])
        XCTAssertEqual(try positions("session:5 -response:noted"), [1])
        XCTAssertEqual(try positions("has:precedent"), [0, 2])
        XCTAssertEqual(try positions("precedent:>50"), [2])
        XCTAssertEqual(try positions("precedent:<=40"), [0])
        // Position by position gives the same answers as the whole-ledger evaluation.
        let query = try FilterQuery.parse("to:\"Viet Nam\" or precedent:>50", states: states)
        XCTAssertEqual((0..<3).filter { query.matches($0, in: ledger, index: index) }, query.positions(in: ledger, index: index))
    }
}
