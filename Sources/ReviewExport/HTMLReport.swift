import Foundation
import ReviewModel

/// The state of the decisions as one self-contained HTML page (styles inline, no script, nothing
/// fetched from the network, so that it opens the same offline and from an e-mail): the summary
/// table and charts overall, by recommending State, by regional group and by theme.
enum HTMLReport {
    static func text(_ ledger: Ledger, _ positions: [Int], directory: StateDirectory?) -> String {
        let summary = DecisionSummary(ledger, positions: positions, directory: directory)
        let document = ledger.document
        let title = "Decisions on the recommendations to \(document.stateUnderReview)"
        var html = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(Markup.escape("\(title) (\(document.symbol))"))</title>",
            "<style>", style, HTMLCharts.style, HTMLRecommendations.style, "</style>",
            "</head>",
            "<body>",
            "<h1>\(Markup.escape(title))</h1>",
            "<p>\(Markup.escape(document.symbol)): \(Markup.escape(document.title))</p>",
        ]
        if let notice = ledger.notice { html.append("<p class=\"notice\">NOTE: \(Markup.escape(notice))</p>") }
        html += ["<h2>Summary</h2>"] + summaryTable(summary.overall)
        html += ["<h2>Decisions overall</h2>", HTMLCharts.legend(), HTMLCharts.bar("All recommendations", summary.overall, scale: summary.overall.total)]
        for breakdown in summary.breakdowns {
            html += ["<h2>\(Markup.escape(breakdown.title))</h2>"] + HTMLCharts.table(column: breakdown.column, breakdown.lines)
        }
        html += HTMLRecommendations.sections(ledger, positions)
        html += [
            "<p class=\"small\">A joint recommendation counts once for each of its recommending States, their groups and its themes.</p>",
            "</body>", "</html>",
        ]
        return html.joined(separator: "\n") + "\n"
    }

    static let style = """
        body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}
        table{border-collapse:collapse;margin:.5rem 0 1.5rem}
        th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:middle}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        tr.total td{font-weight:bold}
        .notice{border-left:4px solid #e08214;padding:.5rem 1rem;background:#fff4e0}
        .small{font-size:.9rem;color:#555}
        """

    static func summaryTable(_ counts: StatusCounts) -> [String] {
        var html = ["<table class=\"summary\">", "<thead><tr><th>Decision</th><th>Published as</th><th>Recommendations</th><th>Share</th></tr></thead>", "<tbody>"]
        for column in DecisionColumn.allCases {
            let count = counts[column.selection]
            html.append("<tr><td><span class=\"\(column.key)\" style=\"display:inline-block;width:.8rem;height:.8rem\"></span> \(Markup.escape(column.title))</td>"
                + "<td>\(Markup.escape(column.published))</td><td class=\"n\">\(count)</td><td class=\"n\">\(percent(count, of: counts.total))</td></tr>")
        }
        html.append("<tr class=\"total\"><td>Total</td><td></td><td class=\"n\">\(counts.total)</td><td class=\"n\">\(counts.total > 0 ? "100%" : "0%")</td></tr>")
        return html + ["</tbody>", "</table>"]
    }
}
