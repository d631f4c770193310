import XCTest
@testable import ReviewModel

/// A key is matched by comparing two words and a length (`JSONKeys.Words`): it must find what
/// comparing the bytes finds, for every listed name and for every key a byte away from one.
final class JSONKeysTests: XCTestCase {
    private let keys = JSONKeys("id", "text", "states", "themes", "statesAsWritten", "implementation", "a", "abcdefgh", "abcdefghi", "abcdefghijklmnopq")

    /// `padding` spaces after the object: a key near the end of the bytes is read byte by byte.
    private func nextKey(_ key: [UInt8], padding: Int) -> Int? {
        let json = Array("{\"".utf8) + key + Array("\":1}".utf8) + Array(repeating: 0x20, count: padding)
        return json.withUnsafeBufferPointer { bytes in
            var scanner = JSONScanner(bytes)
            return try? { () throws -> Int? in
                try scanner.beginObject()
                return try scanner.nextKey(of: keys)
            }()
        }
    }

    func testEveryNearKeyIsMatchedAsItsBytesAre() {
        let names = ["id", "text", "states", "themes", "statesAsWritten", "implementation", "a", "abcdefgh", "abcdefghi", "abcdefghijklmnopq"]
        var candidates: [[UInt8]] = [[]]
        for name in names {
            let bytes = Array(name.utf8)
            candidates += [bytes, bytes + [0x61], Array(bytes.dropLast()), Array(bytes.dropFirst()), [0x61] + bytes]
            for place in bytes.indices {
                for byte: UInt8 in [0x00, 0x1F, 0x20, 0x22, 0x41, 0x5C, 0x61, 0x7A, 0x7E, 0x7F, 0x80, 0xC3, 0xFF, bytes[place] ^ 0x20] where byte != bytes[place] {
                    var changed = bytes
                    changed[place] = byte
                    candidates.append(changed)
                }
            }
        }
        for key in candidates {
            let plain = key.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }
            let broken = key.contains { $0 < 0x20 || $0 == 0x22 }  // a key cut short, or a control byte
            let expected = plain ? key.withUnsafeBufferPointer { keys.index(of: $0) } : broken ? nil : nextKey(key, padding: 0)
            for padding in 0..<24 {
                XCTAssertEqual(nextKey(key, padding: padding), expected, "\(String(decoding: key, as: UTF8.self)), \(padding) spaces after")
            }
            if let listed = names.firstIndex(of: String(decoding: key, as: UTF8.self)) {
                XCTAssertEqual(expected, listed)
            } else if plain {
                XCTAssertEqual(expected, keys.count, "\(String(decoding: key, as: UTF8.self)) is not listed")
            }
        }
    }
}
