import Foundation
import ReviewImport
import ReviewModel
import ReviewRecord
import XCTest

/// The whole record of UPR sessions 1-20, read from the UPR Info exports in `../shared/upr-data`
/// once per test run (tokenising 40,000 texts takes seconds in a debug build); skipped where absent.
enum RealRecord {
    static func folder(file: StaticString = #filePath) throws -> URL {
        let root = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = root.appendingPathComponent("../shared/upr-data").standardizedFileURL
        guard FileManager.default.fileExists(atPath: data.path) else {
            throw XCTSkip("../shared/upr-data not found: \(data.path) (tests on the real record skipped)")
        }
        return data
    }

    static func exports() throws -> [URL] {
        let folder = try folder().appendingPathComponent("uprinfo")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    private static let built: Result<(UPRRecord, RecordImport.Report), Error>? = {
        guard let files = try? exports() else { return nil }
        return Result { try RecordImport.record(from: files, states: try StateDirectory.bundled()) }
    }()

    static func record() throws -> (UPRRecord, RecordImport.Report) {
        guard let built else { throw XCTSkip("../shared/upr-data/uprinfo not found (tests on the real record skipped)") }
        return try built.get()
    }

    /// Viet Nam's 2nd-cycle Working Group report (A/HRC/26/6), as `upr import` reads it.
    static func vietNamSecondCycle() throws -> ImportedDocument {
        let url = try folder().appendingPathComponent("vietnam/vnm-c2-A_HRC_26_6.txt")
        return try WorkingGroupReport.parse(try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
    }
}
