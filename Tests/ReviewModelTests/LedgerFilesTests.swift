import XCTest
@testable import ReviewModel

/// The files beside the ledger are as private as it, a crash leaves nothing behind, a symlinked
/// ledger stays one ledger, `recover` never goes back to an older schema, and a refusal names who
/// holds the lock.
final class LedgerFilesTests: XCTestCase {
    var folder: URL!
    var url: URL { folder.appendingPathComponent("l.json") }

    override func setUp() { folder = Fixtures.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func mode(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
        return try XCTUnwrap(attributes[.posixPermissions] as? NSNumber).intValue
    }

    func testEveryFileBesideAPrivateLedgerIsPrivateToo() throws {
        try LedgerCoding.encode(Fixtures.ledger()).write(to: url)
        XCTAssertEqual(chmod(url.path, 0o600), 0)
        // Left by an older upr, which made them 0644 whatever the ledger was.
        for name in ["l.json.journal", "l.json.lock", "l.json.bak"] {
            FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(), attributes: [.posixPermissions: 0o644])
        }
        let store = try LedgerStore.open(url, analyst: "lan").store
        var ledger = store.saved
        try ledger.annotate("140.1", note: "private", by: "lan", at: Fixtures.date)
        try store.record(ledger)
        _ = ClusterCache.computeAndStore(for: url, ledger: ledger)
        try store.fold()
        store.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, ["l.json", "l.json.bak", "l.json.clusters", "l.json.journal", "l.json.lock"])
        for name in names { XCTAssertEqual(try mode(name), 0o600, name) }
    }

    func testTempFilesOfEveryNameLeftByAKillAreRemovedOnOpen() throws {
        try LedgerCoding.encode(Fixtures.ledger()).write(to: url)
        let dead: Int32 = 999_999  // above pid_max: no such process
        let leftovers = [".l.json.tmp-\(dead)", ".l.json.bak.tmp-\(dead)", ".l.json.clusters.tmp-\(dead)", ".l.json.v1.bak.tmp-\(dead)", ".l.json.lan.resume.tmp-\(dead)"]
        for name in leftovers { try Data("half".utf8).write(to: folder.appendingPathComponent(name)) }
        // Another ledger's temp file, and one still being written by a live process, stay.
        let others = [".l.json2.tmp-\(dead)", ".l.json.tmp-\(getppid())"]
        for name in others { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        try LedgerStore.open(url, analyst: "lan").store.close()
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        for name in leftovers { XCTAssertFalse(names.contains(name), name) }
        for name in others { XCTAssertTrue(names.contains(name), name) }
    }

    func testASymlinkedLedgerIsWrittenThroughToItsTargetAndLockedAsIt() throws {
        let target = folder.appendingPathComponent("real/ledger.json")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try LedgerCoding.encode(Fixtures.ledger()).write(to: target)
        let link = folder.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real/ledger.json")
        let store = try LedgerStore.open(link, analyst: "lan").store
        XCTAssertEqual(store.url.path, LedgerFiles.resolved(target).path)
        // The same ledger by its real path: locked.
        XCTAssertThrowsError(try LedgerStore.open(target, analyst: "minh")) { error in
            guard case .locked(_, let holder)? = error as? LedgerError else { return XCTFail("\(error)") }
            XCTAssertTrue(holder.contains("lan"), holder)
        }
        var ledger = store.saved
        try ledger.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        try store.save(ledger)
        store.close()
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "real/ledger.json", "still a link")
        XCTAssertEqual(try LedgerStore.read(target).status(of: "140.1"), .accepted)
        XCTAssertEqual(try LedgerStore.read(link).status(of: "140.1"), .accepted)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("link.json.journal").path))
    }

    func testAHardLinkedLedgerOpensReadOnlyRatherThanSplitInTwo() throws {
        try LedgerCoding.encode(Fixtures.ledger()).write(to: url)
        let other = folder.appendingPathComponent("other-name.json")
        XCTAssertEqual(link(url.path, other.path), 0)
        XCTAssertThrowsError(try LedgerStore.open(other, analyst: "lan")) { error in
            XCTAssertTrue("\(error)".contains("2 hard links"), "\(error)")
        }
        let (store, _) = try LedgerStore.open(url, analyst: "lan", readOnlyIfLocked: true)
        XCTAssertTrue(store.isReadOnly)
        XCTAssertTrue(store.readOnlyReason?.contains("ln -s") == true)
    }

    func testRecoverNeverReplacesANewerSchemaWithAnOlderBackup() throws {
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        try store.save(store.saved)  // a .bak of schema 2
        store.close()
        let newer = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"schemaVersion\": 3", with: "\"schemaVersion\": 9")
        try Data(newer.utf8).write(to: url)
        XCTAssertThrowsError(try LedgerRecovery.recover(url, analyst: "lan")) { error in
            XCTAssertTrue("\(error)".contains("schemaVersion 9"), "\(error)")
            XCTAssertTrue("\(error)".contains("nothing was changed"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), newer)
    }

    func testRecoverOnAHealthyLedgerWithAPendingJournalSaysNothingIsDamaged() throws {
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        var ledger = store.saved
        try ledger.decide("140.2", .rejected, by: "lan", at: Fixtures.date)
        try store.record(ledger)
        store.abandon()
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let report = try LedgerRecovery.recover(url, analyst: "lan")
        XCTAssertTrue(report.healthy)
        XCTAssertEqual(report.replayed, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), before, "nothing kept aside, nothing written")
        XCTAssertEqual(try LedgerStore.read(url).status(of: "140.2"), .rejected)
    }

    func testRecoverLeavesOutDamagedJournalLinesAndNamesThem() throws {
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        var ledger = store.saved
        for id in ["140.1", "140.2", "140.3"] {
            try ledger.decide(id, .accepted, by: "lan", at: Fixtures.date)
            try store.record(ledger)
        }
        store.abandon()
        let journal = LedgerJournal.url(for: url)
        var lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = "garbage"
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: journal)
        let report = try LedgerRecovery.recover(url, analyst: "lan")
        XCTAssertFalse(report.healthy)
        XCTAssertEqual(report.droppedJournalLines, [2])
        XCTAssertEqual(report.problems.map(\.line), [2])
        let mended = try LedgerStore.read(url)
        XCTAssertEqual(mended.status(of: "140.1"), .accepted)
        XCTAssertEqual(mended.status(of: "140.3"), .accepted)
        XCTAssertNil(mended.status(of: "140.2"))
    }

    /// A line still valid JSON but edited after upr wrote it (here: another decision) is not replayed.
    func testRecoverDoesNotReplayALineEditedAfterItWasWritten() throws {
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        var ledger = store.saved
        for id in ["140.1", "140.2", "140.3"] {
            try ledger.decide(id, .accepted, by: "lan", at: Fixtures.date)
            try store.record(ledger)
        }
        store.abandon()
        let journal = LedgerJournal.url(for: url)
        var lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[1].contains("\"accepted\""))
        lines[1] = lines[1].replacingOccurrences(of: "\"accepted\"", with: "\"rejected\"")
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: journal)
        let report = try LedgerRecovery.recover(url, analyst: "lan")
        XCTAssertEqual(report.droppedJournalLines, [2])
        let mended = try LedgerStore.read(url)
        XCTAssertNil(mended.status(of: "140.2"), "the edited change is not applied")
        XCTAssertEqual(mended.status(of: "140.3"), .accepted)
    }

    func testARefusalNamesTheHolderEvenWhenTheLockFileSaysNothing() throws {
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        defer { store.close() }
        // Emptied (by hand, or by another program): the kernel still knows who holds it.
        XCTAssertEqual(truncate(LedgerLock.lockPath(for: url), 0), 0)
        XCTAssertThrowsError(try LedgerStore.open(url, analyst: "minh")) { error in
            guard case .locked(_, let holder)? = error as? LedgerError else { return XCTFail("\(error)") }
            XCTAssertTrue(holder.contains("pid \(getpid())"), holder)
            XCTAssertFalse(holder.contains("unknown"), holder)
        }
    }
}
