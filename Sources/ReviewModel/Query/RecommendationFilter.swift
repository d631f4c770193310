import Foundation

/// Which recommendations to show or export: by recommending State (co-recommenders count), by
/// state of work, and by a query in the filter language. Empty filter = everything.
public struct RecommendationFilter: Equatable, Sendable {
    public var state: String?
    public var status: StatusSelection?
    /// A query in the filter language, and its text as typed.
    public var query: FilterQuery?
    public var queryText: String?

    public init(state: String? = nil, status: StatusSelection? = nil, query: FilterQuery? = nil, queryText: String? = nil) {
        self.state = state
        self.status = status
        self.query = query
        self.queryText = queryText
    }

    public var isEmpty: Bool { state == nil && status == nil && query == nil }

    public func with(state: String?) -> RecommendationFilter { var copy = self; copy.state = state; return copy }
    public func with(status: StatusSelection?) -> RecommendationFilter { var copy = self; copy.status = status; return copy }
    public func with(query: FilterQuery?, text: String?) -> RecommendationFilter {
        var copy = self
        copy.query = query == .all ? nil : query
        copy.queryText = copy.query == nil ? nil : text
        return copy
    }

    public func matches(_ recommendation: Recommendation, in ledger: Ledger) -> Bool {
        if let state, !recommendation.states.contains(state) { return false }
        if let status, !status.matches(ledger.status(of: recommendation.id)) { return false }
        return true
    }

    /// Indices into `ledger.recommendations`, in document order. A query needs the search index;
    /// one is built here when none is given.
    public func positions(in ledger: Ledger, index: SearchIndex? = nil) -> [Int] {
        var positions = ledger.recommendations.indices.filter { matches(ledger.recommendations[$0], in: ledger) }
        if let query {
            let allowed = Set(query.positions(in: ledger, index: index ?? Self.index(for: ledger)))
            positions = positions.filter(allowed.contains)
        }
        return positions
    }

    /// An index for one command: with the earlier cycle's matches (`has:earlier`, `was:supported`)
    /// where the ledger has a reference; the clusters are left to whoever caches them.
    static func index(for ledger: Ledger) -> SearchIndex {
        var index = SearchIndex(ledger)
        if !ledger.reference.isEmpty { index.memory = CycleMemory(ledger) }
        return index
    }

    /// The whole filter in the filter language, e.g. to save it as a view.
    public var text: String {
        var parts: [String] = []
        if let state { parts.append("state:\"\(state)\"") }
        if let status { parts.append("decision:\(status.rawValue)") }
        if let queryText { parts.append(query.map { if case .or = $0 { return "(\(queryText))" } else { return queryText } } ?? queryText) }
        return parts.joined(separator: " ")
    }

    /// `State: France · undecided · text:torture`
    public var summary: String {
        var parts: [String] = []
        if let state { parts.append("State: \(state)") }
        if let status { parts.append(status.label) }
        if let queryText { parts.append(queryText) }
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
