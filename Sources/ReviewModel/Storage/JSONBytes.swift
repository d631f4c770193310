import Foundation

/// The tests `JSONScanner` makes on raw bytes ahead of reading them: a word of 8 bytes checked at
/// once, where a short list of plain strings ends, how many lines a container written one item a
/// line holds. None of them decides what a value is; the scanner still reads every byte it takes.
enum JSONBytes {
    static let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// Whether a byte of `word` is a quote, a backslash or below 0x20 (exact: the borrow of the
    /// tests can only mark bytes above one that matched).
    static func holdsSpecialByte(_ word: UInt64) -> Bool {
        func zeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highBits }
        let control = (word &- ones &* 0x20) & ~word & highBits
        return (control | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x5C))) != 0
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

    /// How many lines starting with `item` come after `position` before the next one starting
    /// with `end`: a hint of how many items a container written one a line holds. At most one per
    /// `shortest` bytes, so that no file can make it ask for more memory than it is.
    static func lines(in bytes: UnsafeBufferPointer<UInt8>, from position: Int, startingWith item: StaticString, before end: StaticString, shortest: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        func starts(_ prefix: StaticString, at offset: Int) -> Bool {
            bytes.count - offset >= prefix.utf8CodeUnitCount && memcmp(base + offset, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
        }
        var lines = 0, offset = position
        while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
            offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
            if starts(end, at: offset) { break }
            if starts(item, at: offset) { lines += 1 }
        }
        return min(lines, (bytes.count - position) / shortest)
    }
}
