import Foundation

/// The tests `JSONScanner` makes on raw bytes ahead of reading them: a word of 8 bytes checked at
/// once, where a short list of plain strings ends. None of them decides what a value is; the scanner still reads every byte it takes.
enum JSONBytes {
    static let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// The high bit of each byte of `word` that is a quote, a backslash or below 0x20; exact for
    /// the lowest such byte of a little-endian word (false marks come only above a true one).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        func zeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highBits }
        let control = (word &- ones &* 0x20) & ~word & highBits
        return control | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x5C))
    }

    /// The high bit of each byte of `word` that is a quote, a backslash, below 0x20 or beyond
    /// ASCII; exact for the lowest such byte (false marks come only above a true one).
    @inline(__always)
    static func specialOrWideBytes(_ word: UInt64) -> UInt64 { specialBytes(word) | (word & highBits) }

    /// Where a short array of strings without escapes or control bytes that starts at `start`
    /// ends (past its `]`), or nil.
    static func plainListEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return nil }
        var index = start + 1, inString = false
        let limit = min(bytes.count, start + SharedLists.longest)
        while index < limit {
            let byte = bytes[index]
            index += 1
            if inString {
                if byte == quote { inString = false } else if byte == backslash || byte < 0x20 { return nil }
            } else if byte == quote {
                inString = true
            } else if byte == UInt8(ascii: "]") {
                return index
            }
        }
        return nil
    }
}
