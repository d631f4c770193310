import XCTest
@testable import ReviewImport

/// Fixtures are invented rows in the UPR Info export layout, for invented States.
final class UPRInfoCSVTests: XCTestCase {
    private let header = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session"

    private func rows(_ text: String, name: String = "upr.csv") throws -> (rows: [UPRInfoRow], warnings: [ImportWarning]) {
        try rows(Data(text.utf8), name: name)
    }

    private func rows(_ bytes: Data, name: String = "upr.csv") throws -> (rows: [UPRInfoRow], warnings: [ImportWarning]) {
        try UPRInfoCSV.rows(SourcesTestData.temporaryFile(name, bytes, test: self))
    }

    private func row(_ to: String, _ text: String, _ from: String, _ response: String, session: Int? = 30, line: Int) -> UPRInfoRow {
        UPRInfoRow(stateUnderReview: to, recommendingState: from, text: text, response: response, session: session, issues: [], line: line)
    }

    func testQuotedFieldsCommasQuotesAndLineBreaks() throws {
        let csv = header + "\n"
            + #"Atlantis,WEOG,"EU, OIF","Adopt a plan, with ""clear"" goals ",Mu,Asia,,Accepted,3,"Women's rights,Justice",30"# + "\n"
            + #"Atlantis,WEOG,,"Ratify the Convention"# + "\n" + #"on water",Lemuria,Africa,AU,Noted,5,,30"# + "\n"
            + "\n"
            + "Atlantis,WEOG,,Train judges,Mu,Asia,,Accepted,2,Justice,"
        let result = try rows(csv)
        XCTAssertEqual(result.warnings, [])
        XCTAssertEqual(result.rows, [
            UPRInfoRow(stateUnderReview: "Atlantis", recommendingState: "Mu", text: #"Adopt a plan, with "clear" goals"#, response: "Accepted",
                       session: 30, issues: ["Women's rights", "Justice"], line: 2),
            UPRInfoRow(stateUnderReview: "Atlantis", recommendingState: "Lemuria", text: "Ratify the Convention\non water", response: "Noted",
                       session: 30, issues: [], line: 3),
            UPRInfoRow(stateUnderReview: "Atlantis", recommendingState: "Mu", text: "Train judges", response: "Accepted",
                       session: nil, issues: ["Justice"], line: 6),
        ])
    }

