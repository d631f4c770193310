import Foundation
import XCTest
import ReviewModel
@testable import ReviewImport

/// The reader of Working Group report text: one small invented fixture per quirk, then the two real
/// reports in ../shared/upr-data (skipped where that folder is absent).
final class WorkingGroupReportTests: XCTestCase {
    // MARK: - Fixtures (invented wording)

    /// 1-based line of the first line of `text` containing `needle`.
    private func line(of needle: String, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    private func parse(_ text: String, file: String = "fixture.txt") throws -> ImportedDocument {
        try WorkingGroupReport.parse(text, file: file)
    }

    func testPlainExtractionWithTrailingDotsStopsAtNextParagraph() throws {
        let text = """
        III. Conclusions and/or recommendations
        88. The following recommendations will be examined by Ruritania, which will reply in due time.
        88.1. Plant more trees along the rivers (Norway);
        88.2. Publish the budget of the water agency every year (Chile);
        88.3. Train judges in the new procedure code (Ghana);
        89. All conclusions contained in the present report reflect the position of the submitting States.
        """
        let doc = try parse(text)
        XCTAssertEqual(doc.format, .reportText)
        XCTAssertEqual(doc.recommendations.map(\.id), ["88.1", "88.2", "88.3"])
        XCTAssertEqual(doc.recommendations.map(\.text), ["Plant more trees along the rivers",
                                                         "Publish the budget of the water agency every year",
                                                         "Train judges in the new procedure code"])
        XCTAssertEqual(doc.recommendations.map(\.states), [["Norway"], ["Chile"], ["Ghana"]])
        XCTAssertEqual(doc.recommendations.map(\.line), [3, 4, 5])
        XCTAssertEqual(doc.warnings, [])
        XCTAssertEqual(doc.info?.stateUnderReview, "Ruritania")
        XCTAssertEqual(doc.info?.symbol, "")
        // Windows and old Mac line endings give the same items on the same lines.
        XCTAssertEqual(try parse(text.replacingOccurrences(of: "\n", with: "\r\n")).recommendations, doc.recommendations)
        XCTAssertEqual(try parse(text.replacingOccurrences(of: "\n", with: "\r")).recommendations, doc.recommendations)
    }

    func testLayoutTextDropsPageFurnitureInsideSentences() throws {
        let text = """
                      140.1    Build a shelter for homeless persons in every
                      region of the country (Norway);
                      140.2    Guarantee free legal aid to all persons detained
        \("")
        \("")
        GE.30-12345                                                              7
        \u{0C}A/HRC/99/9
        \("")
                      by the police (Chile);
                      140.3    Give the ombudsman the means to visit

        8                                                                GE.30-12345
        \u{0C}                                                           A/HRC/99/9
                      prisons without notice (Ghana).
                      141. All conclusions reflect the position of the submitting States.
        """
        let doc = try parse(text)
        XCTAssertEqual(doc.recommendations.map(\.text), [
            "Build a shelter for homeless persons in every region of the country",
            "Guarantee free legal aid to all persons detained by the police",
            "Give the ombudsman the means to visit prisons without notice",
        ])
        XCTAssertEqual(doc.recommendations.map(\.line), [1, 3, 10])
        XCTAssertEqual(doc.warnings, [])
    }

    func testStatesInEveryWrittenForm() throws {
        let text = """
        140.1 Open the archives of the former secret police (France);
        140.2 Adopt a law on access to information (Algeria) (Cabo Verde)
        (Sri Lanka);
        140.3 Appoint women to half of the seats in the cabinet (Portugal, Uruguay);
        140.4 Share its experience in rural electrification (Venezuela (Bolivarian Republic of));
        140.5 Protect the sources of journalists by law (United
        Kingdom of Great Britain and Northern Ireland);
        140.6 Ensure that the review of the penal code follows ICCPR (ICCPR) (Norway) (Côte d’Ivoire);
        140.7 Follow the Paris Principles for the new commission (Paris Principles) (Fiji).
        """
        let doc = try parse(text)
        XCTAssertEqual(doc.recommendations.map(\.states), [
            ["France"], ["Algeria", "Cabo Verde", "Sri Lanka"], ["Portugal", "Uruguay"],
            ["Venezuela (Bolivarian Republic of)"], ["United Kingdom of Great Britain and Northern Ireland"],
            ["Norway", "Côte d’Ivoire"], ["Fiji"],
        ])
        XCTAssertEqual(doc.recommendations[5].text, "Ensure that the review of the penal code follows ICCPR (ICCPR)")
        XCTAssertEqual(doc.recommendations[6].text, "Follow the Paris Principles for the new commission (Paris Principles)")
        XCTAssertEqual(doc.warnings, [])
    }

    func testClusteredTextsGiveOneRecommendationWithTheUnionOfStates() throws {
        let text = """
        143.1. Think about joining the convention on seeds (Spain);Join the convention on seeds (Portugal, Spain); Join it soon (Chad);
        143.2. Keep going (Peru);
        """
        let doc = try parse(text)
        XCTAssertEqual(doc.recommendations.count, 2)
        let first = doc.recommendations[0]
        XCTAssertEqual(first.id, "143.1")
        XCTAssertEqual(first.states, ["Spain", "Portugal", "Chad"])
        XCTAssertEqual(first.text, "Think about joining the convention on seeds; Join the convention on seeds; Join it soon")
    }

    func testAFootnoteMarkerGluedToTheStatesOfExtractedTextIsNoText() throws {
        let doc = try parse("""
        116.5. Continue the moratorium on the death penalty (Argentina)2;
        116.6. Consider abolishing the death penalty (Honduras)3;
        116.7. Keep going (Chile).
        """)
        XCTAssertEqual(doc.recommendations.map(\.states), [["Argentina"], ["Honduras"], ["Chile"]])
        XCTAssertEqual(doc.recommendations[0].text, "Continue the moratorium on the death penalty")
        XCTAssertEqual(doc.warnings.map(\.message), ["gap in the numbering: 116.1 to 116.4 are missing before 116.5"])
    }

    func testSemicolonInsideOneTextDoesNotSplitIt() throws {
        let doc = try parse("""
        143.1. Review the mining code; the forestry code and the water code (Peru);
        143.2. Keep going (Chile);
        """)
        XCTAssertEqual(doc.recommendations[0].text, "Review the mining code; the forestry code and the water code")
        XCTAssertEqual(doc.recommendations[0].states, ["Peru"])
    }

    func testStrayFootnoteTwoIdsOnOneLineAndItemOverBlankLine() throws {
        let text = """
        143.12.  Count the votes in public (Mali);

        ** The conclusions and recommendations have not been edited.
        143.13. Print ballots in all national languages (Chad); 143.14. Let observers into every polling station (Peru);
        143.15.  Extend the vote  to  citizens living   abroad with a view  to

        their full participation (Fiji);
        143.16. Keep going (Cuba);
        """
        let doc = try parse(text)
        XCTAssertEqual(doc.recommendations.map(\.id), ["143.12", "143.13", "143.14", "143.15", "143.16"])
        XCTAssertEqual(doc.recommendations[0].text, "Count the votes in public")
        XCTAssertEqual(doc.recommendations[1].text, "Print ballots in all national languages")
        XCTAssertEqual(doc.recommendations[2].text, "Let observers into every polling station")
        XCTAssertEqual(doc.recommendations[2].line, 4)
        XCTAssertEqual(doc.recommendations[3].text, "Extend the vote to citizens living abroad with a view to their full participation")
        XCTAssertEqual(doc.recommendations[3].states, ["Fiji"])
        // 143.12 is the first item: the list does not start at 1, which is a gap.
        XCTAssertEqual(doc.warnings.map(\.message), ["gap in the numbering: 143.1 to 143.11 are missing before 143.12"])
    }

    func testFindsTheListBetweenOtherSectionsAndStopsAtAnnex() throws {
        let text = """
        12. The delegation said that unemployment had fallen to
        7.5 per cent and that 3.2 million people had found work.
        13. Ruritania thanked the troika.
        II. Conclusions and/or recommendations
        14. The following recommendations will be examined by Ruritania, which will
        provide responses in due time:
        14.1 Raise the minimum wage (Chile);
        14.2 Publish the unemployment figures every month (Peru).

        Annex
        14.3 Not a recommendation (Fiji);
        """
        let doc = try parse(text)
        XCTAssertEqual(doc.recommendations.map(\.id), ["14.1", "14.2"])
        XCTAssertEqual(doc.recommendations[1].text, "Publish the unemployment figures every month")
        XCTAssertEqual(doc.info?.stateUnderReview, "Ruritania")
    }

    func testListEndsAfterFinalFullStopAndAtCompositionOfDelegation() throws {
        let closed = try parse("""
        140.1 Plant trees (Chile);
        140.2 Clean the rivers (Peru).
        The text that follows is no recommendation.
        """)
        XCTAssertEqual(closed.recommendations.last?.text, "Clean the rivers")
        let composition = try parse("""
        140.1 Plant trees (Chile);
        140.2 Clean the rivers (Peru);
        Composition of the delegation
        The delegation was headed by the Minister.
        """)
        XCTAssertEqual(composition.recommendations.last?.text, "Clean the rivers")
    }

    func testHyphenAtLineEnd() throws {
        let text = """
        140.1 Favour non-custodial measures and alternatives to detention (Chile);
        140.2 Use non-
        custodial measures for children and imple-
        ment the plan of Timor-
        Leste for 2024–
        2028 on refugees/
        asylum-seekers with capacity-
        building (Peru);
        140.3 Implement the law (Fiji);
        """
        let doc = try parse(text)
        // "implement" is written whole elsewhere, so "imple-ment" was broken by the typesetter;
        // "capacity-building" is nowhere written whole, so its hyphen is the word's own.
        XCTAssertEqual(doc.recommendations[1].text,
                       "Use non-custodial measures for children and implement the plan of Timor-Leste for 2024–2028 on refugees/asylum-seekers with capacity-building")
    }

    func testWarningsForGapMissingStateAndDuplicateCarryFileAndLine() throws {
        let text = """
        140.1 Plant trees (Chile);
        140.2 Clean the rivers;
        140.4 Build schools (Peru);
        140.4 Build hospitals (Fiji);
        140.5 Pave roads (Cuba).
        """
        let doc = try parse(text, file: "rur.txt")
        XCTAssertEqual(doc.recommendations.count, 5, "nothing is dropped")
        XCTAssertEqual(doc.recommendations[1].states, [])
        XCTAssertEqual(doc.recommendations[1].text, "Clean the rivers")
        XCTAssertEqual(doc.warnings.map(\.description), [
            "rur.txt:2: 140.2 has no recommending State",
            "rur.txt:3: gap in the numbering: 140.3 is missing before 140.4",
            "rur.txt:4: 140.4 appears twice (first at line 3); both are kept",
        ])
    }

    func testEveryListParagraphIsReadWithThePositionItsLeadInStates() throws {
        let text = """
        89. The recommendations below enjoy the support of Ruritania:
        89.1 Plant trees (Chile);
        89.2 Clean rivers (Peru);
        90. The following recommendations will be examined by Ruritania:
        90.1 Build schools (Fiji);
        90.2 Build hospitals (Cuba);
        90.3 Pave roads (Mali);
        91. All conclusions reflect the position of the submitting States.
        """
        let doc = try parse(text)
        XCTAssertEqual(doc.recommendations.map(\.id), ["89.1", "89.2", "90.1", "90.2", "90.3"])
        XCTAssertEqual(doc.recommendations.map(\.position), [.supported, .supported, nil, nil, nil])
        XCTAssertEqual(doc.warnings, [])
        XCTAssertEqual(doc.summary, [
            "no heading “Conclusions and/or recommendations”: every numbered list of the text was read",
            "paragraph 89: 2 recommendations (89.1 to 89.2), supported",
            "paragraph 90: 3 recommendations (90.1 to 90.3), no position yet (to be examined)",
        ])
    }

    func testErrors() {
        XCTAssertThrowsError(try parse("", file: "a.txt")) { XCTAssertEqual($0 as? ImportError, .empty(file: "a.txt")) }
        XCTAssertThrowsError(try parse(" \n\t\n \u{0C}\r\n", file: "a.txt")) { XCTAssertEqual($0 as? ImportError, .empty(file: "a.txt")) }
        XCTAssertThrowsError(try parse("140.1 Plant\0 trees (Chile);", file: "b.bin")) {
            XCTAssertEqual($0 as? ImportError, .binary(file: "b.bin"))
        }
        let noise = String(repeating: "\u{01}\u{02}\u{FFFD}ab", count: 50)
        XCTAssertThrowsError(try parse(noise, file: "c.bin")) { XCTAssertEqual($0 as? ImportError, .binary(file: "c.bin")) }
        XCTAssertThrowsError(try parse("A report with no numbered list at all.\n1. A paragraph.", file: "d.txt")) { error in
            guard case .notRecognized(let file, let reason)? = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "d.txt")
            XCTAssertTrue(reason.contains("P.1, P.2"), reason)
            XCTAssertTrue("\(error)".hasPrefix("d.txt: "), "\(error)")
        }
    }

