import Foundation
import XCTest
import ReviewModel

/// A real full disk: a small tmpfs (the tests run as root in CI). The decision is kept in memory
/// and shown as NOT SAVED, the old ledger stays intact, no temp file is left, and once there is
/// room again the next key saves it.
final class FullDiskTests: XCTestCase {
    var mountPoint: URL!

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a small tmpfs needs root") }
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed") }
        mountPoint = UPRBinary.temporaryFolder()
        let mount = try Spawn.run("/bin/mount", ["-t", "tmpfs", "-o", "size=400k", "tmpfs", mountPoint.path], in: mountPoint)
        guard mount.status == 0 else { throw XCTSkip("cannot mount a tmpfs here: \(mount.stderr)") }
    }

    override func tearDown() {
        guard let mountPoint else { return }
        _ = try? Spawn.run("/bin/umount", ["-l", mountPoint.path], in: URL(fileURLWithPath: "/"))
        try? FileManager.default.removeItem(at: mountPoint)
    }

    /// Fills the file system, leaving about `room` bytes.
    func fill(leaving room: Int) throws -> URL {
        let filler = mountPoint.appendingPathComponent("filler")
        var stats = statvfs()
        statvfs(mountPoint.path, &stats)
        let free = Int(stats.f_bavail) * Int(stats.f_frsize)
        try Data(count: max(0, free - room)).write(to: filler)
        // Top up to the last block.
        if let handle = FileHandle(forWritingAtPath: filler.path) {
            handle.seekToEndOfFile()
            while (try? handle.write(contentsOf: Data(count: 512))) != nil {
                statvfs(mountPoint.path, &stats)
                if Int(stats.f_bavail) * Int(stats.f_frsize) <= room { break }
            }
            try? handle.close()
        }
        return filler
    }

    func testTheWorkbenchOnAFullDiskSaysSoKeepsTheDecisionAndSavesWhenThereIsRoom() throws {
        let ledger = mountPoint.appendingPathComponent("upr-ledger.json")
        XCTAssertEqual(try UPRBinary.run(["init", "--ledger", ledger.path], in: mountPoint).status, 0)
        let before = try Data(contentsOf: ledger)
        let tmux = try TmuxSession("\(shellQuoted(UPRBinary.path)) --ledger \(shellQuoted(ledger.path))", in: mountPoint, width: 250)
        try tmux.waitFor("UPR Workbench")
        let filler = try fill(leaving: 0)
        try tmux.press("a")
        let screen = try tmux.waitFor("NOT SAVED")
        XCTAssertTrue(screen.contains("No space left on device"), screen)
        XCTAssertTrue(screen.contains("✓1"), "the decision is kept in memory and shown as not saved")
        XCTAssertEqual(try Data(contentsOf: ledger), before, "the old ledger is intact")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).contains { $0.contains(".tmp-") })
        XCTAssertEqual(try LedgerStore.read(ledger).decisions.count, 0)

        try FileManager.default.removeItem(at: filler)
        try tmux.press("j")
        try tmux.waitFor("Saved: the changes kept in memory are now on disk")
        XCTAssertEqual(try LedgerStore.read(ledger).status(of: "140.1"), .accepted)
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
        XCTAssertEqual(try LedgerStore.read(ledger).status(of: "140.1"), .accepted)
    }

    func testDecideOnAFullDiskFailsClearlyAndWritesNothingHalf() throws {
        let ledger = mountPoint.appendingPathComponent("upr-ledger.json")
        XCTAssertEqual(try UPRBinary.run(["init", "--ledger", ledger.path], in: mountPoint).status, 0)
        let before = try Data(contentsOf: ledger)
        let filler = try fill(leaving: 0)
        let result = try UPRBinary.run(["decide", "accepted", "140.7", "--ledger", ledger.path], in: mountPoint)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("No space left on device"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: ledger), before)
        XCTAssertNil(try LedgerStore.read(ledger).status(of: "140.7"))
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).contains { $0.contains(".tmp-") })
        try FileManager.default.removeItem(at: filler)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.7", "--ledger", ledger.path], in: mountPoint).status, 0)
        XCTAssertEqual(try LedgerStore.read(ledger).status(of: "140.7"), .accepted)
    }

    /// Room for a journal line, not for a fold: the decision is durable in the journal and said
    /// so; the fold's failure (on closing a small ledger, or `upr fold`) is said too; the next
    /// start replays the journal and opens.
    func testAFoldThatFailsLeavesTheJournalInChargeAndEveryStartSaysSo() throws {
        let ledger = mountPoint.appendingPathComponent("upr-ledger.json")
        XCTAssertEqual(try UPRBinary.run(["init", "--ledger", ledger.path], in: mountPoint).status, 0)
        let before = try Data(contentsOf: ledger)
        let filler = try fill(leaving: 12 << 10)
        let decide = try UPRBinary.run(["decide", "accepted", "140.7", "--ledger", ledger.path], in: mountPoint)
        XCTAssertEqual(decide.status, 0, decide.stderr)
        XCTAssertTrue(decide.stdout.contains("Recorded accepted on 1 recommendation: 140.7"), decide.stdout)
        XCTAssertTrue(decide.stderr.contains("saved in upr-ledger.json.journal but could not be folded") && decide.stderr.contains("No space left on device"), decide.stderr)
        XCTAssertEqual(try Data(contentsOf: ledger), before, "the file is as it was; the journal holds the change")
        XCTAssertEqual(try LedgerStore.read(ledger).status(of: "140.7"), .accepted)

        let second = try UPRBinary.run(["decide", "rejected", "140.8", "--ledger", ledger.path], in: mountPoint)
        XCTAssertEqual(second.status, 0, "the next start opens, replaying the journal: \(second.stderr)")
        XCTAssertTrue(second.stderr.contains("could not be folded"), second.stderr)
        let fold = try UPRBinary.run(["fold", "--ledger", ledger.path], in: mountPoint)
        XCTAssertEqual(fold.status, 1)
        XCTAssertTrue(fold.stderr.contains("No space left on device") && fold.stderr.contains("still saved in upr-ledger.json.journal"), fold.stderr)

        let tmux = try TmuxSession("\(shellQuoted(UPRBinary.path)) --ledger \(shellQuoted(ledger.path))", in: mountPoint, width: 250)
        try tmux.waitFor("140.8")
        try tmux.press("q")
        let end = try tmux.waitFor("UPR-EXIT=")
        XCTAssertFalse(end.contains("Every decision is saved"), end)
        XCTAssertTrue(end.contains("could not be folded"), end)

        try FileManager.default.removeItem(at: filler)
        XCTAssertEqual(try UPRBinary.run(["stats", "--ledger", ledger.path], in: mountPoint).stderr, "")
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.9", "--ledger", ledger.path], in: mountPoint).stderr, "", "folds now, without a word")
        XCTAssertEqual(try Data(contentsOf: LedgerJournal.url(for: ledger)).count, 0)
        let folded = try LedgerCoding.decode(try Data(contentsOf: ledger), path: ledger.path)
        XCTAssertEqual([folded.status(of: "140.7"), folded.status(of: "140.8"), folded.status(of: "140.9")], [.accepted, .rejected, .accepted])
    }

    /// A read-only mount: the workbench opens read-only and says why; decide says why it cannot.
    func testAReadOnlyMountOpensReadOnlyWithTheReasonOnScreen() throws {
        let ledger = mountPoint.appendingPathComponent("upr-ledger.json")
        XCTAssertEqual(try UPRBinary.run(["init", "--ledger", ledger.path], in: mountPoint).status, 0)
        let remount = try Spawn.run("/bin/mount", ["-o", "remount,ro", mountPoint.path], in: mountPoint)
        guard remount.status == 0 else { throw XCTSkip("cannot remount read-only here: \(remount.stderr)") }
        let decide = try UPRBinary.run(["decide", "accepted", "140.7", "--ledger", ledger.path], in: mountPoint)
        XCTAssertEqual(decide.status, 1)
        XCTAssertTrue(decide.stderr.contains("cannot be written here") && decide.stderr.contains("Read-only file system"), decide.stderr)
        XCTAssertEqual(try UPRBinary.run(["stats", "--ledger", ledger.path], in: mountPoint).status, 0)

        let tmux = try TmuxSession("\(shellQuoted(UPRBinary.path)) --ledger \(shellQuoted(ledger.path))", in: mountPoint, width: 250)
        let screen = try tmux.waitFor("READ-ONLY: ")
        XCTAssertTrue(screen.contains("Read-only file system"), screen)
        try tmux.press("a")
        try tmux.waitFor("Read-only: the lock file")
        try tmux.press("q")
        try tmux.waitFor("(read-only)")
    }
}
