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

    /// The reading by hand against a plain one (the one it replaced), on valid times with every
    /// byte changed at every place, cut and lengthened: the same dates, the same refusals.
    func testEveryChangedByteIsReadAsThePlainReadingReadsIt() {
        let valid = ["2026-11-29T14:20:05Z", "2024-02-29T23:59:60Z", "0001-01-01T00:00:00Z", "2026-11-29T14:20:05.250Z",
                     "2026-11-29T14:20:05+00:00", "9999-12-31T23:59:59.999999Z", "2026-11-29T14:20:05."]
        let bytes: [UInt8] = [0, 0x2B, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x35, 0x39, 0x3A, 0x40, 0x54, 0x5A, 0x7A, 0xFF]
        var compared = 0
        for text in valid {
            let original = Array(text.utf8)
            var variants = [original, original + [0x5A], Array(original.dropLast())]
            for place in original.indices {
                for byte in bytes where byte != original[place] {
                    var changed = original
                    changed[place] = byte
                    variants.append(changed)
                }
            }
            for variant in variants {
                let fast = variant.withUnsafeBufferPointer { Timestamp.parse(bytes: $0) }
                XCTAssertEqual(fast, Self.plainParse(variant), String(decoding: variant, as: UTF8.self))
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1_000)
    }

    private static func plainParse(_ bytes: [UInt8]) -> Date? {
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
              let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var rest = bytes[19...]
        var fraction = 0.0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            var scale = 0.1
            while let byte = rest.first, byte >= 48 && byte <= 57 {
                fraction += Double(byte - 48) * scale
                scale /= 10
                rest = rest.dropFirst()
            }
        }
        guard rest.elementsEqual("Z".utf8) || rest.elementsEqual("+00:00".utf8) else { return nil }
        let total = Timestamp.days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(total) + fraction)
    }
}
