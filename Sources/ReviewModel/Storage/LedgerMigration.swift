import Foundation

/// Older ledger files, brought to the current schema by pure functions, one step per version.
/// The store backs the old file up before it saves the migrated one.
enum LedgerMigration {
    /// `found`: what the reader found on the way (statuses by position, positions by ID).
    static func ledger(from contents: LedgerCoding.Contents, found: LedgerFastDecoding.Found = .init()) throws -> Ledger {
        var contents = contents
        var found = found
        if contents.schemaVersion < Ledger.currentSchemaVersion, let placed = found.placed {
            // The steps read the decisions by ID.
            contents.decisions = LedgerFastDecoding.Found.byID(placed, contents.recommendations)
            found.placed = nil
        }
        while contents.schemaVersion < Ledger.currentSchemaVersion {
            contents = try step(contents)
        }
        var ledger = try Ledger(
            schemaVersion: contents.schemaVersion, notice: contents.notice, document: contents.document,
            recommendations: contents.recommendations, decisions: contents.decisions ?? [:],
            generation: contents.generation ?? 0, history: contents.history ?? [],
            proposals: contents.proposals ?? [:], placed: found.placed, positions: found.positions)
        ledger.views = contents.views ?? [:]
        for id in (contents.conflicts ?? [:]).keys where !ledger.contains(id) { throw LedgerError.decisionForUnknownID(id) }
        ledger.conflicts = contents.conflicts ?? [:]
        ledger.reference = contents.reference ?? []
        for id in (contents.consultation ?? [:]).keys where !ledger.contains(id) { throw LedgerError.decisionForUnknownID(id) }
        ledger.consultation = contents.consultation ?? [:]
        return ledger
    }

    static func step(_ contents: LedgerCoding.Contents) throws -> LedgerCoding.Contents {
        var next = contents
        switch contents.schemaVersion {
        case 1:
            // Version 2 adds the generation and the history. The decisions of version 1 become the
            // history's first entries, so that "who decided this" still has an answer.
            next.schemaVersion = 2
            next.generation = 0
            var group = 0
            next.history = contents.recommendations.compactMap { recommendation in
                guard let record = contents.decisions?[recommendation.id] else { return nil }
                group += 1
                return ChangeEvent(group: group, id: recommendation.id, before: nil, after: record, by: record.by, at: record.at)
            }
        case 2:
            // Version 3 adds implementation records (`Implementation`) inside decision records,
            // written only where set: a version 2 ledger holds none, so it is read as it is. The
            // number goes up so that an older upr refuses such a ledger instead of dropping them.
            next.schemaVersion = 3
        default:
            throw LedgerError.unreadable(path: "", reason: "no migration from schemaVersion \(contents.schemaVersion)")
        }
        return next
    }
}
