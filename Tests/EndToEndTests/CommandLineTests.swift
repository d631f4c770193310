import Foundation
import XCTest
import ReviewModel

/// The command line for scripts: init, decide, stats, export.
final class CommandLineTests: XCTestCase {
    var folder: URL!

    override func setUp() { folder = UPRBinary.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testNotATerminalGivesAClearMessageAndWritesNothing() throws {
        let result = try UPRBinary.run([], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("needs a terminal"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    /// A binary copied out of its build folder without the resources folder (`cp
    /// .build/release/upr ~/bin`) or reached through a link still finds the sample and the
    /// list of States (SwiftPM's own lookup stopped the process with "Illegal instruction").
    func testABinaryCopiedWithoutItsResourcesFolderStillRuns() throws {
        let alone = folder.appendingPathComponent("bin")
        let linked = folder.appendingPathComponent("linked")
        for made in [alone, linked] { try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: UPRBinary.path, toPath: alone.appendingPathComponent("upr").path)
        try FileManager.default.createSymbolicLink(atPath: linked.appendingPathComponent("upr").path, withDestinationPath: UPRBinary.path)
        for binary in [alone, linked].map({ $0.appendingPathComponent("upr").path }) {
            let ledger = folder.appendingPathComponent("\(UUID().uuidString).json").path
            let made = try Spawn.run(binary, ["init", "--ledger", ledger], in: folder)
            XCTAssertEqual(made.status, 0, "\(binary): \(made.stderr)")
            let report = try Spawn.run(binary, ["export", "--format", "markdown", "--ledger", ledger], in: folder)
            XCTAssertEqual(report.status, 0, "\(binary): \(report.stderr)")
            XCTAssertTrue(report.stdout.hasPrefix("# Decisions on the recommendations to Viet Nam"), report.stdout)
        }
    }

    /// Where the resources are not found, each command that needs them says which file, where
    /// it was looked for and what to copy, and nothing is written; the others still run.
    func testMissingResourcesAreNamedNotACrash() throws {
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let nowhere = ProcessInfo.processInfo.environment.merging(["UPR_RESOURCES": empty.path]) { $1 }
        let sample = try UPRBinary.run(["init"], in: folder, environment: nowhere)
        XCTAssertEqual(sample.status, 1, sample.stderr)
        XCTAssertTrue(sample.stderr.contains("sample-viet-nam-c4.json was not found") || sample.stderr.contains("(sample-viet-nam-c4.json) was not found"), sample.stderr)
        XCTAssertTrue(sample.stderr.contains(empty.path) && sample.stderr.contains("upr_BundledResources.resources"), sample.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("upr-ledger.json").path))

        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["stats"], in: folder, environment: nowhere).status, 0)
        let report = try UPRBinary.run(["export", "--format", "markdown"], in: folder, environment: nowhere)
        XCTAssertEqual(report.status, 1, report.stderr)
        XCTAssertTrue(report.stderr.contains("un-states.json) was not found: looked in \(empty.path)"), report.stderr)

        // The workbench opens all the same, saying what is missing, and leaves the terminal as it was.
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed") }
        let tmux = try TmuxSession("UPR_RESOURCES=\(shellQuoted(empty.path)) \(shellQuoted(UPRBinary.path))", in: folder)
        try tmux.waitFor("the list of States was not found beside the binary")
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
        XCTAssertFalse(try tmux.alternateScreenOn())
    }

    func testDecideRecordsLikeTheWorkbenchAndExportsFollow() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        let decide = try UPRBinary.run(["decide", "accepted", "140.3", "140.1.", "140.2", "--analyst", "lan", "--note", "Đã có trong luật"], in: folder)
        XCTAssertEqual(decide.status, 0, decide.stderr)
        XCTAssertEqual(try UPRBinary.run(["decide", "rejected", "140.10"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "under-consideration", "140.11"], in: folder).status, 0)

        let ids = try UPRBinary.run(["export", "--format", "ids", "--status", "accepted"], in: folder)
        XCTAssertEqual(ids.stdout, "140.1\n140.2\n140.3\n")
        let stats = try UPRBinary.run(["stats"], in: folder)
        XCTAssertTrue(stats.stdout.contains("accepted                  3"), stats.stdout)
        XCTAssertTrue(stats.stdout.contains("undecided               315"), stats.stdout)

        let ledger = try LedgerStore.read(folder.appendingPathComponent("upr-ledger.json"))
        XCTAssertEqual(ledger.record(for: "140.1")?.by, "lan")
        XCTAssertEqual(ledger.record(for: "140.1")?.note, "Đã có trong luật")

        let csvPath = folder.appendingPathComponent("accepted.csv").path
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "csv", "--status", "accepted", "-o", csvPath], in: folder).status, 0)
        let csvBytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        XCTAssertEqual(Array(csvBytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark, so that Excel reads UTF-8")
        let csv = String(decoding: csvBytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("id,states,themes,text,decision,published,already_implemented,note,decided_by,decided_at\r\n140.1,"), csv)
        let again = try UPRBinary.run(["export", "--format", "csv", "-o", csvPath], in: folder)
        XCTAssertEqual(again.status, 1, "an existing file is not overwritten without --force")
        XCTAssertTrue(again.stderr.contains("--force"))

        let addendum = try UPRBinary.run(["export", "--format", "addendum", "--draft"], in: folder).stdout
        XCTAssertTrue(addendum.contains("DRAFT, NOT FOR PUBLICATION: 316 of 320"), addendum)
        XCTAssertTrue(addendum.contains("Supported (3): 140.1-3"), addendum)
        XCTAssertTrue(addendum.contains("Noted (1): 140.10"), addendum)
        XCTAssertTrue(addendum.contains("Under consideration (1): 140.11"), addendum)
    }

    /// The addendum is refused while anything is open, naming what; `--draft` writes it marked as a
    /// draft; once everything is decided it is written and checks itself.
    func testAddendumIsRefusedWhileRecommendationsAreOpen() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1", "140.2"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "under-consideration", "140.5"], in: folder).status, 0)
        let out = folder.appendingPathComponent("addendum.txt").path
        let refused = try UPRBinary.run(["export", "--format", "addendum", "-o", out], in: folder)
        XCTAssertEqual(refused.status, 3, refused.stderr)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("the addendum is not ready: 318 recommendations are still open"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("under consideration (1): 140.5"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("undecided (317): 140.3-4, 6-320"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--draft"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")

        XCTAssertEqual(try UPRBinary.run(["export", "--format", "addendum", "--draft", "-o", out], in: folder).status, 0)
        let draft = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(draft.contains("DRAFT, NOT FOR PUBLICATION"), draft)
        XCTAssertTrue(draft.contains("Under consideration (1): 140.5"), draft)

        XCTAssertEqual(try UPRBinary.run(["decide", "rejected"] + (3...320).map { "140.\($0)" }, in: folder).status, 0)
        let final = try UPRBinary.run(["export", "--format", "addendum"], in: folder)
        XCTAssertEqual(final.status, 0, final.stderr)
        XCTAssertFalse(final.stdout.contains("DRAFT"), final.stdout)
        XCTAssertTrue(final.stdout.contains("Supported (2): 140.1-2\n"), final.stdout)
        XCTAssertTrue(final.stdout.contains("Noted (318): 140.3-320\n"), final.stdout)
        XCTAssertTrue(final.stdout.contains("Check: each of the 320 recommendation IDs appears exactly once above, and the totals add up to 320."), final.stdout)
        XCTAssertNotEqual(try UPRBinary.run(["export", "--format", "addendum", "--status", "accepted"], in: folder).status, 0,
                          "a partial addendum would read as complete")
    }

    /// XLSX is binary: it needs -o, and an existing file is kept unless --force.
    func testXLSXNeedsAFileAndKeepsAnExistingOneUnlessForced() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1"], in: folder).status, 0)
        let toTerminal = try UPRBinary.run(["export", "--format", "xlsx"], in: folder)
        XCTAssertNotEqual(toTerminal.status, 0)
        XCTAssertEqual(toTerminal.stdout, "", "no binary on standard output")
        XCTAssertTrue(toTerminal.stderr.contains("-o"), toTerminal.stderr)

        let path = folder.appendingPathComponent("decisions.xlsx").path
        let written = try UPRBinary.run(["export", "--format", "xlsx", "-o", path], in: folder)
        XCTAssertEqual(written.status, 0, written.stderr)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(first.prefix(2)), [0x50, 0x4B], "a ZIP package")

        XCTAssertEqual(try UPRBinary.run(["decide", "rejected", "140.2"], in: folder).status, 0)
        let again = try UPRBinary.run(["export", "--format", "xlsx", "-o", path], in: folder)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("exists; pass --force"), again.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), first, "left as it was")

        XCTAssertEqual(try UPRBinary.run(["export", "--format", "xlsx", "-o", path, "--force"], in: folder).status, 0)
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: path)), first)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }, [], "no temp file left")
    }

    func testPerStateSplitWritesOneFilePerState() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        let result = try UPRBinary.run(["export", "--format", "per-state", "--split", "-o", "by-state"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("by-state").path)
        XCTAssertEqual(names.count, 133, "one per recommending State of the sample")
        XCTAssertTrue(names.allSatisfy { $0.hasSuffix(".md") && $0.allSatisfy { $0.isASCII && !$0.isWhitespace } }, "\(names)")
        XCTAssertNotEqual(try UPRBinary.run(["export", "--format", "per-state", "--split"], in: folder).status, 0, "--split needs -o")
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "per-state", "--split", "-o", "by-state"], in: folder).status, 1, "no overwrite without --force")
    }

    func testUnknownIDsRecordNothingAndBadStatusIsRefused() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        let unknown = try UPRBinary.run(["decide", "accepted", "140.1", "999.9"], in: folder)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("999.9"), unknown.stderr)
        XCTAssertTrue(try LedgerStore.read(folder.appendingPathComponent("upr-ledger.json")).decisions.isEmpty)
        XCTAssertNotEqual(try UPRBinary.run(["decide", "maybe", "140.1"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 1, "init never replaces a ledger")
    }

    func testMissingAndNewerLedgersAreClearErrors() throws {
        let missing = try UPRBinary.run(["stats", "--ledger", "nope.json"], in: folder)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("No ledger at \(folder.path)/nope.json") || missing.stderr.contains("nope.json"), missing.stderr)
        try Data(#"{"schemaVersion": 9}"#.utf8).write(to: folder.appendingPathComponent("new.json"))
        let newer = try UPRBinary.run(["decide", "accepted", "140.1", "--ledger", "new.json"], in: folder)
        XCTAssertEqual(newer.status, 1)
        XCTAssertTrue(newer.stderr.contains("schemaVersion 9, newer than this upr understands"), newer.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("new.json"), encoding: .utf8), #"{"schemaVersion": 9}"#)
    }

    func testHistoryShowsWhoChangedWhatAndWhen() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "under-consideration", "140.5", "--analyst", "lan"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.5", "--analyst", "minh", "--note", "MOJ agrees"], in: folder).status, 0)
        let history = try UPRBinary.run(["history", "140.5"], in: folder)
        let lines = history.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, history.stdout)
        XCTAssertTrue(lines[0].contains("140.5  lan  undecided → under consideration"), history.stdout)
        XCTAssertTrue(lines[1].contains("140.5  minh  under consideration → accepted"), history.stdout)
        XCTAssertTrue(lines[2].contains("minh  note edited: “MOJ agrees”"), "a note edit reads as one: \(history.stdout)")
        XCTAssertNotNil(lines[0].range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}"#, options: .regularExpression), "an ISO date, the time and the zone's offset")
    }

    func testADamagedLedgerPointsToRecoverAndRecoverKeepsTheDamagedFile() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1", "140.2"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["fold"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "rejected", "140.3"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["fold"], in: folder).status, 0)
        let url = folder.appendingPathComponent("upr-ledger.json")
        let damaged = String(try String(contentsOf: url, encoding: .utf8).prefix(5000))
        try Data(damaged.utf8).write(to: url)
        let stats = try UPRBinary.run(["stats"], in: folder)
        XCTAssertEqual(stats.status, 1)
        XCTAssertTrue(stats.stderr.contains("upr recover --ledger"), stats.stderr)
        let recover = try UPRBinary.run(["recover"], in: folder)
        XCTAssertEqual(recover.status, 0, recover.stderr)
        XCTAssertTrue(recover.stdout.contains("from upr-ledger.json.bak"), recover.stdout)
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix("upr-ledger.json.broken-") })
        // The .bak is the ledger before the last fold: the first decision survives.
        XCTAssertEqual(try LedgerStore.read(url).status(of: "140.1"), .accepted)
        XCTAssertEqual(try UPRBinary.run(["stats"], in: folder).status, 0)
    }

    /// The workbench's filter language selects what `upr export --filter` writes.
    func testExportWithAFilterWritesWhatTheFilterSelects() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        let ledger = try LedgerStore.read(folder.appendingPathComponent("upr-ledger.json"))
        let france = ledger.recommendations.filter { $0.states.contains("France") }.map(\.id)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", france[0]], in: folder).status, 0)
        let undecided = try UPRBinary.run(["export", "--format", "ids", "--filter", "state:france decision:undecided"], in: folder)
        XCTAssertEqual(undecided.status, 0, undecided.stderr)
        XCTAssertEqual(undecided.stdout, france.dropFirst().map { $0 + "\n" }.joined())
        let wrong = try UPRBinary.run(["export", "--filter", "state:france (text:death"], in: folder)
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("expected ')' at column 25"), wrong.stderr)
        let unknown = try UPRBinary.run(["export", "--filter", "state:atlantis"], in: folder)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("atlantis"), unknown.stderr)
    }

    /// `upr check` fails when one ask (a cluster) is accepted and rejected, so a team can run it before publishing.
    func testCheckExitsNonZeroWhenOneAskIsDecidedTwoWays() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        let clusters = try UPRBinary.run(["clusters"], in: folder)
        XCTAssertEqual(clusters.status, 0, clusters.stderr)
        // The first cluster that lists two IDs: take them from the output.
        let ids = clusters.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).map(String.init)
            .filter { $0.range(of: #"^140\.\d+$"#, options: .regularExpression) != nil }
        XCTAssertGreaterThanOrEqual(ids.count, 2, clusters.stdout)
        XCTAssertEqual(try UPRBinary.run(["check"], in: folder).status, 0, "nothing decided: no conflict")
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", ids[0]], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", ids[1]], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["check"], in: folder).status, 0, "the same decision is no conflict")
        XCTAssertEqual(try UPRBinary.run(["decide", "rejected", ids[1]], in: folder).status, 0)
        let check = try UPRBinary.run(["check"], in: folder)
        XCTAssertEqual(check.status, 1, check.stdout)
        XCTAssertTrue(check.stdout.contains(ids[0]) && check.stdout.contains(ids[1]), check.stdout)
    }

    /// The addendum's "already implemented" group is set from the command line too.
    func testDecideImplementedFeedsTheAddendum() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertNotEqual(try UPRBinary.run(["decide", "rejected", "140.2", "--implemented"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1", "140.2", "--implemented"], in: folder).status, 0)
        let addendum = try UPRBinary.run(["export", "--format", "addendum", "--draft"], in: folder)
        XCTAssertTrue(addendum.stdout.contains("140.1-2"), addendum.stdout)
        XCTAssertTrue(addendum.stdout.lowercased().contains("already implemented"), addendum.stdout)
        XCTAssertEqual(try LedgerStore.read(folder.appendingPathComponent("upr-ledger.json")).record(for: "140.2")?.implemented, true)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.2", "--no-implemented"], in: folder).status, 0)
        XCTAssertEqual(try LedgerStore.read(folder.appendingPathComponent("upr-ledger.json")).record(for: "140.2")?.implemented, false)
    }
}
