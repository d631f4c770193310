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

/// What the record says of every recommendation of a ledger: the support share of the same ask
/// (for `precedent:` and `has:precedent`) and the themes suggested where the document gives none.
public struct RecordFindings: Equatable, Sendable {
    public var shares: PrecedentShares
    public var suggestions: [Int: [String]]

    /// About 0.3 ms a recommendation: done off the first screen (`WorkbenchRunner.inBackground`).
    public static func find(_ record: UPRRecord, for ledger: Ledger, review: ReviewContext) -> RecordFindings {
        find(record, for: ledger.recommendations, review: review)
    }

    /// Over the recommendations alone, for the background (a thread holding the whole ledger would
    /// make the next key's change copy every decision).
    public static func find(_ record: UPRRecord, for recommendations: [Recommendation], review: ReviewContext) -> RecordFindings {
        var suggestions: [Int: [String]] = [:]
        for (position, recommendation) in recommendations.enumerated() where recommendation.themes.isEmpty {
            let themes = record.suggestedThemes(for: recommendation.text, in: review)
            if !themes.isEmpty { suggestions[position] = themes }
        }
        return RecordFindings(shares: PrecedentShares(recommendations.map { record.precedent(of: $0.text, for: review).supportShare }),
                              suggestions: suggestions)
    }
}

/// The record arriving after the first screen: read (or not: the failure), with its findings.
public struct RecordArrival: Equatable, Sendable {
    /// Nil where the record was attached already (`attach(record:)`) or could not be read.
    public var box: RecordBox?
    public var findings: RecordFindings?
    public var failure: String?

    public init(box: RecordBox? = nil, findings: RecordFindings? = nil, failure: String? = nil) {
        self.box = box
        self.findings = findings
        self.failure = failure
    }
}

extension WorkbenchState {
    /// The record is read after the first screen (`recordWork`): until it arrives the pane says so.
    public mutating func expectRecord() { recordPending = true }

    /// The work that reads the record and finds what it says of every recommendation, for
    /// `WorkbenchRunner.inBackground`: the first screen never waits for a 10 MB file.
    public func recordWork(read: @escaping @Sendable () throws -> UPRRecord) -> @Sendable () -> Action {
        let (document, recommendations, states) = (ledger.document, ledger.recommendations, search.states)
        return {
            do {
                let record = try read()
                let review = ReviewContext(document, states: states).identified(in: record, texts: recommendations.map(\.text))
                let findings = recommendations.count <= Self.precedentLimit ? RecordFindings.find(record, for: recommendations, review: review) : nil
                return .recordReady(RecordArrival(box: RecordBox(record: record, review: review), findings: findings))
            } catch {
                return .recordReady(RecordArrival(failure: "\(error)"))
            }
        }
    }

    mutating func receive(_ arrival: RecordArrival) {
        recordPending = false
        if let box = arrival.box { record = box }
        if let findings = arrival.findings { apply(findings) }
        if let failure = arrival.failure { message = .init(failure, isError: true) }
    }

    /// Up to this many recommendations, the findings of every one are made; beyond it (the
    /// record's own view) only the selected one's precedent, when drawn.
    public static let precedentLimit = 2_000

    /// Puts the record beside a review's ledger: the detail pane shows the selected
    /// recommendation's precedent at once. Returns the work that finds the rest (every
    /// precedent, the suggested themes), for the caller to run after the first screen and hand
    /// back as `.recordReady`; nil beyond `precedentLimit`.
    public mutating func attach(record: UPRRecord) -> (@Sendable () -> Action)? {
        let review = ReviewContext(ledger.document, states: search.states).identified(in: record, texts: ledger.recommendations.map(\.text))
        self.record = RecordBox(record: record, review: review)
        guard ledger.recommendations.count <= Self.precedentLimit else { return nil }
        let recommendations = ledger.recommendations
        return { .recordReady(RecordArrival(findings: RecordFindings.find(record, for: recommendations, review: review))) }
    }

    mutating func apply(_ findings: RecordFindings) {
        guard findings.shares.count == ledger.recommendations.count else { return }
        search.index.precedent = findings.shares
        record?.suggestions = findings.suggestions
        // A filter on precedent (precedent:>50, has:precedent) saw none until now.
        refilter(preferring: selectedPosition ?? 0)
    }

    /// The precedent of the selected recommendation; in the record's own view, leaving out the
    /// ask's own review.
    func selectedPrecedent() -> Precedent? {
        guard let box = record, let position = selectedPosition, let recommendation = selected else { return nil }
        let review = box.review ?? ReviewContext(stateUnderReview: box.record.stateUnderReview(position), session: box.record.session(position))
        return box.record.precedent(of: recommendation.text, for: review)
    }
}
