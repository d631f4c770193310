import Foundation
import XCTest
import ReviewModel
@testable import ReviewImport

/// Numbers no UPR document holds are refused with a message, never trapped on.
final class OutOfRangeNumbersTests: XCTestCase {
    func testASessionNumberOutOfRangeIsAFilterErrorAndARowWarning() throws {
        let states = try StateDirectory.bundled()
        XCTAssertThrowsError(try FilterQuery.parse("session:99999999999", states: states))
        XCTAssertNoThrow(try FilterQuery.parse("session:18", states: states))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("range-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("rows.csv")
        try Data(("To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\n"
            + "Chile,GRULAC,,Ratify CAT,Peru,GRULAC,,Accepted,,Torture,99999999999\n").utf8).write(to: csv)
        let (rows, warnings) = try UPRInfoCSV.rows(csv)
        XCTAssertEqual(rows.count, 1)
        XCTAssertNil(rows[0].session)
        XCTAssertTrue(warnings.contains { $0.message.contains("is not a session number") }, "\(warnings)")
    }
}
