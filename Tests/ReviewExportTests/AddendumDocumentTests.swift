import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReviewModel
@testable import ReviewExport

/// The addendum as a Word document, on the small review built in code.
final class AddendumDocumentTests: XCTestCase {
    func document(_ ledger: Ledger, draft: Bool = false, options: DocumentOptions = DocumentOptions()) throws -> [String: String] {
        try DocxFixture.parts(try DecisionExport.data(ledger, format: .docx, draft: draft, document: options))
    }

    func testPackageHoldsItsPartsAndNothingElse() throws {
        let parts = try document(try DocxFixture.explainedLedger())
        XCTAssertEqual(Set(parts.keys), ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
                                         "word/_rels/document.xml.rels", "word/styles.xml", "word/header1.xml", "word/footer1.xml"])
        for (path, xml) in parts {
            XCTAssertTrue(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#), path)
            XCTAssertNotNil(try? XMLDocument(xmlString: xml), "\(path) is well-formed XML")
        }
        XCTAssertTrue(parts["[Content_Types].xml"]!.contains(#"PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml""#))
        XCTAssertTrue(parts["word/footer1.xml"]!.contains(#"<w:fldSimple w:instr=" PAGE ">"#), "page numbers")
        XCTAssertEqual(parts["word/header1.xml"].map(DocxFixture.paragraphs), ["A/HRC/00/0 (test)/Add.1"])
        XCTAssertTrue(parts["docProps/core.xml"]!.contains("<dc:title>A/HRC/00/0 (test)/Add.1: Viet Nam, views on conclusions and/or recommendations</dc:title>"))
    }

    /// Golden: every paragraph of the document, in order, as a reader sees it.
    func testParagraphsGolden() throws {
        let xml = try document(try DocxFixture.explainedLedger(), options: DocumentOptions(sessionDates: "9 September–9 October 2026"))["word/document.xml"]!
        XCTAssertEqual(DocxFixture.paragraphs(xml), [
            "United Nations A/HRC/00/0 (test)/Add.1",
            "General Assembly Distr.: General",
            " 21 September 2026",
            " Original: English",
            "Human Rights Council",
            "9 September–9 October 2026",
            "Agenda item 6",
            "Universal periodic review",
            "Report of the Working Group on the Universal Periodic Review",
            "Viet Nam",
            "Addendum",
            "Views on conclusions and/or recommendations, voluntary commitments and replies presented by the State under review",
            "1. This document contains the response of the Government of Viet Nam to the recommendations made during its fourth Universal Periodic Review.",
            "2. Viet Nam received 7 recommendations. Of these, 4 are supported (1 of them considered already implemented or in the process of implementation) and 3 noted. The response is clustered into 3 categories: I. Supported recommendations; II. Supported recommendations that Viet Nam considers already implemented or in the process of implementation; III. Noted recommendations.",
            "I. Supported recommendations",
            "3. The Government of Viet Nam supports the following recommendations: 140.1, 140.4, 140.10.",
            "140.1-2",
            "Viet Nam ratified the Convention against Torture in 2015.",
            "II. Supported recommendations that Viet Nam considers already implemented or in the process of implementation",
            "4. The Government of Viet Nam supports the following recommendations and considers them already implemented or in the process of implementation: 140.2.",
            "III. Noted recommendations",
            "5. The Government of Viet Nam takes note of the following recommendations: 140.3, 140.5, 140.11.",
            "140.3",
            "The question is kept under review.",
            "The Penal Code of 2015 reduced the number of capital offences.",
        ])
        // The numbered paragraph: its number in a hanging indent, a tab, the text justified.
        XCTAssertTrue(xml.contains(#"<w:p><w:pPr><w:pStyle w:val="Body"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:r><w:t xml:space="preserve">3.</w:t><w:tab/><w:t xml:space="preserve">The Government of Viet Nam supports the following recommendations: 140.1, 140.4, 140.10.</w:t></w:r></w:p>"#), xml)
        XCTAssertTrue(xml.contains(#"<w:p><w:pPr><w:pStyle w:val="ExplanationIDs"/><w:ind w:left="567"/></w:pPr><w:r><w:t xml:space="preserve">140.1-2</w:t></w:r></w:p>"#))
        XCTAssertTrue(xml.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4")
    }

    func testRangesOnAsk() throws {
        var ledger = try DocxFixture.explainedLedger()
        try ledger.decide("140.5", .accepted, by: "lan", at: ExportFixtures.date)
        let paragraphs = DocxFixture.paragraphs(try document(ledger, options: DocumentOptions(ranges: true))["word/document.xml"]!)
        XCTAssertTrue(paragraphs.contains("3. The Government of Viet Nam supports the following recommendations: 140.1, 4-5, 10."), "\(paragraphs)")
    }

    func testRefusedWhileOpenAndADraftSaysSoAtTopAndBottom() throws {
        let open = try ExportFixtures.openLedger()
        XCTAssertThrowsError(try DecisionExport.data(open, format: .docx)) { error in
            XCTAssertEqual(error as? ExportError, .notReady(open: [.init(selection: .underConsideration, ids: ["140.4"]), .init(selection: .undecided, ids: ["140.5"])]))
        }
        let paragraphs = DocxFixture.paragraphs(try document(open, draft: true)["word/document.xml"]!)
        let warnings = paragraphs.indices.filter { paragraphs[$0].hasPrefix("DRAFT, NOT FOR PUBLICATION") }
        XCTAssertEqual(warnings.count, 2)
        XCTAssertLessThan(warnings[0], paragraphs.firstIndex { $0.hasPrefix("1. ") }!, "before the first paragraph")
        XCTAssertEqual(warnings[1], paragraphs.count - 1, "and last")
        XCTAssertTrue(paragraphs.contains("Under consideration (1): 140.4"))
        XCTAssertTrue(paragraphs.contains("Undecided (1): 140.5"))
    }

    func testSessionFromTheSymbolAndTheIssueDate() throws {
        var ledger = try ExportFixtures.decidedLedger()
        ledger.document.symbol = "A/HRC/57/6"
        let issued = Timestamp.parse("2024-08-30T00:00:00Z")!
        let paragraphs = DocxFixture.paragraphs(try document(ledger, options: DocumentOptions(issued: issued))["word/document.xml"]!)
        XCTAssertEqual(Array(paragraphs.prefix(6)), ["United Nations A/HRC/57/6/Add.1", "General Assembly Distr.: General", " 30 August 2024",
                                                     " Original: English", "Human Rights Council", "Fifty-seventh session"])
        XCTAssertEqual(DocumentWords.ordinal(59), "Fifty-ninth")
        XCTAssertEqual(DocumentWords.ordinal(60), "Sixtieth")
        XCTAssertEqual(DocumentWords.ordinal(4), "Fourth")
    }

    func testTextIsEscapedAndControlCharactersDropped() throws {
        var ledger = try ExportFixtures.decidedLedger()
        try ledger.explain("140.11", "Women & men <equal>\u{01} \"always\"", by: "lan", at: ExportFixtures.date)
        let xml = try document(ledger)["word/document.xml"]!
        XCTAssertNotNil(try? XMLDocument(xmlString: xml))
        XCTAssertTrue(xml.contains("Women &amp; men &lt;equal&gt; &quot;always&quot;"), xml)
    }

    func testSameLedgerGivesTheSameBytes() throws {
        let ledger = try DocxFixture.explainedLedger()
        XCTAssertEqual(try DecisionExport.data(ledger, format: .docx), try DecisionExport.data(ledger, format: .docx))
    }
}

/// The text addendum prints the explanations too, after its check.
final class AddendumTextExplanationTests: XCTestCase {
    func testExplanationsFollowTheCheckGroupedUnderTheirIDs() throws {
        let text = try DecisionExport.render(try DocxFixture.explainedLedger(), format: .addendum)
        XCTAssertTrue(text.hasSuffix("""
            Check: each of the 7 recommendation IDs appears exactly once above, and the totals add up to 7.

            Explanations published with the recommendations (2):

            140.1-2
                Viet Nam ratified the Convention against Torture in 2015.

            140.3
                The question is kept under review.
                The Penal Code of 2015 reduced the number of capital offences.

            """), text)
        XCTAssertFalse(try DecisionExport.render(try ExportFixtures.decidedLedger(), format: .addendum).contains("Explanations"), "none, no heading")
    }
}

/// Golden: the whole `word/document.xml` of a three-recommendation review, as written.
final class AddendumDocumentXMLGoldenTests: XCTestCase {
    func testDocumentXMLGolden() throws {
        var ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/60/9", title: "Report", stateUnderReview: "Atlantis", cycle: 4), recommendations: [
            Recommendation(id: "9.1", text: "Ratify OPCAT", states: ["Chile"]),
            Recommendation(id: "9.2", text: "Free legal aid", states: ["Peru"]),
            Recommendation(id: "9.3", text: "Abolish the death penalty", states: ["France"]),
        ])
        let at = ExportFixtures.date
        try ledger.decide("9.1", .accepted, by: "lan", at: at)
        try ledger.explain("9.1", "Ratified in 2015 & in force.", by: "lan", at: at)
        try ledger.applyPosition("9.2", .accepted, implemented: true, source: "test", by: "lan", at: at)
        try ledger.decide("9.3", .rejected, by: "lan", at: at)
        let xml = try DocxFixture.parts(try DecisionExport.data(ledger, format: .docx))["word/document.xml"]!
        XCTAssertEqual(xml, #"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <w:body>
            <w:p><w:pPr><w:pStyle w:val="Symbol"/><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">United Nations</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">A/HRC/60/9/Add.1</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Masthead"/><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">General Assembly</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Distr.: General</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Masthead"/><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr><w:r><w:tab/><w:t xml:space="preserve">21 September 2026</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Masthead"/><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="000000"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr><w:r><w:tab/><w:t xml:space="preserve">Original: English</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Session"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Human Rights Council</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Session"/></w:pPr><w:r><w:t xml:space="preserve">Sixtieth session</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Session"/></w:pPr><w:r><w:t xml:space="preserve">Agenda item 6</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Session"/></w:pPr><w:r><w:t xml:space="preserve">Universal periodic review</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">Report of the Working Group on the Universal Periodic Review</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr><w:r><w:t xml:space="preserve">Atlantis</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr><w:r><w:t xml:space="preserve">Addendum</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr><w:r><w:t xml:space="preserve">Views on conclusions and/or recommendations, voluntary commitments and replies presented by the State under review</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Body"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:r><w:t xml:space="preserve">1.</w:t><w:tab/><w:t xml:space="preserve">This document contains the response of the Government of Atlantis to the recommendations made during its fourth Universal Periodic Review.</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Body"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:r><w:t xml:space="preserve">2.</w:t><w:tab/><w:t xml:space="preserve">Atlantis received 3 recommendations. Of these, 2 are supported (1 of them considered already implemented or in the process of implementation) and 1 noted. The response is clustered into 3 categories: I. Supported recommendations; II. Supported recommendations that Atlantis considers already implemented or in the process of implementation; III. Noted recommendations.</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:r><w:t xml:space="preserve">I.</w:t><w:tab/><w:t xml:space="preserve">Supported recommendations</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Body"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:r><w:t xml:space="preserve">3.</w:t><w:tab/><w:t xml:space="preserve">The Government of Atlantis supports the following recommendations: 9.1.</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="ExplanationIDs"/><w:ind w:left="567"/></w:pPr><w:r><w:t xml:space="preserve">9.1</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Body"/><w:ind w:left="567" w:firstLine="567"/></w:pPr><w:r><w:t xml:space="preserve">Ratified in 2015 &amp; in force.</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:r><w:t xml:space="preserve">II.</w:t><w:tab/><w:t xml:space="preserve">Supported recommendations that Atlantis considers already implemented or in the process of implementation</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Body"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:r><w:t xml:space="preserve">4.</w:t><w:tab/><w:t xml:space="preserve">The Government of Atlantis supports the following recommendations and considers them already implemented or in the process of implementation: 9.2.</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:r><w:t xml:space="preserve">III.</w:t><w:tab/><w:t xml:space="preserve">Noted recommendations</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Body"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:r><w:t xml:space="preserve">5.</w:t><w:tab/><w:t xml:space="preserve">The Government of Atlantis takes note of the following recommendations: 9.3.</w:t></w:r></w:p>
            <w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>
            </w:body>
            </w:document>

            """#)
    }
}
