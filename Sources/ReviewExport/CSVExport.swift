import Foundation
import ReviewModel

/// The decisions as CSV for spreadsheets: RFC 4180 with CRLF line ends, UTF-8 with a byte-order
/// mark (without it Excel reads the file as the local code page and garbles Vietnamese).
enum CSVExport {
    static let byteOrderMark = "\u{FEFF}"
    /// `published` is the addendum's word (supported, noted), beside the working decision.
    static let header = ["id", "states", "themes", "text", "decision", "published", "already_implemented", "note", "decided_by", "decided_at"]

    static func text(_ ledger: Ledger, _ positions: [Int]) -> String {
        var rows = [header]
        for position in positions {
            let row = ExportRow(ledger, position: position)
            rows.append([row.id, row.states.joined(separator: "; "), row.themes.joined(separator: "; "), row.text, row.decision, row.publishedWord,
                         row.implemented ? "yes" : "", row.note, row.decidedBy, row.decidedAt])
        }
        return byteOrderMark + rows.map { $0.map { field(neutralized($0)) }.joined(separator: ",") + "\r\n" }.joined()
    }

    /// RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula (and some read a
    /// leading tab or carriage return the same way): a quote in front keeps it text, as Excel
    /// itself does for typed text.
    static func neutralized(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
