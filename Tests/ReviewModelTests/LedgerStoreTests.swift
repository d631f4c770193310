import XCTest
@testable import ReviewModel

final class LedgerStoreTests: XCTestCase {
    var folder: URL!
    var url: URL { folder.appendingPathComponent("ledger.json") }

    override func setUp() { folder = Fixtures.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testMissingLedgerIsCreatedFromTheSeedAndWrittenAtOnce() throws {
        let (store, created) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        defer { store.close() }
        XCTAssertTrue(created)
        XCTAssertEqual(try LedgerStore.read(url).recommendations, Fixtures.ledger().recommendations)
    }

    func testMissingLedgerWithoutSeedIsAClearError() {
        XCTAssertThrowsError(try LedgerStore.open(url, analyst: "lan")) { error in
            XCTAssertEqual(error as? LedgerError, .notFound(path: url.path))
        }
    }

    func testSaveIsReadBackAfterReopening() throws {
        var (store, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        var ledger = store.saved
        try ledger.decide("140.2", .accepted, by: "lan", at: Fixtures.date)
        try store.save(ledger)
        store.close()
        (store, _) = try LedgerStore.open(url, analyst: "lan")
        defer { store.close() }
        XCTAssertEqual(store.saved.status(of: "140.2"), .accepted)
    }

    /// The store replays recorded changes on its own copy; whatever else changed (a proposal, a
    /// view) makes it keep the caller's ledger instead. Either way it holds what was recorded,
    /// and a fold writes exactly that.
    func testRecordedChangesAreWhatTheStoreHoldsAndFolds() throws {
        let (store, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        store.foldEvery = .max
        var ledger = store.saved
        try ledger.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        try ledger.annotate("140.1", note: "why", by: "lan", at: Fixtures.date)
        try store.record(ledger)
        try ledger.decide("140.3", .rejected, by: "lan", at: Fixtures.date)
        _ = try ledger.undo(by: "lan", at: Fixtures.date)
        try store.record(ledger)
        XCTAssertEqual(store.saved, ledger, "replayed")
        ledger.views["open"] = "decision:undecided"
        try ledger.decide("140.2", .underConsideration, by: "lan", at: Fixtures.date)
        try store.record(ledger)
        XCTAssertEqual(store.saved, ledger, "kept as given")
        try store.fold()
        store.close()
        var reread = try LedgerStore.read(url)
        reread.generation = ledger.generation
        XCTAssertEqual(reread, ledger)
    }

    func testSecondOpenIsRefusedNamingTheHolder() throws {
        let (first, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        XCTAssertThrowsError(try LedgerStore.open(url, analyst: "minh")) { error in
            guard case .locked(let path, let holder)? = error as? LedgerError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, url.path)
            XCTAssertTrue(holder.contains("lan"), holder)
            XCTAssertTrue(holder.contains("pid \(getpid())"), holder)
        }
        first.close()
        let (second, _) = try LedgerStore.open(url, analyst: "minh")
        second.close()
    }

    func testUnreadableLedgerIsNeverOverwritten() throws {
        let broken = Data("{\"schemaVersion\": 1, \"document\": {".utf8)
        try broken.write(to: url)
        XCTAssertThrowsError(try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)) { error in
            XCTAssertTrue("\(error)".contains(url.path), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: url), broken)
    }

    func testSaveKeepsPermissionsAndLeavesNoTemporaryFiles() throws {
        let (store, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        defer { store.close() }
        XCTAssertEqual(chmod(url.path, 0o600), 0)
        var ledger = store.saved
        try ledger.decide("140.1", .rejected, by: "lan", at: Fixtures.date)
        try store.save(ledger)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, ["ledger.json", "ledger.json.bak", "ledger.json.journal", "ledger.json.lock"])
    }

    func testTemporaryFilesLeftByACrashAreRemovedOnOpen() throws {
        try LedgerCoding.encode(Fixtures.ledger()).write(to: url)
        let leftover = folder.appendingPathComponent(".ledger.json.tmp-12345")
        try Data("half".utf8).write(to: leftover)
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        store.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover.path))
    }

    func testSaveIntoAReadOnlyFolderFailsClearlyAndKeepsTheOldFile() throws {
        guard getuid() != 0 else {
            // root ignores folder permissions; the same failure is covered through a missing folder.
            let (store, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
            defer { store.close() }
            try FileManager.default.removeItem(at: folder)
            XCTAssertThrowsError(try store.save(Fixtures.ledger())) { error in
                guard case .writeFailed(let path, _, _)? = error as? LedgerError else { return XCTFail("\(error)") }
                XCTAssertEqual(path, url.path)
            }
            return
        }
        let (store, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        defer { store.close() }
        chmod(folder.path, 0o500)
        defer { chmod(folder.path, 0o700) }
        XCTAssertThrowsError(try store.save(Fixtures.ledger()))
        XCTAssertEqual(try LedgerStore.read(url).recommendations, Fixtures.ledger().recommendations)
    }
}
