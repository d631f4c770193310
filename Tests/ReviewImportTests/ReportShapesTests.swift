import Foundation
import XCTest
import ReviewModel
@testable import ReviewImport

/// Shapes met in reports the importer was tried on from outside (2008-2012): comments between the
/// lists, a list of comments numbered like recommendations, a heading that carries its footnote.
final class ReportShapesTests: XCTestCase {
    func parse(_ text: String) throws -> ImportedDocument { try WorkingGroupReport.parse(text, file: "fixture.txt") }

    func testACommentThatSeemsToContradictTheListKeepsTheListsPosition() throws {
        let doc = try parse("""
        II. Conclusions and/or recommendations
        101. The recommendations listed below enjoy the support of Ruritania:
        101.1. Plant trees (Chile);
        101.2. Clean the rivers (Peru).
        102. The following recommendations will be examined by Ruritania:
        102.1. Pave the roads (Fiji).
        103. The recommendations below did not enjoy the support of Ruritania:
        103.1. Prevent extrajudicial killings by the police (Netherlands);
        103.2. Abolish the army (Mali).
        104. With regard to recommendation 103.1 above, Ruritania indicated that, while it was committed to preventing
        extrajudicial killings, it did not agree with linking that issue to the police.
        105. Ruritania considers that recommendation 101.2 above has already been implemented.
        106. Ruritania supports recommendation 102.1 above.
        107. Ruritania noted the recommendations in paragraph 31 of the report.
        108. The following recommendations will be examined by Ruritania:
        108.1. Build schools (Chad);
        108.2. Build hospitals (Cuba);
        108.3. Train nurses (Fiji).
        109. Ruritania considers that recommendations Nos. 1 and 3 above are already implemented.
        """)
        let positions = Dictionary(uniqueKeysWithValues: doc.recommendations.map { ($0.id, $0.position) })
        XCTAssertEqual(positions["103.1"], .noted, "a refusal of the link is no support of the recommendation")
        XCTAssertEqual(positions["101.2"], .supportedImplemented)
        XCTAssertEqual(positions["102.1"], .supported, "a comment answers what the list left open")
        XCTAssertEqual(positions["101.1"], .supported)
        XCTAssertTrue(doc.summary.contains { $0.hasPrefix("paragraph 107") && $0.contains("without citing IDs") }, "\(doc.summary)")
        // Items cited by number alone belong to the list just above.
        XCTAssertEqual(["108.1", "108.2", "108.3"].map { positions[$0] ?? nil }, [.supportedImplemented, nil, .supportedImplemented])
    }

    func testAListOfCommentsNumberedLikeRecommendationsIsNotImported() throws {
        let doc = try parse("""
        II. CONCLUSIONS AND/OR RECOMMENDATIONS
        60. The State under review examined the recommendations and agreed on the following:
        1. A gender perspective in the follow-up to the review (Slovenia);
        2. Initiating a dialogue with civil society (United Kingdom).
        61. With regard to the other recommendations, the State under review offers the following comments:
        1. While the independence of the judiciary is guaranteed by the Constitution, reforms continue;
        2. The law on associations is under review;
        3. Women may already stand for every office.
        62. All conclusions and/or recommendations contained in the present report reflect the position of the submitting States.
        """)
        XCTAssertEqual(doc.recommendations.map(\.id), ["60.1", "60.2"])
        XCTAssertEqual(doc.warnings, [])
        XCTAssertTrue(doc.summary.contains { $0.hasPrefix("paragraph 61: a numbered list of 3 items that name no recommending State") }, "\(doc.summary)")
    }

    func testAHeadingCarryingItsFootnoteOnTheSameLineStillOpensTheSection() throws {
        let doc = try parse("""
        128. The delegation thanked the States for 130 recommendations made.
        II. Conclusions and/or recommendations**  ** Conclusions and recommendations have not been edited.
        129. The recommendations formulated during the interactive dialogue listed below enjoy the support of Ruritania:
        129.1. Plant trees (Chile)1; 1 The recommendation as read during the interactive dialogue: plant trees.
        129.2. Keep going (Peru);1
        129.3. Pave roads (Fiji).
        """)
        XCTAssertEqual(doc.recommendations.map(\.id), ["129.1", "129.2", "129.3"])
        XCTAssertEqual(doc.recommendations[1].text, "Keep going")
        XCTAssertEqual(doc.recommendations[1].states, ["Peru"])
    }

    func testAReportWhoseFirstLineHasCommasIsNoSpreadsheet() throws {
        let text = "1 The recommendation as read out during the interactive dialogue: “Consider ratifying, as appropriate, CAT, CRC, CED”.\n"
            + "II. Conclusions and/or recommendations\n90. The recommendations below enjoy the support of Ruritania:\n90.1. Plant trees (Chile).\n"
        XCTAssertEqual(try SourceDetection.detect(Data(text.utf8), file: "report.txt").format, .reportText)
        let header = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r"
        XCTAssertEqual(try SourceDetection.detect(Data(header.utf8), file: "export.txt").format, .uprInfoCSV)
    }
}
