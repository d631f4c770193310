import Foundation

/// One side of an open merge conflict: the record that side holds (nil where it cleared the
/// decision) and the side's label (`ours`, `theirs`, or a branch name), so the analyst sees who
/// proposed what.
public struct ConflictSide: Codable, Equatable, Sendable {
    public var side: String
    public var record: DecisionRecord?

    public init(side: String, record: DecisionRecord?) {
        self.side = side
        self.record = record
    }

    /// `ours: accepted by lan at 2026-11-29T14:20:05Z, note "…"`.
    public var summary: String {
        guard let record else { return "\(side): cleared (undecided)" }
        var text = "\(side): \(record.decision?.label ?? "undecided")"
        if let ministry = record.ministry { text += ", \(ministry)" }
        if record.implemented { text += ", already implemented" }
        text += " by \(record.by) at \(Timestamp.iso(record.at))"
        if !record.note.isEmpty { text += ", note \"\(record.note)\"" }
        // A conflict on the addendum's explanation alone must show two different sides.
        if let explanation = record.explanation { text += ", explanation \"\(explanation)\"" }
        return text
    }
}

/// Something the merge could not reconcile. Decision conflicts stay open in the ledger; proposal
/// and view conflicts are settled by a rule (see `LedgerMerge`) and reported.
public struct MergeConflict: Equatable, Sendable {
    public enum Kind: String, Sendable { case decision, proposal, view }
    public var kind: Kind
    /// The recommendation ID, or the view's name.
    public var key: String
    /// What each side holds and, for proposals and views, what the merge did.
    public var detail: String

    public var description: String { "\(kind.rawValue) \(key): \(detail)" }
}

public enum LedgerMergeError: Error, Equatable, CustomStringConvertible {
    case differentDocuments(String)
    case noConflict(String)

    public var description: String {
        switch self {
        case .differentDocuments(let reason):
            return "The three ledgers are not of the same document (\(reason)); upr merges decisions, not documents. Re-import the corrected document on one branch, then merge."
        case .noConflict(let id):
            return "No open merge conflict on \(id)."
        }
    }
}

/// How an analyst settles an open conflict.
public enum ConflictChoice: Equatable, Sendable {
    case ours, theirs
    case custom(DecisionRecord)
}

