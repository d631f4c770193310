import Foundation
import XCTest

/// The real UN and UPR Info documents in `../shared/upr-data` (beside the repository). Tests that
/// read them skip with a message where the folder is absent; nothing is copied into the project.
enum SharedData {
    static func folder(file: StaticString = #filePath) throws -> URL {
        let root = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = root.appendingPathComponent("../shared/upr-data").standardizedFileURL
        guard FileManager.default.fileExists(atPath: data.path) else {
            throw XCTSkip("../shared/upr-data not found: \(data.path) (tests on the real documents skipped)")
        }
        return data
    }

    static func url(_ relative: String) throws -> URL { try folder().appendingPathComponent(relative) }
}
