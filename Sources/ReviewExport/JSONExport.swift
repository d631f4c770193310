import Foundation
import ReviewModel

/// The decisions as JSON for scripts: one object per recommendation, keys sorted.
enum JSONExport {
    struct Item: Encodable {
        var id: String
        var states: [String]
        var themes: [String]
        var text: String
        var decision: String
        /// Present only when true, so that the output stays as it was for ledgers without the mark.
        var implemented: Bool?
        var note: String
        /// The addendum's explanation; present only when there is one.
        var explanation: String?
        var decidedBy: String?
        var decidedAt: String?
    }

    static func text(_ ledger: Ledger, _ positions: [Int]) throws -> String {
        let items = positions.map { position -> Item in
            let row = ExportRow(ledger, position: position)
            let decided = ledger.record(for: row.id) != nil
            return Item(
                id: row.id, states: row.states, themes: row.themes, text: row.text,
                decision: row.status?.argument ?? "undecided", implemented: row.implemented ? true : nil,
                note: row.note, explanation: row.explanation, decidedBy: decided ? row.decidedBy : nil, decidedAt: decided ? row.decidedAt : nil)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
    }
}
