import XCTest
import ReviewModel
@testable import ReviewImport

final class ImportedDocumentTests: XCTestCase {
    func testPublishedPositionsMapToWorkingDecisions() {
        XCTAssertEqual(PublishedPosition.supported.decision, .accepted)
        XCTAssertEqual(PublishedPosition.supportedImplemented.decision, .accepted)
        XCTAssertEqual(PublishedPosition.noted.decision, .rejected)
    }

    func testErrorsNameTheFileAndLine() {
        XCTAssertEqual(ImportError.malformed(file: "a.txt", line: 12, reason: "no ID").description, "a.txt:12: no ID")
        XCTAssertEqual(ImportWarning(file: "a.txt", line: 3, message: "unknown State “Atlantis”").description, "a.txt:3: unknown State “Atlantis”")
    }
}
