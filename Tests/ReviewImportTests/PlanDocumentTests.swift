import Foundation
import XCTest
import ReviewModel
@testable import ReviewExport

/// The national plan (XLSX, Word) and the mid-term report (Word, HTML) of the embedded sample with
/// 271 supported recommendations, printed through LibreOffice: every supported ID once, no other.
final class PlanDocumentTests: XCTestCase {
    static func plannedSample() throws -> Ledger {
        var ledger = try Sample.ledger()
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        for (number, recommendation) in ledger.recommendations.enumerated() {
            try ledger.decide(recommendation.id, number % 320 < 271 ? .accepted : .rejected, by: "lan", at: at)
        }
        let supported = ledger.supportedIDs
        let statuses = ImplementationStatus.allCases
        for (number, id) in supported.enumerated() where number % 3 != 0 {
            try ledger.setImplementationStatus(id, statuses[number % statuses.count], note: "Reported by the ministry, step \(number)", by: "lan", at: at)
            try ledger.addAction(id, "Action for step \(number)", due: "2026-0\(1 + number % 9)-15", lead: ["Ministry of Justice", "Bộ Công an"][number % 2], by: "lan", at: at)
            if number % 2 == 0 { try ledger.markAction(id, 1, by: "lan", at: at) }
        }
        return ledger
    }

    /// How many times each ID stands on its own in the text (not as the start of 140.10).
    static func counts(of ids: [String], in text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        let tokens = text.split { !($0.isNumber || $0 == ".") }.map { $0.hasSuffix(".") ? String($0.dropLast()) : String($0) }
        let wanted = Set(ids)
        for token in tokens where wanted.contains(token) { counts[token, default: 0] += 1 }
        return counts
    }

    /// The plan's seven columns are printed across a landscape page; the mid-term report is a portrait text.
    func testThePlanIsPrintedLandscape() throws {
        let ledger = try Self.plannedSample()
        var options = DocumentOptions()
        options.fileExtension = "docx"
        func documentXML(_ format: ExportFormat) throws -> String {
            let folder = try Office.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("doc.docx")
            try DecisionExport.data(ledger, format: format, document: options).write(to: file)
            let unzip = Process()
            unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
            unzip.arguments = ["-p", file.path, "word/document.xml"]
            let pipe = Pipe()
            unzip.standardOutput = pipe
            try unzip.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            unzip.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        XCTAssertTrue(try documentXML(.plan).contains(#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#))
        XCTAssertTrue(try documentXML(.midterm).contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
    }

    func testEveryDocumentHoldsEverySupportedIDOnce() throws {
        let ledger = try Self.plannedSample()
        let supported = ledger.supportedIDs
        XCTAssertEqual(supported.count, 271)
        let noted = ledger.recommendations.map(\.id).filter { !supported.contains($0) }
        let folder = try Office.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (format, name) in [(ExportFormat.plan, "plan.xlsx"), (.plan, "plan.docx"), (.midterm, "midterm.docx"), (.midterm, "midterm.html")] {
            var options = DocumentOptions()
            options.fileExtension = URL(fileURLWithPath: name).pathExtension
            let file = folder.appendingPathComponent(name)
            try DecisionExport.data(ledger, format: format, document: options).write(to: file)
            let text: String
            if name.hasSuffix(".html") {
                let html = try String(contentsOf: file, encoding: .utf8)
                XCTAssertFalse(html.contains("<script") || html.contains("http"), "self-contained")
                XCTAssertTrue(html.contains("role=\"img\""), "charts")
                text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            } else {
                text = try Office.pages(try Office.pdf(file)).joined(separator: "\n")
            }
            let counts = Self.counts(of: supported + noted, in: text)
            let missing = supported.filter { counts[$0] == nil }
            let repeated = supported.filter { (counts[$0] ?? 0) > 1 }
            XCTAssertEqual(missing, [], "\(name): every supported ID")
            XCTAssertEqual(repeated, [], "\(name): each once")
            XCTAssertEqual(noted.filter { counts[$0] != nil }, [], "\(name): no noted recommendation")
            if format == .midterm {
                XCTAssertTrue(text.contains("fully implemented"), name)
                XCTAssertTrue(text.contains("Reported by the ministry, step 2"), "\(name): what was done")
            } else {
                XCTAssertTrue(text.contains("Action for step 2"), "\(name): the actions")
            }
        }
    }
}
