import XCTest
import ReviewModel
@testable import ReviewExport

/// What the reports, workbooks and the briefing pack carry for a reader: the recommendations under
/// each decision in the HTML, page setup on every sheet, the briefing's sections.
final class DocumentExtrasTests: XCTestCase {
    func testHTMLListsTheRecommendationsUnderEachDecisionFoldedWithNotes() throws {
        let html = try DecisionExport.render(try DocxFixture.explainedLedger(), format: .html)
        XCTAssertTrue(html.contains("<h2>Recommendations by decision</h2>"))
        let groups = html.components(separatedBy: "<details").dropFirst()
        XCTAssertEqual(groups.count, 2, "accepted and rejected: the empty ones are left out")
        XCTAssertTrue(groups.first!.contains("Accepted (supported): 4</summary>"), String(groups.first!))
        XCTAssertTrue(html.contains(#"<tr id="r140.1"><td>140.1</td><td>Chile, France</td><td>Ratify the Optional Protocol to the Convention against Torture</td><td class="note">Đã có trong luật<br><b>Addendum:</b> Viet Nam ratified the Convention against Torture in 2015.</td></tr>"#), html)
        XCTAssertTrue(html.contains(#"<td class="note">Already implemented.<br><b>Addendum:</b>"#), "the mark, then the explanation")
        XCTAssertTrue(html.contains(#"<td>=Equal pay for women &amp; men</td>"#), "escaped")
        XCTAssertFalse(html.contains("<script"), "folded without a script")
    }

    func testEverySheetOfBothWorkbooksPrintsLandscapeOnePageWideWithItsHeaderRepeated() throws {
        var ledger = try DocxFixture.explainedLedger()
        try ledger.assign("140.1", ministry: "Ministry of Justice", by: "lan", at: ExportFixtures.date)
        let workbooks = [try DecisionExport.data(ledger, format: .xlsx), try DecisionExport.ministryData(ledger, ministry: "Ministry of Justice")]
        for workbook in workbooks {
            let parts = try DocxFixture.parts(workbook)
            let sheets = parts.keys.filter { $0.hasPrefix("xl/worksheets/sheet") }
            XCTAssertGreaterThanOrEqual(sheets.count, 2)
            for path in sheets {
                let sheet = parts[path]!
                XCTAssertTrue(sheet.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#), path)
                XCTAssertTrue(sheet.contains(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#), path)
                XCTAssertTrue(sheet.contains("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>"), path)
                let index = Int(path.dropFirst("xl/worksheets/sheet".count).dropLast(4))! - 1
                XCTAssertTrue(parts["xl/workbook.xml"]!.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"), path)
            }
        }
    }

    func testBriefingGivesEachStatesProfileInTheRecordWhereThereIsOne() throws {
        let ledger = try DocxFixture.explainedLedger()
        var options = DocumentOptions(states: ["Chile"])
        options.profiles["Chile"] = StateProfile(asks: 1_284, statesAsked: 192, sessions: 1...20, supported: 758, noted: 526,
                                                 issues: ["Women's rights", "Torture"],
                                                 toThisState: [.init(session: 5, year: 2009, text: "Ratify the Rome Statute", response: "noted")])
        let paragraphs = DocxFixture.paragraphs(try DocxFixture.parts(try DecisionExport.data(ledger, format: .briefing, document: options))["word/document.xml"]!)
        let start = try XCTUnwrap(paragraphs.firstIndex(of: "Chile in the public UPR record"))
        XCTAssertEqual(Array(paragraphs[start...].prefix(8)), [
            "Chile in the public UPR record",
            "In the public UPR record (sessions 1–20): 1,284 recommendations to 192 States; 59% supported, 41% noted.",
            "Its commonest issues: Women's rights; Torture.",
            "What it asked of Viet Nam before:",
            "Session (year)", "Recommendation", "Response",
            "5 (2009)",
        ])
        // Without a record the pack is as before.
        let plain = DocxFixture.paragraphs(try DocxFixture.parts(try DecisionExport.data(ledger, format: .briefing, document: DocumentOptions(states: ["Chile"])))["word/document.xml"]!)
        XCTAssertFalse(plain.contains { $0.contains("public UPR record") })
    }

    func testBriefingHasACoverTableAndASectionPerStateOnItsOwnPage() throws {
        let ledger = try DocxFixture.explainedLedger()
        let parts = try DocxFixture.parts(try DecisionExport.data(ledger, format: .briefing, document: DocumentOptions(states: ["chile", "Cote d'Ivoire"])))
        let xml = parts["word/document.xml"]!
        let paragraphs = DocxFixture.paragraphs(xml)
        XCTAssertEqual(Array(paragraphs.prefix(4)), ["Briefing pack", "Recommendations to Viet Nam and our decisions, by recommending State",
                                                     "A/HRC/00/0 (test): Test report",
                                                     "State of the decisions on 21 September 2026. 2 recommending States, each in a section of its own after this table."])
        XCTAssertEqual(Array(paragraphs[4..<11]), ["Recommending State", "Regional group", "Recommen\u{AD}dations", "Supported", "Noted", "Open", "Chile"], "the cover table")
        let chile = try XCTUnwrap(paragraphs.indices.last { paragraphs[$0] == "Chile" })
        XCTAssertEqual(Array(paragraphs[chile...].prefix(3)), ["Chile", "Regional group: Latin American and Caribbean", "Totals: 2 recommendations: 1 accepted (supported), 1 rejected (noted)."])
        XCTAssertEqual(xml.components(separatedBy: "<w:pageBreakBefore/>").count - 1, 2, "each State on a new page")
        XCTAssertTrue(paragraphs.contains("Also recommended by: France"))
        XCTAssertTrue(paragraphs.contains("Addendum: Viet Nam ratified the Convention against Torture in 2015."))
        XCTAssertTrue(xml.contains("<w:tblHeader/>"), "the table's header row repeats on each page")
        XCTAssertFalse(paragraphs.contains("France"), "France was not asked for")
        XCTAssertThrowsError(try DecisionExport.data(ledger, format: .briefing, document: DocumentOptions(states: ["Norway"]))) {
            XCTAssertEqual("\($0)", "'Norway' made none of the recommendations of this review")
        }
    }
}
