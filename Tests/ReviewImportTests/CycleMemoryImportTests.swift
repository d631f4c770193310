import Foundation
import XCTest
import ReviewModel
@testable import ReviewImport

/// Viet Nam's 2nd cycle as the reference of the embedded (4th cycle) sample, through the same
/// `Importer` as `upr import --reference`.
final class CycleMemoryImportTests: XCTestCase {
    func testSampleFindsVietNamSecondCycleAsksAboutTorture() throws {
        let report = try SharedData.url("vietnam/vnm-c2-A_HRC_26_6.txt")
        let positions = try SharedData.url("vietnam/vnm-c2-uprinfo.csv")
        var importer = Importer(ledger: nil, options: Importer.Options(analyst: "test", now: Date(timeIntervalSince1970: 1_790_000_000)), states: try StateDirectory.bundled())
        try importer.add(report)
        try importer.add(positions)
        let earlier = try XCTUnwrap(importer.ledger)
        var ledger = try Sample.ledger()
        let before = try LedgerCoding.encode(ledger)
        ledger.reference = ReferenceRecommendation.records(of: earlier, symbol: ReferenceRecommendation.label(earlier.document, files: [report.path, positions.path]))
        XCTAssertTrue(ledger.reference[0].symbol.hasPrefix("A/HRC/26/6"), ledger.reference[0].symbol)
        XCTAssertEqual(ledger.reference.count, 227)
        XCTAssertEqual(ledger.reference.filter { $0.position == .supported }.count, 182)
        XCTAssertEqual(ledger.reference.filter { $0.position == .noted }.count, 45)
        XCTAssertEqual(Set(ledger.reference.map(\.symbol)).count, 1)

        // Saved and read back, the rest of the ledger is as it was.
        let data = try LedgerCoding.encode(ledger)
        XCTAssertTrue(data.starts(with: before.dropLast(3)))
        XCTAssertEqual(try LedgerCoding.decode(data, path: "x.json"), ledger)

        let memory = CycleMemory(ledger)
        let torture = ledger.recommendations.indices.filter {
            let text = ledger.recommendations[$0].text
            return text.hasPrefix("Ratify") || text.hasPrefix("Accede") || text.hasPrefix("Consider ratifying") || text.hasPrefix("Expedite ratification")
        }.filter { ledger.recommendations[$0].text.contains("Convention against Torture") }
        XCTAssertGreaterThanOrEqual(torture.count, 5)
        for position in torture {
            let recommendation = ledger.recommendations[position]
            let match = try XCTUnwrap(memory.earlier(at: position), "\(recommendation.id): \(recommendation.text)")
            let text = match.0.text
            XCTAssertTrue(text.contains("CAT") || text.contains("Convention against Torture") || text.contains("Torture"),
                          "\(recommendation.id) matched \(match.0.id): \(text)")
            print("\(recommendation.id) → \(match.0.id) (\(match.0.position?.rawValue ?? "?"), \(String(format: "%.2f", match.similarity))): \(text.prefix(90))")
        }
        let supported = memory.matches.compactMap { $0 }.filter { ledger.reference[$0.reference].position == .supported }.count
        print("CycleMemory: \(memory.matchedCount) of \(ledger.recommendations.count) sample recommendations have an earlier match in \(ledger.reference[0].symbol) (\(supported) supported then)")
        for threshold in [0.3, 0.35, 0.4, 0.45, 0.5, 0.6] {
            print("  threshold \(threshold): \(CycleMemory(ledger, settings: CycleMemorySettings(threshold: threshold)).matchedCount) matched")
        }
        XCTAssertGreaterThan(memory.matchedCount, torture.count)
    }
}
