import Foundation
import XCTest
@testable import ReviewModel

/// The workbench's ledger and the store's `saved` must not share the lists a change writes to,
/// or the workbench's first change (a key) copies every decision and change.
final class SeparateCopyTests: XCTestCase {
    private func address<T>(_ list: [T]) -> UnsafeRawPointer? { list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }

    func testTheStoresCopyHasListsOfItsOwnAndIsTakenOnlyIfNothingChangedMeanwhile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-separate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("l.json")
        // Over a megabyte, opened as the workbench opens it: the history read after the rest,
        // with room to grow (so that a change keeps its storage where it is not shared).
        var seeded = try Sample.ledger().repeated(16)
        for recommendation in seeded.recommendations.prefix(2_000) { try seeded.decide(recommendation.id, .accepted, by: "lan", at: Fixtures.date) }
        try LedgerStore.open(url, analyst: "lan", seed: { seeded }).store.close()
        let (store, _) = try LedgerStore.open(url, analyst: "lan", deferHistory: true)
        defer { store.close() }
        var workbench = store.saved
        XCTAssertTrue(try store.completeHistory())
        workbench = store.saved
        XCTAssertGreaterThan(workbench.history.capacity, workbench.history.count)
        XCTAssertEqual(address(workbench.history), address(store.saved.history), "one value, shared lists")

        store.separateInBackground()
        let deadline = Date().addingTimeInterval(10)
        while address(store.saved.history) == address(workbench.history), Date() < deadline {
            store.adoptSeparateCopy()
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertNotEqual(address(store.saved.history), address(workbench.history))
        XCTAssertNotEqual(store.saved.decisions.storage, workbench.decisions.storage)
        XCTAssertEqual(store.saved, workbench, "the same ledger")
        XCTAssertTrue(isKnownUniquelyReferenced(workbench: &workbench), "the workbench's lists are its own alone")

        // A change recorded before the copy is taken: the copy is out of date, and is not taken.
        store.separateInBackground()
        try workbench.decide(seeded.recommendations[50].id, .rejected, by: "lan", at: Fixtures.date)
        try store.record(workbench)
        Thread.sleep(forTimeInterval: 0.2)
        store.adoptSeparateCopy()
        XCTAssertEqual(store.saved, workbench)
        XCTAssertEqual(store.saved.status(of: seeded.recommendations[50].id), .rejected)
    }

    private func isKnownUniquelyReferenced(workbench: inout Ledger) -> Bool {
        // Appending to a uniquely held list keeps its storage (it has room); a shared one is copied.
        let before = (address(workbench.history), workbench.decisions.storage)
        let id = workbench.recommendations[60].id
        try? workbench.decide(id, .underConsideration, by: "lan", at: Fixtures.date)
        let after = (address(workbench.history), workbench.decisions.storage)
        try? workbench.decide(id, nil, by: "lan", at: Fixtures.date)
        XCTAssertEqual(before.1, after.1, "the decisions' storage")
        return before == after
    }
}
