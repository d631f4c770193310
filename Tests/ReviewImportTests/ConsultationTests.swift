import XCTest
import ReviewExport
import ReviewModel
@testable import ReviewImport

/// Consultation comments: read from a sheet row by row, kept apart from the notes, written only
/// where there are some, read alike by both readers, merged as a union, printed only when asked.
final class ConsultationTests: XCTestCase {
    var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-consult-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func ledger() throws -> Ledger {
        var ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/00/0", title: "Test", stateUnderReview: "Viet Nam"), recommendations: [
            Recommendation(id: "140.1", text: "Ratify OPCAT", states: ["Chile"]),
            Recommendation(id: "140.2", text: "Train judges", states: ["France"]),
        ])
        try ledger.decide("140.1", .accepted, by: "lan", at: Date(timeIntervalSince1970: 1_800_000_000))
        try ledger.annotate("140.1", note: "Government's own note", by: "lan", at: Date(timeIntervalSince1970: 1_800_000_000))
        return ledger
    }

    func sheet(_ lines: [String]) throws -> URL {
        let url = folder.appendingPathComponent("comments.csv")
        try Data(lines.joined(separator: "\r\n").utf8).write(to: url)
        return url
    }

    func testASheetIsReadRowByRowAndBadRowsNamed() throws {
        let url = try sheet(["Date,ID,Organization,Comment", "2026-03-15,140.1,Viet Nam Lawyers Association,\"Consult us, please\"",
                             "2026-03-16,140.9,Someone,Unknown", ",140.2,,No author", "2026-02-30,140.2,Individual,Bad day", "2026-04-01,140.2,Individual,Fine"])
        let result = try ConsultationImport.read(url, ledger: try ledger())
        XCTAssertEqual(result.comments.map(\.id), ["140.1", "140.2"])
        XCTAssertEqual(result.comments[0].comment, ConsultationComment(organization: "Viet Nam Lawyers Association", comment: "Consult us, please", date: "2026-03-15", file: "comments.csv", line: 2))
        XCTAssertEqual(result.problems, ["comments.csv:3: unknown ID 140.9: no such recommendation in the ledger",
                                         "comments.csv:4: the organization is empty (write who commented, or \"individual\")",
                                         "comments.csv:5: '2026-02-30' is not a date; write it as 2026-03-15"])
        XCTAssertThrowsError(try ConsultationImport.read(try sheet(["ID,Note", "140.1,x"]), ledger: try ledger()))
    }

    func testKeptApartWrittenOnlyWhenSetReadAlikeAndMerged() throws {
        var ledger = try ledger()
        let plain = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        XCTAssertFalse(plain.contains("consultation"))
        let comment = ConsultationComment(organization: "VLA", comment: "Needs \"legal aid\"", date: "2026-03-15", file: "c.csv", line: 2)
        XCTAssertEqual(try ledger.addComments([("140.1", comment), ("140.1", comment)]), 1, "the same comment once")
        XCTAssertEqual(ledger.record(for: "140.1")?.note, "Government's own note", "never mixed with the note")
        let data = try LedgerCoding.encode(ledger)
        XCTAssertEqual(try LedgerCoding.decode(data, path: "l.json").comments(on: "140.1"), [comment])
        var theirs = ledger
        try theirs.addComments([("140.2", ConsultationComment(organization: "UNDP", comment: "Budget", date: nil, file: "d.csv", line: 3))])
        var ours = ledger
        try ours.addComments([("140.1", ConsultationComment(organization: "Individual", comment: "More", date: nil, file: "e.csv", line: 2))])
        let merged = try LedgerMerge.merge(base: ledger, ours: ours, theirs: theirs).ledger
        XCTAssertEqual(merged.comments(on: "140.1").count, 2)
        XCTAssertEqual(merged.comments(on: "140.2").map(\.organization), ["UNDP"])
        // Printed in the mid-term report only when the export asks.
        var options = DocumentOptions()
        options.fileExtension = "html"
        let without = String(decoding: try DecisionExport.data(ledger, format: .midterm, document: options), as: UTF8.self)
        options.consultation = true
        let with = String(decoding: try DecisionExport.data(ledger, format: .midterm, document: options), as: UTF8.self)
        XCTAssertFalse(without.contains("VLA"))
        XCTAssertTrue(with.contains("Consultation, VLA (2026-03-15): Needs &quot;legal aid&quot;"), with)
    }
}
