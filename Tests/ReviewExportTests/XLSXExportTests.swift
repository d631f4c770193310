import XCTest
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReviewModel
@testable import ReviewExport

/// The workbook, opened as Excel would: unzipped, its parts read as XML.
final class XLSXExportTests: XCTestCase {
    func workbook(_ ledger: Ledger? = nil, status: StatusSelection? = nil) throws -> [String: String] {
        let data = try DecisionExport.data(try ledger ?? ExportFixtures.openLedger(), format: .xlsx, status: status)
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
            XCTAssertNotNil(try? XMLDocument(data: bytes), "\(entry.path) is well-formed XML")
        }
        return parts
    }

    func testPackageHoldsThePartsOfAMinimalWorkbook() throws {
        let parts = try workbook()
        XCTAssertEqual(Set(parts.keys), [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml",
        ])
        XCTAssertTrue(parts["[Content_Types].xml"]!.contains(#"<Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
        XCTAssertTrue(parts["_rels/.rels"]!.contains(#"Target="xl/workbook.xml""#))
        XCTAssertTrue(parts["xl/_rels/workbook.xml.rels"]!.contains(#"Target="styles.xml""#))
        XCTAssertTrue(parts["xl/styles.xml"]!.contains(#"<font><b/>"#), "a bold font for the header")
    }

    func testSummaryFirstThenASheetPerDecision() throws {
        let workbook = try workbook()["xl/workbook.xml"]!
        let names = workbook.components(separatedBy: "<sheet name=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(names, ["Summary", "Accepted", "Under consideration", "Rejected", "Undecided"])
        XCTAssertTrue(workbook.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">&#39;Accepted&#39;!$A$1:$K$4</definedName>"#), workbook)
        // Printed, the header row repeats on every page of every sheet.
        for (index, name) in names.enumerated() {
            XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">&#39;\(name)&#39;!$1:$1</definedName>"), "\(name): \(workbook)")
        }
    }

    /// Golden: the Accepted sheet, with its frozen bold header, widths, a Vietnamese note, a joint
    /// recommendation and the autofilter.
    func testAcceptedSheetGolden() throws {
        let sheet = try workbook()["xl/worksheets/sheet2.xml"]!
        func cell(_ ref: String, _ style: Int, _ text: String) -> String {
            "<c r=\"\(ref)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>"
        }
        let header = ["ID", "Recommending States", "Regional groups", "Themes", "Recommendation", "Decision", "Published as", "Already implemented", "Note", "Decided by", "Decided at"]
        let headerRow = zip(XLSXFixture.columns, header).map { cell("\($0)1", 1, $1) }.joined()
        let at = "2026-09-21T14:13:20Z"
        XCTAssertEqual(sheet, """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>
            <dimension ref="A1:K4"/>
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>
            <cols>\(XLSXFixture.widths([8, 20, 14, 18, 60, 13, 11, 14, 18, 11, 20]))</cols>
            <sheetData>
            <row r="1" ht="28">\(headerRow)</row>
            <row r="2" ht="84">\(cell("A2", 4, "140.1"))\(cell("B2", 2, "Chile; France"))\(cell("C2", 2, "Latin American and Caribbean; Western European and others"))\(cell("D2", 2, "International instruments"))\(cell("E2", 2, "Ratify the Optional Protocol to the Convention against Torture"))\(cell("F2", 2, "accepted"))\(cell("G2", 4, "supported"))\(cell("I2", 2, "Đã có trong luật"))\(cell("J2", 2, "lan"))\(cell("K2", 4, at))</row>
            <row r="3" ht="28">\(cell("A3", 4, "140.2"))\(cell("B3", 2, "Côte d&#39;Ivoire"))\(cell("C3", 2, "African"))\(cell("D3", 2, "International instruments"))\(cell("E3", 2, "Consider ratifying OPCAT"))\(cell("F3", 2, "accepted"))\(cell("G3", 4, "supported"))\(cell("H3", 2, "yes"))\(cell("J3", 2, "lan"))\(cell("K3", 4, at))</row>
            <row r="4" ht="42">\(cell("A4", 4, "140.10"))\(cell("B4", 2, "Germany"))\(cell("C4", 2, "Western European and others"))\(cell("D4", 2, "Legal system and justice"))\(cell("E4", 2, "Strengthen &quot;legal aid&quot;, for all"))\(cell("F4", 2, "accepted"))\(cell("G4", 4, "supported"))\(cell("J4", 2, "lan"))\(cell("K4", 4, at))</row>
            </sheetData>
            <autoFilter ref="A1:K4"/>
            <printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddHeader>&amp;L&amp;A&amp;RA/HRC/00/0 (test)</oddHeader><oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter>
            </worksheet>

            """)
    }

    /// A text starting with `=` is an inline string (`t="inlineStr"`, no `<f>`): spreadsheets never
    /// evaluate inline strings, so no quote is needed in front, unlike CSV.
    func testTextStartingWithEqualsIsAnInlineStringNeverAFormula() throws {
        let rejected = try workbook()["xl/worksheets/sheet4.xml"]!
        XCTAssertTrue(rejected.contains(#"<c r="E3" s="2" t="inlineStr"><is><t xml:space="preserve">=Equal pay for women &amp; men</t></is></c>"#), rejected)
        XCTAssertFalse(rejected.contains("<f>"))
        XCTAssertFalse(rejected.contains("'="), "the text is kept as written")
    }

    func testSummaryCountsAndShares() throws {
        let summary = try workbook()["xl/worksheets/sheet1.xml"]!
        XCTAssertTrue(summary.contains(#"<row r="2"><c r="A2" s="4" t="inlineStr"><is><t xml:space="preserve">Accepted</t></is></c><c r="B2" s="2" t="inlineStr"><is><t xml:space="preserve">supported</t></is></c><c r="C2" s="4"><v>3</v></c><c r="D2" s="3"><v>0.42857142857142855</v></c></row>"#), summary)
        XCTAssertTrue(summary.contains(#"<c r="C6" s="4"><v>7</v></c>"#), "total")
        XCTAssertTrue(summary.contains(#"state="frozen""#) && summary.contains(#"tabSelected="1""#))
        XCTAssertFalse(summary.contains("<autoFilter"), "the summary is not a table to filter")
    }

    func testStatusKeepsEverySheetButOnlyThoseRows() throws {
        let parts = try workbook(status: .rejected)
        XCTAssertTrue(parts["xl/worksheets/sheet2.xml"]!.contains(#"<autoFilter ref="A1:K1"/>"#), "Accepted: header only")
        XCTAssertTrue(parts["xl/worksheets/sheet4.xml"]!.contains(#"<autoFilter ref="A1:K3"/>"#))
    }

    func testSameLedgerGivesTheSameBytes() throws {
        let ledger = try ExportFixtures.openLedger()
        XCTAssertEqual(try DecisionExport.data(ledger, format: .xlsx), try DecisionExport.data(ledger, format: .xlsx))
    }

    func testCellTextIsMadeSafeForXMLAndExcel() {
        XCTAssertEqual(XLSXSheet.cellText("a\u{0B}b\u{0}c <d> & \"e\""), "abc &lt;d&gt; &amp; &quot;e&quot;")
        XCTAssertEqual(XLSXSheet.cellText("_x0041_"), "_x005F_x0041_", "kept literal, not read as the escape of A")
        let long = String(repeating: "ạ", count: 40_000)
        XCTAssertEqual(XLSXSheet.cellText(long).utf16.count, XLSXSheet.maxCellLength)
        XCTAssertEqual(XLSXSheet.letters(0) + XLSXSheet.letters(25) + XLSXSheet.letters(26) + XLSXSheet.letters(701) + XLSXSheet.letters(702), "AZAAZZAAA")
    }
}

enum XLSXFixture {
    static let columns = "ABCDEFGHIJK".map(String.init)

    static func widths(_ widths: [Int]) -> String {
        widths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }.joined()
    }
}
