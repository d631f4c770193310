import Foundation
import XCTest
@testable import ReviewModel

/// Two analysts decide on branches of a real git repository; `git merge` runs `upr merge` as the
/// merge driver that `upr git-setup` registered.
final class GitMergeTests: XCTestCase {
    var folder: URL!
    var environment: [String: String] = [:]
    let git = "/usr/bin/git"

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: git) else { throw XCTSkip("git is needed") }
        folder = UPRBinary.temporaryFolder()
        environment = ProcessInfo.processInfo.environment
        for (key, value) in ["HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                             "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_MERGE_AUTOEDIT": "no", "UPR_ANALYST": "ana"] {
            environment[key] = value
        }
        environment["GIT_DIR"] = nil
        environment["GIT_WORK_TREE"] = nil
    }

    override func tearDown() { if let folder { try? FileManager.default.removeItem(at: folder) } }

    @discardableResult
    func upr(_ arguments: [String], status: Int32? = 0, file: StaticString = #filePath, line: UInt = #line) throws -> UPRBinary.Result {
        let result = try UPRBinary.run(arguments, in: folder, environment: environment)
        if let status { XCTAssertEqual(result.status, status, "upr \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line) }
        return result
    }

    @discardableResult
    func git(_ arguments: [String], status: Int32? = 0, file: StaticString = #filePath, line: UInt = #line) throws -> Spawn.Output {
        let result = try Spawn.run(git, arguments, in: folder, environment: environment)
        if let status { XCTAssertEqual(result.status, status, "git \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line) }
        return result
    }

    func ledger() throws -> Ledger {
        let url = folder.appendingPathComponent("upr-ledger.json")
        return try LedgerCoding.decode(try Data(contentsOf: url), path: url.path)
    }

    func startRepository() throws {
        try git(["init", "-q", "-b", "main"])
        try upr(["init"])
        try "upr-ledger.json.*\n".write(to: folder.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        let setup = try upr(["git-setup"])
        XCTAssertTrue(setup.stdout.contains("upr-ledger*.json merge=upr-ledger"), setup.stdout)
        try upr(["git-setup"])  // idempotent
        let attributes = try String(contentsOf: folder.appendingPathComponent(".gitattributes"), encoding: .utf8)
        XCTAssertEqual(attributes, "upr-ledger*.json merge=upr-ledger\n")
        let driver = try git(["config", "merge.upr-ledger.driver"]).stdout
        XCTAssertTrue(driver.hasPrefix("'/"), driver)
        try git(["add", "."])
        try git(["commit", "-q", "-m", "start"])
    }

    func testBranchesMergeThroughTheDriverAndConflictsAreResolved() throws {
        try startRepository()
        try git(["checkout", "-q", "-b", "minh"])
        try upr(["decide", "rejected", "140.2", "140.3", "--analyst", "minh", "--note", "not now"])
        try upr(["decide", "accepted", "140.5", "--analyst", "minh"])
        try git(["commit", "-q", "-am", "minh decides"])
        try git(["checkout", "-q", "main"])
        try upr(["decide", "accepted", "140.1", "140.2", "--analyst", "lan"])
        try upr(["decide", "rejected", "140.3", "--analyst", "lan", "--note", "not now"])
        try git(["commit", "-q", "-am", "lan decides"])

        let merge = try git(["merge", "minh"], status: nil)
        XCTAssertNotEqual(merge.status, 0, "decision conflicts stop the merge: \(merge.stdout)")
        XCTAssertTrue(merge.stdout.contains("decision 140.2: ours: accepted by lan"), merge.stdout + merge.stderr)
        var merged = try ledger()
        XCTAssertEqual(merged.status(of: "140.1"), .accepted)
        XCTAssertEqual(merged.status(of: "140.3"), .rejected, "the same change on both sides merges")
        XCTAssertEqual(merged.status(of: "140.5"), .accepted)
        XCTAssertNil(merged.status(of: "140.2"), "an open conflict shows the common base's decision")
        XCTAssertEqual(merged.conflicts["140.2"]?.map { $0.record?.decision }, [.accepted, .rejected])
        XCTAssertEqual(merged.conflicts["140.2"]?.map { $0.record?.by }, ["lan", "minh"])
        XCTAssertEqual(merged.conflictedIDs, ["140.2"])
        XCTAssertTrue(merged.history.contains { $0.id == "140.5" && $0.by == "minh" })
        XCTAssertTrue(merged.history.contains { $0.id == "140.1" && $0.by == "lan" })

        let list = try upr(["resolve"])
        XCTAssertTrue(list.stdout.contains("140.2  shown: undecided"), list.stdout)
        // Open conflicts are counted and listed, and check fails while any is open.
        XCTAssertTrue(try upr(["stats"]).stdout.contains("open merge conflicts      1"), "stats counts them")
        let check = try upr(["check"], status: 1)
        XCTAssertTrue(check.stdout.contains("MERGE CONFLICT: 140.2"), check.stdout)
        XCTAssertTrue(check.stdout.contains("1 open merge conflict."), check.stdout)
        try upr(["resolve", "140.2", "--take", "theirs", "--analyst", "lan"])
        merged = try ledger()
        XCTAssertTrue(merged.conflicts.isEmpty)
        XCTAssertEqual(merged.status(of: "140.2"), .rejected)
        XCTAssertEqual(merged.history.last?.source, "merge conflict resolved: took theirs, decided by minh")
        XCTAssertFalse(try String(contentsOf: folder.appendingPathComponent("upr-ledger.json"), encoding: .utf8).contains("\"conflicts\""))
        try git(["add", "upr-ledger.json"])
        try git(["commit", "-q", "--no-edit"])
        XCTAssertEqual(try git(["status", "--porcelain"]).stdout, "")
        XCTAssertFalse(try upr(["stats"]).stdout.contains("open merge conflicts"))
        XCTAssertTrue(try upr(["check"], status: nil).stdout.contains("0 open merge conflicts."))
    }

    func testANonsenseSideIsRefusedAndTheMergeFails() throws {
        try startRepository()
        try git(["checkout", "-q", "-b", "broken"])
        try upr(["decide", "accepted", "140.4"])
        let url = folder.appendingPathComponent("upr-ledger.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"decisions\": {", with: "\"decisions\": {{ oops")
        try text.write(to: url, atomically: true, encoding: .utf8)
        try git(["commit", "-q", "-am", "hand edit"])
        try git(["checkout", "-q", "main"])
        try upr(["decide", "rejected", "140.6"])
        try git(["commit", "-q", "-am", "decide"])
        let before = try Data(contentsOf: url)
        let merge = try git(["merge", "broken"], status: nil)
        XCTAssertNotEqual(merge.status, 0)
        XCTAssertTrue((merge.stdout + merge.stderr).contains("is not valid JSON"), merge.stdout + merge.stderr)
        XCTAssertTrue((merge.stdout + merge.stderr).contains("upr-ledger.json (theirs"), merge.stdout + merge.stderr)
        XCTAssertEqual(try Data(contentsOf: url), before, "ours is left as it was")
    }

    func testGitSetupMakesGitIgnoreTheLedgersWorkingFiles() throws {
        try git(["init", "-q", "-b", "main"])
        try upr(["init"])
        let setup = try upr(["git-setup"])
        XCTAssertTrue(setup.stdout.contains("upr-ledger*.json.*"), setup.stdout)
        try upr(["decide", "accepted", "140.1"])
        try upr(["clusters", "140.1"])
        // A temp file a kill left behind is ignored too.
        try Data("half".utf8).write(to: folder.appendingPathComponent(".upr-ledger.json.bak.tmp-4242"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertTrue(names.contains("upr-ledger.json.bak") && names.contains("upr-ledger.json.lock"), "\(names)")
        let status = try git(["status", "--porcelain", "--untracked-files=all"]).stdout
        XCTAssertEqual(status.split(separator: "\n").map { String($0.dropFirst(3)) }.sorted(), [".gitattributes", ".gitignore", "upr-ledger.json"], status)
        try upr(["git-setup"])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8), "upr-ledger*.json.*\n.upr-ledger*.json*.tmp-*\n", "idempotent")
    }
}
