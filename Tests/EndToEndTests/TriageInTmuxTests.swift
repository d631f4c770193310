import Foundation
import XCTest
import ReviewModel

/// Triage at speed in the real binary: search, the filter language, marks with a bulk decision
/// and its undo, the command line, and a keys file.
final class TriageInTmuxTests: XCTestCase {
    var folder: URL!
    var ledgerURL: URL { folder.appendingPathComponent("upr-ledger.json") }
    var upr: String { shellQuoted(UPRBinary.path) }

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed; .ci/run installs it") }
        folder = UPRBinary.temporaryFolder()
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testSearchFilterMarksBulkDecisionAndUndo() throws {
        let sample = try LedgerStore.read(ledgerURL)
        let france = sample.recommendations.filter { $0.states.contains("France") }.map(\.id)
        let tmux = try TmuxSession(upr, in: folder, width: 140)
        try tmux.waitFor("UPR Workbench")
        // Search, accents and case ignored.
        try tmux.press("/")
        try tmux.type("COTE D'IVOIRE")
        try tmux.press("Enter")
        try tmux.waitFor("“COTE D'IVOIRE”:")  // echoed as typed
        // Filter language, with a syntax error first.
        try tmux.press("f")
        try tmux.type("state:france (")
        try tmux.press("Enter")
        try tmux.waitFor("Error at column 15")
        try tmux.press("C-u")  // not bound: typed nothing; clear the line by hand
        for _ in 0..<15 { try tmux.press("BSpace") }
        try tmux.type("state:france decision:undecided")
        try tmux.press("Enter")
        try tmux.waitFor("state:france decision:undecided: \(france.count) shown")
        // Mark all in view, reject them at once, then undo the whole step.
        try tmux.press("*")
        try tmux.waitFor("\(france.count) marked")
        try tmux.press("r")
        try tmux.waitFor("Rejected: \(france.count) marked recommendations")
        XCTAssertEqual(try LedgerStore.read(ledgerURL).counts.rejected, france.count)
        try tmux.press("Escape")
        try tmux.waitFor("All 320: ✓0 ?0 ✗\(france.count)")
        try tmux.press("u")
        try tmux.waitFor("All 320: ✓0 ?0 ✗0 ·320")
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
        XCTAssertEqual(try LedgerStore.read(ledgerURL).counts.rejected, 0)
    }

    func testTheCommandLineCompletesAndRuns() throws {
        let tmux = try TmuxSession(upr, in: folder)
        try tmux.waitFor("UPR Workbench")
        try tmux.press(":")
        try tmux.type("go")
        try tmux.press("Tab")
        try tmux.waitFor(":goto ")
        try tmux.type("140.200")
        try tmux.press("Enter")
        try tmux.waitFor("200/320")
        try tmux.press(":")
        try tmux.type("state türki")
        try tmux.press("Tab")
        try tmux.waitFor(":state Türkiye")
        try tmux.press("Enter")
        try tmux.waitFor("State: Türkiye:")
        try tmux.press(":")
        try tmux.type("view save turkey")
        try tmux.press("Enter")
        try tmux.waitFor("View “turkey” saved")
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
        XCTAssertEqual(try LedgerStore.read(ledgerURL).views["turkey"], "state:\"Türkiye\"")
    }

    func testAKeysFileChangesTheKeysAndABadOneFallsBack() throws {
        let config = folder.appendingPathComponent("config/upr")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("bind list y accept\n".utf8).write(to: config.appendingPathComponent("keys"))
        var tmux: TmuxSession? = try TmuxSession("XDG_CONFIG_HOME=\(shellQuoted(folder.path))/config \(upr)", in: folder)
        try tmux!.waitFor("y accept")
        try tmux!.press("y")
        try tmux!.waitFor("✓1")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        try Data("bind list y acept\n".utf8).write(to: config.appendingPathComponent("keys"))
        tmux = try TmuxSession("XDG_CONFIG_HOME=\(shellQuoted(folder.path))/config \(upr)", in: folder, width: 200)
        try tmux!.waitFor("keys:1: unknown command “acept” in list; using the default keys")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
    }
}
