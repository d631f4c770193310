import XCTest
import ZIPFoundation
import ReviewExport
import ReviewModel
@testable import ReviewImport

/// The sheet a ministry sends back, generated here by the real export and then edited as a
/// ministry (or Excel) would: cells filled, rows deleted, IDs changed, words misspelled.
final class MinistrySheetImportTests: XCTestCase {
    let moj = "Ministry of Justice"
    let date = Date(timeIntervalSince1970: 1_790_000_000)
    var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-ministry-import-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func ledger() throws -> Ledger {
        var ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/00/0", title: "Test", stateUnderReview: "Viet Nam", cycle: 4), recommendations: [
            Recommendation(id: "140.1", text: "Ratify the Optional Protocol to the Convention against Torture", states: ["Chile", "France"]),
            Recommendation(id: "140.2", text: "Consider ratifying OPCAT", states: ["Côte d'Ivoire"]),
            Recommendation(id: "140.3", text: "Establish a moratorium on executions", states: ["France"]),
            Recommendation(id: "140.10", text: "Strengthen \"legal aid\", for all", states: ["Germany"]),
            Recommendation(id: "140.11", text: "=Equal pay for women & men", states: ["Chile"]),
        ])
        for id in ["140.1", "140.3", "140.10", "140.11"] { try ledger.assign(id, ministry: moj, by: "lan", at: date) }
        try ledger.assign("140.2", ministry: "Ministry of Public Security", by: "lan", at: date)
        return ledger
    }

    // MARK: Editing the sheet

    /// The exported workbook with sheet1.xml (and other parts) rewritten, saved under `name`.
    func sheet(_ name: String, _ ledger: Ledger, sharedStrings: Bool = false, edit: (inout String) -> Void) throws -> URL {
        let source = try Archive(data: try DecisionExport.ministryData(ledger, ministry: moj), accessMode: .read)
        var parts: [(String, String)] = []
        for entry in source {
            var bytes = Data()
            _ = try source.extract(entry) { bytes.append($0) }
            parts.append((entry.path, String(decoding: bytes, as: UTF8.self)))
        }
        let index = parts.firstIndex { $0.0 == "xl/worksheets/sheet1.xml" }!
        edit(&parts[index].1)
        if sharedStrings {
            // As Excel and LibreOffice save it: every text in a shared table, one as rich-text runs.
            var strings: [String] = []
            for sheetIndex in parts.indices where parts[sheetIndex].0.hasPrefix("xl/worksheets/") {
                let pattern = try NSRegularExpression(pattern: #"t="inlineStr"><is><t xml:space="preserve">(.*?)</t></is>"#)
                var xml = parts[sheetIndex].1
                while let match = pattern.firstMatch(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
                    strings.append(String(xml[Range(match.range(at: 1), in: xml)!]))
                    xml.replaceSubrange(Range(match.range, in: xml)!, with: "t=\"s\"><v>\(strings.count - 1)</v>")
                }
                parts[sheetIndex].1 = xml
            }
            let items = strings.map { $0 == "Ministry of Justice" ? "<si><r><t>Ministry </t></r><r><rPr><b/></rPr><t>of Justice</t></r><rPh><t>ignored</t></rPh></si>" : "<si><t xml:space=\"preserve\">\($0)</t></si>" }
            parts.append(("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(strings.count)\">\(items.joined())</sst>"))
        }
        let url = folder.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    /// Puts a text cell in `column` of row `row`, before the checksum (column G), as a user typing would.
    func put(_ xml: inout String, _ column: String, _ row: Int, _ text: String) {
        let cell = "<c r=\"\(column)\(row)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>"
        let anchor = "<c r=\"G\(row)\""
        let range = xml.range(of: anchor)!
        xml.replaceSubrange(range, with: cell + anchor)
    }

    func replaceCell(_ xml: inout String, _ reference: String, _ text: String) {
        let pattern = #"<c r="\#(reference)" s="(\d)" t="inlineStr"><is><t xml:space="preserve">[^<]*</t></is></c>"#
        xml = xml.replacingOccurrences(of: pattern, with: "<c r=\"\(reference)\" s=\"$1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>", options: .regularExpression)
    }

    func deleteRow(_ xml: inout String, _ row: Int) {
        xml = xml.replacingOccurrences(of: #"<row r="\#(row)">.*</row>\n"#, with: "", options: .regularExpression)
    }

    // MARK: Tests

    func testFilledSheetGivesProposals() throws {
        let ledger = try ledger()
        for shared in [false, true] {
            let url = try sheet(shared ? "moj-shared.xlsx" : "moj.xlsx", ledger, sharedStrings: shared) { xml in
                put(&xml, "E", 2, "Yes"); put(&xml, "F", 2, "Already in the law")
                put(&xml, "E", 3, "noted")
                put(&xml, "F", 5, "Ask the Ministry of Labour")
            }
            XCTAssertTrue(MinistrySheetImport.looksLikeMinistrySheet(url))
            let result = try MinistrySheetImport.read(url, ledger: ledger, at: date)
            XCTAssertEqual(result.ministry, moj, "from the About sheet (rich-text runs joined where shared)")
            XCTAssertEqual(result.rows, 4)
            XCTAssertEqual(result.problems, [], shared ? "shared strings" : "inline strings")
            XCTAssertEqual(result.proposals, [
                Proposal(id: "140.1", decision: .accepted, note: "Already in the law", ministry: moj, file: url.lastPathComponent, line: 2, at: date),
                Proposal(id: "140.3", decision: .rejected, ministry: moj, file: url.lastPathComponent, line: 3, at: date),
                Proposal(id: "140.11", decision: nil, note: "Ask the Ministry of Labour", ministry: moj, file: url.lastPathComponent, line: 5, at: date),
            ])
        }
    }

    func testTheSameSheetSavedAsCSV() throws {
        let ledger = try ledger()
        let rows = [MinistrySheetLayout.columns] + ["140.1", "140.3", "140.10", "140.11"].map { id -> [String] in
            let text = ledger.recommendation(id)!.text
            return [id, ledger.recommendation(id)!.states.joined(separator: "; "), text, "undecided",
                    id == "140.10" ? "under consideration" : "", id == "140.10" ? "Needs a budget,\nsee \"plan\"" : "",
                    MinistrySheetLayout.checksum(id: id, text: text)]
        }
        let csv = "\u{FEFF}" + rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        let url = folder.appendingPathComponent("moj.csv")
        try Data(csv.utf8).write(to: url)
        XCTAssertTrue(MinistrySheetImport.looksLikeMinistrySheet(url))
        let result = try MinistrySheetImport.read(url, ledger: ledger, at: date)
        XCTAssertEqual(result.ministry, moj, "told by the IDs: a CSV has no About sheet")
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.proposals.map(\.id), ["140.10"])
        XCTAssertEqual(result.proposals.first?.decision, .underConsideration)
        XCTAssertEqual(result.proposals.first?.note, "Needs a budget,\nsee \"plan\"")
        XCTAssertEqual(result.proposals.first?.line, 4, "the line where the record starts")
    }

    func testAHandEditedSheetReportsEveryProblemWithItsRow() throws {
        let ledger = try ledger()
        let url = try sheet("moj-edited.xlsx", ledger) { xml in
            put(&xml, "E", 2, "acepted")          // misspelled
            deleteRow(&xml, 3)                    // 140.3 deleted
            put(&xml, "E", 4, "accepted")         // a valid row: no proposal either way (all or nothing is the command's)
            replaceCell(&xml, "A5", "140.12")     // 140.11's ID changed
            put(&xml, "E", 5, "no")
        }
        let result = try MinistrySheetImport.read(url, ledger: ledger, at: date)
        XCTAssertEqual(result.problems.map(\.description), [
            "moj-edited.xlsx:2: 'acepted' in cell E2 is not a decision; write \(ProposedDecision.accepted)",
            "moj-edited.xlsx:5: the ID was changed from 140.11 to 140.12 (cell A5)",
            "moj-edited.xlsx: 140.3, assigned to Ministry of Justice, is missing from the sheet (a row was deleted?)",
        ])
        XCTAssertEqual(result.proposals.map(\.id), ["140.10"], "only the row without a problem")
    }

    func testTextEditsDuplicatesUnknownIDsAndForeignRows() throws {
        var ledger = try ledger()
        let url = try sheet("moj-more.xlsx", ledger) { xml in
            replaceCell(&xml, "C2", "Ratify the Optional Protocol, maybe")   // text edited
            replaceCell(&xml, "A4", "140.3")                                 // 140.10's row now says 140.3: changed, and a duplicate
            replaceCell(&xml, "G5", "0000000000000000")                      // checksum tampered
            xml = xml.replacingOccurrences(of: "</sheetData>", with: #"<row r="6"><c r="A6" t="inlineStr"><is><t>999.1</t></is></c><c r="E6" t="inlineStr"><is><t>yes</t></is></c></row><row r="7"><c r="A7" t="inlineStr"><is><t>140.2</t></is></c></row></sheetData>"#)
        }
        let result = try MinistrySheetImport.read(url, ledger: ledger, at: date)
        XCTAssertEqual(result.problems.map(\.description), [
            "moj-more.xlsx:2: the text of 140.1 was edited (cell C2); a ministry proposes a decision, it does not change the recommendation",
            "moj-more.xlsx:4: ID 140.3 appears twice (also row 3)",
            "moj-more.xlsx:5: the Checksum of 140.11 (cell G5, a hidden column) was changed or removed; export the sheet again",
            "moj-more.xlsx:6: unknown ID 999.1 (cell A6): no such recommendation in the ledger",
            "moj-more.xlsx:7: 140.2 is not assigned to Ministry of Justice (now: Ministry of Public Security); it was reassigned since the export, or the ID was changed",
        ])
        // A text corrected in the ledger since the export is told apart from an edit in the sheet.
        let original = try sheet("moj-old.xlsx", ledger) { _ in }
        let (reimported, _, _) = try ledger.reimporting(ledger.recommendations.map {
            $0.id == "140.3" ? Recommendation(id: $0.id, text: "Establish an official moratorium on executions", states: $0.states) : $0
        }, document: nil, dropGoneDecisions: false)
        ledger = reimported
        XCTAssertEqual(try MinistrySheetImport.read(original, ledger: ledger, at: date).problems.map(\.message),
                       ["the text of 140.3 has changed in the ledger since this sheet was exported (a corrected report?); export the sheet again"])
    }

    func testWhoseSheetItIs() throws {
        let ledger = try ledger()
        let url = try sheet("moj.xlsx", ledger) { _ in }
        XCTAssertThrowsError(try MinistrySheetImport.read(url, ledger: ledger, ministry: "Ministry of Culture", at: date)) { error in
            XCTAssertTrue("\(error)".contains("no recommendation is assigned to it"), "\(error)")
        }
        let other = folder.appendingPathComponent("other.csv")
        try Data("ID,Recommending States,Recommendation\n140.1,x,y\n".utf8).write(to: other)
        XCTAssertFalse(MinistrySheetImport.looksLikeMinistrySheet(other))
        XCTAssertThrowsError(try MinistrySheetImport.read(other, ledger: ledger, at: date))
    }
}
