import Foundation
import ReviewModel

/// Times as the analyst reads them: in the local zone, with an ISO date that no reader of
/// dd/mm or mm/dd can misread, and the offset said: `2026-12-01 21:37 +07`. The ledger keeps
/// UTC (`Timestamp`); this is only for showing. Done by hand, like `Timestamp`: the detail pane
/// asks on every key, and Foundation's formatters cost tens of microseconds each.
public enum LocalTime {
    /// `2026-12-01 21:37 +07` (`+05:30` where the zone has minutes, `+00` in UTC).
    public static func format(_ date: Date, in zone: TimeZone = .current) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = Timestamp.iso(date.addingTimeInterval(TimeInterval(offset)))  // 2026-12-01T21:37:05Z
        let day = local.prefix(10), minute = local.dropFirst(11).prefix(5)
        return "\(day) \(minute) \(offsetText(offset))"
    }

    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let hours = abs(seconds) / 3600, minutes = abs(seconds) / 60 % 60
        let hh = hours < 10 ? "0\(hours)" : "\(hours)"
        return minutes == 0 ? "\(sign)\(hh)" : "\(sign)\(hh):\(minutes < 10 ? "0" : "")\(minutes)"
    }
}

/// One change of the history in words: a note edit reads as a note edit, a published position
/// names its document, an undo says so.
public enum ChangeDescription {
    /// `undecided → accepted (from published position in A_HRC_59_15_Add1.txt)`, or
    /// `note edited: “Bộ Tư pháp …”` where only the note changed.
    public static func text(_ change: ChangeEvent) -> String {
        guard isNoteOnly(change) else { return change.summary }
        let note = change.after?.note ?? ""
        var text = note.isEmpty ? "note removed" : "note edited: “\(note)”"
        if let source = change.source { text += " (from \(source))" }
        switch change.kind {
        case .change: break
        case .undo: text += " [undo]"
        case .redo: text += " [redo]"
        }
        return text
    }

    /// Only the note changed: neither the decision, the already-implemented mark nor the ministry.
    public static func isNoteOnly(_ change: ChangeEvent) -> Bool {
        let before = change.before, after = change.after
        return before?.decision == after?.decision && (before?.implemented ?? false) == (after?.implemented ?? false)
            && before?.ministry == after?.ministry && (before?.note ?? "") != (after?.note ?? "")
    }

    /// Whether a change touched the decision (or its already-implemented mark).
    static func changesDecision(_ change: ChangeEvent) -> Bool {
        change.before?.decision != change.after?.decision || (change.before?.implemented ?? false) != (change.after?.implemented ?? false)
    }
}
