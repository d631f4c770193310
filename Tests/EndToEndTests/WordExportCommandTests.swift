import Foundation
import XCTest
import ReviewModel

/// `upr explain` and the Word exports through the real binary: refused while open, a draft on
/// ask, explanations grouped under their IDs, the briefing pack for chosen States.
final class WordExportCommandTests: XCTestCase {
    var folder: URL!

    override func setUp() { folder = UPRBinary.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    /// `word/document.xml` of a DOCX, through `unzip` (installed by .ci/run).
    func documentXML(_ path: String) throws -> String {
        guard let unzip = TmuxSession.which("unzip") else { throw XCTSkip("unzip is not installed; .ci/run installs it") }
        let result = try Spawn.run(unzip, ["-p", path, "word/document.xml"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testExplainThenTheWordAddendumPrintsTheGroupsUnderTheirIDs() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        let out = folder.appendingPathComponent("add1.docx").path
        let refused = try UPRBinary.run(["export", "--format", "docx", "-o", out], in: folder)
        XCTAssertEqual(refused.status, 3, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("the addendum is not ready: 320 recommendations are still open"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")

        XCTAssertEqual(try UPRBinary.run(["export", "--format", "docx", "--draft", "-o", out], in: folder).status, 0)
        XCTAssertTrue(try documentXML(out).contains("DRAFT, NOT FOR PUBLICATION: 320 of 320 recommendations have no final position"))

        XCTAssertEqual(try UPRBinary.run(["decide", "accepted"] + (1...300).map { "140.\($0)" }, in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "rejected"] + (301...320).map { "140.\($0)" }, in: folder).status, 0)
        let explain = try UPRBinary.run(["explain", "140.11-14", "140.20", "--text", "The Convention was ratified on 30 January 2025."], in: folder)
        XCTAssertEqual(explain.status, 0, explain.stderr)
        XCTAssertEqual(explain.stdout, "Recorded the explanation of 5 recommendations (5 changed): 140.11-14, 20\n")
        XCTAssertEqual(try UPRBinary.run(["decide", "rejected", "140.305", "--note", "Not a priority."], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["explain", "140.305", "--from-note"], in: folder).status, 0)
        let noNote = try UPRBinary.run(["explain", "140.306", "--from-note"], in: folder)
        XCTAssertEqual(noNote.status, 1)
        XCTAssertTrue(noNote.stderr.contains("140.306 has no note to publish"), noNote.stderr)
        XCTAssertEqual(try UPRBinary.run(["explain", "140.7", "--text", "x", "--clear"], in: folder).status, 64, "one of --text, --from-note, --clear")

        let final = folder.appendingPathComponent("final.docx").path
        let written = try UPRBinary.run(["export", "--format", "docx", "--ranges", "--session-dates", "9 September–9 October 2026", "--issued", "2026-08-30", "-o", final], in: folder)
        XCTAssertEqual(written.status, 0, written.stderr)
        let xml = try documentXML(final)
        XCTAssertFalse(xml.contains("DRAFT"))
        XCTAssertTrue(xml.contains("30 August 2026"))
        XCTAssertTrue(xml.contains("9 September–9 October 2026"))
        XCTAssertTrue(xml.contains("supports the following recommendations: 140.1-300.</w:t>"), "ranges on ask")
        XCTAssertTrue(xml.contains(">140.11-14, 20</w:t>"), "the shared explanation under one heading")
        XCTAssertTrue(xml.contains(">The Convention was ratified on 30 January 2025.</w:t>"))
        XCTAssertTrue(xml.contains(">140.305</w:t>") && xml.contains(">Not a priority.</w:t>"))
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "docx", "-o", final], in: folder).status, 1, "kept unless --force")

        let history = try UPRBinary.run(["history", "140.12"], in: folder)
        XCTAssertTrue(history.stdout.contains("(addendum explanation: The Convention was ratified on 30 January 2025.)"), history.stdout)
    }

    /// With the public record imported, each State's section ends with its profile there.
    func testBriefingCarriesEachStatesProfileFromTheRecord() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let csv = root.appendingPathComponent("../shared/upr-data/uprinfo/uprinfo-sessions-1-5.csv").standardizedFileURL
        guard FileManager.default.fileExists(atPath: csv.path) else { throw XCTSkip("../shared/upr-data not found: \(csv.path)") }
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        let imported = try UPRBinary.run(["record", "import", csv.path, "--record", "r.uprrec"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let out = folder.appendingPathComponent("pack.docx").path
        let pack = try UPRBinary.run(["export", "--format", "briefing", "--state", "France", "--record", "r.uprrec", "-o", out], in: folder)
        XCTAssertEqual(pack.status, 0, pack.stderr)
        let xml = try documentXML(out)
        XCTAssertTrue(xml.contains(">France in the public UPR record</w:t>"), xml)
        XCTAssertTrue(xml.contains("In the public UPR record (sessions 1–5)"), xml)
        XCTAssertTrue(xml.contains("What it asked of Viet Nam before:"), "Viet Nam was reviewed in session 5")
    }

    func testBriefingForChosenStatesAndFlagsThatDoNotApply() throws {
        XCTAssertEqual(try UPRBinary.run(["init"], in: folder).status, 0)
        let out = folder.appendingPathComponent("pack.docx").path
        let pack = try UPRBinary.run(["export", "--format", "briefing", "--state", "france", "--state", "Japan", "-o", out], in: folder)
        XCTAssertEqual(pack.status, 0, pack.stderr)
        let xml = try documentXML(out)
        XCTAssertTrue(xml.contains(">France</w:t>") && xml.contains(">Japan</w:t>"))
        XCTAssertFalse(xml.contains(">Germany</w:t>"), "a State not asked for")
        let unknown = try UPRBinary.run(["export", "--format", "briefing", "--state", "Atlantis", "-o", out + "2"], in: folder)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("'Atlantis' made none of the recommendations of this review"), unknown.stderr)
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "briefing"], in: folder).status, 64, "binary: -o is required")
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "xlsx", "--state", "France", "-o", out + ".xlsx"], in: folder).status, 64)
        XCTAssertEqual(try UPRBinary.run(["export", "--format", "csv", "--ranges"], in: folder).status, 64)
    }
}
