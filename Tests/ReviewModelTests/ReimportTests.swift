import Foundation
import XCTest
@testable import ReviewModel

/// Reading a corrected or another document of the same review keeps what only the first one gave.
final class ReimportTests: XCTestCase {
    func testThemesAndTheTextAsReadSurviveADocumentThatDoesNotGiveThem() throws {
        let withAll = Recommendation(id: "140.1", text: "Ratify CAT", states: ["France"], themes: ["Torture"], sdgs: ["16"],
                                     statesAsWritten: ["la France"], asRead: "ratify the Convention against Torture soon")
        let ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/1/1", title: "t", stateUnderReview: "Ruritania"),
                                recommendations: [withAll, Recommendation(id: "140.2", text: "Plant trees", states: ["Chile"])])
        let corrected = [Recommendation(id: "140.1", text: "Ratify the CAT", states: ["France"]),
                         Recommendation(id: "140.2", text: "Plant trees", states: ["Chile"], themes: ["Environment"])]
        let (after, changes, applied) = try ledger.reimporting(corrected, dropGoneDecisions: false)
        XCTAssertTrue(applied)
        XCTAssertEqual(changes.textChanged, ["140.1"])
        let first = try XCTUnwrap(after.recommendation("140.1"))
        XCTAssertEqual(first.text, "Ratify the CAT")
        XCTAssertEqual(first.themes, ["Torture"])
        XCTAssertEqual(first.sdgs, ["16"])
        XCTAssertEqual(first.asRead, "ratify the Convention against Torture soon")
        XCTAssertEqual(first.statesAsWritten, ["la France"])
        XCTAssertEqual(after.recommendation("140.2")?.themes, ["Environment"])
    }

    func testAnOpenMergeConflictSurvivesARereadDocument() throws {
        var ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/1/1", title: "t", stateUnderReview: "Ruritania"),
                                recommendations: [Recommendation(id: "140.1", text: "Plant trees", states: ["Chile"])])
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let ours = DecisionRecord(decision: .accepted, note: "", by: "lan", at: now)
        let theirs = DecisionRecord(decision: .rejected, note: "", by: "minh", at: now)
        ledger.conflicts = ["140.1": [ConflictSide(side: "ours", record: ours), ConflictSide(side: "theirs", record: theirs)]]
        let (after, _, applied) = try ledger.reimporting([Recommendation(id: "140.1", text: "Plant more trees", states: ["Chile"])],
                                                         dropGoneDecisions: false)
        XCTAssertTrue(applied)
        XCTAssertEqual(after.conflicts, ledger.conflicts)
    }

    func testTheNewFieldsRoundTripThroughTheLedgerFile() throws {
        let r = Recommendation(id: "140.1", text: "Ratify CAT", states: ["North Macedonia"],
                               statesAsWritten: ["the former Yugoslav Republic of Macedonia"], asRead: "ratify it")
        let ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/1/1", title: "t", stateUnderReview: "Ruritania"), recommendations: [r])
        let data = try LedgerCoding.encode(ledger)
        let read = try LedgerCoding.decode(data, path: "l.json")
        XCTAssertEqual(try LedgerCoding.decodeWithFoundation(data, path: "l.json").recommendations, [r], "JSONDecoder reads the same")
        XCTAssertEqual(read.recommendations, [r])
        // Written only where there is something to say, so that other ledgers stay as they were.
        let plain = try LedgerCoding.encode(try Ledger(document: ledger.document, recommendations: [Recommendation(id: "1.1", text: "x", states: ["Chile"])]))
        XCTAssertFalse(String(decoding: plain, as: UTF8.self).contains("asRead"))
    }
}

/// Messages about a damaged ledger read as sentences.
final class LedgerErrorWordingTests: XCTestCase {
    func testAReasonEndsInOneFullStop() {
        let bad = LedgerError.invalidField(path: "l.json", field: "recommendations[3].states", reason: "The data couldn’t be read because it isn’t in the correct format.")
        XCTAssertEqual("\(bad)", "The ledger l.json has a bad value at recommendations[3].states: The data couldn’t be read because it isn’t in the correct format. It was left untouched.")
        let syntax = LedgerError.syntax(path: "l.json", line: 3, column: 7, reason: "a comma or } was expected")
        XCTAssertEqual("\(syntax)", "The ledger l.json:3:7 is not valid JSON: a comma or } was expected. It was left untouched.")
    }
}
