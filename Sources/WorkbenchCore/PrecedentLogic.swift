import ReviewModel
import ReviewRecord

/// The public UPR record beside a workbench, compared by identity (it never changes while open).
public struct RecordBox: Equatable, Sendable {
    public let record: UPRRecord
    /// The review the ledger is; in the record's own view, nil: each ask is its own review's.
    public let review: ReviewContext?
    /// Suggested themes by position, for recommendations that came without themes.
    public internal(set) var suggestions: [Int: [String]] = [:]

    public static func == (a: RecordBox, b: RecordBox) -> Bool { a.suggestions == b.suggestions }
}

extension WorkbenchState {
    /// Up to this many recommendations, the precedent of every one (for `precedent:` and
    /// `has:precedent`) and the suggested themes are found when the record is attached: about
    /// 0.1 ms each. Beyond it (the record's own view), only the selected one's, when drawn.
    public static let precedentLimit = 2_000

    /// Puts the record beside a review's ledger: precedent in the detail pane, the filters on it,
    /// suggested themes for recommendations without any.
    public mutating func attach(record: UPRRecord) {
        let review = ReviewContext(ledger.document, states: search.states)
        var box = RecordBox(record: record, review: review)
        let recommendations = ledger.recommendations
        if recommendations.count <= Self.precedentLimit {
            search.index.precedent = PrecedentShares(recommendations.map { record.precedent(of: $0.text, for: review).supportShare })
            for (position, recommendation) in recommendations.enumerated() where recommendation.themes.isEmpty {
                let themes = record.suggestedThemes(for: recommendation.text, in: review)
                if !themes.isEmpty { box.suggestions[position] = themes }
            }
        }
        self.record = box
    }

    /// The precedent of the selected recommendation; in the record's own view, leaving out the
    /// ask's own review.
    func selectedPrecedent() -> Precedent? {
        guard let box = record, let position = selectedPosition, let recommendation = selected else { return nil }
        let review = box.review ?? ReviewContext(stateUnderReview: box.record.stateUnderReview(position), session: box.record.session(position))
        return box.record.precedent(of: recommendation.text, for: review)
    }
}
