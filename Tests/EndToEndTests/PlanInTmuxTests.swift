import Foundation
import XCTest
import ReviewModel

/// The national plan in the real binary: the implementation view, a status, an action and a
/// progress note, saved before the screen says so; `kill -9`, then reopened with all of it.
final class PlanInTmuxTests: XCTestCase {
    func testStatusActionAndProgressNoteSurviveAKillAndReopen() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed; .ci/run installs it") }
        let folder = UPRBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("upr-ledger.json")
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1", "140.2", "140.3"], in: folder).status, 0)
        let upr = shellQuoted(UPRBinary.path)
        var tmux: TmuxSession? = try TmuxSession("\(upr) --fresh", in: folder, width: 140)
        try tmux!.waitFor("UPR Workbench")
        try tmux!.press("P")
        try tmux!.waitFor("Implementation view: 3 supported recommendations")
        try tmux!.press("p")
        try tmux!.waitFor("140.1: in progress")
        try tmux!.press(":")
        try tmux!.type("action add Draft the decree due:2020-01-31 lead:\"Ministry of Justice\"")
        try tmux!.press("Enter")
        try tmux!.waitFor("Action 1 added to 140.1, due 2020-01-31")
        try tmux!.waitFor("OVERDUE")
        try tmux!.press("l")
        try tmux!.waitFor("Progress note (editing below")
        try tmux!.type("Consulted the provinces")
        try tmux!.press("Enter")
        try tmux!.waitFor("Progress note on 140.1 saved")
        for format in ["plan", "midterm"] {
            try tmux!.press(":")
            try tmux!.type("export \(format)")
            try tmux!.press("Enter")
            try tmux!.waitFor("upr-export-\(format)-")
        }
        let exported = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("upr-export-") }.sorted()
        XCTAssertTrue(exported.contains { $0.hasPrefix("upr-export-midterm-") && $0.hasSuffix(".docx") }, "\(exported)")
        XCTAssertTrue(exported.contains { $0.hasPrefix("upr-export-plan-") && $0.hasSuffix(".xlsx") }, "\(exported)")
        try tmux!.press("S")
        try tmux!.waitFor("Implementation of the 3 supported")
        try tmux!.press("q")
        // Killed, not quit: what is on screen must already be in the journal.
        let pid = try XCTUnwrap(try tmux!.programPID())
        kill(pid, SIGKILL)
        try tmux!.waitFor("UPR-EXIT=")
        tmux = nil

        let ledger = try LedgerStore.read(url)
        let plan = try XCTUnwrap(ledger.implementation(of: "140.1"))
        XCTAssertEqual(plan.status, .inProgress)
        XCTAssertEqual(plan.actions, [ImplementationAction(text: "Draft the decree", due: "2020-01-31", lead: "Ministry of Justice")])
        XCTAssertEqual(plan.progress.map(\.text), ["Consulted the provinces"])

        let again = try TmuxSession("\(upr) --fresh", in: folder, width: 140)
        try again.waitFor("UPR Workbench")
        try again.press("P")
        try again.waitFor("3 supported recommendations, 1 overdue")
        let screen = try again.waitFor("Consulted the provinces")
        XCTAssertTrue(screen.contains("in progress"), screen)
        XCTAssertTrue(screen.contains("next: 2020-01-31 Draft the dec"), screen)
        try again.press("q")
        try again.waitFor("UPR-EXIT=0")
    }
}
