import Foundation
import ReviewModel

/// The decisions as CSV for spreadsheets: RFC 4180 with CRLF line ends, UTF-8 with a byte-order
/// mark (without it Excel reads the file as the local code page and garbles Vietnamese).
enum CSVExport {
    static let byteOrderMark = "\u{FEFF}"
    /// `published` is the addendum's word (supported, noted), beside the working decision.
    static let header = ["id", "states", "themes", "text", "decision", "published", "already_implemented", "note", "decided_by", "decided_at"]

    static func text(_ ledger: Ledger, _ positions: [Int]) -> String {
        // Bytes appended row by row: no array of rows, no string per row or field.
        var out: [UInt8] = Array(byteOrderMark.utf8)
        out.reserveCapacity(positions.count * 400)
        func line(_ fields: [String]) {
            for (number, value) in fields.enumerated() {
                if number > 0 { out.append(0x2C) }
                appendField(neutralized(value), to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        line(header)
        for position in positions {
            let row = ExportRow(ledger, position: position)
            line([row.id, row.states.joined(separator: "; "), row.themes.joined(separator: "; "), row.text, row.decision, row.publishedWord,
                  row.implemented ? "yes" : "", row.note, row.decidedBy, row.decidedAt])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes.
    static func field(_ value: String) -> String {
        var out: [UInt8] = []
        appendField(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `field`, on bytes (a CR LF pair is one Character, which compares equal to neither).
    static func appendField(_ value: String, to out: inout [UInt8]) {
        let utf8 = value.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula (and some read a
    /// leading tab or carriage return the same way): a quote in front keeps it text, as Excel
    /// itself does for typed text.
    static func neutralized(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
