import Foundation
import ReviewModel

/// Horizontal bars in plain CSS (no script, no image, nothing fetched): one bar per row, split
/// into the four states of work, its length proportional to the row's number of recommendations.
enum HTMLCharts {
    static let style = """
        .bar{display:flex;height:1.1rem;min-width:2px;background:#eee}
        .bar span{display:block;height:100%}
        .accepted{background:#1b7837}.considering{background:#e08214}.rejected{background:#b2182b}.undecided{background:#b0b0b0}
        .legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}
        td.chart{width:45%;min-width:12rem}
        """

    static func legend() -> String {
        "<p class=\"legend\">" + DecisionColumn.allCases.map { "<span class=\"\($0.key)\"></span>\(Markup.escape($0.title))" }.joined() + "</p>"
    }

    /// One bar; `scale` is the largest total in the chart, so that bars compare across rows.
    static func bar(_ name: String, _ counts: StatusCounts, scale: Int) -> String {
        let parts = DecisionColumn.allCases.map { "\(counts[$0.selection]) \($0.title.lowercased())" }.joined(separator: ", ")
        let label = Markup.escape("\(name): \(parts)")
        let length = scale > 0 ? Double(counts.total) / Double(scale) * 100 : 0
        var html = "<div class=\"bar\" role=\"img\" title=\"\(label)\" aria-label=\"\(label)\" style=\"width:\(width(length))\">"
        for column in DecisionColumn.allCases where counts[column.selection] > 0 {
            html += "<span class=\"\(column.key)\" style=\"width:\(width(Double(counts[column.selection]) / Double(counts.total) * 100))\"></span>"
        }
        return html + "</div>"
    }

    /// A table that is also a chart: name, counts, and the bar.
    static func table(column: String, _ lines: [DecisionSummary.Line]) -> [String] {
        let scale = lines.map(\.counts.total).max() ?? 0
        let header = ([column, "Total"] + DecisionColumn.allCases.map(\.title)).map { "<th>\(Markup.escape($0))</th>" }.joined()
        var html = ["<table class=\"chart\">", "<thead><tr>\(header)<th>Chart</th></tr></thead>", "<tbody>"]
        for line in lines {
            let numbers = ([line.counts.total] + DecisionColumn.allCases.map { line.counts[$0.selection] }).map { "<td class=\"n\">\($0)</td>" }.joined()
            html.append("<tr><td>\(Markup.escape(line.name))</td>\(numbers)<td class=\"chart\">\(bar(line.name, line.counts, scale: scale))</td></tr>")
        }
        return html + ["</tbody>", "</table>"]
    }

    /// `37.5%`, with a dot whatever the locale.
    static func width(_ percent: Double) -> String {
        String(format: "%.1f%%", locale: Locale(identifier: "en_US_POSIX"), percent)
    }
}
