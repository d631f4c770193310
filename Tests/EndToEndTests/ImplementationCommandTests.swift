import Foundation
import XCTest
import ReviewModel

/// `upr implement` and `upr action` on the real binary: recorded, refused with a message and
/// nothing recorded, in the history; and progress work survives `kill -9`.
final class ImplementationCommandTests: XCTestCase {
    func testStatusActionsAndNotesAreRecordedAndBadInputRefused() throws {
        let folder = UPRBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("upr-ledger.json")
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1", "140.2"], in: folder).status, 0)

        let set = try UPRBinary.run(["implement", "140.1", "140.2", "--status", "in-progress", "--note", "Draft law sent"], in: folder)
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stdout.contains("Implementation in progress: 2 recommendations"), set.stdout)
        let add = try UPRBinary.run(["action", "add", "140.1", "Draft the law", "--due", "2026-06-30", "--lead", "Ministry of Justice"], in: folder)
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertEqual(try UPRBinary.run(["action", "add", "140.1", "Train judges"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["action", "done", "140.1", "2"], in: folder).status, 0)

        let planned = try UPRBinary.run(["implement", "140.2", "--lead", "Ministry of Public Security", "--partner", "VLA", "--partner", "UNDP",
                                         "--indicator", "Cases of torture reported", "--sdg", "16.3", "--sdg", "16.a"], in: folder)
        XCTAssertEqual(planned.status, 0, planned.stderr)
        XCTAssertTrue(planned.stdout.contains("Plan updated: 1 recommendation (1 changed)"), planned.stdout)
        XCTAssertNotEqual(try UPRBinary.run(["implement", "140.2", "--sdg", "18.1"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "ids", "--filter", "sdg:16.3 lead:\"ministry of public security\""], in: folder).stdout, "140.2\n")
        let before = try Data(contentsOf: url)
        let journal = try? Data(contentsOf: URL(fileURLWithPath: url.path + ".journal"))
        for refused in [["implement", "140.3", "--status", "full"], ["implement", "140.1", "140.3", "--status", "full"],
                        ["action", "add", "140.1", "x", "--due", "2026-02-30"], ["action", "done", "140.1", "3"],
                        ["implement", "140.1", "--status", "finished"], ["action", "done", "140.999", "1"]] {
            let result = try UPRBinary.run(refused, in: folder)
            XCTAssertNotEqual(result.status, 0, "\(refused)")
            XCTAssertFalse(result.stderr.isEmpty, "\(refused): a message")
            XCTAssertEqual(try Data(contentsOf: url), before, "\(refused): nothing recorded")
            XCTAssertEqual(try? Data(contentsOf: URL(fileURLWithPath: url.path + ".journal")), journal, "\(refused): nothing journalled")
        }
        XCTAssertTrue(try UPRBinary.run(["implement", "140.3", "--status", "full"], in: folder).stderr.contains("140.3 is not supported"))

        let ledger = try LedgerStore.read(url)
        let plan = try XCTUnwrap(ledger.implementation(of: "140.1"))
        XCTAssertEqual(plan.status, .inProgress)
        XCTAssertEqual(plan.lead, "Ministry of Justice")
        XCTAssertEqual(plan.actions.map(\.text), ["Draft the law", "Train judges"])
        XCTAssertEqual(plan.actions.map(\.done), [false, true])
        XCTAssertEqual(plan.progress.map(\.text), ["Draft law sent"])
        XCTAssertEqual(ledger.implementation(of: "140.2")?.status, .inProgress)
        XCTAssertEqual(ledger.implementation(of: "140.2")?.partners, ["VLA", "UNDP"])
        XCTAssertEqual(ledger.implementation(of: "140.2")?.indicators, ["Cases of torture reported"])
        XCTAssertEqual(ledger.sdgTargets(of: "140.2"), ["16.3", "16.a"])
        XCTAssertNil(ledger.implementation(of: "140.3"))
        for name in ["plan.xlsx", "plan.docx", "midterm.docx", "midterm.html"] {
            let format = name.hasPrefix("plan") ? "plan" : "midterm"
            let export = try UPRBinary.run(["export", "--format", format, "-o", name], in: folder)
            XCTAssertEqual(export.status, 0, export.stderr)
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), name)
        }
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("midterm.html"), encoding: .utf8).contains("Draft law sent"))
        XCTAssertNotEqual(try UPRBinary.run(["export", "--format", "plan"], in: folder).status, 0, "binary: -o is required")
        let history = try UPRBinary.run(["history", "140.1"], in: folder).stdout
        XCTAssertTrue(history.contains("action 2 done"), history)
        XCTAssertTrue(history.contains("in progress; progress note: Draft law sent"), history)
    }

    /// The next cycle: this ledger as the reference of the next review shows what was implemented.
    func testTheNextCycleSeesWhatWasImplemented() throws {
        let earlier = UPRBinary.temporaryFolder(), next = UPRBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: earlier); try? FileManager.default.removeItem(at: next) }
        XCTAssertEqual(try UPRBinary.run(["init"], in: earlier).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1", "140.2"], in: earlier).status, 0)
        XCTAssertEqual(try UPRBinary.run(["implement", "140.1", "--status", "full", "--note", "Law adopted"], in: earlier).status, 0)
        XCTAssertEqual(try UPRBinary.run(["init"], in: next).status, 0)
        let old = earlier.appendingPathComponent("upr-ledger.json").path
        let imported = try UPRBinary.run(["import", "--reference", old], in: next)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "ids", "--filter", "was:implemented"], in: next).stdout, "140.1\n")
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "ids", "--filter", "was:supported -was:implemented"], in: next).stdout, "140.2\n")
        let reference = try LedgerStore.read(next.appendingPathComponent("upr-ledger.json")).reference
        XCTAssertEqual(reference.first { $0.id == "140.1" }?.progress, "Law adopted")
        XCTAssertNil(reference.first { $0.id == "140.3" }?.implementation)
    }

    /// Consultation comments from a sheet: all or nothing, listed apart, printed in the mid-term
    /// report only with --consultation.
    func testConsultationCommentsAreImportedAllOrNothingAndPrintedWhenAsked() throws {
        let folder = UPRBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1"], in: folder).status, 0)
        let url = folder.appendingPathComponent("ngo.csv")
        try Data("ID,Organization,Comment,Date\r\n140.1,Viet Nam Lawyers Association,Visit the prisons,2026-03-15\r\n999.1,Someone,Lost,2026-03-16\r\n".utf8).write(to: url)
        let ledger = folder.appendingPathComponent("upr-ledger.json")
        let before = try Data(contentsOf: ledger)
        let refused = try UPRBinary.run(["consult", "import", "ngo.csv"], in: folder)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stdout.contains("ngo.csv:3: unknown ID 999.1"), refused.stdout)
        XCTAssertEqual(try Data(contentsOf: ledger), before, "nothing imported")
        let partial = try UPRBinary.run(["consult", "import", "ngo.csv", "--partial"], in: folder)
        XCTAssertEqual(partial.status, 1)
        XCTAssertTrue(partial.stdout.contains("1 comment imported"), partial.stdout)
        XCTAssertTrue(try UPRBinary.run(["consult", "140.1"], in: folder).stdout.contains("Viet Nam Lawyers Association: Visit the prisons"))
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "midterm", "-o", "a.html"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "midterm", "--consultation", "-o", "b.html"], in: folder).status, 0)
        XCTAssertFalse(try String(contentsOf: folder.appendingPathComponent("a.html"), encoding: .utf8).contains("Visit the prisons"))
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("b.html"), encoding: .utf8).contains("Visit the prisons"))
        XCTAssertNotEqual(try UPRBinary.run(["export", "--format", "csv", "--consultation"], in: folder).status, 0)
    }

    /// `kill -9` while progress notes are being recorded: the ledger opens, and every note reported
    /// saved is there, in order (the one in flight may or may not be).
    func testKillDashNineDuringProgressWorkLosesNoReportedNote() throws {
        let folder = UPRBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("upr-ledger.json")
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "140.1", "140.2", "140.3"], in: folder).status, 0)
        let outPath = folder.appendingPathComponent("reported.txt").path
        var done = 0, reportedTotal = 0
        for round in 0..<25 {
            let pid = try Spawn.start(UPRBinary.path, ["kill-target", "--progress", "--ledger", url.path, "--start", "\(done)"], outPath: outPath)
            usleep(UInt32.random(in: 20_000...200_000))
            kill(pid, SIGKILL)
            _ = Spawn.reap(pid)
            let reported = (try? String(contentsOfFile: outPath, encoding: .utf8))?.split(separator: "\n").count ?? 0
            reportedTotal += reported
            let ledger = try LedgerStore.read(url)
            let notes = ledger.supportedIDs.flatMap { ledger.implementation(of: $0)?.progress.map(\.text) ?? [] }
            let steps = Set(notes.map { Int($0.dropFirst(5))! })
            XCTAssertEqual(steps.count, notes.count, "round \(round): no note twice")
            XCTAssertTrue(steps == Set(0..<(done + reported)) || steps == Set(0..<(done + reported + 1)),
                          "round \(round): \(done + reported) reported, the ledger holds \(steps.count)")
            done = steps.count
        }
        XCTAssertGreaterThan(reportedTotal, 0, "notes were saved between kills")
    }
}
