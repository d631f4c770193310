import Foundation
import XCTest
import ReviewModel
@testable import ReviewImport

/// The import pipeline on small reports written for the tests.
final class ImporterTests: XCTestCase {
    var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-importer-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func report(_ items: [String]) -> String {
        """
        Report of the Working Group on the Universal Periodic Review
        Examplestan
        II. Conclusions and/or recommendations
        90. The following recommendations will be examined by Examplestan:
        \(items.joined(separator: "\n"))
        91. All conclusions and/or recommendations contained in the present report reflect the position

        """
    }

    func importer(_ ledger: Ledger? = nil, dropGone: Bool = false) throws -> Importer {
        var options = Importer.Options(analyst: "lan", now: Date(timeIntervalSince1970: 1_790_000_000))
        options.dropGoneDecisions = dropGone
        return Importer(ledger: ledger, options: options, states: try StateDirectory.bundled())
    }

    func testStateSpellingsMapToTheOneListAndUnknownNamesAreReportedWithTheirLine() throws {
        let url = try write("r.txt", report([
            "90.1 Ratify the Convention against Torture (Turkey) (Cote d'Ivoire);",
            "90.2 Abolish the death penalty (Atlantis).",
        ]))
        var importer = try importer()
        try importer.add(url)
        let ledger = try XCTUnwrap(importer.ledger)
        XCTAssertEqual(ledger.recommendations[0].states, ["Türkiye", "Côte d'Ivoire"])
        XCTAssertEqual(ledger.recommendations[1].states, ["Atlantis"], "kept as written, never dropped")
        let warning = try XCTUnwrap(importer.warnings.first { $0.message.contains("Atlantis") })
        XCTAssertEqual(warning.line, 6)
        XCTAssertTrue(warning.description.hasPrefix("\(url.path):6:"))
    }

    func testReimportRefusesToDropDecidedRecommendationsUnlessAsked() throws {
        var first = try importer()
        try first.add(try write("r1.txt", report(["90.1 Ratify CAT (Chile);", "90.2 Abolish the death penalty (France);", "90.3 Reduce poverty (Cuba)."])))
        var ledger = try XCTUnwrap(first.ledger)
        try ledger.decide("90.3", .accepted, by: "lan", at: Date())
        let corrected = try write("r2.txt", report(["90.1 Ratify the Convention against Torture (Chile);", "90.2 Abolish the death penalty (France)."]))
        var refused = try importer(ledger)
        XCTAssertThrowsError(try refused.add(corrected)) { error in
            XCTAssertTrue("\(error)".contains("90.3 (accepted)"), "\(error)")
            XCTAssertTrue("\(error)".contains("--drop-gone"), "\(error)")
        }
        var allowed = try importer(ledger, dropGone: true)
        try allowed.add(corrected)
        XCTAssertEqual(allowed.ledger?.recommendations.count, 2)
        XCTAssertTrue(allowed.report.contains("    gone 90.3 (had: accepted)"), "\(allowed.report)")
        XCTAssertTrue(allowed.report.contains("    text changed 90.1"), "\(allowed.report)")
    }

    func testBadInputIsAClearErrorNamingTheFile() throws {
        let empty = try write("empty.txt", "  \n")
        let binary = folder.appendingPathComponent("binary.txt")
        try Data([0x41, 0x00, 0x42, 0xFF]).write(to: binary)
        let notAReport = try write("letter.txt", "Dear colleagues,\nplease find attached the agenda.\n")
        for (url, expected) in [(empty, "is empty"), (binary, "binary"), (notAReport, "not recognized")] {
            var importer = try importer()
            XCTAssertThrowsError(try importer.add(url)) { error in
                XCTAssertTrue("\(error)".contains(url.path), "\(error)")
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
    }

    func testPositionsWithoutAReportAreRefused() throws {
        let addendum = try write("add.txt", "Addendum\nViews on conclusions and/or recommendations\n5. Examplestan supports recommendations 90.1, 90.2.\n")
        var importer = try importer()
        XCTAssertThrowsError(try importer.add(addendum)) { error in
            XCTAssertTrue("\(error)".contains("import the report first"), "\(error)")
        }
    }
}