    func testCROnlyCRLFAndLFGiveTheSameRows() throws {
        let lines = [header, #"Atlantis,WEOG,,"Two"# , #"lines",Mu,Asia,,Accepted,2,Justice,30"#, "Atlantis,WEOG,,Three,Mu,Asia,,Noted,2,Justice,30"]
        let lf = try rows(lines.joined(separator: "\n"))
        XCTAssertEqual(lf.rows.map(\.line), [2, 4])
        XCTAssertEqual(try rows(lines.joined(separator: "\r")).rows.map(\.text), ["Two\rlines", "Three"])
        XCTAssertEqual(try rows(lines.joined(separator: "\r\n") + "\r\n").rows.map(\.line), [2, 4])
        XCTAssertEqual(try rows(lines.joined(separator: "\r")).rows.map(\.line), [2, 4])
    }

    func testUTF8WindowsAndMacRomanBytes() throws {
        let row = "\nC\u{F4}te d'Ivoire,Africa,,Protect the talib\u{E9} children\u{2019}s rights,Mu,Asia,,Accepted,2,,30"
        var utf8 = Data([0xEF, 0xBB, 0xBF])
        utf8.append(Data((header + row).utf8))
        var windows = Data(header.utf8)
        windows.append(Data("\nC".utf8) + Data([0xF4]) + Data("te d'Ivoire,Africa,,Protect the talib".utf8) + Data([0xE9])
                       + Data(" children".utf8) + Data([0x92]) + Data("s rights,Mu,Asia,,Accepted,2,,30".utf8))
        var mac = Data(header.utf8)
        mac.append(Data("\nC".utf8) + Data([0x99]) + Data("te d'Ivoire,Africa,,Protect the talib".utf8) + Data([0x8E])
                   + Data(" children".utf8) + Data([0xD5]) + Data("s rights,Mu,Asia,,Accepted,2,,30".utf8))
        for bytes in [utf8, windows, mac] {
            let read = try rows(bytes).rows
            XCTAssertEqual(read.map(\.stateUnderReview), ["C\u{F4}te d'Ivoire"])
            XCTAssertEqual(read.map(\.text), ["Protect the talib\u{E9} children\u{2019}s rights"])
        }
    }

    func testDocumentGroupsOneTextFromSeveralStates() {
        let rows = [
            row("Atlantis", "Ratify the  Convention ", "Mu", "Accepted", line: 2),
            row("Lemuria", "Ratify the Convention", "Mu", "Noted", line: 3),
            row("ATLANTIS", "Ratify the Convention", "Lemuria", "Accepted", line: 4),
            row("Atlantis", "Abolish the death penalty", "Mu", "Rejected", line: 5),
            row("Atlantis", "Hold elections", "Mu", "Pending", line: 6),
            row("Atlantis", "Ratify the Convention", "Mu", "Accepted", session: 5, line: 7),
        ]
        let document = UPRInfoCSV.document(rows, stateUnderReview: "atlantis", session: 30, file: "upr.csv")
        XCTAssertEqual(document.format, .uprInfoCSV)
        XCTAssertEqual(document.info?.stateUnderReview, "Atlantis")
        XCTAssertEqual(document.info?.cycle, 3)
        XCTAssertEqual(document.recommendations, [
            ImportedRecommendation(id: "S30.1", text: "Ratify the Convention", states: ["Mu", "Lemuria"], position: .supported, line: 2),
            ImportedRecommendation(id: "S30.2", text: "Abolish the death penalty", states: ["Mu"], position: .noted, line: 5),
            ImportedRecommendation(id: "S30.3", text: "Hold elections", states: ["Mu"], position: nil, line: 6),
        ])
        XCTAssertEqual(document.warnings.map(\.description),
                       ["upr.csv:6: response “Pending” is neither Accepted/Supported nor Noted/Rejected; no position taken from it"])
        let everySession = UPRInfoCSV.document(rows, stateUnderReview: "Atlantis", session: nil, file: "upr.csv")
        XCTAssertEqual(everySession.recommendations.map(\.id), ["S30.1", "S30.2", "S30.3", "S5.1"])
        XCTAssertEqual(UPRInfoCSV.document(rows, stateUnderReview: "Mu", session: nil, file: "upr.csv").warnings.map(\.message), ["no rows for Mu"])
    }

    func testPositionsMatchRowsToReportRecommendationsByStateAndText() {
        let report = [
            ImportedRecommendation(id: "12.1", text: "Ratify the Convention against Torture; Sign and ratify the Convention against Torture promptly",
                                   states: ["Türkiye", "Mu"], line: 10),
            ImportedRecommendation(id: "12.2", text: "Ratify the Rome Statute", states: ["Mu"], line: 11),
            ImportedRecommendation(id: "12.3", text: "Protect journalists", states: ["Lemuria"], line: 12),
            ImportedRecommendation(id: "12.4", text: "Protect journalists", states: ["Lemuria"], line: 13),
        ]
        let rows = [
            row("Atlantis", "Sign and ratify the Convention against Torture promptly", "Mu", "Accepted", line: 2),
            row("Atlantis", "Ratify the Convention against Torture ", "TURKEY", "Noted", line: 3),
            row("Atlantis", "Ratify the Rome Statute of the ICC", "Mu", "Noted", line: 4),
            row("Atlantis", "Protect journalists", "Lemuria", "Accepted", line: 5),
            row("Atlantis", "Free all prisoners", "Mu", "Noted", line: 6),
        ]
        let resolve = { (name: String) in MatchKey.key(name) == "turkey" ? "Türkiye" : name }
        let result = UPRInfoCSV.positions(rows, for: report, resolve: resolve, file: "upr.csv")
        XCTAssertEqual(result.positions, ["12.1": .supported, "12.2": .noted])
        XCTAssertEqual(result.warnings.map(\.description), [
            "upr.csv:3: 12.1 is Noted here, but had another response at line 2; the first is kept",
            "upr.csv:5: “Protect journalists” by Lemuria matches 12.3 and 12.4 equally; not applied",
            "upr.csv:6: no recommendation by Mu in the report matches “Free all prisoners”",
        ])
        XCTAssertEqual(UPRInfoCSV.positions([rows[1]], for: report, file: "upr.csv").positions, [:], "without resolve, Turkey is not Türkiye")
    }

    func testBadInputNamesTheFileAndLine() throws {
        XCTAssertThrowsError(try rows("", name: "empty.csv")) { XCTAssertEqual($0 as? ImportError, .empty(file: "empty.csv")) }
        XCTAssertThrowsError(try rows(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]), name: "photo.csv")) {
            XCTAssertEqual($0 as? ImportError, .binary(file: "photo.csv"))
        }
        XCTAssertThrowsError(try rows("State,Recommendation,Position\nAtlantis,Do it,Supported\n", name: "other.csv")) { error in
            guard case .notRecognized(let file, let reason)? = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "other.csv")
            XCTAssertTrue(reason.contains("To, Text, From and Response"), reason)
        }
        XCTAssertThrowsError(try rows(header + "\nAtlantis,WEOG,,Fine,Mu,Asia,,Accepted,2,,30\nAtlantis,WEOG,,\"Never closed,Mu\n", name: "cut.csv")) {
            XCTAssertEqual($0 as? ImportError, .malformed(file: "cut.csv", line: 3, reason: "a quoted field is not closed before the end of the file"))
        }
        let short = try rows(header + "\nAtlantis,WEOG,,Too short,Mu\nAtlantis,WEOG,,Fine,Mu,Asia,,Accepted,2,,30")
        XCTAssertEqual(short.rows.map(\.text), ["Fine"])
        XCTAssertEqual(short.warnings.map(\.description), ["upr.csv:2: 5 fields where the header has 11; row skipped"])
    }

    // MARK: Real files

    func testRealVietNamExport() throws {
        let (rows, warnings) = try UPRInfoCSV.rows(SourcesTestData.url("vietnam/vnm-c2-uprinfo.csv"))
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(rows.count, 256)
        XCTAssertEqual(rows.filter { $0.response == "Accepted" }.count, 195)
        XCTAssertEqual(rows.filter { $0.response == "Noted" }.count, 61)
        let document = UPRInfoCSV.document(rows, stateUnderReview: "Viet Nam", session: 18, file: "vnm-c2-uprinfo.csv")
        XCTAssertEqual(document.warnings, [])
        XCTAssertEqual(document.recommendations.count, 244, "256 rows, 12 of them repeating another State's words")
        XCTAssertEqual(document.recommendations.first?.id, "S18.1")
        XCTAssertEqual(document.recommendations.map(\.states.count).reduce(0, +), 256)
    }

    func testRealSessionExportsAllStates() throws {
        let folder = try SourcesTestData.url("uprinfo")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("uprinfo-sessions-") && $0.pathExtension == "csv" }
        XCTAssertEqual(files.count, 5)
        var all: [UPRInfoRow] = []
        for file in files {
            let (rows, warnings) = try UPRInfoCSV.rows(file)
            XCTAssertEqual(warnings, [], file.lastPathComponent)
            all += rows
        }
        // README says 42,013; the five files hold 41,066 records (one CR per record, 11 fields each,
        // no line break inside a field), and session 17 is only in uprinfo-sessions-14-17.csv.
        XCTAssertEqual(all.count, 41_066)
        XCTAssertEqual(Set(all.compactMap(\.session)), Set(1...20))
        XCTAssertTrue(all.allSatisfy { UPRInfoCSV.position($0.response) != nil && !$0.text.isEmpty })
        // The exports are Mac Roman, not Latin-1: "Habré" is byte 0x8E.
        XCTAssertTrue(all.contains { $0.text.contains("Hissène Habré") })
        XCTAssertTrue(all.contains { $0.text.contains("Côte d'Ivoire") })
    }

    func testRealVietNamPositionsEqualTheAnswerKey() throws {
        // The report's 227 recommendations come from the report parser at integration; here they are
        // rebuilt from the matching table (ID, State, response, start of text), grouped by ID.
        let table = try String(contentsOf: SourcesTestData.url("vietnam/vnm-c2-positions.tsv"), encoding: .utf8)
        var report: [ImportedRecommendation] = []
        for (number, line) in table.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if let last = report.last, last.id == columns[0] {
                report[report.count - 1].states.append(columns[1])
                report[report.count - 1].text += "; " + columns[3]
            } else {
                report.append(ImportedRecommendation(id: columns[0], text: columns[3], states: [columns[1]], line: number + 1))
            }
        }
        XCTAssertEqual(report.count, 227)
        let (rows, _) = try UPRInfoCSV.rows(SourcesTestData.url("vietnam/vnm-c2-uprinfo.csv"))
        let result = UPRInfoCSV.positions(rows, for: report, file: "vnm-c2-uprinfo.csv")
        XCTAssertEqual(result.warnings, [])

        let key = try String(contentsOf: SourcesTestData.url("vietnam/vnm-c2-answer-key.tsv"), encoding: .utf8)
        var expected: [String: PublishedPosition] = [:]
        for line in key.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t").map(String.init)
            expected[columns[0]] = PublishedPosition(rawValue: columns[1])
        }
        XCTAssertEqual(expected.count, 227)
        XCTAssertEqual(result.positions, expected)
        XCTAssertEqual(result.positions.values.filter { $0.decision == .accepted }.count, 182)
        XCTAssertEqual(result.positions.values.filter { $0 == .noted }.count, 45)
    }
}
