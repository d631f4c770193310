import XCTest
@testable import ReviewModel

/// The line scan behind `upr export --format ids` must give exactly what a full decode gives.
final class LedgerQuickScanTests: XCTestCase {
    func testTheScanAgreesWithTheFullDecodeJournalIncluded() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("l.json")
        let store = try LedgerStore.open(url, analyst: "lan", seed: Sample.ledger).store
        var ledger = store.saved
        let ids = ledger.recommendations.map(\.id)
        for (index, id) in ids.enumerated() where index % 3 == 0 {
            try ledger.decide(id, [.accepted, .rejected, .underConsideration][index % 9 / 3], by: "lan", at: Fixtures.date)
        }
        try ledger.annotate(ids[1], note: "a note with \"quotes\" and \"id\":\"x\"", by: "lan", at: Fixtures.date)
        try store.save(ledger)
        try ledger.decide(ids[4], .accepted, by: "lan", at: Fixtures.date)  // in the journal only
        try store.record(ledger)
        store.abandon()
        let scanned = try XCTUnwrap(try LedgerQuickScan.statuses(url))
        let full = try LedgerStore.read(url)
        XCTAssertEqual(scanned.map(\.id), full.recommendations.map(\.id))
        XCTAssertEqual(scanned.map(\.status), full.recommendations.map { full.status(of: $0.id) })
        XCTAssertEqual(scanned.first { $0.id == ids[4] }?.status, .accepted)
    }

    func testAnythingUnexpectedFallsBackToTheFullDecode() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("l.json")
        try Data(#"{"schemaVersion": 2, "generation": 1, "document": {}}"#.utf8).write(to: url)
        XCTAssertNil(try LedgerQuickScan.statuses(url), "not in the layout this version writes")
        try Data(UndoAndMigrationTests.version1.utf8).write(to: url)
        XCTAssertNil(try LedgerQuickScan.statuses(url), "an older schema")
    }
}