    func testDocumentInfoFromTheFrontPage() throws {
        let text = """
                      United Nations                                          A/HRC/99/9
                      General Assembly                                   Distr.: General

                   Report of the Working Group on the Universal Periodic
                   Review*

                   Ruritania

        GE.30-12345 (E)    010130 010130
        \u{0C}A/HRC/99/9
                   1. The Working Group on the Universal Periodic Review held its fiftieth session
                   from 1 to 12 January 2030.
                   140. The following recommendations will be examined by Ruritania:
                   140.1 Plant trees (Chile).
        """
        let info = try XCTUnwrap(try parse(text).info)
        XCTAssertEqual(info, DocumentInfo(symbol: "A/HRC/99/9",
                                          title: "Report of the Working Group on the Universal Periodic Review — Ruritania",
                                          stateUnderReview: "Ruritania", cycle: 4, session: "Working Group, 50th session"))
        XCTAssertNil(try parse("140.1 Plant trees (Chile);\n140.2 Clean rivers (Peru);").info)
    }

    // MARK: - Real reports

    private func dataFolder() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = root.appendingPathComponent("../shared/upr-data").standardizedFileURL
        guard FileManager.default.fileExists(atPath: data.path) else {
            throw XCTSkip("../shared/upr-data not found: \(data.path) (real-report tests skipped)")
        }
        return data
    }

    private func load(_ relative: String) throws -> (text: String, doc: ImportedDocument) {
        let url = try dataFolder().appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        return (text, try WorkingGroupReport.parse(text, file: relative))
    }

    /// Case and diacritics folded, everything but letters dropped.
    private func fold(_ s: String) -> String {
        String(s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
            .filter { CharacterSet.letters.contains($0) }.map(Character.init))
    }

    /// UPR Info spellings that differ from the UN's, folded. For this comparison only: the real mapping
    /// of State names is done by the States list.
    private let aliases: [String: String] = [
        "bolivia": "plurinationalstateofbolivia", "capeverde": "caboverde",
        "dprkorea": "democraticpeoplesrepublicofkorea", "iran": "islamicrepublicofiran",
        "moldova": "republicofmoldova", "palestine": "stateofpalestine", "republicofcongo": "congo",
        "syria": "syrianarabrepublic", "turkiye": "turkey", "unitedstates": "unitedstatesofamerica",
        "venezuela": "venezuelabolivarianrepublicof",
        "unitedkingdom": "unitedkingdomofgreatbritainandnorthernireland",
    ]

    private func canonical(_ s: String) -> String { aliases[fold(s)] ?? fold(s) }

    /// No page furniture in any text: no job number, symbol, form feed, footnote mark, and every number
    /// between words is found between the same words in the source.
    private func assertNoFurniture(_ doc: ImportedDocument, source: String, file: StaticString = #filePath, line: UInt = #line) {
        let flat = " " + source.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") + " "
        for r in doc.recommendations {
            for bad in ["GE.", "A/HRC/", "\u{0C}", "**"] {
                XCTAssertFalse(r.text.contains(bad), "\(r.id) contains \(bad): \(r.text)", file: file, line: line)
            }
            let words = r.text.split(separator: " ").map(String.init)
            for (i, w) in words.enumerated() where i > 0 && i < words.count - 1 && w.allSatisfy(\.isNumber) {
                let trigram = " \(words[i - 1]) \(w) \(words[i + 1]) "
                XCTAssertTrue(flat.contains(trigram), "\(r.id): “\(trigram)” is not in the source", file: file, line: line)
            }
        }
    }

    func testVietNamSecondCycle() throws {
        let (text, doc) = try load("vietnam/vnm-c2-A_HRC_26_6.txt")
        XCTAssertEqual(doc.recommendations.count, 227)
        XCTAssertEqual(doc.recommendations.map(\.id), (1...227).map { "143.\($0)" })
        XCTAssertEqual(doc.warnings, [])
        XCTAssertEqual(doc.info?.stateUnderReview, "Viet Nam")
        assertNoFurniture(doc, source: text)

        let first = doc.recommendations[0], last = doc.recommendations[226]
        XCTAssertTrue(first.text.hasPrefix("Continue efforts to ratify international human rights instruments, to which Viet Nam"), first.text)
        XCTAssertTrue(last.text.hasPrefix("Participate actively in the international programmes"), last.text)
        XCTAssertTrue(last.text.hasSuffix("in the field of human rights"), last.text)
        XCTAssertEqual(first.line, 3)

        let byID = Dictionary(uniqueKeysWithValues: doc.recommendations.map { ($0.id, $0) })
        XCTAssertEqual(byID["143.7"]?.states, ["Spain", "Portugal"])
        XCTAssertEqual(byID["143.7"]?.text, "Consider ratifying the Optional Protocol to ICESCR; Sign and ratify the Optional Protocol to ICESCR")
        XCTAssertEqual(byID["143.84"]?.states, ["Slovenia"])
        XCTAssertEqual(byID["143.85"]?.states, ["China"])
        XCTAssertEqual(byID["143.85"]?.line, byID["143.84"]?.line)
        XCTAssertEqual(byID["143.98"]?.text, "Consider a moratorium on the death penalty with a view to its eventual abolition")
        XCTAssertEqual(byID["143.225"]?.states, ["Venezuela (Bolivarian Republic of)"])

        // The States of every ID against UPR Info's rows, matched to IDs in vnm-c2-positions.tsv.
        let tsv = try String(contentsOf: try dataFolder().appendingPathComponent("vietnam/vnm-c2-positions.tsv"), encoding: .utf8)
        var expected: [String: Set<String>] = [:]
        for row in tsv.split(separator: "\n") where !row.hasPrefix("#") {
            let cols = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 2 else { continue }
            expected[String(cols[0]), default: []].insert(canonical(String(cols[1])))
        }
        XCTAssertEqual(expected.count, 227)
        var mismatches: [String] = []
        for r in doc.recommendations {
            let got = Set(r.states.map(canonical))
            if got != expected[r.id] ?? [] {
                mismatches.append("\(r.id): report \(got.sorted()) vs UPR Info \((expected[r.id] ?? []).sorted())")
            }
        }
        XCTAssertEqual(mismatches, [])
    }

    func testSloveniaFourthCycleLayout() throws {
        let (text, doc) = try load("slovenia/svn-c4-A_HRC_59_15.txt")
        XCTAssertEqual(doc.recommendations.count, 254)
        XCTAssertEqual(doc.recommendations.map(\.id), (1...254).map { "140.\($0)" })
        XCTAssertEqual(doc.warnings, [])
        XCTAssertEqual(doc.recommendations.filter { $0.states.isEmpty }.map(\.id), [])
        assertNoFurniture(doc, source: text)
        XCTAssertEqual(doc.info, DocumentInfo(symbol: "A/HRC/59/15",
                                              title: "Report of the Working Group on the Universal Periodic Review — Slovenia",
                                              stateUnderReview: "Slovenia", cycle: 4, session: "Working Group, 48th session"))

        let first = doc.recommendations[0], last = doc.recommendations[253]
        XCTAssertEqual(first.text, "Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families")
        XCTAssertEqual(first.states, ["Algeria", "Cabo Verde", "Paraguay", "South Sudan", "Sri Lanka", "Togo", "Uruguay",
                                      "Bolivarian Republic of Venezuela"])
        XCTAssertEqual(last.text, "Strengthen measures to reduce statelessness and ensure the protection of stateless persons")
        XCTAssertEqual(last.states, ["Iraq"])

        let byID = Dictionary(uniqueKeysWithValues: doc.recommendations.map { ($0.id, $0) })
        XCTAssertEqual(byID["140.45"]?.states, ["United Kingdom of Great Britain and Northern Ireland"])
        // 140.10 follows a page break: footer, form feed and running header between 140.9 and 140.10.
        XCTAssertEqual(byID["140.9"]?.text, "Consider acceding to the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights")
        // Every State is a single clean name: no stray parenthesis or line break.
        for r in doc.recommendations {
            for s in r.states {
                XCTAssertFalse(s.contains("\n") || s.contains("  ") || s.hasPrefix("(") || s.contains(";"), "\(r.id): \(s)")
            }
        }
    }
}
