import Foundation
import XCTest
import ReviewModel

/// Issue 15 in the real binary and a real terminal (tmux): resume, Ctrl-Z, TERM values, keys.
final class DaysOfWorkInTmuxTests: XCTestCase {
    var folder: URL!
    var upr: String { shellQuoted(UPRBinary.path) }

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed; .ci/run installs it") }
        folder = UPRBinary.temporaryFolder()
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    /// Quit with a filter, a search and the cursor on 3/5; reopen: the same place. `--fresh`: 1/320.
    func testReopensWhereTheAnalystLeftOffAndFreshStartsClean() throws {
        var tmux: TmuxSession? = try TmuxSession("\(upr) --analyst lan", in: folder)
        try tmux!.waitFor("ILLUSTRATIVE SAMPLE")
        try tmux!.press("s")
        try tmux!.type("fran")
        try tmux!.waitFor("> fran")
        try tmux!.press("Enter")
        try tmux!.waitFor("State: France: 5 shown")
        try tmux!.press("j", "j", "Space", "k", "w")
        try tmux!.waitFor("3/5")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        tmux = nil
        let resume = folder.appendingPathComponent("upr-ledger.json.lan.resume")
        XCTAssertTrue(FileManager.default.fileExists(atPath: resume.path), "kept beside the ledger, per analyst")
        let ledgerText = try String(contentsOf: folder.appendingPathComponent("upr-ledger.json"), encoding: .utf8)
        XCTAssertFalse(ledgerText.contains("detailHidden"), "not in the ledger")

        tmux = try TmuxSession("\(upr) --analyst lan", in: folder)
        let screen = try tmux!.waitFor("Resumed where you left off")
        XCTAssertTrue(screen.contains("State: France: 5 shown"), screen)
        XCTAssertTrue(screen.contains("1 marked"), screen)
        XCTAssertTrue(screen.contains("3/5"), screen)
        XCTAssertFalse(screen.contains("UNDECIDED"), "the detail pane stays hidden: \(screen)")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")

        tmux = try TmuxSession("\(upr) --analyst minh", in: folder)
        try tmux!.waitFor("1/320")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")

        tmux = try TmuxSession("\(upr) --analyst lan --fresh", in: folder)
        let fresh = try tmux!.waitFor("1/320")
        XCTAssertFalse(fresh.contains("State: France"), fresh)
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
    }

    /// Ctrl-Z gives the terminal back to the shell (curses ended); `fg` redraws where it was.
    func testCtrlZSuspendsWithTheTerminalRestoredAndFgRedraws() throws {
        let tmux = try TmuxSession("bash --norc --noprofile -i", in: folder)
        try tmux.type("PS1='$ '; \(upr) --analyst lan")
        try tmux.press("Enter")
        try tmux.waitFor("ILLUSTRATIVE SAMPLE")
        try tmux.press("j", "j", "a")
        try tmux.waitFor("✓1")
        try tmux.press("C-z")
        try tmux.waitFor("Stopped")
        XCTAssertFalse(try tmux.alternateScreenOn(), "the terminal is the shell's again")
        try tmux.type("echo still-here")
        try tmux.press("Enter")
        try tmux.waitFor("still-here")
        try tmux.type("fg")
        try tmux.press("Enter")
        let back = try tmux.waitFor("4/320")
        XCTAssertTrue(back.contains("All 320: ✓1"), back)
        XCTAssertFalse(back.contains("still-here"), "the whole screen is drawn again")
        XCTAssertTrue(try tmux.alternateScreenOn())
        try tmux.press("q")
        try tmux.waitFor("Every decision is saved")
    }

