import Foundation
import ReviewModel

/// The national plan matrix: recommendation, theme, lead, partners, actions, timeline,
/// indicators, SDGs and status, a row per supported recommendation; as a workbook and as Word.
enum PlanMatrix {
    static let titles = ["ID", "Recommendation", "Theme", "Lead", "Partners", "Actions", "Timeline", "Indicators", "SDGs", "Status"]

    static func workbook(_ ledger: Ledger) throws -> Data {
        let rows = ImplementationExport.rows(ledger)
        let cells: [[XLSXSheet.Cell]] = rows.map { row in
            [row.id, row.text, row.theme, row.lead, row.partners, row.actions.joined(separator: "\n"), row.timeline,
             row.indicators, row.sdgs, row.statusLabel].map { .text($0) }
        }
        let widths = [10, 60, 24, 24, 24, 60, 24, 30, 12, 20]
        let columns = zip(titles, widths).map { title, width in
            XLSXSheet.Column(title: title, maxWidth: width, wraps: ["Recommendation", "Actions", "Partners", "Indicators"].contains(title))
        }
        let sheet = XLSXSheet(name: "National plan", columns: columns, rows: cells, printHeader: "National plan: \(ledger.document.symbol)")
        let about = XLSXSheet(name: "About", columns: [.init(title: "About", maxWidth: 24), .init(title: "", maxWidth: 90, wraps: true)], rows: [
            [.text("Document"), .text("\(ledger.document.symbol): \(ledger.document.title)")],
            [.text("State under review"), .text(ledger.document.stateUnderReview)],
            [.text("Supported recommendations"), .number(rows.count)],
        ] + ImplementationExport.totals(rows).map { [.text($0.label.prefix(1).uppercased() + $0.label.dropFirst()), .number($0.count)] },
        autoFilter: false, printHeader: "National plan")
        return try XLSXPackage.data([sheet, about], modified: ImplementationExport.modified(ledger))
    }

    static func document(_ ledger: Ledger) throws -> Data {
        let rows = ImplementationExport.rows(ledger)
        var body: [WordBlock] = [
            .paragraph(WordParagraph("National plan for the implementation of the recommendations", style: "Title")),
            .paragraph(WordParagraph("\(ledger.document.stateUnderReview): the \(rows.count) supported recommendations of \(ledger.document.symbol)", style: "Subtitle")),
        ]
        // Seven columns fit the page's width: the recommendation with its ID, then the plan.
        // A landscape page: the recommendation and the actions wide, no heading broken inside a word.
        let widths = [3_900, 1_900, 1_500, 3_400, 1_300, 1_470, 1_100]
        for group in ImplementationExport.byTheme(rows) {
            body.append(.paragraph(WordParagraph(group.theme, style: "Heading1")))
            let table = WordTable(widths: widths, header: ["Recommendation", "Lead and partners", "Status", "Actions", "Timeline", "Indicators", "SDGs"],
                                  rows: group.rows.map { row in
                [[WordParagraph(runs: [.init(text: row.id, bold: true), .init(text: " " + row.text)], style: "TableText")],
                 [WordParagraph(row.lead, style: "TableText")] + (row.partners.isEmpty ? [] : [WordParagraph(row.partners, style: "TableText", italic: true)]),
                 [WordParagraph(row.statusLabel, style: "TableText")],
                 row.actions.map { WordParagraph($0, style: "TableText") },
                 [WordParagraph(row.timeline, style: "TableText")],
                 [WordParagraph(row.indicators, style: "TableText")],
                 [WordParagraph(row.sdgs, style: "TableText")]]
            })
            body.append(.table(table))
        }
        return try DocxPackage.data(title: "National plan: \(ledger.document.symbol)", header: "National plan: \(ledger.document.symbol)",
                                    body: body, modified: ImplementationExport.modified(ledger), landscape: true)
    }
}
