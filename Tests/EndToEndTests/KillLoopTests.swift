import Foundation
import XCTest
import ReviewModel

/// `kill -9` of a process saving decisions, at random moments: the ledger always opens, and every
/// decision reported saved is there. 100 rounds here; `Scripts/kill-loop.sh` runs 1,000 or more.
final class KillLoopTests: XCTestCase {
    func testKillDashNineAtRandomMomentsLosesNoReportedDecision() throws {
        let folder = UPRBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledgerURL = folder.appendingPathComponent("upr-ledger.json")
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        try killLoop(ledgerURL, in: folder, arguments: [])
    }

    /// The same with each step as `upr decide` makes it on a ledger over 1 MB: through its index
    /// where that matches the file, a fold (writing the index again) every 25 steps.
    func testKillDashNineOfQuickDecisionsOnALargeLedgerLosesNoReportedDecision() throws {
        let folder = UPRBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledgerURL = folder.appendingPathComponent("upr-ledger.json")
        try LedgerStore.open(ledgerURL, analyst: "lan", seed: { try Sample.ledger().repeated(16) }).store.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: ledgerURL.path + ".index"))
        // Each start reads the whole ledger once (for its IDs): kills come later on average.
        try killLoop(ledgerURL, in: folder, arguments: ["--quick", "--fold-every", "25"], waits: 20_000...400_000)
    }

    func killLoop(_ ledgerURL: URL, in folder: URL, arguments: [String], waits: ClosedRange<UInt32> = 5_000...150_000) throws {
        let rounds = Int(ProcessInfo.processInfo.environment["UPR_KILL_LOOP_ROUNDS"] ?? "") ?? 100
        let initial = try LedgerStore.read(ledgerURL)
        let ids = initial.recommendations.map(\.id)
        let outPath = folder.appendingPathComponent("reported.txt").path

        /// Decisions after the first `steps` steps of the kill target.
        func expected(after steps: Int) -> [String: DecisionStatus] {
            var state: [String: DecisionStatus] = [:]
            for index in 0..<steps {
                let (id, status) = KillTarget.step(index, ids: ids)
                state[id] = status
            }
            return state
        }

        var done = 0, unreadable = 0, lost = 0, totalReported = 0, quickSteps = 0
        for round in 0..<rounds {
            let pid = try Spawn.start(UPRBinary.path, ["kill-target", "--ledger", ledgerURL.path, "--start", "\(done)"] + arguments, outPath: outPath)
            usleep(UInt32.random(in: waits))
            kill(pid, SIGKILL)
            _ = Spawn.reap(pid)
            let lines = (try? String(contentsOfFile: outPath, encoding: .utf8))?.split(separator: "\n") ?? []
            let reported = lines.count
            quickSteps += lines.filter { $0.hasSuffix(" quick") }.count
            totalReported += reported
            guard let ledger = try? LedgerStore.read(ledgerURL) else {
                unreadable += 1
                XCTFail("round \(round): the ledger does not open: \(String(describing: try? LedgerStore.read(ledgerURL)))")
                break
            }
            let decided = ledger.decisionsByID.compactMapValues(\.decision)
            // Every reported step is on disk; the one in flight may or may not be.
            if decided == expected(after: done + reported) {
                done += reported
            } else if decided == expected(after: done + reported + 1) {
                done += reported + 1
            } else {
                lost += 1
                XCTFail("round \(round): after \(done + reported) reported steps the ledger holds something else")
                break
            }
        }
        print("kill loop: \(rounds) kills, \(totalReported) decisions reported saved, \(unreadable) unreadable ledgers, \(lost) rounds with lost decisions\(arguments.isEmpty ? "" : " (kill-target " + arguments.joined(separator: " ") + "; \(quickSteps) through the index)")")
        XCTAssertGreaterThan(totalReported, 0, "the target made decisions between kills")
        if arguments.contains("--quick") { XCTAssertGreaterThan(quickSteps, totalReported / 2, "most steps through the index") }
    }
}

/// The same steps as `upr kill-target` (Sources/upr/KillTargetCommand.swift).
enum KillTarget {
    static func step(_ index: Int, ids: [String]) -> (id: String, status: DecisionStatus?) {
        let statuses: [DecisionStatus?] = [.accepted, .rejected, .underConsideration, nil]
        return (ids[index % ids.count], statuses[(index / ids.count + index) % statuses.count])
    }
}
