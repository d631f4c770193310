import Foundation
import XCTest
import ReviewModel

/// In a real terminal: a note published as the addendum's explanation with `A`, for two marked
/// recommendations at once, then the Word addendum draft from the export menu.
final class ExplanationInTmuxTests: XCTestCase {
    var folder: URL!
    var upr: String { shellQuoted(UPRBinary.path) }

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed; .ci/run installs it") }
        folder = UPRBinary.temporaryFolder()
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testNotePublishedForTwoThenTheWordDraftBesideTheLedger() throws {
        let tmux = try TmuxSession(upr, in: folder, width: 120)
        try tmux.waitFor("UPR Workbench")
        try tmux.press("a", "k", "e")
        try tmux.waitFor("Enter saves")
        try tmux.type("Ratified in 2015.")
        try tmux.press("Enter")
        try tmux.waitFor("Note: Ratified in 2015.")
        try tmux.press("Space", "Space", "k", "k", "A")
        try tmux.waitFor("published as the addendum's explanation of 2 recommendations")
        try tmux.waitFor("Addendum explanation: Ratified in 2015.")
        try tmux.press("E")
        try tmux.waitFor("Word")
        try tmux.press("w")
        let screen = try tmux.waitFor("Exported 320 recommendations to ")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("upr-export-docx-") && $0.hasSuffix(".docx") })
        XCTAssertTrue(screen.contains(name), screen)
        try tmux.press("q")
        try tmux.waitFor("UPR-EXIT=0")
        let ledger = try LedgerStore.read(folder.appendingPathComponent("upr-ledger.json"))
        XCTAssertEqual(ledger.record(for: "140.2")?.explanation, "Ratified in 2015.", "saved")
        if let unzip = TmuxSession.which("unzip") {
            let xml = try Spawn.run(unzip, ["-p", folder.appendingPathComponent(name).path, "word/document.xml"], in: folder).stdout
            XCTAssertTrue(xml.contains("DRAFT, NOT FOR PUBLICATION"), "the workbench writes drafts")
            XCTAssertTrue(xml.contains(">140.1-2</w:t>") && xml.contains(">Ratified in 2015.</w:t>"), xml)
        }
    }
}
