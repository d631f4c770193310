import XCTest
@testable import ReviewModel

/// The fold on a thread of its own: changes go on being recorded while it writes, and the files
/// on disk read as every change at every moment, whether the fold finishes, fails or is cut short.
final class BackgroundFoldTests: XCTestCase {
    var folder: URL!
    var url: URL { folder.appendingPathComponent("ledger.json") }
    var aside: URL { LedgerJournal.foldingURL(for: url) }
    let ids = ["140.1", "140.2", "140.3", "140.4", "140.5", "140.6"]

    override func setUp() { folder = Fixtures.temporaryFolder() }
    override func tearDown() {
        DurableFile.faultInjection = nil
        try? FileManager.default.removeItem(at: folder)
    }

    func decide(_ store: LedgerStore, _ id: String, _ status: DecisionStatus) throws {
        var ledger = store.saved
        try ledger.decide(id, status, by: "lan", at: Fixtures.date)
        try store.record(ledger)
    }

    func onDisk() throws -> [String: DecisionStatus] {
        let ledger = try LedgerStore.read(url)
        return Dictionary(uniqueKeysWithValues: ids.compactMap { id in ledger.status(of: id).map { (id, $0) } })
    }

    func testChangesRecordedWhileAFoldWritesAreKeptAndTheFoldTakesOnlyThoseBeforeIt() throws {
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        store.foldEvery = 2
        store.foldOnCloseUpTo = 0  // as a large ledger: closing leaves the journal as it is
        try decide(store, "140.1", .accepted)
        try decide(store, "140.2", .rejected)
        XCTAssertTrue(store.foldIsDue)
        let gate = DispatchSemaphore(value: 0)
        try store.beginFold(slowDisk: { gate.wait() })
        XCTAssertTrue(store.isFolding)
        XCTAssertTrue(FileManager.default.fileExists(atPath: aside.path), "the lines before the snapshot are set aside")
        // The disk is stuck; keys go on.
        try decide(store, "140.3", .underConsideration)
        XCTAssertEqual(try onDisk(), ["140.1": .accepted, "140.2": .rejected, "140.3": .underConsideration])
        XCTAssertEqual(try LedgerCoding.generation(ofFileAt: url), 1, "nothing written yet")
        gate.signal()
        XCTAssertNil(store.close(), "closing waits for the fold under way")
        XCTAssertEqual(try LedgerCoding.generation(ofFileAt: url), 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: aside.path))
        var file = try LedgerCoding.decode(Data(contentsOf: url), path: url.path)
        XCTAssertEqual(file.status(of: "140.2"), .rejected)
        XCTAssertNil(file.status(of: "140.3"), "recorded after the snapshot: in the journal only")
        XCTAssertEqual(try onDisk(), ["140.1": .accepted, "140.2": .rejected, "140.3": .underConsideration])
        // The journal's lines continue generation 2, and folding them needs nothing else.
        let again = try LedgerStore.open(url, analyst: "lan").store
        XCTAssertEqual(again.unfolded, 1)
        try again.fold()
        again.close()
        file = try LedgerCoding.decode(Data(contentsOf: url), path: url.path)
        XCTAssertEqual(file.status(of: "140.3"), .underConsideration)
        XCTAssertEqual(try Data(contentsOf: LedgerJournal.url(for: url)).count, 0)
    }

    /// A fold in the background writes `LEDGER.index` for the file it wrote, as every full write
    /// does: `upr decide` then goes on finding its lines without reading the file whole.
    func testAFoldInTheBackgroundWritesTheIndexOfTheFileItWrote() throws {
        LedgerIndex.writtenAbove = 0  // the fixture is small
        defer { LedgerIndex.writtenAbove = LedgerStore.foldOnCloseDefault }
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        store.foldEvery = 2
        store.foldOnCloseUpTo = 0
        try decide(store, "140.1", .accepted)
        try decide(store, "140.2", .rejected)
        try store.beginFold(slowDisk: {})
        XCTAssertNil(store.close())
        XCTAssertEqual(try LedgerCoding.generation(ofFileAt: url), 2)
        var info = stat()
        XCTAssertEqual(stat(url.path, &info), 0)
        let index = try XCTUnwrap(LedgerIndex(for: url, identity: LedgerIndex.Identity(info)), "the index matches the file the fold wrote")
        index.closeFile()
    }

    func testAFoldCutShortLeavesEveryChangeReadableAndIsTakenUpAgain() throws {
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        store.foldEvery = 2
        try decide(store, "140.1", .accepted)
        try decide(store, "140.2", .rejected)
        // The disk fills up while the file is written.
        DurableFile.faultInjection = { step, path in step == .write && path.hasSuffix("ledger.json.bak") ? ENOSPC : nil }
        try store.beginFold()
        store.waitForFold()
        let problem = store.collectFinishedFold()
        XCTAssertTrue(problem?.contains("No space left on device") == true, problem ?? "no problem said")
        XCTAssertFalse(store.foldIsDue, "not tried again on the next key")
        try decide(store, "140.4", .accepted)
        store.abandon()  // killed
        DurableFile.faultInjection = nil
        XCTAssertEqual(try onDisk(), ["140.1": .accepted, "140.2": .rejected, "140.4": .accepted])
        XCTAssertEqual(try LedgerCoding.generation(ofFileAt: url), 1)

        // The next start replays both journals and goes on after them.
        let next = try LedgerStore.open(url, analyst: "lan").store
        next.foldEvery = 2
        XCTAssertEqual(next.unfolded, 3)
        try decide(next, "140.5", .rejected)
        XCTAssertTrue(next.foldIsDue)
        try next.beginFold()  // folds the aside left behind; the journal stays as it is
        next.waitForFold()
        XCTAssertNil(next.collectFinishedFold())
        XCTAssertEqual(try LedgerCoding.generation(ofFileAt: url), 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: aside.path))
        XCTAssertEqual(next.unfolded, 2)
        XCTAssertEqual(try onDisk(), ["140.1": .accepted, "140.2": .rejected, "140.4": .accepted, "140.5": .rejected])
        next.close()
        XCTAssertEqual(try onDisk(), ["140.1": .accepted, "140.2": .rejected, "140.4": .accepted, "140.5": .rejected])
    }

    func testAFoldDoneButForRemovingTheAsideIsNotAppliedTwice() throws {
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        try decide(store, "140.1", .accepted)
        let kept = try Data(contentsOf: LedgerJournal.url(for: url))
        try store.beginFold()
        store.close()
        // A kill after the rename of the file, before the aside was removed.
        try kept.write(to: aside)
        try decide(try LedgerStore.open(url, analyst: "lan").store, "140.2", .rejected)
        let ledger = try LedgerStore.read(url)
        XCTAssertEqual(ledger.history(of: "140.1").count, 1)
        XCTAssertEqual(ledger.status(of: "140.2"), .rejected)
        XCTAssertFalse(FileManager.default.fileExists(atPath: aside.path), "removed on opening")
    }
}
