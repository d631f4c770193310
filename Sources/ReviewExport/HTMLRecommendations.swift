import Foundation
import ReviewModel

/// The recommendations under each decision, each group folded (`<details>`, no script) and
/// opened with a click: ID, recommending States, text, the note and the addendum's explanation.
enum HTMLRecommendations {
    static let style = """
        details{margin:.4rem 0;border:1px solid #ccc;border-radius:4px;padding:.3rem .6rem}
        summary{cursor:pointer;font-weight:bold}
        table.recommendations td{vertical-align:top}
        td.note{color:#333;font-style:italic}
        """

    static func sections(_ ledger: Ledger, _ positions: [Int]) -> [String] {
        let rows = positions.map { ExportRow(ledger, position: $0) }
        var html = ["<h2>Recommendations by decision</h2>"]
        for column in DecisionColumn.allCases {
            let mine = rows.filter { column.selection.matches($0.status) }
            guard !mine.isEmpty else { continue }
            let published = column.published.hasPrefix("(") ? "" : " (\(column.published))"
            html.append("<details class=\"\(column.key)-list\">")
            html.append("<summary><span class=\"\(column.key)\" style=\"display:inline-block;width:.8rem;height:.8rem\"></span> \(Markup.escape(column.title + published)): \(mine.count)</summary>")
            html.append("<table class=\"recommendations\">")
            html.append("<thead><tr><th>ID</th><th>Recommending States</th><th>Recommendation</th><th>Note</th></tr></thead>")
            html.append("<tbody>")
            for row in mine {
                var note = Markup.escape(row.note)
                if row.implemented { note = "Already implemented." + (note.isEmpty ? "" : " " + note) }
                if let explanation = row.explanation { note += (note.isEmpty ? "" : "<br>") + "<b>Addendum:</b> " + Markup.escape(explanation) }
                html.append("<tr id=\"r\(Markup.escape(row.id))\"><td>\(Markup.escape(row.id))</td><td>\(Markup.escape(row.states.joined(separator: ", ")))</td>"
                    + "<td>\(Markup.escape(row.text))</td><td class=\"note\">\(note)</td></tr>")
            }
            html += ["</tbody>", "</table>", "</details>"]
        }
        return html
    }
}
