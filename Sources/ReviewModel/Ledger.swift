import Foundation

/// One review's complete record: the document, its recommendations and every decision taken on
/// them. One ledger file holds one ledger.
public struct Ledger: Equatable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Says where the text comes from, e.g. that the embedded sample is illustrative.
    public var notice: String?
    public var document: DocumentInfo
    public private(set) var recommendations: [Recommendation]
    public private(set) var decisions: [String: DecisionRecord]
    /// Position of each ID in `recommendations`; built once, at load.
    public private(set) var indexByID: [String: Int]

    public init(
        schemaVersion: Int = Ledger.currentSchemaVersion,
        notice: String? = nil,
        document: DocumentInfo,
        recommendations: [Recommendation],
        decisions: [String: DecisionRecord] = [:]
    ) throws {
        var index: [String: Int] = [:]
        for (position, recommendation) in recommendations.enumerated() {
            if index.updateValue(position, forKey: recommendation.id) != nil {
                throw LedgerError.duplicateID(recommendation.id)
            }
        }
        for id in decisions.keys where index[id] == nil {
            throw LedgerError.decisionForUnknownID(id)
        }
        self.schemaVersion = schemaVersion
        self.notice = notice
        self.document = document
        self.recommendations = recommendations
        self.decisions = decisions
        self.indexByID = index
    }

    public func contains(_ id: String) -> Bool { indexByID[id] != nil }

    public func recommendation(_ id: String) -> Recommendation? {
        indexByID[id].map { recommendations[$0] }
    }

    public func record(for id: String) -> DecisionRecord? { decisions[id] }

    public func status(of id: String) -> DecisionStatus? { decisions[id]?.decision }

    /// Sets (or clears, with nil) the decision on one recommendation, keeping its note.
    public mutating func decide(_ id: String, _ status: DecisionStatus?, by analyst: String, at date: Date) throws {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        let note = decisions[id]?.note ?? ""
        store(DecisionRecord(decision: status, note: note, by: analyst, at: date), for: id)
    }

    /// Replaces the note on one recommendation, keeping its decision.
    public mutating func annotate(_ id: String, note: String, by analyst: String, at date: Date) throws {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        let status = decisions[id]?.decision
        store(DecisionRecord(decision: status, note: note, by: analyst, at: date), for: id)
    }

    private mutating func store(_ record: DecisionRecord, for id: String) {
        decisions[id] = record.isEmpty ? nil : record
    }

    public func counts(of positions: some Sequence<Int>) -> StatusCounts {
        var counts = StatusCounts()
        for position in positions {
            counts.add(decisions[recommendations[position].id]?.decision)
        }
        return counts
    }

    public var counts: StatusCounts { counts(of: recommendations.indices) }

    /// Every recommending State with its number of recommendations (co-recommenders included),
    /// sorted by name.
    public func recommendingStates() -> [(state: String, count: Int)] {
        var tally: [String: Int] = [:]
        for recommendation in recommendations {
            for state in Set(recommendation.states) { tally[state, default: 0] += 1 }
        }
        return tally.map { ($0.key, $0.value) }.sorted { $0.state.localizedStandardCompare($1.state) == .orderedAscending }
    }
}

/// How many recommendations are in each state of work.
public struct StatusCounts: Equatable, Sendable {
    public var accepted = 0
    public var underConsideration = 0
    public var rejected = 0
    public var undecided = 0

    public init() {}

    public var total: Int { accepted + underConsideration + rejected + undecided }

    public mutating func add(_ status: DecisionStatus?) {
        switch status {
        case .accepted: accepted += 1
        case .underConsideration: underConsideration += 1
        case .rejected: rejected += 1
        case nil: undecided += 1
        }
    }

    public subscript(selection: StatusSelection) -> Int {
        switch selection {
        case .accepted: accepted
        case .underConsideration: underConsideration
        case .rejected: rejected
        case .undecided: undecided
        }
    }
}
