import Foundation
import XCTest
import ReviewModel

/// IDs longer than the usual `140.7` (a whole-record ledger numbers them `1004.1005`) are printed whole.
final class LongIDsTests: XCTestCase {
    func testClustersAndCheckNeverCutAnID() throws {
        let folder = UPRBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "Ratify the Optional Protocol to the Convention against Torture"
        let ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/1/1", title: "t", stateUnderReview: "Ruritania"),
                                recommendations: [Recommendation(id: "1004.1005", text: text, states: ["Chile"]),
                                                  Recommendation(id: "1004.1007", text: text, states: ["Peru"])])
        try LedgerCoding.encode(ledger).write(to: folder.appendingPathComponent("l.json"))
        XCTAssertEqual(try UPRBinary.run(["decide", "accepted", "1004.1005", "--ledger", "l.json"], in: folder).status, 0)
        XCTAssertEqual(try UPRBinary.run(["decide", "rejected", "1004.1007", "--ledger", "l.json"], in: folder).status, 0)
        let clusters = try UPRBinary.run(["clusters", "--ledger", "l.json"], in: folder)
        XCTAssertEqual(clusters.status, 0, clusters.stderr)
        XCTAssertTrue(clusters.stdout.contains("1004.1005 ") && clusters.stdout.contains("1004.1007 "), clusters.stdout)
        let check = try UPRBinary.run(["check", "--ledger", "l.json"], in: folder)
        XCTAssertEqual(check.status, 1, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("1004.1005 ") && check.stdout.contains("1004.1007 "), check.stdout)
    }
}
