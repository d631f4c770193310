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
        let bytes = [UInt8](data)
        var scanner = Scanner(bytes: bytes)
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
                case 0..<0x20: throw fail("control character in a string")
                default: offset += 1
                }
            }
            throw fail("unterminated string")
        }

        mutating func number() throws {
            if current == UInt8(ascii: "-") { offset += 1 }
            func digits() -> Int {
                var count = 0
                while let byte = current, byte >= 0x30 && byte <= 0x39 { offset += 1; count += 1 }
                return count
            }
            guard digits() > 0 else { throw fail("expected digits") }
            if current == UInt8(ascii: ".") { offset += 1; guard digits() > 0 else { throw fail("expected digits after '.'") } }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                offset += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
                guard digits() > 0 else { throw fail("expected an exponent") }
            }
        }
    }
}
