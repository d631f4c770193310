import Foundation
import XCTest
import ReviewModel

/// A report PDF imported and opened as an analyst would: the text as the State answers it, and
/// beside it what the footnote says was read during the dialogue.
final class ReportInWorkbenchTests: XCTestCase {
    func testTheTextAsReadDuringTheDialogueIsShownBesideTheRecommendation() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed; .ci/run installs it") }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let pdf = root.appendingPathComponent("../shared/upr-data/wg-reports/uruguay2014.pdf").standardizedFileURL
        guard FileManager.default.fileExists(atPath: pdf.path) else { throw XCTSkip("../shared/upr-data not found: \(pdf.path)") }
        let folder = UPRBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let imported = try UPRBinary.run(["import", pdf.path, "--ledger", "u.json"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)

        let tmux = try TmuxSession("\(shellQuoted(UPRBinary.path)) --ledger u.json", in: folder)
        try tmux.waitFor("A/HRC/26/7")
        try tmux.press(":")
        try tmux.type("goto 123.4")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("As read during the dialogue")
        XCTAssertTrue(screen.contains("Charrúa"), screen)
        XCTAssertTrue(screen.contains("Bolivia (Plurinational"), screen)
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
    }
}
