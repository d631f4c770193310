import Foundation
import ReviewModel

/// The state of the decisions as a Markdown report: the summary table, then the same counts by
/// recommending State, by regional group and by theme.
enum MarkdownReport {
    static func text(_ ledger: Ledger, _ positions: [Int], directory: StateDirectory?) -> String {
        let summary = DecisionSummary(ledger, positions: positions, directory: directory)
        var lines = ["# Decisions on the recommendations to \(Markdown.escape(ledger.document.stateUnderReview))", ""]
        lines.append("\(Markdown.escape(ledger.document.symbol)): \(Markdown.escape(ledger.document.title))")
        if let notice = ledger.notice { lines += ["", "> NOTE: \(Markdown.escape(notice))"] }
        lines += ["", "## Summary", ""]
        lines += Markdown.table(["Decision", "Published as", "Recommendations", "Share"], summaryRows(summary.overall))
        let joint = "A joint recommendation counts once for each of its recommending States, their groups and its themes."
        lines += ["", joint]
        for breakdown in summary.breakdowns {
            lines += ["", "## \(breakdown.title)", ""]
            lines += Markdown.table([breakdown.column] + countHeader, breakdown.lines.map { [$0.name] + countCells($0.counts) })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let countHeader = ["Total"] + DecisionColumn.allCases.map(\.title)

    static func countCells(_ counts: StatusCounts) -> [String] {
        ["\(counts.total)"] + DecisionColumn.allCases.map { "\(counts[$0.selection])" }
    }

    static func summaryRows(_ counts: StatusCounts) -> [[String]] {
        DecisionColumn.allCases.map { [$0.title, $0.published, "\(counts[$0.selection])", percent(counts[$0.selection], of: counts.total)] }
            + [["Total", "", "\(counts.total)", counts.total > 0 ? "100%" : "0%"]]
    }
}
