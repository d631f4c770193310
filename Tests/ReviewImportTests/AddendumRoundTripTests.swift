import Foundation
import XCTest
import ReviewModel
import ZIPFoundation
@testable import ReviewExport
@testable import ReviewImport

/// Slovenia's published addendum (A/HRC/59/15/Add.1) read into a ledger, written back as our
/// Word addendum, and read again: the same positions, the same groups, the same explanations.
final class AddendumRoundTripTests: XCTestCase {
    let options = Importer.Options(analyst: "test", now: Date(timeIntervalSince1970: 1_790_000_000))

    func slovenia() throws -> Ledger {
        var importer = Importer(ledger: nil, options: options, states: try StateDirectory.bundled())
        try importer.add(try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15.txt"))
        try importer.add(try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt"))
        return try XCTUnwrap(importer.ledger)
    }

    /// What the round trip must keep, by ID: decision, mark, explanation.
    func published(_ ledger: Ledger) -> [String: String] {
        ledger.decisionsByID.mapValues { "\($0.decision?.rawValue ?? "-") \($0.implemented) \($0.explanation ?? "-")" }
    }

    func testThePublishedAddendumKeepsItsPositionsAndExplanations() throws {
        let ledger = try slovenia()
        XCTAssertEqual(ledger.counts.accepted, 217)
        XCTAssertEqual(ledger.decisions.values.filter(\.implemented).count, 39)
        XCTAssertEqual(ledger.counts.rejected, 37)
        let explained = ledger.decisionsByID.filter { $0.value.explanation != nil }
        XCTAssertEqual(explained.count, 83)
        XCTAssertEqual(ledger.record(for: "140.13")?.explanation, "The 1961 Convention on the Reduction of Statelessness was ratified on 30 January 2025.")
        XCTAssertEqual(ledger.record(for: "140.87")?.explanation, ledger.record(for: "140.82")?.explanation, "140.82-85, 87 share one")
        XCTAssertEqual(Set(ExplanationGroup.groups(ledger, positions: Array(ledger.recommendations.indices)).map(\.heading)).count, 46)
        // One import, one undo step: the explanations are in the positions' step.
        XCTAssertEqual(Set(ledger.history.map(\.group)).count, 1)
    }

    func testAnExplanationTheAnalystsRewroteIsKeptUnlessOverwrite() throws {
        var ledger = try slovenia()
        try ledger.explain("140.13", "Ratified on 30 January 2025 (our wording).", by: "lan", at: options.now)
        let addendum = try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt")
        var again = Importer(ledger: ledger, options: options, states: try StateDirectory.bundled())
        try again.add(addendum)
        XCTAssertEqual(again.ledger?.record(for: "140.13")?.explanation, "Ratified on 30 January 2025 (our wording).")
        XCTAssertTrue(again.report.contains { $0.contains("1 differ from explanations already written (kept; --overwrite replaces them)") }, "\(again.report)")
        var overwrite = options
        overwrite.overwriteDecisions = true
        var replaced = Importer(ledger: ledger, options: overwrite, states: try StateDirectory.bundled())
        try replaced.add(addendum)
        XCTAssertEqual(replaced.ledger?.record(for: "140.13")?.explanation, "The 1961 Convention on the Reduction of Statelessness was ratified on 30 January 2025.")
    }

    /// An addendum as published, in PDF: `--format addendum` reads it through `pdftotext -layout`.
    func testAnAddendumInPDFWithFormatAddendum() throws {
        try Poppler.require("pdftotext")
        let folder = try Office.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("add1.pdf")
        try PDFFixture.make(pages: [[
            "I. Supported recommendations",
            "2. Atlantis supports the following recommendations: 88.1, 88.2.",
            "88.1-2",
            "Atlantis ratified the Convention in 2015.",
            "II. Noted recommendations",
            "3. Atlantis takes note of the following recommendations: 88.3.",
        ]]).write(to: pdf)
        let ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/99/12", title: "Report", stateUnderReview: "Atlantis"), recommendations: (1...3).map {
            Recommendation(id: "88.\($0)", text: "Ask \($0)", states: ["Chile"])
        })
        var asked = options
        asked.format = .addendum
        var importer = Importer(ledger: ledger, options: asked, states: try StateDirectory.bundled())
        try importer.add(pdf)
        let imported = try XCTUnwrap(importer.ledger)
        XCTAssertEqual(imported.status(of: "88.1"), .accepted)
        XCTAssertEqual(imported.status(of: "88.3"), .rejected)
        XCTAssertEqual(imported.record(for: "88.2")?.explanation, "Atlantis ratified the Convention in 2015.")
    }