    /// TERM=dumb (no cursor addressing) and an unknown TERM are refused with a message and status 2.
    func testTerminalsThatCannotDrawTheWorkbenchAreRefused() throws {
        var tmux: TmuxSession? = try TmuxSession("TERM=dumb \(upr)", in: folder)
        let dumb = try tmux!.waitFor("UPR-EXIT=2")
        XCTAssertTrue(dumb.contains("TERM=dumb: this terminal cannot move the cursor"), dumb)
        tmux = try TmuxSession("TERM=no-such-terminal-here \(upr)", in: folder)
        let unknown = try tmux!.waitFor("UPR-EXIT=2")
        XCTAssertTrue(unknown.contains("TERM=no-such-terminal-here is not a terminal type this system knows"), unknown)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("upr-ledger.json").path), "nothing written")
    }

    /// PgUp, PgDn, Home, End and Delete arrive as keys under every common TERM, vt100 included
    /// (whose terminfo has none of them).
    func testEditingKeysArriveAsKeysUnderEveryCommonTerm() throws {
        for term in ["vt100", "xterm", "screen", "tmux", "linux"] {
            let tmux = try TmuxSession("TERM=\(term) \(upr) --fresh", in: folder)
            try tmux.waitFor("1/320")
            try tmux.press("NPage")
            try tmux.waitFor("28/320")  // a page of the list at 100×30
            try tmux.press("End")
            try tmux.waitFor("320/320")
            try tmux.press("PPage")
            try tmux.waitFor("293/320")
            try tmux.press("Home")
            let top = try tmux.waitFor("1/320")
            XCTAssertFalse(top.contains("does nothing here"), "\(term): \(top)")
            try tmux.press("e")
            try tmux.type("abc")
            try tmux.press("Home", "DC")
            try tmux.waitFor("Note 140.1: bc")
            try tmux.press("Escape", "q")
            try tmux.waitFor("UPR-EXIT=0")
        }
    }

    /// Slovenia's addendum imported: the workbench names it in the history, and one `u` undoes
    /// the whole import.
    func testOneUndoUndoesAWholeImportNamedInTheHistory() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = root.appendingPathComponent("../shared/upr-data/slovenia").standardizedFileURL
        let report = data.appendingPathComponent("svn-c4-A_HRC_59_15.txt"), addendum = data.appendingPathComponent("svn-c4-A_HRC_59_15_Add1.txt")
        guard FileManager.default.fileExists(atPath: addendum.path) else { throw XCTSkip("../shared/upr-data not found: \(data.path)") }
        XCTAssertEqual(try UPRBinary.run(["import", report.path, addendum.path, "--ledger", "slovenia.json"], in: folder).status, 0)
        let tmux = try TmuxSession("TZ=Asia/Ho_Chi_Minh \(upr) --ledger slovenia.json", in: folder, width: 200, height: 40)
        let opened = try tmux.waitFor("(from published position in")
        XCTAssertTrue(opened.contains("svn-c4-A_HRC_59_15_Add1.txt)"), opened)
        XCTAssertNotNil(opened.range(of: #"Decided by \S+, \d{4}-\d{2}-\d{2} \d{2}:\d{2} \+07"#, options: .regularExpression), "local time, ISO date: \(opened)")
        try tmux.press("u")
        let undone = try tmux.waitFor("Undid the change to 254 recommendations")
        XCTAssertTrue(undone.contains("·254"), undone)
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
    }

    /// Counts, half pages, the help that pages and searches.
    func testCountsHalfPagesAndTheHelpPagerInTheRealTerminal() throws {
        let tmux = try TmuxSession("\(upr) --fresh", in: folder)
        try tmux.waitFor("1/320")
        try tmux.type("5j")
        try tmux.waitFor("6/320")
        try tmux.press("C-d")
        try tmux.waitFor("19/320")
        try tmux.press("C-u")
        try tmux.waitFor("6/320")
        try tmux.type("40G")
        try tmux.waitFor("40/320")
        try tmux.press("?")
        try tmux.waitFor("Keys in force")
        try tmux.press("NPage")
        let paged = try tmux.waitFor("redo what was undone")
        XCTAssertFalse(paged.contains("Keys in force"), paged)
        try tmux.type("/suspend")
        try tmux.press("Enter")
        try tmux.waitFor("“suspend”: match 1 of 1")
        try tmux.press("q", "C-l")
        try tmux.waitFor("40/320")
        try tmux.press(":")
        try tmux.type("frobnicate")
        try tmux.press("Enter")
        try tmux.waitFor("Unknown command")
        try tmux.type(":stats")
        try tmux.press("Enter")
        try tmux.waitFor("Acceptance rate")
        try tmux.press("q", "q")
        try tmux.waitFor("UPR-EXIT=0")
    }
}
