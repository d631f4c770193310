import Foundation
import ReviewModel

/// The positions in the wording of a State's addendum: accepted recommendations are supported
/// (those considered already implemented listed apart), rejected ones noted. While any is open it
/// refuses, or, asked for a draft, says at the top and the bottom that it is one and lists what is
/// open, so that nobody mistakes a draft for the final text. It ends with its own check.
public enum AddendumDraft {
    public static func text(_ ledger: Ledger, positions: [Int]? = nil, draft: Bool = false) throws -> String {
        let chosen = positions ?? Array(ledger.recommendations.indices)
        let groups = AddendumGroups(ledger, positions: chosen)
        if groups.openCount > 0 && !draft { throw ExportError.notReady(open: groups.open) }

        let state = ledger.document.stateUnderReview
        let published: [(heading: String, ids: [String])] = [
            ("Supported", groups.supported),
            ("Supported and considered already implemented", groups.implemented),
            ("Noted", groups.noted),
        ]
        let pending: [(heading: String, ids: [String])] = [
            ("Under consideration", groups.underConsideration), ("Undecided", groups.undecided),
        ].filter { !$0.ids.isEmpty }
        let written = (published + pending).map { (count: $0.ids.count, ranges: IDRanges.compress($0.ids)) }
        try AddendumGroups.check(written: written, expected: groups.all)

        var lines: [String] = []
        if let notice = ledger.notice { lines += ["NOTE: \(notice)", ""] }
        if groups.openCount > 0 {
            lines += ["DRAFT, NOT FOR PUBLICATION: \(groups.openCount) of \(chosen.count) recommendations have no final position (listed below).", ""]
        }
        lines.append("Views on conclusions and/or recommendations of \(state) (\(ledger.document.symbol))")
        lines.append("")
        lines.append("\(state) has examined the \(chosen.count) recommendations it received.")
        for (group, list) in zip(published, written) {
            lines += ["", "\(group.heading) (\(list.count)): \(list.ranges)"]
        }
        if groups.openCount > 0 {
            lines += ["", "STILL OPEN: \(groups.openCount) recommendations have no final position; this is a draft."]
            for (group, list) in zip(pending, written.dropFirst(published.count)) {
                lines.append("\(group.heading) (\(list.count)): \(list.ranges)")
            }
        }
        lines += ["", totals(groups, of: chosen.count)]
        lines.append("Check: each of the \(chosen.count) recommendation IDs appears exactly once above, and the totals add up to \(chosen.count).")
        // The explanations come after the check, whose "exactly once" is about the lists.
        let explanations = ExplanationGroup.groups(ledger, positions: chosen)
        try ExplanationGroup.check(explanations, expected: groups.all)
        if !explanations.isEmpty {
            lines += ["", "Explanations published with the recommendations (\(explanations.count)):"]
            for group in explanations {
                lines += ["", group.heading] + group.text.components(separatedBy: "\n\n").map { "    " + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `3 supported + 1 supported and already implemented + 1 noted + 2 open = 7 recommendations.`
    static func totals(_ groups: AddendumGroups, of count: Int) -> String {
        var terms = ["\(groups.supported.count) supported", "\(groups.implemented.count) supported and already implemented", "\(groups.noted.count) noted"]
        if groups.openCount > 0 { terms.append("\(groups.openCount) open") }
        return "Totals: " + terms.joined(separator: " + ") + " = \(count) recommendations."
    }
}
