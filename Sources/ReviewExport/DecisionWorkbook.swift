import Foundation
import ReviewModel

/// The decisions as an Excel workbook: a Summary sheet first, then one sheet per state of work
/// (Accepted, Under consideration, Rejected, Undecided), each a filterable table.
enum DecisionWorkbook {
    static func data(_ ledger: Ledger, _ positions: [Int], directory: StateDirectory?) throws -> Data {
        let rows = positions.map { ExportRow(ledger, position: $0) }
        var sheets = [summary(ledger, rows)]
        for column in DecisionColumn.allCases {
            let mine = rows.filter { column.selection.matches($0.status) }
            sheets.append(XLSXSheet(name: column.title, columns: columns, rows: mine.map { cells($0, directory) }, printHeader: ledger.document.symbol))
        }
        return try XLSXPackage.data(sheets, modified: latestDecision(ledger))
    }

    /// Widths chosen so that the table fits one landscape A4 page across, readably, when printed.
    static let columns: [XLSXSheet.Column] = [
        .init(title: "ID", maxWidth: 9),
        .init(title: "Recommending States", maxWidth: 20, wraps: true),
        .init(title: "Regional groups", maxWidth: 14, wraps: true),
        .init(title: "Themes", maxWidth: 18, wraps: true),
        .init(title: "Recommendation", maxWidth: 60, wraps: true),
        .init(title: "Decision", maxWidth: 13, wraps: true),
        .init(title: "Published as", maxWidth: 11),
        .init(title: "Already implemented", maxWidth: 14, wraps: true),
        .init(title: "Note", maxWidth: 34, wraps: true),
        .init(title: "Decided by", maxWidth: 11, wraps: true),
        .init(title: "Decided at", maxWidth: 20),
    ]

    static func cells(_ row: ExportRow, _ directory: StateDirectory?) -> [XLSXSheet.Cell] {
        var groups: [String] = []
        for state in row.states {
            let group = DecisionSummary.groupName(of: state, in: directory)
            if !groups.contains(group) { groups.append(group) }
        }
        return [row.id, row.states.joined(separator: "; "), groups.joined(separator: "; "), row.themes.joined(separator: "; "),
                row.text, row.decision, row.publishedWord, row.implemented ? "yes" : "", row.note, row.decidedBy, row.decidedAt].map { .text($0) }
    }

    /// The counts, then what the workbook is about.
    static func summary(_ ledger: Ledger, _ rows: [ExportRow]) -> XLSXSheet {
        var counts = StatusCounts()
        rows.forEach { counts.add($0.status) }
        var table: [[XLSXSheet.Cell]] = DecisionColumn.allCases.map { column in
            let count = counts[column.selection]
            return [.text(column.title), .text(column.published), .number(count), .percent(counts.total > 0 ? Double(count) / Double(counts.total) : 0)]
        }
        table.append([.text("Total"), .text(""), .number(counts.total), .percent(counts.total > 0 ? 1 : 0)])
        table.append([])
        table.append([.text("State under review"), .text(ledger.document.stateUnderReview)])
        table.append([.text("Document"), .text("\(ledger.document.symbol): \(ledger.document.title)")])
        if let notice = ledger.notice { table.append([.text("Note"), .text(notice)]) }
        return XLSXSheet(name: "Summary", columns: [
            .init(title: "Decision", maxWidth: 22), .init(title: "Published as", maxWidth: 60, wraps: true),
            .init(title: "Recommendations", maxWidth: 18), .init(title: "Share", maxWidth: 10),
        ], rows: table, autoFilter: false, printHeader: ledger.document.symbol)
    }

    /// The time of the last decision, so that exporting an unchanged ledger twice gives the same
    /// bytes; ZIP dates start in 1980.
    static func latestDecision(_ ledger: Ledger) -> Date {
        ledger.decisions.values.map(\.at).max() ?? Date(timeIntervalSince1970: 315_532_800 + 86_400)
    }
}
