import Foundation
import XCTest
import ReviewModel

/// The attacks of issue 14 on the real binary: a cut or changed ledger, a journal with a line
/// missing or torn, escape sequences in a note. Every read command refuses, or is exactly right,
/// and says what it dropped.
final class LedgerAttackTests: XCTestCase {
    var folder: URL!
    var ledger: URL { folder.appendingPathComponent("upr-ledger.json") }
    var journal: URL { LedgerJournal.url(for: ledger) }

    /// The read commands, as a user would run them.
    let readCommands: [[String]] = [
        ["export", "--format", "ids", "--status", "accepted"], ["export", "--format", "ids"], ["export", "--format", "csv"],
        ["stats"], ["history"], ["check"], ["clusters", "140.1"], ["proposals"], ["resolve"],
    ]

    override func setUpWithError() throws {
        folder = UPRBinary.temporaryFolder()
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        for (status, id) in [("accepted", "140.1"), ("rejected", "140.7"), ("accepted", "140.78")] {
            XCTAssertEqual(try UPRBinary.run(["decide", status, id], in: folder).status, 0)
        }
        XCTAssertEqual(try UPRBinary.run(["fold"], in: folder).status, 0, "the file holds them; the journal starts empty")
    }

    override func tearDown() { if let folder { try? FileManager.default.removeItem(at: folder) } }

    func run(_ arguments: [String]) throws -> UPRBinary.Result { try UPRBinary.run(arguments, in: folder) }

    func testACutLedgerIsRefusedByEveryReadCommandWithItsPlace() throws {
        let full = try Data(contentsOf: ledger)
        let accepted = try run(["export", "--format", "ids", "--status", "accepted"]).stdout
        XCTAssertEqual(accepted, "140.1\n140.78\n")
        for cut in [full.count / 7, full.count / 3, full.count / 2, full.count - 40, full.count - 3] {
            try full.prefix(cut).write(to: ledger)
            for command in readCommands {
                let result = try run(command)
                XCTAssertNotEqual(result.status, 0, "cut at \(cut): upr \(command.joined(separator: " ")) accepted it: \(result.stdout.prefix(200))")
                XCTAssertTrue(result.stderr.contains("upr-ledger.json:"), "cut at \(cut), \(command): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("upr recover"), result.stderr)
                XCTAssertTrue(result.stdout.isEmpty, "nothing partial printed: \(command)")
            }
        }
    }

    func testAnIDWithItsQuoteTurnedIntoTextIsRefused() throws {
        let text = try String(contentsOf: ledger, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "{\"id\":\"140.78\",", with: "{\"id\":\"140.78),").utf8).write(to: ledger)
        let result = try run(["export", "--format", "ids", "--status", "accepted"])
        XCTAssertNotEqual(result.status, 0, result.stdout)
        XCTAssertFalse(result.stdout.contains("140.78)"), result.stdout)
        XCTAssertTrue(result.stderr.contains("is not valid JSON"), result.stderr)
    }

