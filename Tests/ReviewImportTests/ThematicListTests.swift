import XCTest
import ZIPFoundation
@testable import ReviewImport

/// Fixtures are small Word documents written here, with invented recommendations in the layout of
/// OHCHR thematic lists.
final class ThematicListTests: XCTestCase {
    private let header = row(cell("Recommendation and recommending State"), cell("Position of the State under review"),
                             cell("Human rights themes and groups of persons"), cell("Relevant SDGs"))

    func testReadsIDTextStatesPositionThemesGroupsAndSDGs() throws {
        let url = try docx(table(header,
            #"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="4"/></w:tcPr><w:p><w:r><w:t>Theme: Right to water</w:t></w:r></w:p></w:tc></w:tr>"#,
            row(cell("88.1 Bring safe water to every village (Atlantis) (Lemuria, Mu);", "Source of Position: A/HRC/99/12/Add.1 - Para.3"),
                cell("Supported"),
                cell("- Right to water", "- Economic, social & cultural rights - general", "measures of implementation",
                     "Groups of Persons: ", "- Rural women", "- Children"),
                cell("- 6 - CLEAN WATER AND SANITATION", "- 3 - GOOD HEALTH AND WELL-BEING")),
            row(cell("88.2 Review the water law (2019) (Venezuela (Bolivarian Republic of));"), cell("Noted"), cell("- Right to water"), cell())))
        let document = try ThematicList.read(url)
        XCTAssertEqual(document.format, .thematicList)
        XCTAssertEqual(document.file, "list.docx")
        XCTAssertEqual(document.warnings, [])
        XCTAssertEqual(document.recommendations, [
            ImportedRecommendation(id: "88.1", text: "Bring safe water to every village", states: ["Atlantis", "Lemuria", "Mu"],
                                   themes: ["Right to water", "Economic, social & cultural rights - general measures of implementation"],
                                   groups: ["Rural women", "Children"], sdgs: ["6", "3"], position: .supported, line: 3),
            ImportedRecommendation(id: "88.2", text: "Review the water law (2019)", states: ["Venezuela (Bolivarian Republic of)"],
                                   themes: ["Right to water"], position: .noted, line: 4),
        ])
    }

    func testTextSplitAcrossRunsTabsAndTrackedDeletions() throws {
        let split = #"<w:tc><w:p><w:r><w:t>88.</w:t></w:r><w:r><w:t xml:space="preserve">3 Adopt a </w:t></w:r>"#
            + #"<w:del><w:r><w:delText>draft </w:delText></w:r></w:del><w:r><w:t>plan</w:t><w:tab/><w:t>now (Atlantis)</w:t></w:r></w:p></w:tc>"#
        let url = try docx(table(header, "<w:tr>\(split)\(cell("Supported / considered implemented"))<w:tc><w:p><w:r><w:t>- Planning</w:t><w:br/><w:t>- Budgets</w:t></w:r></w:p></w:tc></w:tr>"))
        let recommendation = try XCTUnwrap(ThematicList.read(url).recommendations.first)
        XCTAssertEqual(recommendation.text, "Adopt a plan now")
        XCTAssertEqual(recommendation.position, .supportedImplemented)
        XCTAssertEqual(recommendation.themes, ["Planning", "Budgets"])
    }

    func testUnknownPositionsAndRepeatedIDsAreWarnings() throws {
        let url = try docx(table(header,
            row(cell("88.4 Do one thing (Atlantis);"), cell("Pending"), cell(), cell()),
            row(cell("88.4 Do one thing (Atlantis);"), cell("Supported"), cell(), cell()),
            row(cell("A note without an ID"), cell(""), cell(), cell())))
        let document = try ThematicList.read(url)
        XCTAssertEqual(document.recommendations.map(\.id), ["88.4"])
        XCTAssertNil(document.recommendations[0].position)
        XCTAssertEqual(document.warnings.map(\.description), [
            "list.docx:2: 88.4: position “Pending” is not Supported or Noted; left without a position",
            "list.docx:3: 88.4 appears again (first in row 2); this row is skipped",
            "list.docx:4: no recommendation ID at the start of “A note without an ID”; row skipped",
        ])
    }

    func testStatesAfterTheTextAndClusters() {
        XCTAssertEqual(StateParentheses.split("Ratify OP-CAT (Portugal, Uruguay);").states, ["Portugal", "Uruguay"])
        XCTAssertEqual(StateParentheses.split("Ratify OP-CAT (Portugal, Uruguay);").text, "Ratify OP-CAT")
        let cluster = StateParentheses.split("Ratify the Convention (CEDAW) (Spain);Sign and ratify it (Chile) (Peru);")
        XCTAssertEqual(cluster.text, "Ratify the Convention (CEDAW); Sign and ratify it")
        XCTAssertEqual(cluster.states, ["Spain", "Chile", "Peru"])
        XCTAssertEqual(StateParentheses.split("Adopt the plan (2024-2030).").text, "Adopt the plan (2024-2030)")
        XCTAssertEqual(StateParentheses.split("Adopt the plan (2024-2030).").states, [])
    }

