import Foundation
import ReviewModel

/// The decisions as CSV for spreadsheets: RFC 4180 with CRLF line ends, UTF-8 with a byte-order
/// mark (without it Excel reads the file as the local code page and garbles Vietnamese).
enum CSVExport {
    static let byteOrderMark = "\u{FEFF}"
    /// `published` is the addendum's word (supported, noted), beside the working decision.
    static let header = ["id", "states", "themes", "text", "decision", "published", "already_implemented", "note", "decided_by", "decided_at"]

    static func text(_ ledger: Ledger, _ positions: [Int]) -> String { String(decoding: bytes(ledger, positions), as: UTF8.self) }

    /// The file's bytes, appended row by row: no array of rows, no string per row or field.
    static func bytes(_ ledger: Ledger, _ positions: [Int]) -> Data {
        var out: [UInt8] = Array(byteOrderMark.utf8)
        out.reserveCapacity(positions.count * 400)
        for (number, name) in header.enumerated() {
            if number > 0 { out.append(0x2C) }
            appendField(name, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
        for position in positions {
            let row = ExportRow(ledger, position: position)
            appendField(neutralized(row.id), to: &out)
            out.append(0x2C)
            appendField(row.states, to: &out)
            out.append(0x2C)
            appendField(row.themes, to: &out)
            func next(_ value: String) {
                out.append(0x2C)
                appendField(neutralized(value), to: &out)
            }
            next(row.text)
            next(row.decision)
            next(row.publishedWord)
            next(row.implemented ? "yes" : "")
            next(row.note)
            next(row.decidedBy)
            next(row.decidedAt)
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return Data(out)
    }

    /// One field made of `parts` joined by `; ` (the States, the themes), neutralized and quoted
    /// as `field` would the joined text, without making it.
    static func appendField(_ parts: [String], to out: inout [UInt8]) {
        guard parts.count != 1 else { return appendField(neutralized(parts[0]), to: &out) }
        guard let first = parts.first, !first.isEmpty else { return appendField(neutralized(parts.joined(separator: "; ")), to: &out) }
        let neutral = neutralized(first) == first
        let quoted = parts.contains { needsQuotes($0) }
        if quoted { out.append(0x22) }
        if !neutral { out.append(UInt8(ascii: "'")) }
        for (number, part) in parts.enumerated() {
            if number > 0 { out.append(contentsOf: [0x3B, 0x20]) }
            appendBytes(part, quoted: quoted, to: &out)
        }
        if quoted { out.append(0x22) }
    }

    private static func needsQuotes(_ value: String) -> Bool {
        withBytes(value) { bytes in bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } }
    }

    /// The value's bytes, quotes doubled where `quoted`: appended a run between quotes at a time.
    private static func appendBytes(_ value: String, quoted: Bool, to out: inout [UInt8]) {
        withBytes(value) { bytes in
            guard quoted else { return out.append(contentsOf: bytes) }
            var start = 0
            while let quote = bytes[start...].firstIndex(of: 0x22) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...quote]))
                out.append(0x22)
                start = quote + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// The UTF-8 of a String in place where it is stored so (a native String always is), without
    /// the copy `withUTF8` on a `var` makes.
    private static func withBytes<T>(_ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = value.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = value
        return copy.withUTF8(body)
    }

    /// RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes.
    static func field(_ value: String) -> String {
        var out: [UInt8] = []
        appendField(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `field`, on bytes (a CR LF pair is one Character, which compares equal to neither).
    static func appendField(_ value: String, to out: inout [UInt8]) {
        let quoted = needsQuotes(value)
        if quoted { out.append(0x22) }
        appendBytes(value, quoted: quoted, to: &out)
        if quoted { out.append(0x22) }
    }

    /// A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula (and some read a
    /// leading tab or carriage return the same way): a quote in front keeps it text, as Excel
    /// itself does for typed text.
    static func neutralized(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
