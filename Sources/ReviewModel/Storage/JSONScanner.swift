import Foundation

/// A strict, pull-style JSON reader over UTF-8 bytes, for the ledger's fast path
/// (`LedgerFastDecoding`). It reads values in place, without building a tree. On anything it does
/// not expect, valid JSON or not, it throws `Mismatch` and the caller falls back to JSONDecoder,
/// which either reads the file or explains, with line and field, what is wrong with it. So it may
/// refuse more than JSONDecoder does, never less.
struct JSONScanner {
    struct Mismatch: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    /// `first`: whether the container begun last has had no item yet (a scanner continuing
    /// where another stopped, as `JSONWindow` makes them).
    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0, first: Bool = false) {
        self.bytes = bytes
        self.position = position
        self.first = first
    }

    /// Where the next value starts (white space skipped).
    mutating func valueStart() throws -> Int {
        _ = try peek()
        return position
    }

    /// Continues after a value that another scanner read from the same start to `end`.
    mutating func jump(to end: Int) {
        position = end
        first = false
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    @inline(__always)
    private mutating func skipSpace() {
        // Inside a line upr writes there is none: one comparison for the usual case.
        if position < bytes.count, bytes[position] > 0x20 { return }
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next significant byte, not consumed.
    @inline(__always)
    mutating func peek() throws -> UInt8 {
        skipSpace()
        guard position < bytes.count else { throw Mismatch() }
        return bytes[position]
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw Mismatch() }
        position += 1
    }

    /// Only whitespace may follow the top-level value.
    mutating func end() throws {
        skipSpace()
        guard position == bytes.count else { throw Mismatch() }
    }

    /// Consumes `null` if it comes next.
    @inline(__always)
    mutating func null() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Mismatch() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw Mismatch() }
        position += count
    }

    // MARK: Containers: `beginObject()` then `while let key = try nextKey()`; arrays alike.

    private(set) var first = false

    mutating func beginObject() throws {
        try expect(UInt8(ascii: "{"))
        first = true
    }

    /// The next key of the object begun last (its colon consumed), or nil at its end.
    mutating func nextKey() throws -> String? {
        guard try nextItem(closing: UInt8(ascii: "}")) else { return nil }
        let key = try string()
        try expect(UInt8(ascii: ":"))
        return key
    }

    mutating func beginArray() throws {
        try expect(UInt8(ascii: "["))
        first = true
    }

    /// Whether another element follows in the array begun last (its comma consumed).
    mutating func nextElement() throws -> Bool {
        try nextItem(closing: UInt8(ascii: "]"))
    }

    /// False (the bracket consumed) at the container's end; else true, past the comma that comes
    /// before every item but the first.
    @inline(__always)
    private mutating func nextItem(closing: UInt8) throws -> Bool {
        if try peek() == closing {
            position += 1
            first = false
            return false
        }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        return true
    }

    // MARK: Values

    mutating func string() throws -> String {
        try expect(Self.quote)
        let start = position
        var ascii = skipPlainWords()
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                if ascii { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else { throw Mismatch() }
                return text
            }
            if byte == Self.backslash { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw Mismatch() }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        throw Mismatch()
    }

    /// Moves over the string's bytes 8 at a time up to its first quote, backslash or control
    /// byte (where the caller's byte loop then stands), or to its last whole word before the
    /// end of the bytes; returns whether the bytes passed over were ASCII. Texts are most of a
    /// ledger's bytes.
    private mutating func skipPlainWords() -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var high: UInt64 = 0
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let marks = JSONBytes.specialBytes(word)
            guard marks == 0 else {
                // The lowest mark is a true one: the bytes below it are plain.
                let plain = marks.trailingZeroBitCount / 8
                high |= JSONBytes.lowBytes(word, plain)
                position += plain
                break
            }
            high |= word
            position += 8
        }
        return high & JSONBytes.highBits == 0
    }

    /// The bytes of a string without escapes, in place (no String is made); anything else is a
    /// mismatch. For values read as bytes, such as times.
    mutating func plainString<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) throws -> T {
        try expect(Self.quote)
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                position += 1
                return body(UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]))
            }
            guard byte >= 0x20, byte < 0x80, byte != Self.backslash else { throw Mismatch() }
            position += 1
        }
        throw Mismatch()
    }

    /// The last time read (`TimeMemo`), handed from unit to unit by `JSONWindow`.
    var lastTime = TimeMemo()

    /// A time, `2026-09-21T14:13:20Z` (and the other forms `Timestamp.parse` takes); anything
    /// else is a mismatch. The usual form is read in place (`TimeMemo.read`).
    mutating func time() throws -> Date {
        _ = try peek()
        if let (date, length) = lastTime.read(bytes, at: position) {
            position += length
            return date
        }
        guard let date = try plainString({ Timestamp.parse(bytes: $0) }) else { throw Mismatch() }
        return date
    }

    /// The slow path of `string()`, for strings with escapes: decoded into a buffer.
    private mutating func escapedString(from start: Int) throws -> String {
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case Self.quote:
                guard let text = String(validating: out, as: UTF8.self) else { throw Mismatch() }
                return text
            case Self.backslash:
                guard position < bytes.count else { throw Mismatch() }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
                default: throw Mismatch()
                }
            case 0..<0x20:
                throw Mismatch()
            default:
                out.append(byte)
            }
        }
        throw Mismatch()
    }

    /// `\uXXXX` (the `\u` consumed), with a surrogate pair as one scalar; a lone surrogate is refused.
    private mutating func unicodeEscape() throws -> String.UTF8View {
        var value = try hex4()
        if (0xD800..<0xDC00).contains(value) {
            try literal("\\u")
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw Mismatch() }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { throw Mismatch() }
        return String(Character(scalar)).utf8
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw Mismatch() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Mismatch()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// An integer written plainly (`-12`); fractions, exponents and leading zeros go to the fallback.
    mutating func int() throws -> Int {
        _ = try peek()
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let start = position
        var value = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[position] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw Mismatch() }
            value = sum
            position += 1
        }
        let digits = position - start
        guard digits > 0, !(digits > 1 && bytes[start] == UInt8(ascii: "0")) else { throw Mismatch() }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) { throw Mismatch() }
        return negative ? -value : value
    }

    mutating func bool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw Mismatch()
        }
    }

    /// The next key of the object begun last, as its place in `keys` (`keys.count` for any other
    /// key), its colon consumed; nil at the object's end. A key is compared on its bytes, no String
    /// made; one with an escape or beyond ASCII is decoded first, so `"i\u0064"` is `id` as
    /// JSONDecoder reads it.
    mutating func nextKey(of keys: JSONKeys) throws -> Int? {
        guard try nextItem(closing: UInt8(ascii: "}")) else { return nil }
        try expect(Self.quote)
        let start = position
        if let words = JSONBytes.plainKey(in: bytes, at: position) {
            position += words.count
            let found = keys.index(of: words, UnsafeBufferPointer(rebasing: bytes[start..<position]))
            position += 1
            try expect(UInt8(ascii: ":"))
            return found
        }
        var words = JSONKeys.Words()
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote { break }
            guard byte >= 0x20, byte < 0x80, byte != Self.backslash else {
                position = start - 1
                let key = try string()
                try expect(UInt8(ascii: ":"))
                return Array(key.utf8).withUnsafeBufferPointer { keys.index(of: $0) }
            }
            words.append(byte)
            position += 1
        }
        guard position < bytes.count else { throw Mismatch() }
        let found = keys.index(of: words, UnsafeBufferPointer(rebasing: bytes[start..<position]))
        position += 1
        try expect(UInt8(ascii: ":"))
        return found
    }

    /// An array of strings; one met before byte for byte (the States of a recommendation, its
    /// themes) is the list made then, shared, with nothing allocated. A list is remembered only
    /// once it was read in full here, so a shared one is exactly what reading it would give.
    mutating func strings(sharing lists: SharedLists) throws -> [String] {
        let start = try valueStart()
        guard let end = JSONBytes.plainListEnd(in: bytes, from: start) else { return try strings() }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let list = lists.list(raw) {
            position = end
            return list
        }
        let list = try strings()
        if position == end { lists.remember(raw, list) }
        return list
    }

    mutating func strings() throws -> [String] {
        var out: [String] = []
        try beginArray()
        while try nextElement() { out.append(try string()) }
        return out
    }

    /// Skips one value of any kind and returns its bytes, for the parts read by JSONDecoder.
    mutating func valueBytes() throws -> Data {
        _ = try peek()
        let start = position
        try skipValue(depth: 0)
        return Data(UnsafeBufferPointer(rebasing: bytes[start..<position]))
    }

    private mutating func skipValue(depth: Int) throws {
        guard depth < 512 else { throw Mismatch() }
        switch try peek() {
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextKey() != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() { try skipValue(depth: depth + 1) }
        case Self.quote: _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): _ = try null()
        default: try skipNumber()
        }
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, as JSON has it.
    private mutating func skipNumber() throws {
        func digits() throws -> Int {
            let start = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            guard position > start else { throw Mismatch() }
            return position - start
        }
        func next(_ options: String) -> Bool {
            guard position < bytes.count, options.utf8.contains(bytes[position]) else { return false }
            position += 1
            return true
        }
        _ = next("-")
        let start = position
        if try digits() > 1, bytes[start] == UInt8(ascii: "0") { throw Mismatch() }
        if next(".") { _ = try digits() }
        if next("eE") {
            _ = next("+-")
            _ = try digits()
        }
    }
}
