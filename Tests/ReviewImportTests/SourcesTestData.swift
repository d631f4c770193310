import Foundation
import XCTest

/// The real UPR documents in `../shared/upr-data` (beside the package root), which tests use when present.
enum SourcesTestData {
    static var folder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/upr-data")
    }

    /// The file at `relative` inside the data folder, or a skip when it is absent.
    static func url(_ relative: String) throws -> URL {
        let url = folder.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("../shared/upr-data not found: \(url.path)")
        }
        return url
    }

    /// A scratch file holding `bytes`, removed when the test ends.
    static func temporaryFile(_ name: String, _ bytes: Data, test: XCTestCase) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }
}
