import Foundation

/// Finds where a JSON text first goes wrong, as line and column (1-based). Foundation's decoder on
/// Linux reports syntax errors without a position; a hand-edited ledger needs one.
public enum JSONSyntaxLocator {
    public struct Place: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var reason: String
    }

    private struct Failure: Error { var offset: Int; var reason: String }

    public static func firstError(in data: Data) -> Place? {
        firstError(in: data, largeIntegers: false)
    }

    /// The first whole number beyond 64 bits, in JSON that is otherwise valid: what JSONDecoder
    /// refuses as "not valid JSON" without saying where (every number of a ledger is an Int).
    public static func firstOversizedInteger(in data: Data) -> Place? {
        firstError(in: data, largeIntegers: true)
    }

    private static func firstError(in data: Data, largeIntegers: Bool) -> Place? {
        let bytes = [UInt8](data)
        var scanner = Scanner(bytes: bytes)
        scanner.refusesLargeIntegers = largeIntegers
        do {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if scanner.offset < bytes.count { throw Failure(offset: scanner.offset, reason: "unexpected text after the end of the document") }
            return nil
        } catch let failure as Failure {
            return place(of: failure, in: bytes)
        } catch {
            return nil
        }
    }

    private static func place(of failure: Failure, in bytes: [UInt8]) -> Place {
        var line = 1, column = 1
        for byte in bytes.prefix(failure.offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return Place(line: line, column: column, reason: failure.reason)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var offset = 0
        var refusesLargeIntegers = false
        static let largest = Array("9223372036854775807".utf8)

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
        }

        func fail(_ reason: String) -> Failure {
            guard let byte = current else { return Failure(offset: offset, reason: "unexpected end of file: \(reason)") }
            let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : String(format: "byte 0x%02X", byte)
            return Failure(offset: offset, reason: "\(reason), found \(shown)")
        }

        mutating func expect(_ literal: String) throws {
            for byte in literal.utf8 {
                guard current == byte else { throw fail("expected \(literal)") }
                offset += 1
            }
        }

        mutating func value(depth: Int) throws {
            guard depth < 512 else { throw fail("nesting too deep") }
            switch current {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try expect("true")
            case UInt8(ascii: "f"): try expect("false")
            case UInt8(ascii: "n"): try expect("null")
            case let byte? where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39): try number()
            default: throw fail("expected a value")
            }
        }

        mutating func object(depth: Int) throws {
            offset += 1
            skipSpace()
            if current == UInt8(ascii: "}") { offset += 1; return }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw fail("expected ':' after the key") }
                offset += 1
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") { offset += 1; continue }
                if current == UInt8(ascii: "}") { offset += 1; return }
                throw fail("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) throws {
            offset += 1
            skipSpace()
            if current == UInt8(ascii: "]") { offset += 1; return }
            while true {
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") { offset += 1; continue }
                if current == UInt8(ascii: "]") { offset += 1; return }
                throw fail("expected ',' or ']'")
            }
        }

        mutating func string() throws {
            offset += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""): offset += 1; return
                case UInt8(ascii: "\\"):
                    offset += 1
                    guard let escaped = current, "\"\\/bfnrtu".utf8.contains(escaped) else { throw fail("bad escape in a string") }
                    offset += 1
                    if escaped == UInt8(ascii: "u") { try unicodeEscape() }
                case 0..<0x20: throw fail("control character in a string")
                case 0x80...: try utf8Sequence()
                default: offset += 1
                }
            }
            throw fail("unterminated string")
        }

        /// `XXXX` after `\u`; a high surrogate must be followed by `\u` and a low one, and a low
        /// one never comes alone.
        mutating func unicodeEscape() throws {
            let value = try hex4()
            if (0xDC00..<0xE000).contains(value) {
                offset -= 6
                throw fail("a lone low surrogate (\\u\(String(value, radix: 16, uppercase: true))) in a string")
            }
            guard (0xD800..<0xDC00).contains(value) else { return }
            let start = offset - 6
            guard current == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                offset = start
                throw fail("a high surrogate (\\u\(String(value, radix: 16, uppercase: true))) without its low surrogate")
            }
            offset += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else {
                offset = start
                throw fail("a high surrogate (\\u\(String(value, radix: 16, uppercase: true))) without its low surrogate")
            }
        }

        mutating func hex4() throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = Character(UnicodeScalar(byte)).hexDigitValue else {
                    throw fail("expected four hexadecimal digits after \\u")
                }
                value = value << 4 | UInt32(digit)
                offset += 1
            }
            return value
        }

        /// One UTF-8 character of two to four bytes, as Unicode allows them (no overlong form, no
        /// surrogate, nothing beyond U+10FFFF); else the first byte that is wrong.
        mutating func utf8Sequence() throws {
            let lead = bytes[offset]
            let (count, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0xC2...0xDF: (count, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (count, low, high) = (3, 0xA0, 0xBF)
            case 0xED: (count, low, high) = (3, 0x80, 0x9F)
            case 0xE1...0xEF: (count, low, high) = (3, 0x80, 0xBF)
            case 0xF0: (count, low, high) = (4, 0x90, 0xBF)
            case 0xF4: (count, low, high) = (4, 0x80, 0x8F)
            case 0xF1...0xF3: (count, low, high) = (4, 0x80, 0xBF)
            default: throw fail("invalid UTF-8 (a byte that cannot start a character)")
            }
            for index in 1..<count {
                let allowed = index == 1 ? low...high : 0x80...0xBF
                guard offset + index < bytes.count, allowed.contains(bytes[offset + index]) else {
                    offset += index
                    throw fail("invalid UTF-8 (a character cut short or badly encoded)")
                }
            }
            offset += count
        }

        mutating func number() throws {
            if current == UInt8(ascii: "-") { offset += 1 }
            func digits() -> Int {
                var count = 0
                while let byte = current, byte >= 0x30 && byte <= 0x39 { offset += 1; count += 1 }
                return count
            }
            let first = offset
            let whole = digits()
            guard whole > 0 else { throw fail("expected digits") }
            if whole > 1 && bytes[first] == UInt8(ascii: "0") { offset = first; throw fail("a number with a leading zero") }
            let integer = current != UInt8(ascii: ".") && current != UInt8(ascii: "e") && current != UInt8(ascii: "E")
            let integerPart = bytes[first..<offset]
            if refusesLargeIntegers, integer, integerPart.count > 19 || (integerPart.count == 19 && Self.largest.lexicographicallyPrecedes(integerPart)) {
                offset = first
                throw Failure(offset: offset, reason: "a number too large (at most 9223372036854775807)")
            }
            if current == UInt8(ascii: ".") { offset += 1; guard digits() > 0 else { throw fail("expected digits after '.'") } }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                offset += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
                guard digits() > 0 else { throw fail("expected an exponent") }
            }
        }
    }
}