    /// The same without `--format`: its first page says it is an addendum, not a report.
    func testAnAddendumInPDFIsToldFromAReportByItsFirstPage() throws {
        try Poppler.require("pdftohtml", "pdftotext")
        let folder = try Office.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("add1.pdf")
        try PDFFixture.make(pages: [[
            "A/HRC/99/12/Add.1",
            "Report of the Working Group on the Universal Periodic Review",
            "Atlantis",
            "Addendum",
            "Views on conclusions and/or recommendations, voluntary commitments and replies presented by the State under review",
            "I. Supported recommendations",
            "2. Atlantis supports the following recommendations: 88.1, 88.2.",
            "II. Noted recommendations",
            "3. Atlantis takes note of the following recommendations: 88.3.",
        ]]).write(to: pdf)
        let ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/99/12", title: "Report", stateUnderReview: "Atlantis"), recommendations: (1...3).map {
            Recommendation(id: "88.\($0)", text: "Ask \($0)", states: ["Chile"])
        })
        var importer = Importer(ledger: ledger, options: options, states: try StateDirectory.bundled())
        try importer.add(pdf)
        XCTAssertTrue(importer.report[0].contains("read as addendum"), "\(importer.report)")
        XCTAssertEqual(importer.ledger?.status(of: "88.2"), .accepted)
        XCTAssertEqual(importer.ledger?.status(of: "88.3"), .rejected)
    }

    func testTheWordAddendumGivesBackTheSameGroupsAndExplanations() throws {
        let ledger = try slovenia()
        let original = try Addendum.parse(try String(contentsOf: try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt"), encoding: .utf8), file: "add.txt")
        let docx = try DecisionExport.data(ledger, format: .docx)
        let text = Self.laidOut(try Self.paragraphs(docx))
        let again = try Addendum.parse(text, file: "ours.txt")
        XCTAssertEqual(again.positions, original.positions)
        XCTAssertEqual(Set(again.explanations.map { Group(ids: $0.ids, text: $0.text) }), Set(original.explanations.map { Group(ids: $0.ids, text: $0.text) }))
        XCTAssertEqual(again.explanations.count, 46)
        XCTAssertEqual(again.warnings.map { $0.message.components(separatedBy: " ")[0] }, ["140.73", "140.241"], "the addendum's own two, no more")
    }

    /// The printed document, as LibreOffice lays it out: every ID in its group, every explanation,
    /// and read back by the importer into the same ledger.
    func testThePrintedWordAddendumReadsBackIntoTheSameLedger() throws {
        let ledger = try slovenia()
        let folder = try Office.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("svn-add1.docx")
        try DecisionExport.data(ledger, format: .docx).write(to: docx)
        let pages = try Office.pages(try Office.pdf(docx))
        XCTAssertGreaterThan(pages.count, 3)
        let text = pages.joined(separator: "\u{0C}")

        let headings = ["I.", "II.", "III."].map { mark in text.range(of: "\n\(mark) +Supported|\n\(mark) +Noted", options: .regularExpression)!.lowerBound }
        let sections = [String(text[headings[0]..<headings[1]]), String(text[headings[1]..<headings[2]]), String(text[headings[2]...])]
        func listed(_ id: String, in section: String) -> Bool {
            section.range(of: "(^|[^0-9.])" + NSRegularExpression.escapedPattern(for: id) + "[,.]", options: .regularExpression) != nil
        }
        for recommendation in ledger.recommendations {
            let record = try XCTUnwrap(ledger.record(for: recommendation.id))
            let group = record.decision == .rejected ? 2 : record.implemented ? 1 : 0
            for (index, section) in sections.enumerated() {
                XCTAssertEqual(listed(recommendation.id, in: section), index == group, "\(recommendation.id) in section \(index + 1)")
            }
        }
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for explanation in Set(ledger.decisions.values.compactMap(\.explanation)) {
            let start = explanation.split(whereSeparator: \.isWhitespace).prefix(12).joined(separator: " ")
            XCTAssertTrue(flat.contains(start), start)
        }

        let printed = folder.appendingPathComponent("svn-add1.txt")
        try text.write(to: printed, atomically: true, encoding: .utf8)
        var importer = Importer(ledger: nil, options: options, states: try StateDirectory.bundled())
        try importer.add(try SourcesTestData.url("slovenia/svn-c4-A_HRC_59_15.txt"))
        try importer.add(printed)
        XCTAssertEqual(published(try XCTUnwrap(importer.ledger)), published(ledger))
    }

    struct Group: Hashable { var ids: [String]; var text: String }

    /// The paragraphs of `word/document.xml`, each with whether it has a first-line indent.
    static func paragraphs(_ docx: Data) throws -> [(text: String, firstLine: Bool)] {
        let archive = try Archive(data: docx, accessMode: .read)
        var bytes = Data()
        _ = try archive.extract(try XCTUnwrap(archive["word/document.xml"])) { bytes.append($0) }
        let xml = String(decoding: bytes, as: UTF8.self)
        return xml.components(separatedBy: "<w:p>").dropFirst().map { part in
            let body = part.components(separatedBy: "</w:p>")[0]
            let runs = body.components(separatedBy: "<w:t xml:space=\"preserve\">").dropFirst().map { $0.components(separatedBy: "</w:t>")[0] }
            let text = runs.joined(separator: " ").replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            return (text, body.contains("w:firstLine="))
        }
    }

    /// As `pdftotext -layout` lays paragraphs out: wrapped at 90 columns, a first-line indent where
    /// the paragraph has one, a blank line between paragraphs.
    static func laidOut(_ paragraphs: [(text: String, firstLine: Bool)]) -> String {
        var lines: [String] = []
        for paragraph in paragraphs {
            var line = paragraph.firstLine ? "              " : "       "
            for word in paragraph.text.split(separator: " ") {
                if line.count + word.count > 90 { lines.append(line); line = "       " }
                line += (line.last == " " ? "" : " ") + word
            }
            lines += [line, ""]
        }
        return lines.joined(separator: "\n")
    }
}
