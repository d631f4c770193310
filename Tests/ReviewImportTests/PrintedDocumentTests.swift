import Foundation
import XCTest
import ReviewModel
@testable import ReviewExport
@testable import ReviewImport

/// The decision workbook and the briefing pack of Slovenia's review, printed by LibreOffice and
/// read back from the PDF, page by page, as a ministry reader would read them.
final class PrintedDocumentTests: XCTestCase {
    func slovenia() throws -> Ledger {
        var importer = Importer(ledger: nil, options: Importer.Options(analyst: "test", now: Date(timeIntervalSince1970: 1_790_000_000)),
                                states: try StateDirectory.bundled())
        try importer.add(try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15.txt"))
        try importer.add(try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt"))
        var ledger = try XCTUnwrap(importer.ledger)
        try ledger.annotate("140.1", note: "Labour law covers most of the Convention (Ministry of Labour, 3 March).", by: "test", at: Date(timeIntervalSince1970: 1_790_000_000))
        return ledger
    }

    /// The first words of a recommendation, as they start its cell.
    func opening(_ text: String, words: Int = 3) -> String {
        text.split(separator: " ").prefix(words).joined(separator: " ")
    }

    func testEveryPrintedPageOfTheWorkbookCarriesIDsWithTheirText() throws {
        let ledger = try slovenia()
        let folder = try Office.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xlsx = folder.appendingPathComponent("decisions.xlsx")
        try DecisionExport.data(ledger, format: .xlsx).write(to: xlsx)
        let pages = try Office.pages(try Office.pdf(xlsx))
        var seen: Set<String> = []
        for (number, page) in pages.enumerated() {
            let lines = page.components(separatedBy: "\n")
            let sheet = lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0] ?? ""
            XCTAssertTrue(page.contains("Page \(number + 1) of \(pages.count)"), "page \(number + 1): its number in the footer")
            guard sheet == "Accepted" || sheet == "Rejected" else { continue }
            XCTAssertTrue(page.contains("Recommendation") && page.contains("Published"), "page \(number + 1): the header row repeated")
            var onPage = 0
            for line in lines {
                guard let match = line.range(of: #"^\s*140\.\d+\s"#, options: .regularExpression) else { continue }
                let id = line[match].trimmingCharacters(in: .whitespaces)
                let recommendation = try XCTUnwrap(ledger.recommendation(id), id)
                XCTAssertTrue(line.contains(opening(recommendation.text)), "page \(number + 1): \(id) printed without its text: \(line)")
                seen.insert(id)
                onPage += 1
            }
            XCTAssertGreaterThan(onPage, 0, "page \(number + 1) of \(sheet) carries no ID")
        }
        XCTAssertEqual(seen, Set(ledger.recommendations.map(\.id)), "every recommendation printed")
    }

    func testTheBriefingPackHoldsEachChosenStatesRecommendations() throws {
        let ledger = try slovenia()
        // The two States with the most recommendations, asked for as a user types them.
        let byState = PerStateExport.recommenders(ledger, Array(ledger.recommendations.indices)).sorted { $0.positions.count > $1.positions.count }
        let chosen = Array(byState.prefix(2))
        let asked = chosen.map { $0.state.lowercased() }
        let folder = try Office.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("briefing.docx")
        try DecisionExport.data(ledger, format: .briefing, document: DocumentOptions(states: asked)).write(to: docx)
        let pages = try Office.pages(try Office.pdf(docx))
        let text = pages.joined(separator: "\n")
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var sectionStarts: [String.Index] = []
        for entry in chosen {
            let heading = try XCTUnwrap(pages.firstIndex { $0.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == entry.state } },
                                        "\(entry.state) has a section")
            sectionStarts.append(text.range(of: pages[heading])!.lowerBound)
            XCTAssertTrue(flat.contains("Totals: \(entry.positions.count) recommendations"), "\(entry.state): its totals")
        }
        for (index, entry) in chosen.enumerated() {
            let end = index + 1 < sectionStarts.count ? sectionStarts[index + 1] : text.endIndex
            let section = String(text[sectionStarts[index]..<end])
            let sectionFlat = section.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(sectionFlat.contains("Regional group: "), entry.state)
            for position in entry.positions {
                let recommendation = ledger.recommendations[position]
                XCTAssertTrue(section.contains(recommendation.id), "\(entry.state): \(recommendation.id)")
                XCTAssertTrue(sectionFlat.contains(opening(recommendation.text, words: 4)), "\(entry.state): \(recommendation.id) text")
            }
        }
        XCTAssertFalse(text.contains(byState[2].state + "\n"), "a State not asked for has no section")
        XCTAssertThrowsError(try DecisionExport.data(ledger, format: .briefing, document: DocumentOptions(states: ["Atlantis"]))) {
            XCTAssertEqual($0 as? ExportError, .noSuchState("Atlantis"))
        }
    }
}
