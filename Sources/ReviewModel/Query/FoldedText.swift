import Foundation

/// Folds text one character at a time, with `TextFolding.fold` as the rule, into UTF-8 bytes.
/// Character by character, so that every folded byte can be traced back to the character it
/// came from: the search index and the highlighter fold the same way and so agree on every match.
struct TextFolder {
    /// Non-ASCII characters are few and repeat (’, –, é), so each is folded by Foundation once.
    private var cache: [Character: [UInt8]] = [:]

    init() {}

    /// The folded bytes of one character: ASCII is lowercased here, the rest goes to Foundation.
    mutating func bytes(of character: Character) -> [UInt8] {
        if let cached = cache[character] { return cached }
        let folded = Array(TextFolding.fold(String(character)).utf8)
        cache[character] = folded
        return folded
    }

    /// Appends the folded form of `text` to `output`.
    mutating func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        utf8.withContiguousStorageIfAvailable { bytes in
            var offset = 0
            while offset < bytes.count {
                // Fast path: an ASCII byte followed by another is a character of its own (a combining
                // mark or CR-LF would join them; both are excluded), so no grapheme breaking is needed.
                let byte = bytes[offset]
                if byte < 0x80, byte != 0x0D, offset + 1 == bytes.count || bytes[offset + 1] < 0x80 {
                    output.append(Self.lowercase(byte))
                    offset += 1
                    continue
                }
                let index = utf8.index(utf8.startIndex, offsetBy: offset)
                let end = text.index(after: index)
                let character = text[index]
                if character.isASCII {
                    // "\r\n" is one ASCII Character of two bytes: lowercase each byte.
                    for byte in character.utf8 { output.append(Self.lowercase(byte)) }
                } else {
                    output.append(contentsOf: self.bytes(of: character))
                }
                offset = utf8.distance(from: utf8.startIndex, to: end)
            }
        }
    }

    mutating func fold(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        append(text, to: &output)
        return output
    }

    /// The folded bytes of `text` and, for each byte, the range of the original character it came
    /// from. Built for one text at a time (the one on screen), so the map is never stored.
    mutating func foldWithMap(_ text: String) -> (bytes: [UInt8], origins: [Range<String.Index>]) {
        var output: [UInt8] = []
        var origins: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let before = output.count
            append(String(text[index..<next]), to: &output)
            for _ in before..<output.count { origins.append(index..<next) }
            index = next
        }
        return (output, origins)
    }

    static func lowercase(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
    }

    /// The folded form as a String: what a parsed filter keeps, so evaluation never folds.
    static func folded(_ text: String) -> String {
        var folder = TextFolder()
        return String(decoding: folder.fold(text), as: UTF8.self)
    }
}

/// Substring search over folded UTF-8 bytes. A valid UTF-8 needle found in valid UTF-8 text
/// always starts on a character boundary, so bytes are enough.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let count = needle.count
        guard count > 0 else { return start <= haystack.count ? start : nil }
        guard let hay = haystack.baseAddress, let pin = needle.baseAddress, haystack.count - start >= count else { return nil }
        let first = Int32(pin[0])
        var offset = start
        let last = haystack.count - count
        while offset <= last {
            // memchr finds the next candidate quickly; memcmp checks the rest of the needle.
            guard let found = memchr(hay + offset, first, last - offset + 1) else { return nil }
            let candidate = hay.distance(to: found.assumingMemoryBound(to: UInt8.self))
            // Needles are a few words: comparing inline beats a call to memcmp per candidate.
            var matched = 1
            while matched < count, hay[candidate + matched] == pin[matched] { matched += 1 }
            if matched == count { return candidate }
            offset = candidate + 1
        }
        return nil
    }

    static func contains(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }

    /// Compares an ID such as `140.10` with a range bound such as `140.9` by their numeric
    /// components, the way `RecommendationID.components` reads them (a non-number counts as
    /// Int.max), over the bound's components only: `140.7.1` is equal to the bound `140.7`, and
    /// every `141.x` to the bound `141`. Does not allocate: a filter compares every ID on every key.
    static func compareID(_ id: String, toBound bound: String) -> Int {
        var left = id.utf8.makeIterator(), right = bound.utf8.makeIterator()
        while let y = nextComponent(&right) {
            guard let x = nextComponent(&left) else { return -1 }
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    private static func nextComponent(_ bytes: inout String.UTF8View.Iterator) -> Int? {
        var value = 0, seen = false, numeric = true
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ".") {
                if !seen { continue }  // "140..5" is [140, 5], as `split` reads it
                return numeric ? value : Int.max
            }
            seen = true
            if numeric, byte >= 0x30, byte <= 0x39, value < Int.max / 10 - 10 {
                value = value * 10 + Int(byte - 0x30)
            } else {
                numeric = false
            }
        }
        return seen ? (numeric ? value : Int.max) : nil
    }
}
