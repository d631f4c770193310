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

    /// The `count` lowest bytes of a little-endian word, the others zero.
    @inline(__always)
    static func lowBytes(_ word: UInt64, _ count: Int) -> UInt64 {
        count == 0 ? 0 : word & (UInt64.max >> (64 - 8 * UInt64(count)))
    }

    /// The key of up to 15 plain bytes that starts at `start` (past its opening quote), read as
    /// two words at once and ending on a quote; nil for anything else (the byte loop reads it).
    @inline(__always)
    static func plainKey(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> JSONKeys.Words? {
        guard start + 16 <= bytes.count, let base = bytes.baseAddress else { return nil }
        let low = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        var words = JSONKeys.Words()
        let lowMarks = specialOrWideBytes(low)
        if lowMarks != 0 {
            let count = lowMarks.trailingZeroBitCount / 8
            guard bytes[start + count] == quote else { return nil }
            words.low = lowBytes(low, count)
            words.count = count
            return words
        }
        let high = UInt64(littleEndian: UnsafeRawPointer(base + start + 8).loadUnaligned(as: UInt64.self))
        let highMarks = specialOrWideBytes(high)
        guard highMarks != 0 else { return nil }
        let count = highMarks.trailingZeroBitCount / 8
        guard bytes[start + 8 + count] == quote else { return nil }
        words.low = low
        words.high = lowBytes(high, count)
        words.count = 8 + count
        return words
    }

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
