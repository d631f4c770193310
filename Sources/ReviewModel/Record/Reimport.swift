import Foundation

/// What changed when a corrected document replaced a ledger's recommendations.
public struct ReimportChanges: Equatable, Sendable {
    public var added: [String] = []
    public var textChanged: [String] = []
    public var statesChanged: [String] = []
    /// IDs no longer in the document, with what the ledger had recorded for them.
    public var gone: [(id: String, record: DecisionRecord?)] = []

    public var isEmpty: Bool { added.isEmpty && textChanged.isEmpty && statesChanged.isEmpty && gone.isEmpty }

    public static func == (a: ReimportChanges, b: ReimportChanges) -> Bool {
        a.added == b.added && a.textChanged == b.textChanged && a.statesChanged == b.statesChanged
            && a.gone.map(\.id) == b.gone.map(\.id) && a.gone.map(\.record) == b.gone.map(\.record)
    }

    /// Gone IDs that carried a decision or a note: dropping them loses the analyst's work.
    public var goneWithWork: [(id: String, record: DecisionRecord)] {
        gone.compactMap { entry in entry.record.map { (entry.id, $0) } }
    }
}

extension Ledger {
    /// Replaces the recommendations with those of a corrected document, keeping every decision
    /// by ID. Decisions on IDs that are gone are dropped only when `dropGoneDecisions` is true;
    /// otherwise the ledger is left as it was and the changes say what would be lost.
    public func reimporting(
        _ recommendations: [Recommendation], document: DocumentInfo? = nil, dropGoneDecisions: Bool
    ) throws -> (ledger: Ledger, changes: ReimportChanges, applied: Bool) {
        var changes = ReimportChanges()
        let newIDs = Set(recommendations.map(\.id))
        var recommendations = recommendations
        for (index, recommendation) in recommendations.enumerated() {
            guard let old = self.recommendation(recommendation.id) else {
                changes.added.append(recommendation.id)
                continue
            }
            if old.text != recommendation.text { changes.textChanged.append(recommendation.id) }
            if old.states != recommendation.states { changes.statesChanged.append(recommendation.id) }
            // What one document gives and another does not is kept: a report re-read after the
            // thematic list keeps its themes; the list keeps the report's footnote.
            var merged = recommendation
            if merged.themes.isEmpty { merged.themes = old.themes }
            if merged.groups.isEmpty { merged.groups = old.groups }
            if merged.sdgs.isEmpty { merged.sdgs = old.sdgs }
            if merged.asRead.isEmpty { merged.asRead = old.asRead }
            if merged.statesAsWritten.isEmpty, merged.states == old.states { merged.statesAsWritten = old.statesAsWritten }
            recommendations[index] = merged
        }
        for old in self.recommendations where !newIDs.contains(old.id) {
            changes.gone.append((old.id, decisions[old.id]))
        }
        if !changes.goneWithWork.isEmpty && !dropGoneDecisions {
            return (self, changes, false)
        }
        let kept = decisionsByID.filter { newIDs.contains($0.key) }
        var ledger = try Ledger(schemaVersion: schemaVersion, notice: notice, document: document ?? self.document,
                                recommendations: recommendations, decisions: kept, generation: generation,
                                history: history.filter { newIDs.contains($0.id) },
                                proposals: proposals.filter { newIDs.contains($0.key) })
        ledger.views = views
        ledger.reference = reference
        // An open merge conflict is the analysts' to settle: a re-read document never drops it.
        ledger.conflicts = conflicts.filter { newIDs.contains($0.key) }
        return (ledger, changes, true)
    }
}
