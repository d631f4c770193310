import Foundation
import ReviewModel

/// The voluntary mid-term report: the totals by status, then per theme each supported
/// recommendation with its status and what was done (actions done, progress notes). As Word,
/// and as a self-contained HTML page with its charts in CSS (nothing fetched, no script).
enum MidtermReport {
    static func document(_ ledger: Ledger, consultation: Bool = false) throws -> Data {
        let rows = ImplementationExport.rows(ledger)
        var body: [WordBlock] = [
            .paragraph(WordParagraph("Voluntary mid-term report", style: "Title")),
            .paragraph(WordParagraph("\(ledger.document.stateUnderReview): implementation of the \(rows.count) recommendations supported in the review \(ledger.document.symbol)", style: "Subtitle")),
            .paragraph(WordParagraph("Totals by status", style: "Heading1")),
            .table(WordTable(widths: [6_000, 1_800, 1_838], header: ["Status", "Recommendations", "Share"],
                             rows: ImplementationExport.totals(rows).map { total in
                [[WordParagraph(total.label, style: "TableText")], [WordParagraph("\(total.count)", style: "TableText")],
                 [WordParagraph(share(total.count, rows.count), style: "TableText")]]
            })),
        ]
        for group in ImplementationExport.byTheme(rows) {
            body.append(.paragraph(WordParagraph(group.theme, style: "Heading1")))
            for row in group.rows {
                body.append(.paragraph(WordParagraph(runs: [.init(text: row.id, bold: true), .init(text: " " + row.text)], style: "Body")))
                body.append(.paragraph(WordParagraph(runs: [.init(text: "Status: ", bold: true), .init(text: statusLine(row))], style: "Body")))
                for line in row.done { body.append(.paragraph(indented(line))) }
                if row.done.isEmpty { body.append(.paragraph(indented("Nothing reported yet."))) }
                if consultation {
                    for line in comments(ledger, row.id) { body.append(.paragraph(indented(line))) }
                }
            }
        }
        return try DocxPackage.data(title: "Mid-term report: \(ledger.document.symbol)", header: "Mid-term report: \(ledger.document.symbol)",
                                    body: body, modified: ImplementationExport.modified(ledger))
    }

    static func html(_ ledger: Ledger, consultation: Bool = false) -> String {
        let rows = ImplementationExport.rows(ledger)
        let e = Markup.escape
        var out = ["<!DOCTYPE html>", "<html lang=\"en\"><head><meta charset=\"utf-8\">",
                   "<title>\(e("Mid-term report: \(ledger.document.symbol)"))</title>",
                   "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left}td.n{text-align:right}"
                   + ".bar{height:1.1rem;min-width:2px;display:inline-block;vertical-align:middle}.full{background:#1b7837}.partial{background:#7fbc41}.progress{background:#e08214}.none{background:#b0b0b0}.stack{display:flex;width:20rem;height:1.1rem;background:#eee}.stack span{display:block;height:100%}"
                   + ".id{font-weight:bold}.done{color:#333;margin:.1rem 0 .1rem 2rem}</style></head><body>",
                   "<h1>Voluntary mid-term report</h1>",
                   "<p>\(e(ledger.document.stateUnderReview)): implementation of the \(rows.count) recommendations supported in the review \(e(ledger.document.symbol)).</p>",
                   "<h2>Totals by status</h2>", "<table><thead><tr><th>Status</th><th>Recommendations</th><th>Share</th><th>Chart</th></tr></thead><tbody>"]
        for (total, css) in zip(ImplementationExport.totals(rows), ["none", "none", "progress", "partial", "full"]) {
            let width = rows.isEmpty ? 0 : Double(total.count) / Double(rows.count) * 20
            out.append("<tr><td>\(e(total.label))</td><td class=\"n\">\(total.count)</td><td class=\"n\">\(share(total.count, rows.count))</td>"
                       + "<td><span class=\"bar \(css)\" role=\"img\" aria-label=\"\(e("\(total.label): \(total.count)"))\" style=\"width:\(String(format: "%.2f", width))rem\"></span></td></tr>")
        }
        out.append("</tbody></table>")
        out.append("<h2>By theme</h2>")
        out.append("<table><thead><tr><th>Theme</th><th>Supported</th><th>Fully implemented</th><th>Chart</th></tr></thead><tbody>")
        let groups = ImplementationExport.byTheme(rows)
        for group in groups {
            let full = group.rows.filter { $0.status == .fullyImplemented }.count
            let partial = group.rows.filter { $0.status == .partiallyImplemented }.count
            let progress = group.rows.filter { $0.status == .inProgress }.count
            let n = Double(group.rows.count)
            let parts = [("full", full), ("partial", partial), ("progress", progress)].filter { $0.1 > 0 }
                .map { "<span class=\"\($0.0)\" style=\"width:\(String(format: "%.1f", Double($0.1) / n * 100))%\"></span>" }.joined()
            out.append("<tr><td>\(e(group.theme))</td><td class=\"n\">\(group.rows.count)</td><td class=\"n\">\(full)</td>"
                       + "<td><div class=\"stack\" role=\"img\" aria-label=\"\(e("\(group.theme): \(full) fully, \(partial) partially, \(progress) in progress of \(group.rows.count)"))\">\(parts)</div></td></tr>")
        }
        out.append("</tbody></table>")
        for group in groups {
            out.append("<h2>\(e(group.theme))</h2>")
            for row in group.rows {
                out.append("<p><span class=\"id\">\(e(row.id))</span> \(e(row.text))</p>")
                out.append("<p class=\"done\"><strong>Status:</strong> \(e(statusLine(row)))</p>")
                for line in row.done.isEmpty ? ["Nothing reported yet."] : row.done { out.append("<p class=\"done\">\(e(line))</p>") }
                if consultation {
                    for line in comments(ledger, row.id) { out.append("<p class=\"done\"><em>\(e(line))</em></p>") }
                }
            }
        }
        out.append("</body></html>")
        return out.joined(separator: "\n") + "\n"
    }

    /// `Consultation, Viet Nam Lawyers Association (15 March 2026): …`
    static func comments(_ ledger: Ledger, _ id: String) -> [String] {
        ledger.comments(on: id).map { "Consultation, \($0.organization)\($0.date.map { " (\($0))" } ?? ""): \($0.comment)" }
    }

    static func statusLine(_ row: ImplementationExport.Row) -> String {
        var text = row.statusLabel + (row.since.map { " (since \(DocumentWords.date($0)))" } ?? "")
        if !row.lead.isEmpty { text += "; lead: \(row.lead)" }
        return text
    }

    static func share(_ count: Int, _ total: Int) -> String {
        total == 0 ? "0%" : "\(Int((Double(count) * 100 / Double(total)).rounded()))%"
    }

    private static func indented(_ text: String) -> WordParagraph {
        var paragraph = WordParagraph(text, style: "Body")
        paragraph.indent = 567
        return paragraph
    }
}
