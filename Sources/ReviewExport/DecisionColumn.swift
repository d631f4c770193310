import Foundation
import ReviewModel

/// The four states of work in the order every table shows them, with the word an addendum uses.
enum DecisionColumn: CaseIterable {
    case accepted, underConsideration, rejected, undecided

    var selection: StatusSelection {
        switch self {
        case .accepted: .accepted
        case .underConsideration: .underConsideration
        case .rejected: .rejected
        case .undecided: .undecided
        }
    }

    var title: String {
        switch self {
        case .accepted: "Accepted"
        case .underConsideration: "Under consideration"
        case .rejected: "Rejected"
        case .undecided: "Undecided"
        }
    }

    /// What the published addendum calls it.
    var published: String {
        switch self {
        case .accepted: "supported"
        case .rejected: "noted"
        case .underConsideration, .undecided: "(not published)"
        }
    }

    /// CSS class and XLSX sheet-friendly key.
    var key: String {
        switch self {
        case .accepted: "accepted"
        case .underConsideration: "considering"
        case .rejected: "rejected"
        case .undecided: "undecided"
        }
    }
}

/// `50%`, `33.3%`: one decimal where it matters, none where it does not.
func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "0%" }
    let value = (Double(part) * 1000 / Double(whole)).rounded() / 10
    return value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
}
