import Foundation
import XCTest
import ReviewModel

/// The ministry round trip with the real binary: assign, export one workbook per ministry, the
/// ministry fills one in (the sheet's XML rewritten here, repacked with `zip`), import, take.
final class MinistryRoundTripTests: XCTestCase {
    var folder: URL!

    override func setUp() { folder = UPRBinary.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    func upr(_ arguments: [String], status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> UPRBinary.Result {
        let result = try UPRBinary.run(arguments + ["--analyst", "lan"], in: folder)
        XCTAssertEqual(result.status, status, "upr \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    func tool(_ path: String, _ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(path) \(arguments)")
    }

    /// Unpacks the workbook, lets `edit` rewrite its first sheet, packs it again as `name`.
    func edited(_ workbook: URL, as name: String, _ edit: (inout String) -> Void) throws -> URL {
        let work = folder.appendingPathComponent("unpacked-\(name)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try tool("/usr/bin/unzip", ["-q", workbook.path, "-d", work.path], in: folder)
        let sheet = work.appendingPathComponent("xl/worksheets/sheet1.xml")
        var xml = try String(contentsOf: sheet, encoding: .utf8)
        edit(&xml)
        try xml.write(to: sheet, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent(name)
        try tool("/usr/bin/zip", ["-q", "-r", "-X", out.path, "."], in: work)
        return out
    }

    func put(_ xml: inout String, _ column: String, _ row: Int, _ text: String) {
        let anchor = "<c r=\"G\(row)\""
        xml.replaceSubrange(xml.range(of: anchor)!, with: "<c r=\"\(column)\(row)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" + anchor)
    }

    func testAssignExportEditImportTake() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zip"), FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else {
            throw XCTSkip("zip and unzip are needed to edit the workbook as a ministry would")
        }
        try upr(["init"])
        let assign = try upr(["assign", "Ministry of Justice", "140.1", "140.2", "140.3."])
        XCTAssertTrue(assign.stdout.contains("Assigned to Ministry of Justice: 3 recommendations"), assign.stdout)
        try upr(["assign", "Ministry of Public Security", "140.4"])
        try upr(["assign", "none", "140.4"])
        try upr(["assign", "Ministry of Public Security", "140.5"])
        try upr(["assign", "Ministry of Justice", "999.9"], status: 1)
        let filtered = try upr(["export", "--format", "ids"])
        XCTAssertTrue(filtered.stdout.hasPrefix("140.1\n"))

        try upr(["export", "--format", "ministry"], status: 64)
        let export = try upr(["export", "--format", "ministry", "-o", "sheets"])
        XCTAssertTrue(export.stderr.contains("wrote 2 workbooks"), export.stderr)
        let sheets = folder.appendingPathComponent("sheets")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sheets.path).sorted(), ["Ministry-of-Justice.xlsx", "Ministry-of-Public-Security.xlsx"])
        try upr(["export", "--format", "ministry", "--ministry", "ministry of justice", "-o", "moj.xlsx"])
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("moj.xlsx")), try Data(contentsOf: sheets.appendingPathComponent("Ministry-of-Justice.xlsx")))

        let ledgerURL = folder.appendingPathComponent("upr-ledger.json")
        let before = try Data(contentsOf: ledgerURL)

        // A sheet edited carelessly: nothing is imported, every problem named with its row.
        let careless = try edited(sheets.appendingPathComponent("Ministry-of-Justice.xlsx"), as: "moj-careless.xlsx") { xml in
            put(&xml, "E", 2, "acepted")
            xml = xml.replacingOccurrences(of: #"<row r="3"[^>]*>.*</row>\n"#, with: "", options: .regularExpression)
            put(&xml, "E", 4, "yes")
        }
        let refused = try upr(["import", careless.path], status: 1)
        XCTAssertTrue(refused.stdout.contains("moj-careless.xlsx:2: 'acepted' in cell E2 is not a decision"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("moj-careless.xlsx: 140.2, assigned to Ministry of Justice, is missing from the sheet"), refused.stdout)
        XCTAssertTrue(refused.stderr.contains("nothing was imported"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: ledgerURL), before, "all or nothing")
        let partial = try upr(["import", careless.path, "--partial"], status: 1)
        XCTAssertTrue(partial.stdout.contains("Recorded 1 proposal"), partial.stdout)
        try upr(["refuse", "--all"])

        // The sheet filled in properly.
        let good = try edited(sheets.appendingPathComponent("Ministry-of-Justice.xlsx"), as: "moj-back.xlsx") { xml in
            put(&xml, "E", 2, "Supported"); put(&xml, "F", 2, "Already in the 2015 Penal Code")
            put(&xml, "E", 3, "under consideration")
        }
        let imported = try upr(["import", good.path])
        XCTAssertTrue(imported.stdout.contains("sheet of Ministry of Justice, 3 rows, 2 proposals, 0 problems"), imported.stdout)
        XCTAssertNil(try LedgerStore.read(ledgerURL).status(of: "140.1"), "a proposal is no decision")
        let pending = try upr(["proposals"])
        XCTAssertEqual(pending.stdout.split(separator: "\n").count, 2, pending.stdout)
        XCTAssertTrue(pending.stdout.contains("140.1  Ministry of Justice  undecided → accepted, note: Already in the 2015 Penal Code  (moj-back.xlsx:2)"), pending.stdout)

        try upr(["take", "140.1"])
        try upr(["refuse", "140.2"])
        try upr(["take", "140.2"], status: 1)
        XCTAssertTrue(try upr(["proposals"]).stdout.contains("No pending proposals."))
        let history = try upr(["history", "140.1"])
        XCTAssertTrue(history.stdout.contains("140.1  lan  undecided → accepted (note: Already in the 2015 Penal Code) (from proposal of Ministry of Justice (moj-back.xlsx:2))"), history.stdout)

        let ledger = try LedgerStore.read(ledgerURL)
        XCTAssertEqual(ledger.status(of: "140.1"), .accepted)
        XCTAssertEqual(ledger.record(for: "140.1")?.ministry, "Ministry of Justice")
        XCTAssertNil(ledger.status(of: "140.2"), "refused")
        XCTAssertTrue(ledger.proposals.isEmpty)
        XCTAssertEqual(ledger.history.last?.source, "proposal of Ministry of Justice (moj-back.xlsx:2)")
    }
}
