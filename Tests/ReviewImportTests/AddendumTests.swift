import XCTest
@testable import ReviewImport

/// Fixtures are invented wording for an invented State (Atlantis), in the shapes UN addenda take.
final class AddendumTests: XCTestCase {
    private func parse(_ text: String) throws -> AddendumPositions {
        try Addendum.parse(text, file: "add.txt")
    }

    private func ids(_ items: ClosedRange<Int>) -> [String] { items.map { "88.\($0)" } }

    func testUsualWordingGivesEachGroupItsPosition() throws {
        let result = try parse("""
                                                                   A/HRC/99/12/Add.1
            1. Atlantis received 12 recommendations, of which 8 are supported and 4 noted.
          A. Recommendations supported
            2. The following recommendations enjoy the support of Atlantis: 88.1, 88.2, 88.3,
            88.4 and 88.5.
          B. Recommendations supported and considered already
             implemented or in the process of implementation
            3. Atlantis supports the following recommendations: 88.6, 88.7, 88.8.
          C. Recommendations noted
            4. The following recommendations did not enjoy the support of Atlantis and were thus
            noted: 88.9, 88.10, 88.11, 88.12.
            88.11
                   Atlantis supports the aim and will keep the question under review.
          """)
        XCTAssertEqual(result.order, ids(1...12))
        XCTAssertEqual(result.positions.filter { $0.value == .supported }.keys.sorted(), ids(1...5).sorted())
        XCTAssertEqual(result.positions.filter { $0.value == .supportedImplemented }.keys.sorted(), ids(6...8))
        XCTAssertEqual(result.positions.filter { $0.value == .noted }.keys.sorted(), ids(9...12).sorted())
        XCTAssertEqual(result.warnings, [])
    }

    func testRangesWithHyphenEnDashAndTo() throws {
        let result = try parse("Atlantis accepts the following recommendations: 88.1-3, 88.4\u{2013}6, 88.7 \u{2013} 88.8 and 88.9 to 88.10.")
        XCTAssertEqual(result.order, ids(1...10))
        XCTAssertEqual(Set(result.positions.values), [.supported])
    }

    func testBareItemNumberContinuesThePreviousParagraph() throws {
        let result = try parse("""
            Atlantis notes the following recommendations: 88.20, 29, 88.82-85, 87 and 90.
            """)
        XCTAssertEqual(result.order, ["88.20", "88.29", "88.82", "88.83", "88.84", "88.85", "88.87", "88.90"])
        XCTAssertEqual(Set(result.positions.values), [.noted])
    }

    func testDotTypedForACommaAndIDsSplitAcrossLines() throws {
        let result = try parse("""
            Atlantis supports recommendations 88.1, 88.2. 88.3, 88.4, 88.
            5, 88.6.
            88.7
            """)
        XCTAssertEqual(result.order, ids(1...7))
    }

    func testPageHeaderAndFooterInsideAListAreSkipped() throws {
        let result = try parse("""
            2. The following recommendations enjoy the support of Atlantis: 88.1, 88.2,


                                                                                     3
            \u{0C}A/HRC/99/12/Add.1


            88.3, 88.4.
            GE.25-01234 (E)
            3. Atlantis notes recommendation 88.5.
            """)
        XCTAssertEqual(result.order, ids(1...5))
        XCTAssertEqual(result.positions["88.4"], .supported)
        XCTAssertEqual(result.positions["88.5"], .noted)
    }

    func testAnIDListedTwiceWithDifferentPositionsKeepsTheFirstAndWarns() throws {
        let result = try parse("""
            I. Supported recommendations
            1. Atlantis supports recommendations 88.1 and 88.2.
            II. Noted recommendations
            2. Atlantis takes note of recommendations 88.2-3 and provides the following information:
            88.1
                The matter is under study.
            """)
        XCTAssertEqual(result.positions, ["88.1": .supported, "88.2": .supported, "88.3": .noted])
        XCTAssertEqual(result.warnings.map(\.description), [
            "add.txt:4: 88.2 is listed as noted here but as supported at line 2; the first is kept",
            "add.txt:5: 88.1 is explained under noted here but listed as supported at line 2; the listing is kept",
        ])
        XCTAssertEqual(result.explanations, [AddendumExplanation(ids: ["88.1"], text: "The matter is under study.", line: 5)])
    }

    func testSupportedListedAgainAsAlreadyImplementedIsAlreadyImplemented() throws {
        let result = try parse("""
            I. Supported recommendations
            1. Atlantis supports recommendations 88.1 and 88.2.
            II. Recommendations supported and considered already implemented
            2. Atlantis supports recommendations 88.2 and 88.3.
            """)
        XCTAssertEqual(result.positions, ["88.1": .supported, "88.2": .supportedImplemented, "88.3": .supportedImplemented])
        XCTAssertEqual(result.warnings, [])
    }

    func testRationaleProseAndOtherNumbersDoNotChangePositions() throws {
        let result = try parse("""
            III. Noted recommendations
            5. Atlantis takes note of recommendations 88.1, 88.2 and 88.3.
            88.1-2
                   Atlantis supports international efforts in this field and has spent EUR 7.5 million;
            99.9% of cases were settled. Section 4.2 of the Act applies.
            88.3
                   Atlantis accepts the principle.
            """)
        XCTAssertEqual(result.positions, ["88.1": .noted, "88.2": .noted, "88.3": .noted])
        XCTAssertEqual(result.warnings, [])
    }

    func testPositionStatedAfterTheList() throws {
        let result = try parse("Recommendations 88.1 and 88.2 are noted by Atlantis. Recommendations 88.3-4 enjoy its support.")
        XCTAssertEqual(result.positions, ["88.1": .noted, "88.2": .noted, "88.3": .supported, "88.4": .supported])
    }

