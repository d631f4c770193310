import Foundation
import XCTest
@testable import ReviewImport

/// poppler-utils' tools for the tests of the PDF paths: skipped with a message where a program is
/// missing, and failed in CI (`CI=true`), which installs them (`.ci/run`), so that no PDF test can
/// pass there by skipping.
enum Poppler {
    struct Missing: Error, CustomStringConvertible {
        var tool: String
        var description: String { "\(tool) (poppler-utils) must be installed where CI=true; .ci/run installs it" }
    }

    static func require(_ tools: String...) throws {
        for tool in tools where PDFText.executable(tool) == nil {
            if ProcessInfo.processInfo.environment["CI"] == "true" { throw Missing(tool: tool) }
            throw XCTSkip("\(tool) is not installed (poppler-utils); .ci/run installs it")
        }
    }
}
