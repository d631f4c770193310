import Foundation

/// One change of one recommendation's record: who, when, from what to what. The ledger keeps every
/// one (its history); the journal holds those not yet folded into the ledger file. Changes made
/// together (a bulk decision, an undo) share a group, and undo and redo work on whole groups.
public struct ChangeEvent: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case change, undo, redo }

    public var group: Int
    public var kind: Kind
    public var id: String
    public var before: DecisionRecord?
    public var after: DecisionRecord?
    public var by: String
    public var at: Date
    /// Where a change came from when the analyst took it from someone else, e.g.
    /// `proposal of Ministry of Justice (moj.xlsx:14)`; `by` stays the analyst who took it.
    /// Encoded only when set (synthesized `encodeIfPresent`).
    public var source: String?

    public init(group: Int, kind: Kind = .change, id: String, before: DecisionRecord?, after: DecisionRecord?, by: String, at: Date, source: String? = nil) {
        self.source = source
        self.group = group
        self.kind = kind
        self.id = id
        self.before = before
        self.after = after
        self.by = by
        self.at = Timestamp.wholeSeconds(at)
    }

    /// `undecided → accepted`, `accepted (note changed)`.
    public var summary: String {
        let from = before?.decision?.label ?? "undecided", to = after?.decision?.label ?? "undecided"
        var text = from == to ? to : "\(from) → \(to)"
        if (before?.note ?? "") != (after?.note ?? "") { text += (after?.note ?? "").isEmpty ? " (note removed)" : " (note: \(after!.note))" }
        if (before?.implemented ?? false) != (after?.implemented ?? false) {
            text += after?.implemented == true ? " (marked already implemented)" : " (implemented mark removed)"
        }
        if before?.ministry != after?.ministry {
            text += after?.ministry.map { " (assigned to \($0))" } ?? " (ministry unassigned)"
        }
        if before?.explanation != after?.explanation {
            text += after?.explanation.map { " (addendum explanation: \($0))" } ?? " (addendum explanation removed)"
        }
        if before?.implementation != after?.implementation {
            text += ImplementationChange.describe(before?.implementation, after?.implementation)
        }
        if let source { text += " (from \(source))" }
        switch kind {
        case .change: break
        case .undo: text += " [undo]"
        case .redo: text += " [redo]"
        }
        return text
    }
}