/// The three-way merge of ledgers that `git merge` calls through `upr merge %O %A %B`. Pure.
///
/// - Decisions, per ID: a change on one side only is taken; the same change on both sides (same
///   decision, note, mark and ministry) merges (the later record's who and when); different changes
///   become an open conflict holding both sides, and the decision stays the base's until resolved.
/// - History: the union, new entries of each side ordered by time, then side (ours first); their
///   groups are renumbered after the base's so that undo steps of the two sides stay apart.
/// - Proposals: per ID the same rule; where both sides differ, the later import is kept and the
///   other reported (a proposal is input, not a decision: it can be imported again).
/// - Views: per name the same rule; where both sides differ, ours keeps the name and theirs is kept
///   as `name (theirs label)`; an edit beats a deletion.
/// - Generation: the largest of the three plus one.
public enum LedgerMerge {
    public static func merge(base: Ledger, ours: Ledger, theirs: Ledger, oursLabel: String = "ours", theirsLabel: String = "theirs") throws -> (ledger: Ledger, conflicts: [MergeConflict]) {
        try checkSameDocument(base, ours, "ours")
        try checkSameDocument(base, theirs, "theirs")
        var report: [MergeConflict] = []

        // Recommendations: texts and IDs are the same; other fields (States, themes) 3-way.
        let recommendations = base.recommendations.indices.map { i in
            ours.recommendations[i] == base.recommendations[i] ? theirs.recommendations[i] : ours.recommendations[i]
        }

        // Decisions and their conflicts.
        var decisions: [String: DecisionRecord] = [:]
        var conflicts: [String: [ConflictSide]] = [:]
        for recommendation in base.recommendations {
            let id = recommendation.id
            let b = base.decisions[id], o = ours.decisions[id], t = theirs.decisions[id]
            var merged: DecisionRecord?
            if sameContent(o, t) {
                merged = later(o, t)
            } else if sameContent(o, b) {
                merged = t
            } else if sameContent(t, b) {
                merged = o
            } else if let combined = mergedImplementation(b, o, t) {
                merged = combined
            } else {
                merged = b
                let sides = [ConflictSide(side: oursLabel, record: o), ConflictSide(side: theirsLabel, record: t)]
                conflicts[id] = sides
                report.append(MergeConflict(kind: .decision, key: id, detail: sides.map(\.summary).joined(separator: "; ")))
            }
            decisions[id] = merged
            // Conflicts left open on the branches: kept unless resolved on one side.
            let bc = base.conflicts[id], oc = ours.conflicts[id], tc = theirs.conflicts[id]
            let carried: [ConflictSide]? = oc == bc ? tc : tc == bc ? oc : union(oc ?? [], tc ?? [])
            if let carried, !carried.isEmpty {
                conflicts[id] = union(carried, conflicts[id] ?? [])
            }
        }

        // Proposals.
        var proposals: [String: Proposal] = [:]
        for recommendation in base.recommendations {
            let id = recommendation.id
            let b = base.proposals[id], o = ours.proposals[id], t = theirs.proposals[id]
            let merged: Proposal?
            if o == t || t == b { merged = o } else if o == b { merged = t } else {
                let keptOurs = preferred(o, t, at: \.at)
                merged = keptOurs ? o : t
                let dropped = keptOurs ? t : o
                let droppedLabel = keptOurs ? theirsLabel : oursLabel
                report.append(MergeConflict(kind: .proposal, key: id, detail: "kept \(merged.map { "\($0.source): \($0.summary)" } ?? "none"); not kept, from \(droppedLabel): \(dropped.map { "\($0.source): \($0.summary)" } ?? "removed") (import it again to take it)"))
            }
            proposals[id] = merged
        }

        // Views.
        var views: [String: String] = [:]
        for name in Set(base.views.keys).union(ours.views.keys).union(theirs.views.keys) {
            let b = base.views[name], o = ours.views[name], t = theirs.views[name]
            if o == t || t == b { views[name] = o } else if o == b { views[name] = t } else if o == nil || t == nil {
                views[name] = o ?? t
                report.append(MergeConflict(kind: .view, key: name, detail: "changed on \(o == nil ? theirsLabel : oursLabel), deleted on \(o == nil ? oursLabel : theirsLabel): the changed one is kept"))
            } else {
                views[name] = o
                let other = "\(name) (\(theirsLabel))"
                views[other] = t
                report.append(MergeConflict(kind: .view, key: name, detail: "\(oursLabel) keeps the name; \(theirsLabel)'s is kept as \"\(other)\""))
            }
        }

        var ledger = try Ledger(
            schemaVersion: base.schemaVersion, notice: ours.notice == base.notice ? theirs.notice : ours.notice,
            document: ours.document == base.document ? theirs.document : ours.document,
            recommendations: recommendations, decisions: decisions.filter { !$0.value.isEmpty },
            generation: max(base.generation, ours.generation, theirs.generation) + 1,
            history: mergedHistory(base: base.history, ours: ours.history, theirs: theirs.history),
            proposals: proposals)
        ledger.views = views
        ledger.conflicts = conflicts
        // The earlier cycle is replaced whole, never merged: the side that changed it wins.
        ledger.reference = ours.reference == base.reference ? theirs.reference : ours.reference
        ledger.consultation = mergedConsultation(base.consultation, ours.consultation, theirs.consultation)
        let order = base.indexByID
        report.sort { ($0.kind.rawValue, order[$0.key] ?? Int.max, $0.key) < ($1.kind.rawValue, order[$1.key] ?? Int.max, $1.key) }
        return (ledger, report)
    }

    static func checkSameDocument(_ base: Ledger, _ side: Ledger, _ label: String) throws {
        guard base.recommendations.count == side.recommendations.count else {
            throw LedgerMergeError.differentDocuments("\(label) has \(side.recommendations.count) recommendations, the common base \(base.recommendations.count)")
        }
        for (b, s) in zip(base.recommendations, side.recommendations) {
            guard b.id == s.id else { throw LedgerMergeError.differentDocuments("\(label) has \(s.id) where the common base has \(b.id)") }
            guard b.text == s.text else { throw LedgerMergeError.differentDocuments("the text of \(b.id) differs on \(label)") }
        }
    }