    func testBadInputNamesTheFile() throws {
        func reason(_ url: URL) -> ImportError? {
            do {
                _ = try ThematicList.read(url)
                XCTFail("\(url.lastPathComponent) was accepted")
                return nil
            } catch {
                return error as? ImportError
            }
        }
        let empty = try SourcesTestData.temporaryFile("empty.docx", Data(), test: self)
        XCTAssertEqual(reason(empty), .empty(file: "empty.docx"))

        let text = try SourcesTestData.temporaryFile("notes.docx", Data("just some text\n".utf8), test: self)
        XCTAssertEqual(reason(text), .notRecognized(file: "notes.docx", reason: "not a Word document (.docx): not a zip archive, or a truncated one"))

        let otherZip = try zip(["xl/workbook.xml": "<workbook/>"], name: "sheet.docx")
        XCTAssertEqual(reason(otherZip), .notRecognized(file: "sheet.docx", reason: "a zip archive without word/document.xml, so not a Word document (.docx)"))

        let noTable = try docx("<w:p><w:r><w:t>Only prose</w:t></w:r></w:p>", name: "prose.docx")
        XCTAssertEqual(reason(noTable), .notRecognized(file: "prose.docx", reason: "not an OHCHR thematic list: no table"))

        let otherTable = try docx(table(row(cell("Name"), cell("Date"))), name: "other.docx")
        XCTAssertEqual(reason(otherTable), .notRecognized(file: "other.docx", reason: "not an OHCHR thematic list: no table with a Recommendation and a Position column"))

        let broken = try docx("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>88.1 Act", name: "broken.docx")
        guard case .notRecognized(let file, let why)? = reason(broken) else { return XCTFail("broken XML accepted") }
        XCTAssertEqual(file, "broken.docx")
        XCTAssertTrue(why.contains("not well-formed XML"), why)

        let real = try Data(contentsOf: docx(table(header, row(cell("88.1 Act (Mu);"), cell("Noted"), cell(), cell()))))
        let truncated = try SourcesTestData.temporaryFile("cut.docx", real.prefix(real.count * 2 / 3), test: self)
        XCTAssertEqual(reason(truncated), .notRecognized(file: "cut.docx", reason: "not a Word document (.docx): not a zip archive, or a truncated one"))

        XCTAssertEqual(reason(URL(fileURLWithPath: "/nonexistent/list.docx")).map { "\($0)".hasPrefix("list.docx: cannot be read") }, true)
    }

    func testRealSloveniaThematicList() throws {
        let url = try SourcesTestData.url("slovenia/svn-c4-thematic-list.docx")
        let document = try ThematicList.read(url)
        let recommendations = document.recommendations
        XCTAssertEqual(document.warnings, [])
        XCTAssertEqual(recommendations.count, 254)
        XCTAssertEqual(Set(recommendations.map(\.id)), Set((1...254).map { "140.\($0)" }))
        XCTAssertEqual(recommendations.filter { $0.position == .supported }.count, 217)
        XCTAssertEqual(recommendations.filter { $0.position == .noted }.count, 37)
        XCTAssertTrue(recommendations.allSatisfy { !$0.states.isEmpty && !$0.themes.isEmpty && !$0.sdgs.isEmpty && !$0.text.isEmpty })

        let first = try XCTUnwrap(recommendations.first)
        XCTAssertEqual(first.id, "140.7")
        XCTAssertEqual(first.line, 3)
        XCTAssertEqual(first.text, "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights")
        XCTAssertEqual(first.states, ["Maldives", "Portugal"])
        XCTAssertEqual(first.themes, ["Ratification of & accession to international instruments",
                                      "Economic, social & cultural rights - general measures of implementation"])
        XCTAssertEqual(first.groups, ["Public officials"])
        XCTAssertEqual(first.sdgs, ["1", "2", "3", "4", "5", "6", "7", "8"])
        XCTAssertTrue(recommendations.contains { $0.states == ["Venezuela (Bolivarian Republic of)"] })
        XCTAssertEqual(recommendations.map(\.states.count).max(), 8)
    }

    func testRealThematicListAgreesWithTheAddendum() throws {
        let list = try ThematicList.read(SourcesTestData.url("slovenia/svn-c4-thematic-list.docx"))
        let addendumURL = try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt")
        let addendum = try Addendum.parse(String(contentsOf: addendumURL, encoding: .utf8), file: "add1.txt")
        for recommendation in list.recommendations {
            XCTAssertEqual(recommendation.position?.decision, addendum.positions[recommendation.id]?.decision, recommendation.id)
        }
    }

    // MARK: Writing fixtures

    private func docx(_ body: String, name: String = "list.docx") throws -> URL {
        let xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
            + body + "</w:body></w:document>"
        return try zip(["[Content_Types].xml": "<Types/>", "word/document.xml": xml], name: name)
    }

    private func zip(_ entries: [String: String], name: String) throws -> URL {
        let url = try SourcesTestData.temporaryFile(name, Data(), test: self)
        try FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in entries.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }
}

private func cell(_ paragraphs: String...) -> String {
    let escaped = paragraphs.map { $0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
    return "<w:tc>" + escaped.map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined() + "</w:tc>"
}

private func row(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }

private func table(_ rows: String...) -> String { "<w:tbl>" + rows.joined() + "</w:tbl>" }
