import XCTest
import ReviewModel
@testable import ReviewExport

/// Exports on disk: atomic, never replacing a file unless forced.
final class ExportFilesTests: XCTestCase {
    var folder: URL!
    override func setUp() { folder = ExportFixtures.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testAnExistingFileIsReplacedOnlyWhenForced() throws {
        let url = folder.appendingPathComponent("out.csv")
        try ExportFiles.write(Data("one".utf8), to: url, force: false)
        XCTAssertThrowsError(try ExportFiles.write(Data("two".utf8), to: url, force: false)) { error in
            XCTAssertEqual(error as? ExportError, .exists([url.path]))
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "one")
        try ExportFiles.write(Data("two".utf8), to: url, force: true)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["out.csv"], "no temp file left")
        XCTAssertThrowsError(try ExportFiles.write(Data(), to: folder, force: true)) { error in
            XCTAssertEqual(error as? ExportError, .isFolder(folder.path))
        }
    }

    func testSplitChecksEveryNameBeforeWritingAny() throws {
        let target = folder.appendingPathComponent("states/new")
        let files = try DecisionExport.perStateFiles(try ExportFixtures.openLedger())
        try ExportFiles.write(files, into: target, force: false)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted(), files.map(\.name).sorted())

        try FileManager.default.removeItem(at: target.appendingPathComponent("Chile.md"))
        try Data("kept".utf8).write(to: target.appendingPathComponent("Turkiye.md"))
        XCTAssertThrowsError(try ExportFiles.write(files, into: target, force: false)) { error in
            XCTAssertEqual((error as? ExportError).map { "\($0)" }?.contains("5 files exist"), true, "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent("Chile.md").path), "nothing written on refusal")
        try ExportFiles.write(files, into: target, force: true)
        XCTAssertNotEqual(try String(contentsOf: target.appendingPathComponent("Turkiye.md"), encoding: .utf8), "kept")

        let file = folder.appendingPathComponent("plain")
        try Data().write(to: file)
        XCTAssertThrowsError(try ExportFiles.write(files, into: file, force: true)) { error in
            XCTAssertEqual(error as? ExportError, .notFolder(file.path))
        }
    }
}
