import XCTest
@testable import ReviewModel

/// The explanation the addendum publishes with a decision: optional in schema version 2, kept
/// by every other change, read alike by both readers, undone like any change.
final class ExplanationTests: XCTestCase {
    func testWrittenOnlyWhenSetAndReadByBothReaders() throws {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        try ledger.explain("140.2", "Ratified  in\n2015.\n\n  Second   paragraph.", by: "lan", at: Fixtures.date)
        XCTAssertEqual(ledger.record(for: "140.2")?.explanation, "Ratified in 2015.\n\nSecond paragraph.", "spaces folded, paragraphs kept")
        XCTAssertNil(ledger.record(for: "140.2")?.decision, "an explanation alone is not a decision")
        let data = try LedgerCoding.encode(ledger)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains(#""140.1": {"at":"2026-09-21T14:13:20Z","by":"lan","decision":"accepted","note":""},"#), "no key where there is none: \(text)")
        XCTAssertTrue(text.contains(#""140.2": {"at":"2026-09-21T14:13:20Z","by":"lan","explanation":"Ratified in 2015.\n\nSecond paragraph.","note":""}"#), text)
        XCTAssertTrue(text.contains("\"schemaVersion\": 3,"))
        XCTAssertEqual(try LedgerFastDecoding.contents(data).decisions?["140.2"]?.explanation, "Ratified in 2015.\n\nSecond paragraph.")
        XCTAssertEqual(try LedgerCoding.decodeWithFoundation(data, path: "x.json").decisions?["140.2"]?.explanation, "Ratified in 2015.\n\nSecond paragraph.")
        XCTAssertEqual(try LedgerCoding.decode(data, path: "x.json"), ledger)
    }

    func testEveryOtherChangeKeepsItAndUndoTakesItBack() throws {
        var ledger = Fixtures.ledger()
        try ledger.explain("140.3", "Under study.", by: "lan", at: Fixtures.date)
        try ledger.decide("140.3", .rejected, by: "lan", at: Fixtures.date)
        try ledger.annotate("140.3", note: "why", by: "lan", at: Fixtures.date)
        try ledger.assign("140.3", ministry: "Ministry of Justice", by: "lan", at: Fixtures.date)
        try ledger.applyPosition("140.3", .accepted, implemented: true, source: "test", by: "lan", at: Fixtures.date)
        try ledger.markImplemented("140.3", false, by: "lan", at: Fixtures.date)
        XCTAssertEqual(ledger.record(for: "140.3")?.explanation, "Under study.")
        XCTAssertEqual(ledger.history(of: "140.3")[0].summary, "undecided (addendum explanation: Under study.)")
        XCTAssertNil(try ledger.explain("140.3", "Under  study.", by: "lan", at: Fixtures.date), "the same text is no change")
        try ledger.explain("140.3", " ", by: "lan", at: Fixtures.date)
        XCTAssertNil(ledger.record(for: "140.3")?.explanation, "blank clears")
        XCTAssertEqual(ledger.history.last?.summary, "accepted (addendum explanation removed)")
        _ = try ledger.undo(by: "lan", at: Fixtures.date)
        XCTAssertEqual(ledger.record(for: "140.3")?.explanation, "Under study.")
        XCTAssertThrowsError(try ledger.explain("9.9", "x", by: "lan", at: Fixtures.date))
    }

    func testTwoBranchesExplainingDifferentlyConflict() throws {
        var base = Fixtures.ledger()
        try base.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        var ours = base, theirs = base
        try ours.explain("140.1", "Ours.", by: "lan", at: Fixtures.date)
        try theirs.explain("140.1", "Theirs.", by: "minh", at: Fixtures.date)
        XCTAssertFalse(LedgerMerge.sameContent(ours.record(for: "140.1"), theirs.record(for: "140.1")))
        XCTAssertTrue(LedgerMerge.sameContent(ours.record(for: "140.1"), ours.record(for: "140.1")))
    }
}
