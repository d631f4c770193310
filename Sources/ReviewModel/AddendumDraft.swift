import Foundation

/// The positions in the wording of a State's addendum: accepted recommendations are listed as
/// supported, rejected ones as noted, and whatever is still open is listed so that nobody
/// mistakes a draft for the final text.
public enum AddendumDraft {
    public static func text(_ ledger: Ledger, positions: [Int]? = nil) -> String {
        let chosen = positions ?? Array(ledger.recommendations.indices)
        var groups: [DecisionStatus?: [String]] = [:]
        for position in chosen {
            let id = ledger.recommendations[position].id
            groups[ledger.status(of: id), default: []].append(id)
        }
        let supported = groups[.accepted] ?? [], noted = groups[.rejected] ?? []
        let considering = groups[.underConsideration] ?? [], undecided = groups[nil] ?? []
        let state = ledger.document.stateUnderReview
        var lines: [String] = []
        if let notice = ledger.notice { lines += ["NOTE: \(notice)", ""] }
        lines.append("Views on conclusions and/or recommendations of \(state) (\(ledger.document.symbol))")
        lines.append("")
        lines.append("\(state) has examined the \(chosen.count) recommendations it received.")
        lines.append("")
        lines.append("Supported (\(supported.count)): \(IDRanges.compress(supported))")
        lines.append("")
        lines.append("Noted (\(noted.count)): \(IDRanges.compress(noted))")
        if !considering.isEmpty || !undecided.isEmpty {
            lines.append("")
            lines.append("STILL OPEN: \(considering.count + undecided.count) recommendations have no final position; this is a draft.")
            if !considering.isEmpty { lines.append("Under consideration (\(considering.count)): \(IDRanges.compress(considering))") }
            if !undecided.isEmpty { lines.append("Undecided (\(undecided.count)): \(IDRanges.compress(undecided))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Writes ID lists the way addenda do: runs as ranges (`140.1-6`), and the paragraph number only
/// where it changes (`140.1-6, 9, 12-14, 141.2`).
public enum IDRanges {
    public static func compress(_ ids: [String]) -> String {
        guard !ids.isEmpty else { return "none" }
        var parts: [String] = []
        var paragraph: String?
        var runStart: (item: Int, text: String)?
        var runEnd: Int?

        func flush() {
            guard let start = runStart, let end = runEnd else { return }
            parts.append(end > start.item ? "\(start.text)-\(end)" : start.text)
            runStart = nil
            runEnd = nil
        }

        for id in ids {
            let pieces = id.split(separator: ".", omittingEmptySubsequences: false)
            guard pieces.count == 2, let item = Int(pieces[1]) else {
                flush()
                parts.append(id)
                paragraph = nil
                continue
            }
            let head = String(pieces[0])
            if head == paragraph, let end = runEnd, item == end + 1 {
                runEnd = item
                continue
            }
            flush()
            runStart = (item, head == paragraph ? "\(item)" : id)
            runEnd = item
            paragraph = head
        }
        flush()
        return parts.joined(separator: ", ")
    }
}
