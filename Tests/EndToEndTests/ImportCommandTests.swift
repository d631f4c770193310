import Foundation
import XCTest
import ReviewModel

/// `upr import` on the real documents: what it reports, what it writes, and what it refuses.
final class ImportCommandTests: XCTestCase {
    var folder: URL!

    override func setUp() { folder = UPRBinary.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func shared(_ relative: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("../shared/upr-data/\(relative)").standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("../shared/upr-data not found: \(url.path)") }
        return url.path
    }

    func testImportReportThenAddendumThenCompare() throws {
        let report = try shared("slovenia/svn-c4-A_HRC_59_15.txt")
        let addendum = try shared("slovenia/svn-c4-A_HRC_59_15_Add1.txt")
        let first = try UPRBinary.run(["import", report, "--ledger", "slovenia.json"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("read as report-text"), first.stdout)
        XCTAssertTrue(first.stdout.contains("254 recommendations (140.1 to 140.254)"), first.stdout)
        XCTAssertTrue(first.stdout.contains("Created"), first.stdout)

        XCTAssertEqual(try UPRBinary.run(["decide", "rejected", "140.7", "--ledger", "slovenia.json"], in: folder).status, 0)
        let compare = try UPRBinary.run(["import", addendum, "--ledger", "slovenia.json", "--positions", "compare"], in: folder)
        XCTAssertEqual(compare.status, 0, compare.stderr)
        XCTAssertTrue(compare.stdout.contains("read as addendum"), compare.stdout)
        XCTAssertTrue(compare.stdout.contains("140.7: ledger rejected, source supported"), compare.stdout)
        XCTAssertEqual(try LedgerStore.read(folder.appendingPathComponent("slovenia.json")).counts.undecided, 253, "compare changes nothing")

        let apply = try UPRBinary.run(["import", addendum, "--ledger", "slovenia.json"], in: folder)
        XCTAssertEqual(apply.status, 0, apply.stderr)
        XCTAssertTrue(apply.stdout.contains("1 differ from decisions already taken"), apply.stdout)
        let ledger = try LedgerStore.read(folder.appendingPathComponent("slovenia.json"))
        XCTAssertEqual(ledger.status(of: "140.7"), .rejected, "the analyst's decision is kept")
        XCTAssertEqual(ledger.counts.undecided, 0)
    }

    /// A report PDF as OHCHR publishes it: every list paragraph, with the position its lead-in states
    /// applied as an addendum's would be, and the report saying so per paragraph.
    func testReportPDFWithSeveralListsAppliesTheStatedPositions() throws {
        let report = try shared("wg-reports/djibouti2013.pdf")
        let imported = try UPRBinary.run(["import", report, "--ledger", "dj.json"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        for line in ["read as report-pdf", "165 recommendations (143.1 to 145.6)",
                     "paragraph 143: 147 recommendations (143.1 to 143.147), supported",
                     "paragraph 144: 12 recommendations (144.1 to 144.12), no position yet (to be examined)",
                     "paragraph 145: 6 recommendations (145.1 to 145.6), noted",
                     "applied to 153 recommendations"] {
            XCTAssertTrue(imported.stdout.contains(line), "\(line) in:\n\(imported.stdout)")
        }
        let ledger = try LedgerStore.read(folder.appendingPathComponent("dj.json"))
        XCTAssertEqual(ledger.document.stateUnderReview, "Djibouti")
        XCTAssertEqual([ledger.counts.accepted, ledger.counts.rejected, ledger.counts.undecided], [147, 6, 12])
        // Compared again after a decision of the analyst's: the difference is listed, nothing changes.
        XCTAssertEqual(try UPRBinary.run(["decide", "rejected", "143.2", "--ledger", "dj.json"], in: folder).status, 0)
        let compare = try UPRBinary.run(["import", report, "--ledger", "dj.json", "--positions", "compare"], in: folder)
        XCTAssertEqual(compare.status, 0, compare.stderr)
        XCTAssertTrue(compare.stdout.contains("143.2: ledger rejected, source supported"), compare.stdout)
        XCTAssertEqual(try LedgerStore.read(folder.appendingPathComponent("dj.json")).status(of: "143.2"), .rejected)
    }

    /// An earlier cycle kept as the reference: the report speaks of its published positions, and
    /// the ledger's own decisions and history are untouched.
    func testAnEarlierCycleBecomesTheReferenceWithoutTouchingDecisions() throws {
        let report = try shared("vietnam/vnm-c2-A_HRC_26_6.txt")
        let positions = try shared("vietnam/vnm-c2-uprinfo.csv")
        XCTAssertEqual(try UPRBinary.run(["init", "--ledger", "l.json"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1", "--ledger", "l.json"], in: folder).status, 0)
        let imported = try UPRBinary.run(["import", "--reference", report, positions, "--ledger", "l.json"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("kept with 227 recommendations as the earlier cycle's published positions"), imported.stdout)
        XCTAssertFalse(imported.stdout.contains("decisions already taken"), imported.stdout)
        XCTAssertTrue(imported.stdout.contains("227 earlier recommendations from A/HRC/26/6 (182 supported, 45 noted"), imported.stdout)
        let ledger = try LedgerStore.read(folder.appendingPathComponent("l.json"))
        XCTAssertEqual(ledger.reference.count, 227)
        XCTAssertEqual(ledger.decisions.count, 1)
        XCTAssertEqual(ledger.history.count, 1)
    }

    func testBadInputLeavesTheLedgerUnchangedAndExitsNonZero() throws {
        let report = try shared("slovenia/svn-c4-A_HRC_59_15.txt")
        XCTAssertEqual(try UPRBinary.run(["import", report, "--ledger", "l.json"], in: folder).status, 0)
        let before = try Data(contentsOf: folder.appendingPathComponent("l.json"))
        let truncated = folder.appendingPathComponent("truncated.docx")
        try Data(try Data(contentsOf: URL(fileURLWithPath: try shared("slovenia/svn-c4-thematic-list.docx"))).prefix(3000)).write(to: truncated)
        let result = try UPRBinary.run(["import", truncated.path, "--ledger", "l.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("truncated.docx"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Nothing was imported"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("l.json")), before)
    }

    func testAllUPRInfoFilesAreReadAndOneReviewIsImported() throws {
        let folderPath = try shared("uprinfo")
        let files = try FileManager.default.contentsOfDirectory(atPath: folderPath).filter { $0.hasSuffix(".csv") }.sorted().map { folderPath + "/" + $0 }
        let result = try UPRBinary.run(["import"] + files + ["--ledger", "indonesia.json", "--state-under-review", "Indonesia", "--session", "1"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("read as uprinfo-csv"), result.stdout)
        XCTAssertFalse(result.stdout.contains("not in the list of States"), result.stdout)
        let ledger = try LedgerStore.read(folder.appendingPathComponent("indonesia.json"))
        XCTAssertGreaterThan(ledger.recommendations.count, 0)
    }
}
