import Foundation

extension Ledger {
    /// Sets (or, with nil or blank text, clears) the explanation the addendum publishes with one
    /// recommendation, keeping its decision, note, mark and ministry. Recommendations that share
    /// one explanation are printed under it together. A change like any other: history, undo, redo.
    @discardableResult
    public mutating func explain(_ id: String, _ explanation: String?, by analyst: String, at date: Date,
                                 group: Int? = nil, source: String? = nil) throws -> ChangeEvent? {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        let text = explanation.map(Self.normalizedExplanation).flatMap { $0.isEmpty ? nil : $0 }
        let before = decisions[id]
        guard before?.explanation != text else { return nil }
        var record = before ?? DecisionRecord(decision: nil, by: analyst, at: date)
        record.explanation = text
        record.by = analyst
        record.at = Timestamp.wholeSeconds(date)
        return try change(id, to: record, group: group, source: source)
    }

    /// Paragraphs kept (a blank line between them), spaces inside each folded to one.
    public static func normalizedExplanation(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }
}
