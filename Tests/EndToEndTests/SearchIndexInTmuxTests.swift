import Foundation
import XCTest
import ReviewModel

/// A large ledger's first screen comes before its search index: a search typed at once waits
/// for the index, says so, and then finds what it would have found (the real binary in tmux).
final class SearchIndexInTmuxTests: XCTestCase {
    var folder: URL!
    var ledgerURL: URL { folder.appendingPathComponent("upr-ledger.json") }
    var upr: String { shellQuoted(UPRBinary.path) }

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed; .ci/run installs it") }
        folder = UPRBinary.temporaryFolder()
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testASearchTypedRightAfterStartRunsWhenTheIndexIsReady() throws {
        let large = try Sample.ledger().repeated(10)
        XCTAssertGreaterThan(large.recommendations.count, 2_000, "above WorkbenchState.searchIndexLaterAbove")
        try DurableFile.write(LedgerCoding.encode(large), to: ledgerURL)
        // What the search must find: "torture" is in no ID and no State, so the texts' matches.
        let ids = try UPRBinary.run(["export", "--format", "ids", "--filter", "text:torture"], in: folder)
        let expected = ids.stdout.split(separator: "\n").count
        XCTAssertGreaterThan(expected, 10, ids.stderr)

        // The index takes three seconds here (a test hook), so that the keys surely come first.
        let tmux = try TmuxSession("UPR_TEST_SEARCH_INDEX_DELAY_MS=3000 \(upr)", in: folder)
        try tmux.waitFor("All 3200")
        try tmux.type("/torture")
        try tmux.press("Enter", "n", "a")
        let waiting = try tmux.waitFor("Building the search index…")
        XCTAssertTrue(waiting.contains("keys run when it is ready"), waiting)
        XCTAssertTrue(waiting.contains("/torture"), "the prompt stays open meanwhile: \(waiting)")
        XCTAssertFalse(waiting.contains("✓"), "the decision waits with the search: \(waiting)")
        // Enter found the first match, n the second, a accepted it (and moved on).
        let found = try tmux.waitFor("✓1", timeout: 30)
        XCTAssertFalse(found.contains("Building the search index"), found)
        // Now at once: from 140.6 the next match is the third, of the same number.
        try tmux.type("/torture")
        try tmux.press("Enter")
        try tmux.waitFor("match 3 of \(expected)")
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
        XCTAssertEqual(try LedgerStore.read(ledgerURL).status(of: "140.5"), .accepted)
    }
}
