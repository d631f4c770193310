import Foundation
import XCTest
@testable import ReviewModel

final class TimestampTests: XCTestCase {
    func testWritingAndReadingAgreeWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
            XCTAssertEqual(Timestamp.iso(date), formatter.string(from: date))
            XCTAssertEqual(Timestamp.parse(Timestamp.iso(date)), date)
        }
        XCTAssertEqual(Timestamp.iso(Date(timeIntervalSince1970: 1_790_000_000)), "2026-09-21T14:13:20Z")
        XCTAssertEqual(Timestamp.parse("2024-02-29T23:59:59Z"), formatter.date(from: "2024-02-29T23:59:59Z"))
        XCTAssertEqual(Timestamp.parse("2026-11-29T14:20:05.250Z")?.timeIntervalSince1970, 1_795_962_005.25)
        XCTAssertEqual(Timestamp.parse("2026-11-29T14:20:05+00:00"), Timestamp.parse("2026-11-29T14:20:05Z"))
        for bad in ["", "2026-11-29", "2026-13-01T00:00:00Z", "2026-11-29T14:20:05", "2026-11-29 14:20:05Z", "2026-11-29T14:20:05+02:00"] {
            XCTAssertNil(Timestamp.parse(bad), bad)
        }
    }
}