    func testAnInvalidByteAbove0x7FIsPlacedByLineAndColumn() throws {
        var bytes = try Data(contentsOf: ledger)
        let place = try XCTUnwrap(bytes.firstRange(of: Data("\"text\":\"".utf8))).upperBound
        bytes[place] = 0xFF
        try bytes.write(to: ledger)
        let result = try run(["stats"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.range(of: #"upr-ledger\.json:\d+:\d+ is not valid JSON: invalid UTF-8"#, options: .regularExpression) != nil, result.stderr)
    }

    /// Three decisions in the journal (`upr fold` put the earlier ones in the file).
    func journalOfThree() throws -> [String] {
        let store = try LedgerStore.open(ledger, analyst: "lan").store
        var working = store.saved
        for id in ["140.2", "140.3", "140.4"] {
            try working.decide(id, .accepted, by: "lan", at: Date())
            try store.record(working)
        }
        _ = store  // not closed: as after a crash, the journal keeps them
        return try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testAJournalWithALineDeletedIsRefusedByEveryCommandWithTheLineNumber() throws {
        var lines = try journalOfThree()
        lines.remove(at: 1)
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: journal)
        for command in readCommands + [["decide", "accepted", "140.9"], ["assign", "Ministry of Justice", "140.9"]] {
            let result = try run(command)
            XCTAssertNotEqual(result.status, 0, "upr \(command.joined(separator: " ")) accepted it")
            XCTAssertTrue(result.stderr.contains("upr-ledger.json.journal:2: change 2 is missing before it"), "\(command): \(result.stderr)")
        }
    }

    func testATornLastLineIsReportedByEveryCommandAndNotFoldedAwayUnseen() throws {
        let lines = try journalOfThree()
        try Data((lines.map { $0 + "\n" }.joined() + "{\"base\":").utf8).write(to: journal)
        for command in readCommands {
            let result = try run(command)
            XCTAssertTrue(result.stderr.contains("upr-ledger.json.journal:4: the last change was cut off by a crash"), "\(command): \(result.stderr)")
        }
        let decide = try run(["decide", "rejected", "140.9"])
        XCTAssertEqual(decide.status, 0, decide.stderr)
        XCTAssertTrue(decide.stderr.contains("journal:4: the last change was cut off") && decide.stderr.contains("kept in upr-ledger.json.journal.torn-"), decide.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertTrue(names.contains { $0.hasPrefix("upr-ledger.json.journal.torn-") }, "\(names)")
        let after = try run(["export", "--format", "ids", "--status", "accepted"])
        XCTAssertEqual(after.stdout, "140.1\n140.2\n140.3\n140.4\n140.78\n")
        XCTAssertEqual(after.stderr, "", "reported once, then kept aside")
    }

    /// The public record's text and the ledger's reach the terminal cleaned too (`record import`, `precedent`).
    func testEscapeSequencesNeverReachTheTerminalFromTheRecordCommands() throws {
        let evil = "\u{1B}]0;PWNED\u{07}"
        let header = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\n"
        // A record export with control characters is refused, and the refusal is clean.
        try Data((header + "Chile,GRULAC,,\"Ratify it \(evil)\",Atlantis\(evil),,,Accepted,,Torture,18\n").utf8).write(to: folder.appendingPathComponent("evil.csv"))
        let refused = try run(["record", "import", "evil.csv", "--record", "evil.uprrec"])
        XCTAssertNotEqual(refused.status, 0)
        // A record of clean rows, and a recommendation of the ledger whose text carries the sequence.
        let csv = header + "Chile,GRULAC,,Ratify the Optional Protocol to the Convention against Torture,Peru,GRULAC,,Accepted,,Torture,18\n"
            + "Peru,GRULAC,,Ratify the Optional Protocol to the Convention against Torture,France,WEOG,,Noted,,Torture,18\n"
        try Data(csv.utf8).write(to: folder.appendingPathComponent("clean.csv"))
        let imported = try run(["record", "import", "clean.csv", "--record", "r.uprrec"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let tainted = try Ledger(document: DocumentInfo(symbol: "A/HRC/1/1", title: "t", stateUnderReview: "Ruritania"),
                                 recommendations: [Recommendation(id: "1.1", text: "Ratify the Optional Protocol to the Convention against Torture \(evil)", states: ["Chile"])])
        try LedgerCoding.encode(tainted).write(to: folder.appendingPathComponent("t.json"))
        let precedent = try run(["precedent", "1.1", "--record", "r.uprrec", "--ledger", "t.json"])
        XCTAssertEqual(precedent.status, 0, precedent.stderr)
        XCTAssertTrue(precedent.stdout.contains("Chile"), precedent.stdout)
        for output in [refused.stdout + refused.stderr, imported.stdout, precedent.stdout] {
            for bad in ["\u{1B}", "\u{07}", "PWNED"] { XCTAssertFalse(output.contains(bad), "passes \(bad.debugDescription): \(output)") }
        }
    }

    func testEscapeSequencesInANoteNeverReachTheTerminalButFilesKeepThem() throws {
        let note = "evil \u{1B}]0;PWNED\u{07} \u{1B}]52;c;aGVsbG8=\u{07}\u{1B}[2J\u{9B}31m end"
        XCTAssertEqual(try run(["decide", "accepted", "140.5", "--note", note]).status, 0)
        let history = try run(["history", "140.5"])
        XCTAssertTrue(history.stdout.contains("evil"), history.stdout)
        for bad in ["\u{1B}", "\u{07}", "\u{9B}", "PWNED", "aGVsbG8"] { XCTAssertFalse(history.stdout.contains(bad), "history passes \(bad.debugDescription)") }
        // Written to a file, the CSV keeps the note as it is.
        XCTAssertEqual(try run(["export", "--format", "csv", "-o", "out.csv"]).status, 0)
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8).contains(note))
    }

    func testTheTerminalsTitleAndScreenAreUntouchedByANoteShownByCommands() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed") }
        let note = "evil \u{1B}]2;PWNED\u{07}\u{1B}[2J end"
        XCTAssertEqual(try run(["decide", "accepted", "140.5", "--note", note]).status, 0)
        let upr = shellQuoted(UPRBinary.path)
        let tmux = try TmuxSession("printf 'BEFORE\\n'; \(upr) history 140.5; \(upr) export --format csv --status accepted; \(upr) export --format per-state --status accepted", in: folder, width: 200, height: 90)
        let screen = try tmux.waitFor("UPR-EXIT=0")
        XCTAssertTrue(screen.contains("BEFORE"), "the screen was not cleared: \(screen)")
        XCTAssertTrue(screen.contains("evil"), screen)
        let title = try tmux.tmux(["display-message", "-p", "-t", "0", "#{pane_title}"])
        XCTAssertFalse(title.contains("PWNED"), "the title was set: \(title)")
    }
}