    /// Same decision, note, mark and ministry (who and when aside); nil is the empty record.
    static func sameContent(_ a: DecisionRecord?, _ b: DecisionRecord?) -> Bool {
        (a?.decision == b?.decision) && (a?.note ?? "") == (b?.note ?? "")
            && (a?.implemented ?? false) == (b?.implemented ?? false) && a?.ministry == b?.ministry && a?.explanation == b?.explanation
            && a?.implementation == b?.implementation
    }

    /// Of two records with the same content, the later (then by name): the same whichever side is which.
    static func later(_ a: DecisionRecord?, _ b: DecisionRecord?) -> DecisionRecord? {
        guard let a, let b else { return a ?? b }
        return (a.at, a.by) >= (b.at, b.by) ? a : b
    }

    /// Whether `a` is kept over `b`: present over absent, later over earlier, then by its JSON text,
    /// so that the choice does not depend on which side is which.
    static func preferred<T: Encodable>(_ a: T?, _ b: T?, at date: KeyPath<T, Date>) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        if a[keyPath: date] != b[keyPath: date] { return a[keyPath: date] > b[keyPath: date] }
        return key(a) >= key(b)
    }

    static func union(_ a: [ConflictSide], _ b: [ConflictSide]) -> [ConflictSide] {
        var out = a
        for side in b where !out.contains(side) { out.append(side) }
        return out
    }

    static func key<T: Encodable>(_ value: T) -> String {
        (try? LedgerCoding.lineEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The base's history, then the entries new on either side by time, then side; an entry on
    /// both sides once.
    static func mergedHistory(base: [ChangeEvent], ours: [ChangeEvent], theirs: [ChangeEvent]) -> [ChangeEvent] {
        func added(_ side: [ChangeEvent]) -> [ChangeEvent] {
            if side.starts(with: base) { return Array(side[base.count...]) }
            let known = Set(base.map(key))
            return side.filter { !known.contains(key($0)) }
        }
        let newOurs = added(ours)
        let inOurs = Set(newOurs.map(key))
        let newTheirs = added(theirs).filter { !inOurs.contains(key($0)) }
        var tagged = newOurs.enumerated().map { (event: $0.element, side: 0, index: $0.offset) }
        tagged += newTheirs.enumerated().map { (event: $0.element, side: 1, index: $0.offset) }
        tagged.sort { ($0.event.at, $0.side, $0.index) < ($1.event.at, $1.side, $1.index) }
        var next = (base.map(\.group).max() ?? 0) + 1
        var groups: [String: Int] = [:]
        var out = base
        for item in tagged {
            var event = item.event
            let old = "\(item.side):\(event.group)"
            if let group = groups[old] { event.group = group } else { groups[old] = next; event.group = next; next += 1 }
            out.append(event)
        }
        return out
    }
}

extension Ledger {
    /// The IDs with an open merge conflict, in document order.
    public var conflictedIDs: [String] { recommendations.map(\.id).filter { conflicts[$0] != nil } }

    /// Settles an open merge conflict: the chosen side's decision, note, mark and ministry become
    /// the analyst's change (one history entry whose `source` says what was taken), and the conflict
    /// is closed. Recorded even where the choice equals the decision shown, so the history tells.
    /// Needs a full save (the journal holds history entries only).
    @discardableResult
    public mutating func resolveConflict(_ id: String, take choice: ConflictChoice, by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        guard let sides = conflicts[id], let first = sides.first, let last = sides.last else { throw LedgerMergeError.noConflict(id) }
        let chosen: DecisionRecord?
        let source: String
        switch choice {
        case .ours:
            chosen = first.record
            source = "merge conflict resolved: took ours\(first.side == "ours" ? "" : " (\(first.side))")\(first.record.map { ", decided by \($0.by)" } ?? ", cleared")"
        case .theirs:
            chosen = last.record
            source = "merge conflict resolved: took theirs\(last.side == "theirs" ? "" : " (\(last.side))")\(last.record.map { ", decided by \($0.by)" } ?? ", cleared")"
        case .custom(let record):
            chosen = record
            source = "merge conflict resolved: own decision"
        }
        let record = DecisionRecord(decision: chosen?.decision, note: chosen?.note ?? "", implemented: chosen?.implemented ?? false, ministry: chosen?.ministry, explanation: chosen?.explanation, implementation: chosen?.implementation, by: analyst, at: date)
        conflicts[id] = nil
        return try change(id, to: record, group: group, source: source)
    }
}
