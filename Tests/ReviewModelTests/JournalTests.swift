import XCTest
@testable import ReviewModel

/// Durable per decision: the journal, its recovery after a crash, and the fold.
final class JournalTests: XCTestCase {
    var folder: URL!
    var url: URL { folder.appendingPathComponent("ledger.json") }
    var journalURL: URL { LedgerJournal.url(for: url) }

    override func setUp() { folder = Fixtures.temporaryFolder() }
    override func tearDown() {
        DurableFile.faultInjection = nil
        try? FileManager.default.removeItem(at: folder)
    }

    /// Opens, records decisions one by one, and "crashes" (lock released, nothing folded).
    func crashAfterRecording(_ ids: [String]) throws {
        let store = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store
        var ledger = store.saved
        for id in ids {
            try ledger.decide(id, .accepted, by: "lan", at: Fixtures.date)
            try store.record(ledger)
        }
        store.abandon()
    }

    func journalLines() throws -> [String] {
        try String(contentsOf: journalURL, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testEachDecisionIsOneFsyncedJournalLineAndSurvivesACrash() throws {
        try crashAfterRecording(["140.1", "140.3"])
        XCTAssertEqual(try journalLines().count, 2)
        XCTAssertNil(try LedgerStore.read(url).status(of: "140.5"))
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        defer { store.close() }
        XCTAssertEqual(store.saved.status(of: "140.1"), .accepted)
        XCTAssertEqual(store.saved.status(of: "140.3"), .accepted)
        XCTAssertEqual(store.saved.generation, 1, "opening replays the journal and never folds it")
        XCTAssertEqual(try journalLines().count, 2)
        XCTAssertEqual(store.unfolded, 2)
        try store.fold()
        XCTAssertEqual(store.saved.generation, 2)
        XCTAssertEqual(try Data(contentsOf: journalURL).count, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: LedgerStore.backupURL(for: url).path))
    }

    func testATornLastLineIsDroppedWithAWarning() throws {
        try crashAfterRecording(["140.1", "140.2"])
        let handle = try FileHandle(forWritingTo: journalURL)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"base":1,"event":{"after":{"at":"2026-"#.utf8))
        try handle.close()
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        defer { store.close() }
        XCTAssertEqual(store.saved.decisions.count, 2)
        XCTAssertTrue(store.notes.first?.contains("ledger.json.journal:3: the last change was cut off") == true, "\(store.notes)")
    }

    func testDamageBeforeTheLastLineIsRefusedWithItsLineAndNothingIsWritten() throws {
        try crashAfterRecording(["140.1", "140.2", "140.3"])
        var lines = try journalLines()
        lines[1] = "{\"base\":1,\"event\":garbage}"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: journalURL)
        let before = try Data(contentsOf: url)
        XCTAssertThrowsError(try LedgerStore.open(url, analyst: "lan")) { error in
            XCTAssertTrue("\(error)".contains("ledger.json.journal:2"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: url), before)
    }

    func testChangesAlreadyFoldedAreNotAppliedTwice() throws {
        try crashAfterRecording(["140.1"])
        // A crash between the rename and the emptying of the journal: the file holds the change
        // (one generation on), the journal still has it.
        var folded = try LedgerStore.read(url)
        folded.generation += 1
        try LedgerCoding.encode(folded).write(to: url)
        XCTAssertEqual(try LedgerStore.read(url).status(of: "140.1"), .accepted)
        XCTAssertEqual(try LedgerStore.read(url).history(of: "140.1").count, 1)
        // Opening empties such a journal, so that new lines start a chain of their own.
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        XCTAssertEqual(try Data(contentsOf: journalURL).count, 0)
        var ledger = store.saved
        try ledger.decide("140.1", .rejected, by: "lan", at: Fixtures.date)
        try store.record(ledger)
        store.abandon()
        XCTAssertEqual(try LedgerStore.read(url).status(of: "140.1"), .rejected)
        XCTAssertEqual(try LedgerStore.read(url).history(of: "140.1").count, 2)
    }

    func testAJournalAheadOfItsLedgerIsRefused() throws {
        try crashAfterRecording(["140.1"])
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        try store.fold()  // generation 2, .bak is 1
        var ledger = store.saved
        try ledger.decide("140.2", .rejected, by: "lan", at: Fixtures.date)
        try store.record(ledger)
        store.abandon()
        // The file put back from its backup: older than the journal that continues it.
        try Data(contentsOf: LedgerStore.backupURL(for: url)).write(to: url)
        XCTAssertThrowsError(try LedgerStore.read(url)) { error in
            XCTAssertTrue("\(error)".contains("upr recover"), "\(error)")
            XCTAssertTrue("\(error)".contains("ledger.json.journal:1"), "\(error)")
        }
    }

    func testASaveNeverOverwritesChangesItHasNotSeen() throws {
        let (store, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        defer { store.close() }
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"generation\": 1,", with: "\"generation\": 5,")
        try Data(text.utf8).write(to: url)
        XCTAssertThrowsError(try store.fold()) { error in
            XCTAssertTrue("\(error)".contains("changed by someone else"), "\(error)")
        }
    }

    func testAFaultAtEachStepOfASaveKeepsTheOldFileAndLeavesNoTempFiles() throws {
        let (store, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        defer { store.close() }
        var ledger = store.saved
        try ledger.decide("140.2", .rejected, by: "lan", at: Fixtures.date)
        try store.record(ledger)
        try store.fold()
        let good = try Data(contentsOf: url)
        for step in DurableFile.Step.allCases {
            DurableFile.faultInjection = { failing, path in failing == step && path == self.url.path ? ENOSPC : nil }
            var next = store.saved
            try next.decide("140.3", .accepted, by: "lan", at: Fixtures.date)
            XCTAssertThrowsError(try store.save(next), "\(step)") { error in
                XCTAssertTrue("\(error)".contains("No space left on device"), "\(error)")
                XCTAssertTrue("\(error)".contains(step.rawValue), "\(error)")
            }
            DurableFile.faultInjection = nil
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            XCTAssertFalse(names.contains { $0.contains(".tmp-") }, "\(step): \(names)")
            // Before the rename the old file is intact; after it, the new one is complete.
            let onDisk = try LedgerStore.read(url)
            XCTAssertTrue(onDisk.status(of: "140.3") == nil ? (try Data(contentsOf: url)) == good : onDisk.status(of: "140.2") == .rejected, "\(step)")
        }
    }

    func testAFailedJournalAppendWritesNothingAndCanBeRetried() throws {
        let (store, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        var ledger = store.saved
        try ledger.decide("140.4", .accepted, by: "lan", at: Fixtures.date)
        for step in [DurableFile.Step.write, .fsync] {
            DurableFile.faultInjection = { failing, _ in failing == step ? EIO : nil }
            XCTAssertThrowsError(try store.record(ledger))
            DurableFile.faultInjection = nil
            XCTAssertEqual((try? Data(contentsOf: journalURL))?.count ?? 0, 0, "\(step): nothing half-written")
        }
        try store.record(ledger)
        store.abandon()
        XCTAssertEqual(try LedgerStore.read(url).status(of: "140.4"), .accepted)
    }

    func testALedgerOrJournalTruncatedAtAnyByteNeverOpensAsADifferentLedger() throws {
        try crashAfterRecording(["140.1", "140.2", "140.10"])
        let full = try Data(contentsOf: url)
        let whole = try LedgerCoding.decode(full, path: "x")
        for length in 0..<full.count {
            // Only the final newline may go: every other cut is refused.
            if let decoded = try? LedgerCoding.decode(full.prefix(length), path: "x") {
                XCTAssertEqual(decoded, whole, "prefix \(length)")
                XCTAssertEqual(length, full.count - 1)
            }
        }
        let journal = try Data(contentsOf: journalURL)
        let complete = try LedgerJournal(ledger: url).read().entries.map(\.event)
        for length in 0..<journal.count {
            try journal.prefix(length).write(to: journalURL)
            let events = try LedgerJournal(ledger: url).read().entries.map(\.event)
            XCTAssertEqual(events, Array(complete.prefix(events.count)), "prefix \(length) gives a prefix of the changes")
        }
    }

    func testASecondStoreOpensReadOnlyAndNeverWrites() throws {
        let (first, _) = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)
        defer { first.close() }
        let (second, _) = try LedgerStore.open(url, analyst: "minh", readOnlyIfLocked: true)
        XCTAssertTrue(second.isReadOnly)
        XCTAssertTrue(second.heldBy?.contains("lan") == true)
        var ledger = second.saved
        try ledger.decide("140.1", .accepted, by: "minh", at: Fixtures.date)
        XCTAssertThrowsError(try second.record(ledger))
        second.close()
        XCTAssertNil(try LedgerStore.read(url).status(of: "140.1"))
    }
}
