import XCTest
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReviewModel
@testable import ReviewExport

/// The workbook a line ministry receives: only its recommendations, the empty columns it fills
/// in, a hidden checksum, and an About sheet naming it.
final class MinistryWorkbookTests: XCTestCase {
    static func assigned() throws -> Ledger {
        var ledger = try ExportFixtures.openLedger()
        for id in ["140.1", "140.3", "140.11"] { try ledger.assign(id, ministry: "Ministry of Justice", by: "lan", at: ExportFixtures.date) }
        try ledger.assign("140.2", ministry: "Bộ Công an / Public Security", by: "lan", at: ExportFixtures.date)
        return ledger
    }

    func parts(_ data: Data) throws -> [String: String] {
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

    func testOneWorkbookPerMinistryWithSafeNames() throws {
        let files = try DecisionExport.ministryFiles(try Self.assigned())
        XCTAssertEqual(files.map(\.name), ["Bo-Cong-an-Public-Security.xlsx", "Ministry-of-Justice.xlsx"])
        XCTAssertEqual(try DecisionExport.ministryData(try Self.assigned(), ministry: "MINISTRY OF JUSTICE"), files[1].data, "folded name, same bytes")
        XCTAssertThrowsError(try DecisionExport.ministryData(try Self.assigned(), ministry: "Justice")) { error in
            XCTAssertTrue("\(error)".contains("assigned: Bộ Công an / Public Security, Ministry of Justice"), "\(error)")
        }
        XCTAssertThrowsError(try DecisionExport.data(try Self.assigned(), format: .ministry))
    }

    func testTheSheetHoldsTheMinistrysRowsAndAHiddenChecksum() throws {
        let ledger = try Self.assigned()
        let parts = try parts(try DecisionExport.ministryData(ledger, ministry: "Ministry of Justice"))
        let workbook = parts["xl/workbook.xml"]!
        XCTAssertTrue(workbook.contains(#"<sheet name="Recommendations" sheetId="1" r:id="rId1"/><sheet name="About" sheetId="2" r:id="rId2"/>"#), workbook)
        let sheet = parts["xl/worksheets/sheet1.xml"]!
        let rows = sheet.split(separator: "\n").filter { $0.hasPrefix("<row ") }
        XCTAssertEqual(rows.count, 4, "the header and the three rows of the Ministry of Justice")
        for (column, title) in zip("ABCDEFG", MinistrySheetLayout.columns) {
            XCTAssertTrue(rows[0].contains("<c r=\"\(column)1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(title)</t></is></c>"), title)
        }
        XCTAssertTrue(sheet.contains(#"<col min="7" max="7" width="18" customWidth="1" hidden="1"/>"#), "the checksum is hidden")
        XCTAssertTrue(rows[1].contains(#"<c r="A2" s="4" t="inlineStr"><is><t xml:space="preserve">140.1</t></is></c>"#))
        XCTAssertTrue(rows[1].contains(#"<c r="D2" s="4" t="inlineStr"><is><t xml:space="preserve">accepted</t></is></c>"#))
        XCTAssertFalse(rows[1].contains(#"r="E2""#) || rows[1].contains(#"r="F2""#), "Proposed decision and Note left empty")
        let text = ledger.recommendation("140.1")!.text
        XCTAssertTrue(rows[1].contains("<c r=\"G2\" s=\"4\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(MinistrySheetLayout.checksum(id: "140.1", text: text))</t></is></c>"))
        XCTAssertTrue(rows[3].contains(">140.11<") && rows[3].contains(">=Equal pay for women &amp; men<"), "text stays text, escaped")
        XCTAssertFalse(sheet.contains(">140.2<"), "another ministry's recommendation is left out")
        let about = parts["xl/worksheets/sheet2.xml"]!
        XCTAssertTrue(about.contains(#"<t xml:space="preserve">Ministry</t></is></c><c r="B2" s="2" t="inlineStr"><is><t xml:space="preserve">Ministry of Justice</t>"#), about)
    }

    func testChecksumBindsIDAndText() {
        let a = MinistrySheetLayout.checksum(id: "140.1", text: "Ratify")
        XCTAssertEqual(a.count, 16)
        XCTAssertEqual(a, MinistrySheetLayout.checksum(id: "140.1", text: " Ratify\r\n"), "line ends and edges ignored")
        XCTAssertNotEqual(a, MinistrySheetLayout.checksum(id: "140.10", text: "Ratify"))
        XCTAssertNotEqual(a, MinistrySheetLayout.checksum(id: "140.1", text: "Ratify!"))
    }
}
