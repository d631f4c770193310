import Foundation
import ReviewModel

/// One recommendation with its decision, flattened into the texts every table-shaped export
/// (CSV, XLSX, Markdown) writes.
struct ExportRow {
    var id: String
    var states: [String]
    var themes: [String]
    var text: String
    var status: DecisionStatus?
    var implemented: Bool
    var note: String
    var decidedBy: String
    var decidedAt: String
    /// The explanation the addendum publishes, if any.
    var explanation: String?

    init(_ ledger: Ledger, position: Int) {
        let recommendation = ledger.recommendations[position]
        let record = ledger.record(for: recommendation.id)
        id = recommendation.id
        states = recommendation.states
        themes = recommendation.themes
        text = recommendation.text
        status = record?.decision
        // Only an accepted recommendation can be "supported and already implemented".
        implemented = record?.decision == .accepted && record?.implemented == true
        note = record?.note ?? ""
        decidedBy = record?.by ?? ""
        decidedAt = record.map { Timestamp.iso($0.at) } ?? ""
        explanation = record?.explanation
    }

    var decision: String { status?.label ?? "undecided" }

    /// `supported` or `noted`, as the addendum and the thematic list say; empty while open.
    var publishedWord: String {
        switch status {
        case .accepted?: "supported"
        case .rejected?: "noted"
        case .underConsideration?, nil: ""
        }
    }

    /// The word the addendum publishes: supported (and already implemented), noted; nil while open.
    var published: String? {
        switch status {
        case .accepted?: implemented ? "supported, already implemented" : "supported"
        case .rejected?: "noted"
        case .underConsideration?, nil: nil
        }
    }
}
