import Foundation
import XCTest
import ReviewModel
@testable import ReviewImport

/// Whole imports of the real documents, through the same `Importer` as `upr import`.
final class RealDocumentImportTests: XCTestCase {
    func importer(_ ledger: Ledger? = nil, _ configure: (inout Importer.Options) -> Void = { _ in }) throws -> Importer {
        var options = Importer.Options(analyst: "test", now: Date(timeIntervalSince1970: 1_790_000_000))
        configure(&options)
        return Importer(ledger: ledger, options: options, states: try StateDirectory.bundled())
    }

    func answerKey() throws -> [String: DecisionStatus] {
        let text = try String(contentsOf: try SharedData.url("vietnam/vnm-c2-answer-key.tsv"), encoding: .utf8)
        var key: [String: DecisionStatus] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t")
            key[String(fields[0])] = fields[1] == "supported" ? .accepted : .rejected
        }
        return key
    }

    func testVietNamReportWithUPRInfoPositionsMatchesTheAnswerKey() throws {
        var importer = try importer()
        try importer.add(try SharedData.url("vietnam/vnm-c2-A_HRC_26_6.txt"))
        try importer.add(try SharedData.url("vietnam/vnm-c2-uprinfo.csv"))
        let ledger = try XCTUnwrap(importer.ledger)
        XCTAssertEqual(ledger.recommendations.count, 227)
        let key = try answerKey()
        XCTAssertEqual(key.count, 227)
        let decided = ledger.decisionsByID.compactMapValues(\.decision)
        XCTAssertEqual(decided.values.filter { $0 == .accepted }.count, 182)
        XCTAssertEqual(decided.values.filter { $0 == .rejected }.count, 45)
        for (id, position) in key { XCTAssertEqual(decided[id], position, id) }
        // Every recommending State maps to the one list of States.
        let directory = try StateDirectory.bundled()
        for recommendation in ledger.recommendations {
            for state in recommendation.states { XCTAssertEqual(directory.resolve(state)?.name, state, "\(recommendation.id): \(state)") }
        }
        XCTAssertTrue(importer.warnings.filter { $0.message.contains("not in the list of States") }.isEmpty, "\(importer.warnings)")
    }

    func testSloveniaReportAndAddendum() throws {
        var importer = try importer()
        try importer.add(try SharedData.url("slovenia/svn-c4-A_HRC_59_15.txt"))
        try importer.add(try SharedData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt"))
        let ledger = try XCTUnwrap(importer.ledger)
        XCTAssertEqual(ledger.recommendations.count, 254)
        XCTAssertEqual(ledger.recommendations.first?.id, "140.1")
        XCTAssertEqual(ledger.recommendations.last?.id, "140.254")
        XCTAssertEqual(ledger.document.symbol, "A/HRC/59/15")
        XCTAssertEqual(ledger.counts.accepted, 217)
        XCTAssertEqual(ledger.counts.rejected, 37)
        XCTAssertEqual(ledger.counts.undecided, 0)
        // Section II of the addendum: supported and considered already implemented, kept as the mark.
        let implemented = ledger.decisions.values.filter(\.implemented)
        XCTAssertEqual(implemented.count, 39)
        XCTAssertTrue(implemented.allSatisfy { $0.decision == .accepted })
        // The whole import is one undo step, and every change names the addendum.
        XCTAssertEqual(Set(ledger.history.map(\.group)).count, 1)
        XCTAssertTrue(ledger.history.allSatisfy { $0.source == "published position in svn-c4-A_HRC_59_15_Add1.txt" }, "\(ledger.history.first!)")
    }

    /// An analyst's "already implemented" survives a document that says only "supported"; --overwrite follows the document.
    func testAnImportDoesNotTakeAwayTheImplementedMark() throws {
        var first = try importer()
        try first.add(try SharedData.url("slovenia/svn-c4-A_HRC_59_15.txt"))
        var ledger = try XCTUnwrap(first.ledger)
        try ledger.decide("140.7", .accepted, by: "lan", at: Date(timeIntervalSince1970: 1_790_000_000))
        try ledger.markImplemented("140.7", true, by: "lan", at: Date(timeIntervalSince1970: 1_790_000_000))
        var again = try importer(ledger)
        try again.add(try SharedData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt"))
        XCTAssertEqual(again.ledger?.record(for: "140.7")?.implemented, true)
        XCTAssertTrue(again.report.contains { $0.contains("1 differ from decisions already taken") }, "\(again.report)")
        var overwrite = try importer(ledger) { $0.overwriteDecisions = true }
        try overwrite.add(try SharedData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt"))
        XCTAssertEqual(overwrite.ledger?.record(for: "140.7")?.implemented, false)
    }

    func testSloveniaThematicListAgreesWithTheAddendum() throws {
        var fromList = try importer()
        try fromList.add(try SharedData.url("slovenia/svn-c4-thematic-list.docx"))
        let list = try XCTUnwrap(fromList.ledger)
        XCTAssertEqual(list.recommendations.count, 254)
        XCTAssertEqual(list.counts.accepted, 217)
        XCTAssertEqual(list.counts.rejected, 37)
        XCTAssertFalse(list.recommendations.allSatisfy { $0.themes.isEmpty }, "themes are kept")
        XCTAssertFalse(list.recommendations.allSatisfy { $0.sdgs.isEmpty }, "SDGs are kept")

        var fromAddendum = try importer()
        try fromAddendum.add(try SharedData.url("slovenia/svn-c4-A_HRC_59_15.txt"))
        try fromAddendum.add(try SharedData.url("slovenia/svn-c4-A_HRC_59_15_Add1.txt"))
        let addendum = try XCTUnwrap(fromAddendum.ledger)
        for recommendation in list.recommendations {
            XCTAssertEqual(list.status(of: recommendation.id), addendum.status(of: recommendation.id), recommendation.id)
        }
    }

    func testAReportGivenAsPDFReadsLikeItsText() throws {
        try Poppler.require("pdftohtml")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = [
            "Report of the Working Group on the Universal Periodic Review",
            "Examplestan",
            "II. Conclusions and/or recommendations",
            "90. The following recommendations will be examined by Examplestan:",
            "90.1 Ratify the Optional Protocol to the Convention against Torture (Chile);",
            "90.2 Establish a national human rights institution in line with the Paris",
            "Principles (France) (Chile);",
            "90.3 Continue its efforts to reduce poverty (Cuba).",
            "91. All conclusions and/or recommendations contained in the present report",
        ]
        let pdf = folder.appendingPathComponent("report.pdf")
        try PDFFixture.make(pages: [lines]).write(to: pdf)
        var importer = try importer()
        try importer.add(pdf)
        let ledger = try XCTUnwrap(importer.ledger)
        XCTAssertEqual(ledger.recommendations.map(\.id), ["90.1", "90.2", "90.3"])
        XCTAssertEqual(ledger.recommendations[1].states, ["France", "Chile"])
        XCTAssertEqual(ledger.recommendations[1].text, "Establish a national human rights institution in line with the Paris Principles")
        XCTAssertTrue(importer.report.first?.contains("read as report-pdf") == true, "\(importer.report)")
    }

    func testReimportKeepsDecisionsAndReportsChanges() throws {
        var first = try importer()
        try first.add(try SharedData.url("slovenia/svn-c4-A_HRC_59_15.txt"))
        var ledger = try XCTUnwrap(first.ledger)
        try ledger.decide("140.2", .underConsideration, by: "lan", at: Date())
        try ledger.decide("140.254", .rejected, by: "lan", at: Date())
        // A "corrected" text: 140.3 reworded.
        let original = try String(contentsOf: try SharedData.url("slovenia/svn-c4-A_HRC_59_15.txt"), encoding: .utf8)
        let item = try XCTUnwrap(original.range(of: #"140\.3\s+"#, options: .regularExpression))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-reimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reworded = folder.appendingPathComponent("corrected.txt")
        try Data(original.replacingCharacters(in: item, with: original[item] + "Reconsider and ").utf8).write(to: reworded)
        var second = try importer(ledger)
        try second.add(reworded)
        let updated = try XCTUnwrap(second.ledger)
        XCTAssertEqual(updated.status(of: "140.2"), .underConsideration)
        XCTAssertEqual(updated.status(of: "140.254"), .rejected)
        XCTAssertTrue(updated.recommendation("140.3")!.text.hasPrefix("Reconsider and"))
        XCTAssertTrue(second.report.contains { $0.contains("text changed 140.3") }, "\(second.report)")
    }
}
