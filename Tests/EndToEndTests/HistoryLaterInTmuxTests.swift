import Foundation
import XCTest
import ReviewModel

/// A large ledger's first screen is drawn before its history is read; before any key the history
/// is complete. Seen through the real binary in tmux: the history of the first screen's
/// recommendation, a change made on top of it, and a damaged history refused by name with the
/// terminal given back.
final class HistoryLaterInTmuxTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed") }
        folder = UPRBinary.temporaryFolder()
    }

    override func tearDown() { if let folder { try? FileManager.default.removeItem(at: folder) } }

    /// About 1.2 MB (the history is read on a thread of its own from 1 MB), every second
    /// recommendation decided, the first twice.
    private func largeLedger() throws -> (url: URL, first: String) {
        let url = folder.appendingPathComponent("upr-ledger.json")
        let (store, _) = try LedgerStore.open(url, analyst: "lan", seed: { try Sample.ledger().repeated(16) })
        var ledger = store.saved
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        for (number, recommendation) in ledger.recommendations.enumerated() where number % 2 == 0 {
            try ledger.decide(recommendation.id, .accepted, by: "lan", at: date)
        }
        let first = ledger.recommendations[0].id
        try ledger.annotate(first, note: "in the law already", by: "minh", at: date.addingTimeInterval(3600))
        try store.save(ledger)
        store.close()
        XCTAssertGreaterThan(try Data(contentsOf: url).count, 1 << 20)
        return (url, first)
    }

    func testTheFirstScreensHistoryIsThereAndAChangeFollowsIt() throws {
        let (url, first) = try largeLedger()
        let tmux = try TmuxSession("\(shellQuoted(UPRBinary.path)) --fresh --analyst hoa", in: folder)
        try tmux.waitFor("History (2 changes, latest first)")
        try tmux.press("r")
        try tmux.press("k")
        try tmux.waitFor("History (3 changes, latest first)")
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
        let history = try UPRBinary.run(["history", first, "--ledger", url.path], in: folder)
        XCTAssertEqual(history.status, 0, history.stderr)
        let lines = history.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, history.stdout)
        XCTAssertTrue(lines[0].contains("lan") && lines[0].contains("undecided → accepted"), history.stdout)
        XCTAssertTrue(lines[1].contains("minh"), history.stdout)
        XCTAssertTrue(lines[2].contains("hoa") && lines[2].contains("accepted → rejected"), history.stdout)
    }

    func testADamagedHistoryIsRefusedByNameAndTheTerminalGivenBack() throws {
        let (url, _) = try largeLedger()
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let history = text.range(of: "\n  \"history\": ["),
              let kind = text.range(of: "\"kind\":\"change\"", range: history.upperBound..<text.endIndex) else { return XCTFail("layout changed") }
        let damaged = text.replacingCharacters(in: kind, with: "\"kind\":\"chnage\"")
        try Data(damaged.utf8).write(to: url)
        let tmux = try TmuxSession("\(shellQuoted(UPRBinary.path)) --fresh --analyst hoa", in: folder)
        let screen = try tmux.waitFor("UPR-EXIT=1")
        XCTAssertTrue(screen.contains("history[0].kind"), screen)
        XCTAssertTrue(screen.contains(url.lastPathComponent), screen)
        XCTAssertFalse(try tmux.alternateScreenOn())
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), damaged, "left untouched")
    }
}
