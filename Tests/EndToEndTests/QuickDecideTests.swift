import Foundation
import XCTest
import ReviewModel

/// `upr decide` on a ledger over 1 MB with its `LEDGER.index`: what the full reading would do,
/// seen through the real binary (stats, history, a second decision's `before`, an unknown ID),
/// and the same journal as with the index deleted.
final class QuickDecideTests: XCTestCase {
    /// A 5,120-recommendation ledger (about 1.2 MB) written in full, so with its index.
    func largeLedger(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("upr-ledger.json")
        try LedgerStore.open(url, analyst: "lan", seed: { try Sample.ledger().repeated(16) }).store.close()
        var info = stat()
        XCTAssertEqual(stat(url.path, &info), 0)
        XCTAssertGreaterThan(Int(info.st_size), LedgerStore.foldOnCloseDefault)
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path + ".index"))
        return url
    }

    /// The journal without what differs from one run to the next: the times, and the hashes over them.
    func journalShape(_ url: URL) throws -> String {
        let text = try String(contentsOf: LedgerJournal.url(for: url), encoding: .utf8)
        return text.replacingOccurrences(of: #""(at|check|prev)":"[^"]*""#, with: "\"$1\":\"…\"", options: .regularExpression)
    }

    func run(_ arguments: [String], in folder: URL) throws -> UPRBinary.Result {
        try UPRBinary.run(arguments + ["--analyst", "hoa"], in: folder)
    }

    func testADecisionOnALargeLedgerIsRecordedAsTheFullPathRecordsIt() throws {
        let quickFolder = UPRBinary.temporaryFolder(), fullFolder = UPRBinary.temporaryFolder()
        defer { for folder in [quickFolder, fullFolder] { try? FileManager.default.removeItem(at: folder) } }
        let quickURL = try largeLedger(in: quickFolder), fullURL = try largeLedger(in: fullFolder)
        try FileManager.default.removeItem(atPath: fullURL.path + ".index")
        let ids = try LedgerStore.read(quickURL).recommendations.map(\.id)
        let (first, other) = (ids[0], ids[1500])
        // The conditions of the quick path hold here (and not where the index was deleted).
        let probe = try XCTUnwrap(LedgerQuickStore.open(quickURL, analyst: "hoa", ids: [first, other]))
        probe.close()
        XCTAssertNil(LedgerQuickStore.open(fullURL, analyst: "hoa", ids: [first, other]))

        let steps: [[String]] = [
            ["decide", "accepted", first, "--note", "Đã có trong luật"],
            ["decide", "rejected", first, other + "."],
            ["decide", "accepted", other, "--implemented"],
            ["decide", "undecided", first],
        ]
        for step in steps {
            let quick = try run(step, in: quickFolder), full = try run(step, in: fullFolder)
            XCTAssertEqual(quick.status, 0, quick.stderr)
            XCTAssertEqual([quick.stdout, quick.stderr], [full.stdout, full.stderr], step.joined(separator: " "))
        }
        XCTAssertEqual(try journalShape(quickURL), try journalShape(fullURL))
        let unknown = try run(["decide", "accepted", first, "999.999"], in: quickFolder)
        let unknownFull = try run(["decide", "accepted", first, "999.999"], in: fullFolder)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr.replacingOccurrences(of: quickFolder.path, with: "F"), unknownFull.stderr.replacingOccurrences(of: fullFolder.path, with: "F"))
        XCTAssertTrue(unknown.stderr.contains("no recommendation with ID 999.999"), unknown.stderr)

        // What the other commands read: the journal, replayed.
        let stats = try run(["stats"], in: quickFolder), statsFull = try run(["stats"], in: fullFolder)
        XCTAssertEqual(stats.stdout, statsFull.stdout)
        XCTAssertTrue(stats.stdout.contains("1"), stats.stdout)
        let history = try run(["history", first], in: quickFolder).stdout
        XCTAssertTrue(history.contains("undecided → accepted"), history)
        XCTAssertTrue(history.contains("accepted → rejected"), history)
        XCTAssertTrue(history.contains("rejected → undecided"), history)
        let ledger = try LedgerStore.read(quickURL)
        XCTAssertEqual(ledger.record(for: other)?.decision, .accepted)
        XCTAssertEqual(ledger.record(for: other)?.implemented, true)
        XCTAssertNil(ledger.record(for: first)?.decision)
        XCTAssertEqual(ledger.record(for: first)?.note, "Đã có trong luật")
        // Each change's `before` is the one before it: the second decision saw the first.
        let changes = ledger.history(of: first)
        XCTAssertEqual(changes.count, 4)
        for (earlier, later) in zip(changes, changes.dropFirst()) { XCTAssertEqual(later.before, earlier.after) }
        XCTAssertEqual(Set(ledger.history.suffix(7).map(\.group)).count, 4, "one group per command")

        // A fold writes the index again; the next decision reads it.
        XCTAssertEqual(try run(["fold"], in: quickFolder).status, 0)
        XCTAssertNotNil(LedgerQuickStore.open(quickURL, analyst: "hoa", ids: [first]).map { $0.close() })
        // A ledger copied (a new file): the index no longer matches, until `upr fold` writes it.
        let copy = quickFolder.appendingPathComponent("copy.json")
        try FileManager.default.copyItem(at: quickURL, to: copy)
        try FileManager.default.removeItem(at: quickURL)
        try FileManager.default.moveItem(at: copy, to: quickURL)
        XCTAssertNil(LedgerQuickStore.open(quickURL, analyst: "hoa", ids: [first]))
        let refold = try run(["fold"], in: quickFolder)
        XCTAssertEqual(refold.stdout, "Wrote upr-ledger.json.index, where upr decide finds the lines it changes\nNothing to fold: upr-ledger.json holds every change\n")
        XCTAssertEqual(try run(["fold"], in: quickFolder).stdout, "Nothing to fold: upr-ledger.json holds every change\n")
        let again = try XCTUnwrap(LedgerQuickStore.open(quickURL, analyst: "hoa", ids: [first]))
        XCTAssertEqual(again.ledger.record(for: first)?.note, "Đã có trong luật")
        XCTAssertEqual(again.nextGroup, try LedgerStore.read(quickURL).nextGroup)
        again.close()
    }
}