    func testTableRowsGiveTheirOwnPositions() throws {
        let result = try parse("""
            2. Atlantis examined the recommendations and supports most of them. It should be noted that
            recommendations are listed below with the position taken.
            Recommendation      Position
            88.1                Supported
            88.2                Noted
            88.3-4              Supported / already implemented
            """)
        XCTAssertEqual(result.positions, ["88.1": .supported, "88.2": .noted, "88.3": .supportedImplemented, "88.4": .supportedImplemented])
        XCTAssertEqual(PositionCue.of("It should be noted that recommendation 88.1 enjoys support", requireRecommendation: true), .position(.supported))
    }

    func testPartiallySupportedAndUnstatedPositionsAreReportedNotGuessed() throws {
        let result = try parse("""
            Atlantis partially supports recommendation 88.1.
            Atlantis supports recommendation 88.2.
            """)
        XCTAssertEqual(result.positions, ["88.2": .supported])
        XCTAssertEqual(result.warnings.map(\.line), [1])
        XCTAssertTrue(result.warnings[0].message.contains("partially supported"), result.warnings[0].message)

        let unstated = try parse("""
            Recommendation 88.4 was discussed.
            Atlantis supports recommendation 88.5.
            The following recommendation will be examined by Atlantis: 88.6.
            """)
        XCTAssertEqual(unstated.positions, ["88.5": .supported])
        XCTAssertEqual(unstated.warnings.map(\.description), [
            "add.txt:1: 88.4 has no statement of position (supports, notes) before it; left out",
            "add.txt:3: 88.6 is listed as still to be examined, without a position; left out",
        ])
    }

    func testBadInputNamesTheFile() {
        XCTAssertThrowsError(try parse("")) { XCTAssertEqual($0 as? ImportError, .empty(file: "add.txt")) }
        XCTAssertThrowsError(try parse(" \n\n ")) { XCTAssertEqual($0 as? ImportError, .empty(file: "add.txt")) }
        XCTAssertThrowsError(try parse("PK\u{03}\u{04}\u{00}\u{00}\u{14}\u{00}")) { XCTAssertEqual($0 as? ImportError, .binary(file: "add.txt")) }
        XCTAssertThrowsError(try parse("Atlantis thanks all delegations.\nIt supports human rights.")) { error in
            guard case .notRecognized(let file, _)? = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "add.txt")
        }
    }

    func testTheWorkingGroupReportIsNotTakenForAnAddendum() throws {
        let url = try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15.txt")
        XCTAssertThrowsError(try Addendum.parse(String(contentsOf: url, encoding: .utf8), file: "report.txt")) { error in
            guard case .notRecognized(let file, let reason)? = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "report.txt")
            XCTAssertTrue(reason.contains("Working Group report"), reason)
        }
    }

    func testRealSloveniaAddendum() throws {
        let url = try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt")
        let result = try Addendum.parse(String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        let counts = Dictionary(grouping: result.positions.values, by: { $0 }).mapValues(\.count)
        XCTAssertEqual(counts[.supported], 178)
        XCTAssertEqual(counts[.supportedImplemented], 39)
        XCTAssertEqual(counts[.noted], 37)
        XCTAssertEqual(result.order.count, 254, "each ID once")
        XCTAssertEqual(Set(result.order), Set((1...254).map { "140.\($0)" }))
        XCTAssertEqual(result.order.prefix(3), ["140.7", "140.8", "140.9"])
        // Headings of explanations are not listings: 140.132-137 and 140.210 are explained in
        // section II but listed (and counted) in section I. Only a heading under the other decision
        // is worth a word: the addendum explains 140.73 and 140.241 among the noted.
        XCTAssertEqual(result.warnings.map(\.description), [
            "svn-c4-A_HRC_59_15_Add1.txt:324: 140.73 is explained under noted here but listed as supported at line 51; the listing is kept",
            "svn-c4-A_HRC_59_15_Add1.txt:350: 140.241 is explained under noted here but listed as supported (already implemented) at line 75; the listing is kept",
        ])
        // The explanations, by heading, as written.
        XCTAssertEqual(result.explanations.count, 46)
        let first = try XCTUnwrap(result.explanations.first)
        XCTAssertEqual(first.ids, ["140.11", "140.12", "140.13", "140.14"])
        XCTAssertEqual(first.text, "The 1961 Convention on the Reduction of Statelessness was ratified on 30 January 2025.")
        let trafficking = try XCTUnwrap(result.explanations.first { $0.ids.first == "140.82" })
        XCTAssertEqual(trafficking.ids, ["140.82", "140.83", "140.84", "140.85", "140.87"])
        let defence = try XCTUnwrap(result.explanations.first { $0.ids == ["140.62"] })
        XCTAssertEqual(defence.text.components(separatedBy: "\n\n").count, 2, "two paragraphs: \(defence.text)")
        XCTAssertTrue(defence.text.hasPrefix("Under the Criminal Procedure Act, minors can be represented by a defence counsel of their choice. If"), defence.text)
        XCTAssertEqual(result.explanations.first { $0.ids == ["140.120", "140.209"] }?.text.hasPrefix("Slovenia has increased"), true)
        let last = try XCTUnwrap(result.explanations.last)
        XCTAssertEqual(last.ids, ["140.253"])
        XCTAssertEqual(last.text, "There is no specific procedure in Slovenian legislation. Statelessness is determined on a case-by-case basis.")
        // No explanation swallows a section heading, a paragraph number or the page furniture.
        for explanation in result.explanations {
            for bad in ["Noted recommendations", "The Government takes note", "A/HRC/59/15", "GE.25"] {
                XCTAssertFalse(explanation.text.contains(bad), "\(explanation.ids): \(explanation.text)")
            }
        }
    }
}
