import Foundation
import XCTest
import ReviewModel

/// The public UPR record with the real binary: `upr record import` of real UPR Info exports,
/// `upr precedent`, the precedent in the detail pane (the sample, an imported report), the record
/// opened as a workbench in tmux, and everything as before without a record.
final class RecordInTmuxTests: XCTestCase {
    var folder: URL!
    var upr: String { shellQuoted(UPRBinary.path) }
    /// The record where `upr` looks for it: `$XDG_DATA_HOME/upr/record.uprrec`.
    var dataHome: URL { folder.appendingPathComponent("xdg") }
    var recordURL: URL { dataHome.appendingPathComponent("upr/record.uprrec") }
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = dataHome.path
        return environment
    }

    override func setUp() { folder = UPRBinary.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func shared(_ relative: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("../shared/upr-data/\(relative)").standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("../shared/upr-data not found: \(url.path)") }
        return url.path
    }

    /// Sessions 1-5 and 17-20: Viet Nam's two reviews (2009, 2014) and 110 others.
    func importRecord() throws -> UPRBinary.Result {
        let files = [try shared("uprinfo/uprinfo-sessions-1-5.csv"), try shared("uprinfo/uprinfo-sessions-17-20.csv")]
        let result = try UPRBinary.run(["record", "import"] + files, in: folder, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    func testImportThenPrecedentOnTheCommandLineAndRefusals() throws {
        let missing = try UPRBinary.run(["precedent", "140.1"], in: folder, environment: environment)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no UPR record at \(recordURL.path)") && missing.stderr.contains("upr record import"), missing.stderr)

        let imported = try importRecord()
        XCTAssertTrue(imported.stdout.contains("Record \(recordURL.path): "), imported.stdout)
        XCTAssertTrue(imported.stdout.contains("rows read") && imported.stdout.contains("reviews"), imported.stdout)
        let before = try Data(contentsOf: recordURL)

        // Something that is not an export: named, and the record as it was.
        let bad = folder.appendingPathComponent("notes.csv")
        try Data("just,some\nwords,here\n".utf8).write(to: bad)
        let refused = try UPRBinary.run(["record", "import", bad.path], in: folder, environment: environment)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("notes.csv") && refused.stderr.contains("not changed"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: recordURL), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: recordURL.deletingLastPathComponent().path), ["record.uprrec"], "no temp file left")

        let report = try shared("vietnam/vnm-c2-A_HRC_26_6.txt")
        XCTAssertEqual(try UPRBinary.run(["import", report, "--ledger", "vn.json"], in: folder).status, 0)
        let json = try UPRBinary.run(["precedent", "143.9", "--ledger", "vn.json", "--json"], in: folder, environment: environment)
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let asks = try XCTUnwrap(object["asks"] as? [[String: Any]])
        XCTAssertGreaterThan(asks.count, 20)
        for ask in asks {
            let text = try XCTUnwrap(ask["text"] as? String)
            XCTAssertEqual(Set(ClusterText.tokens(text).filter { $0.hasPrefix("t:") }), ["t:cat"], text)
        }
        let supported = asks.filter { $0["response"] as? String == "supported" }.count
        let noted = asks.filter { $0["response"] as? String == "noted" }.count
        XCTAssertEqual(object["supported"] as? Int, supported)
        XCTAssertEqual(object["noted"] as? Int, noted)
        XCTAssertEqual(object["supportShare"] as? Int, Int((Double(supported) * 100 / Double(supported + noted)).rounded()))
        XCTAssertEqual(asks.first?["stateUnderReview"] as? String, "Viet Nam", "this State's own answers first")

        let text = try UPRBinary.run(["precedent", "143.9", "--ledger", "vn.json"], in: folder, environment: environment)
        XCTAssertTrue(text.stdout.contains("\(object["summary"] as! String) (\(supported) supported, \(noted) noted)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Viet Nam's own earlier answers:"), text.stdout)
    }

    func testTheDetailPaneShowsPrecedentOnTheSampleAndOnAnImportedReport() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed; .ci/run installs it") }
        // Without a record: as before, and the pane says how to add one.
        var tmux: TmuxSession? = try TmuxSession("XDG_DATA_HOME=\(shellQuoted(dataHome.path)) \(upr) --ledger sample.json", in: folder, width: 120, height: 40)
        try tmux!.waitFor("Precedent: no UPR record yet (upr record import")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        tmux = nil

        _ = try importRecord()
        tmux = try TmuxSession("XDG_DATA_HOME=\(shellQuoted(dataHome.path)) \(upr) --ledger sample.json", in: folder, width: 120, height: 40)
        try tmux!.waitFor("Precedent: Asked of")
        try tmux!.waitFor("› Viet Nam 2009")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        tmux = nil

        // A fresh report comes without themes: they are suggested, and T makes them the ledger's.
        let report = try shared("vietnam/vnm-c2-A_HRC_26_6.txt")
        XCTAssertEqual(try UPRBinary.run(["import", report, "--ledger", "vn.json"], in: folder).status, 0)
        tmux = try TmuxSession("XDG_DATA_HOME=\(shellQuoted(dataHome.path)) \(upr) --ledger vn.json", in: folder, width: 120, height: 40)
        try tmux!.waitFor("Precedent: Asked of")
        try tmux!.waitFor("Suggested themes (from the record")
        try tmux!.press("T")
        try tmux!.waitFor("Themes of 143.1 accepted:")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        tmux = nil
        let ledger = try LedgerStore.read(folder.appendingPathComponent("vn.json"))
        XCTAssertFalse(ledger.recommendations[0].themes.isEmpty, "the accepted themes are on disk")
        XCTAssertTrue(ledger.recommendations[1].themes.isEmpty, "the others wait for the analyst")
    }

    func testTheRecordOpensFiltersToVietNamNotedAndQuits() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed; .ci/run installs it") }
        _ = try importRecord()
        var tmux: TmuxSession? = try TmuxSession("XDG_DATA_HOME=\(shellQuoted(dataHome.path)) \(upr) record", in: folder, width: 120, height: 40)
        try tmux!.waitFor("READ-ONLY")
        try tmux!.waitFor("The UPR record, read-only:")
        try tmux!.press("f")
        try tmux!.type("to:\"Viet Nam\" response:noted")
        try tmux!.press("Enter")
        let screen = try tmux!.waitFor("shown")
        // Viet Nam noted 45 asks in 2014 and some in 2009: every row shown is a session 5 or 18 ID.
        let counted = try XCTUnwrap(screen.range(of: #"([0-9]+) shown"#, options: .regularExpression).map { screen[$0] })
        XCTAssertGreaterThan(Int(counted.split(separator: " ")[0]) ?? 0, 40, screen)
        XCTAssertTrue(screen.contains("✗"), screen)
        XCTAssertFalse(screen.contains(" ✓ "), "only noted ones: \(screen)")
        try tmux!.press("a")
        try tmux!.waitFor("UPR record is for reading")
        try tmux!.press("q")
        try tmux!.waitFor("UPR-EXIT=0")
        tmux = nil
    }
}
