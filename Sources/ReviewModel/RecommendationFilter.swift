import Foundation

/// Which recommendations to show or export: by recommending State (co-recommenders count) and by
/// state of work. Empty filter = everything.
public struct RecommendationFilter: Equatable, Sendable {
    public var state: String?
    public var status: StatusSelection?

    public init(state: String? = nil, status: StatusSelection? = nil) {
        self.state = state
        self.status = status
    }

    public var isEmpty: Bool { state == nil && status == nil }

    public func matches(_ recommendation: Recommendation, in ledger: Ledger) -> Bool {
        if let state, !recommendation.states.contains(state) { return false }
        if let status, !status.matches(ledger.status(of: recommendation.id)) { return false }
        return true
    }

    /// Indices into `ledger.recommendations`, in document order.
    public func positions(in ledger: Ledger) -> [Int] {
        ledger.recommendations.indices.filter { matches(ledger.recommendations[$0], in: ledger) }
    }

    /// `State: France · undecided`
    public var summary: String {
        var parts: [String] = []
        if let state { parts.append("State: \(state)") }
        if let status { parts.append(status.label) }
        return parts.joined(separator: " · ")
    }
}

/// Folds text for matching: case- and diacritic-insensitive, so "viet nam" finds "Việt Nam".
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d")
    }
}
