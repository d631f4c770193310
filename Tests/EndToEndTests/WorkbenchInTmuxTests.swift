import Foundation
import XCTest
import ReviewModel

/// The real binary in a real terminal (tmux), driven as a new user would.
final class WorkbenchInTmuxTests: XCTestCase {
    var folder: URL!
    var ledgerURL: URL { folder.appendingPathComponent("upr-ledger.json") }
    var upr: String { shellQuoted(UPRBinary.path) }

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed; .ci/run installs it") }
        folder = UPRBinary.temporaryFolder()
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    /// The brief's scenario: open the sample, filter by one State, tag three, quit, reopen: the
    /// three decisions are there; export prints exactly the accepted IDs.
    func testFilterByStateTagThreeQuitReopenAndExport() throws {
        var tmux: TmuxSession? = try TmuxSession(upr, in: folder)
        try tmux!.waitFor("ILLUSTRATIVE SAMPLE")
        try tmux!.press("s")
        try tmux!.waitFor("Recommending State")
        try tmux!.type("fran")
        try tmux!.waitFor("> fran")
        try tmux!.press("Enter")
        try tmux!.waitFor("State: France: 5 shown")
        try tmux!.press("a")
        try tmux!.waitFor("✓1 ?0 ✗0 ·4")
        try tmux!.press("a")
        try tmux!.waitFor("✓2 ?0 ✗0 ·3")
        try tmux!.press("r")
        try tmux!.waitFor("✓2 ?0 ✗1 ·2")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        tmux = nil

        let ledger = try LedgerStore.read(ledgerURL)
        let france = ledger.recommendations.filter { $0.states.contains("France") }.map(\.id)
        let accepted = france.prefix(2)
        XCTAssertEqual(ledger.recommendations.filter { ledger.status(of: $0.id) == .accepted }.map(\.id), Array(accepted))
        XCTAssertEqual(ledger.status(of: france[2]), .rejected)

        tmux = try TmuxSession(upr, in: folder)
        try tmux!.waitFor("All 320: ✓2 ?0 ✗1 ·317")
        try tmux!.press("d", "d")
        let acceptedView = try tmux!.waitFor("accepted: 2 shown")
        for id in accepted { XCTAssertTrue(acceptedView.contains(" \(id) "), "\(id) listed after reopening:\n\(acceptedView)") }
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")

        let export = try UPRBinary.run(["export", "--format", "ids", "--status", "accepted"], in: folder)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout, accepted.map { $0 + "\n" }.joined())
    }

    /// `kill -9` right after the screen shows a decision loses nothing.
    func testKillDashNineRightAfterADecisionIsShownLosesNothing() throws {
        let keys = ["a", "r", "c", "a", "r"]
        for (round, key) in keys.enumerated() {
            let tmux = try TmuxSession(upr, in: folder)
            try tmux.waitFor("UPR Workbench")
            try tmux.press("G")  // go to the end, then up `round` rows: a different one each round
            for _ in 0..<round { try tmux.press("k") }
            try tmux.waitFor("\(320 - round)/320")
            try tmux.press(key)
            try tmux.waitFor(round == 0 ? "✓1" : "·\(320 - round - 1)")
            let pid = try XCTUnwrap(try tmux.programPID())
            kill(pid, SIGKILL)
            try tmux.waitFor("UPR-EXIT=137")
            let ledger = try LedgerStore.read(ledgerURL)
            XCTAssertEqual(ledger.decisions.count, round + 1, "after round \(round)")
            let expected: DecisionStatus = key == "a" ? .accepted : key == "r" ? .rejected : .underConsideration
            XCTAssertEqual(ledger.status(of: "140.\(320 - round)"), expected)
        }
    }

    /// Vietnamese typed and shown correctly with no locale in the environment (CI, bare SSH).
    func testUTF8WithoutALocaleInTheEnvironment() throws {
        let tmux = try TmuxSession("env -u LANG -u LC_ALL -u LC_CTYPE \(upr)", in: folder)
        try tmux.waitFor("UPR Workbench")
        try tmux.press("e")
        try tmux.type("Bộ Tư pháp: xem lại Điều 117")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("Note on 140.1 saved")
        XCTAssertTrue(screen.contains("Note: Bộ Tư pháp: xem lại Điều 117"), screen)
        try tmux.press("s")
        try tmux.type("cote")
        XCTAssertTrue(try tmux.waitFor("1 of 133 States").contains("Côte d'Ivoire"))
        try tmux.press("Escape", "q")
        try tmux.waitFor("UPR-EXIT=0")
        XCTAssertEqual(try LedgerStore.read(ledgerURL).record(for: "140.1")?.note, "Bộ Tư pháp: xem lại Điều 117")
    }

    /// The terminal is given back on Ctrl-C, SIGTERM and SIGHUP, and nothing is lost.
    func testSignalsAndCtrlCRestoreTheTerminal() throws {
        for (index, way) in ["ctrl-c", "TERM", "HUP"].enumerated() {
            let tmux = try TmuxSession(upr, in: folder)
            try tmux.waitFor("UPR Workbench")
            XCTAssertTrue(try tmux.alternateScreenOn())
            for _ in 0..<index { try tmux.press("j") }
            try tmux.press("a")
            try tmux.waitFor("✓\(index + 1)")
            switch way {
            case "ctrl-c": try tmux.press("C-c")
            case "TERM": kill(try XCTUnwrap(try tmux.programPID()), SIGTERM)
            default: kill(try XCTUnwrap(try tmux.programPID()), SIGHUP)
            }
            let screen = try tmux.waitFor("UPR-EXIT=")
            XCTAssertFalse(try tmux.alternateScreenOn(), "terminal restored after \(way)")
            XCTAssertTrue(screen.contains("Every decision is saved"), screen)
            XCTAssertEqual(try LedgerStore.read(ledgerURL).decisions.count, index + 1)
        }
    }

    func testExportFromInsideTheWorkbenchWritesBesideTheLedger() throws {
        let tmux = try TmuxSession(upr, in: folder, width: 220)
        try tmux.waitFor("UPR Workbench")
        try tmux.press("a", "a", "E")
        try tmux.waitFor("addendum draft")
        try tmux.press("a")
        let screen = try tmux.waitFor("Exported 320 recommendations to ")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("upr-export-addendum-") })
        XCTAssertTrue(screen.contains(name), screen)
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        XCTAssertTrue(text.contains("Supported (2): 140.1-2"), text)
        try tmux.press("d", "E", "i")
        try tmux.waitFor("Exported 318 recommendations")
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
    }

    /// Undo works in the session and after a restart; the detail pane shows the history.
    func testUndoAndRedoAcrossARestart() throws {
        var tmux: TmuxSession? = try TmuxSession(upr, in: folder)
        try tmux!.waitFor("UPR Workbench")
        try tmux!.press("a", "r")
        try tmux!.waitFor("✓1 ?0 ✗1")
        try tmux!.press("u")
        try tmux!.waitFor("Undid the change to 140.2")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        tmux = try TmuxSession(upr, in: folder)
        try tmux!.waitFor("✓1 ?0 ✗0")
        try tmux!.press("u")
        try tmux!.waitFor("Undid the change to 140.1")
        try tmux!.press("C-r")
        let screen = try tmux!.waitFor("Redid the change to 140.1")
        XCTAssertTrue(screen.contains("History (3 changes, latest first):"), screen)
        XCTAssertTrue(screen.contains("[redo]") && screen.contains("[undo]"), screen)
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        XCTAssertEqual(try LedgerStore.read(ledgerURL).decisions.count, 1)
    }

    /// A large ledger opens before its clusters are found; they arrive while the analyst works,
    /// are kept beside the ledger, and the next start reads them instead.
    func testALargeLedgerIsClusteredAfterTheFirstScreenAndOnlyOnce() throws {
        let large = try Sample.ledger().repeated(10)
        XCTAssertGreaterThan(large.recommendations.count, ClusterCache.synchronousLimit)
        try DurableFile.write(LedgerCoding.encode(large), to: ledgerURL)
        let stored = ClusterCache.url(for: ledgerURL)

        var tmux: TmuxSession? = try TmuxSession(upr, in: folder)
        try tmux!.waitFor("All 3200")
        try tmux!.press("a")  // 140.1 accepted; 1140.1 makes the same ask
        try tmux!.type(":goto 1140.1")
        try tmux!.press("Enter", "r")
        try tmux!.waitFor("cluster decided two ways", timeout: 60)
        XCTAssertTrue(FileManager.default.fileExists(atPath: stored.path))
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        tmux = nil

        // Closing folded the journal into a new ledger file: the next start checks the key once
        // and names the new file (a rewrite of the same clusters); the one after reads them only.
        let key = { try (JSONSerialization.jsonObject(with: Data(contentsOf: stored)) as? [String: Any])?["key"] as? String }
        let computedKey = try key()
        for _ in 0..<2 {
            let modified = try FileManager.default.attributesOfItem(atPath: stored.path)[.modificationDate] as? Date
            tmux = try TmuxSession(upr, in: folder)
            let first = try tmux!.waitFor("cluster decided two ways")
            XCTAssertFalse(first.contains("finding clusters"), first)
            try tmux!.press("q")
            try tmux!.waitFor("UPR-EXIT=0")
            tmux = nil
            XCTAssertEqual(try key(), computedKey)
            if try FileManager.default.attributesOfItem(atPath: stored.path)[.modificationDate] as? Date == modified { return }
        }
        XCTFail("the clusters file was written on every start: read, not computed again, was expected")
    }

    func testResizingAndATooSmallWindow() throws {
        let tmux = try TmuxSession(upr, in: folder)
        try tmux.waitFor("UPR Workbench")
        try tmux.resize(width: 30, height: 8)
        try tmux.waitFor("Window too small (30×8)")
        try tmux.resize(width: 70, height: 20)
        let stacked = try tmux.waitFor("────")
        XCTAssertTrue(stacked.contains("1/320"), stacked)
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
    }

    /// A second workbench opens read-only with a banner naming who holds the ledger; a script is refused.
    func testASecondWorkbenchOnTheSameLedgerIsReadOnlyAndSaysWhoHoldsIt() throws {
        let first = try TmuxSession("\(upr) --analyst lan", in: folder)
        try first.waitFor("UPR Workbench")
        let second = try TmuxSession("\(upr) --analyst minh", in: folder, width: 160)
        let screen = try second.waitFor("READ-ONLY")
        XCTAssertTrue(screen.contains("is open in another upr (lan on"), screen)
        try second.press("a")
        try second.waitFor("Read-only: the ledger is open in another upr")
        XCTAssertTrue(try second.screen().contains("All 320: ✓0 ?0 ✗0 ·320"))
        try second.press("q")
        try second.waitFor("UPR-EXIT=0")
        let decide = try UPRBinary.run(["decide", "accepted", "140.1"], in: folder)
        XCTAssertEqual(decide.status, 1)
        XCTAssertTrue(decide.stderr.contains("is open in another upr"), decide.stderr)
        try first.press("a")
        try first.waitFor("✓1")
        try first.press("q")
        try first.waitFor("UPR-EXIT=0")
        XCTAssertEqual(try LedgerStore.read(ledgerURL).decisions.count, 1)
    }

    func testACorruptLedgerIsNamedWithItsPlaceAndLeftUntouched() throws {
        let broken = "{\n  \"schemaVersion\": 1,\n  \"document\": {\"symbol\": \"x\",\n}\n"
        try Data(broken.utf8).write(to: ledgerURL)
        let tmux = try TmuxSession(upr, in: folder)
        let screen = try tmux.waitFor("UPR-EXIT=1")
        XCTAssertTrue(screen.contains("upr-ledger.json:4:1 is not valid JSON"), screen)
        XCTAssertEqual(try String(contentsOf: ledgerURL, encoding: .utf8), broken)
    }

    func testNoTERMGivesAClearMessage() throws {
        let tmux = try TmuxSession("env -u TERM \(upr)", in: folder)
        let screen = try tmux.waitFor("UPR-EXIT=2")
        XCTAssertTrue(screen.contains("TERM is not set"), screen)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ledgerURL.path), "nothing written")
    }
}
