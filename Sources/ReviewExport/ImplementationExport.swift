import Foundation
import ReviewModel

/// The exports of the years after the review: the national plan matrix (`plan`: XLSX, or Word
/// with `-o FILE.docx`) and the mid-term report (`midterm`: Word, or HTML with `-o FILE.html`).
/// Both cover every supported recommendation once, in document order within each theme.
public enum ImplementationExport {
    /// The variants, by the file's extension; nil where the format is not one of these.
    public static func data(_ ledger: Ledger, format: ExportFormat, fileExtension: String?, consultation: Bool = false) throws -> Data? {
        let ext = fileExtension?.lowercased()
        switch format {
        case .plan: return ext == "docx" ? try PlanMatrix.document(ledger) : try PlanMatrix.workbook(ledger)
        case .midterm: return ext == "html" || ext == "htm" ? Data(MidtermReport.html(ledger, consultation: consultation).utf8)
            : try MidtermReport.document(ledger, consultation: consultation)
        default: return nil
        }
    }

    /// One row of the plan: what the matrix and the report print of a supported recommendation.
    struct Row {
        var id: String
        var text: String
        var theme: String
        var status: ImplementationStatus?
        var since: Date?
        var lead: String
        var partners: String
        var actions: [String]
        var timeline: String
        var indicators: String
        var sdgs: String
        var done: [String]

        var statusLabel: String { status?.label ?? "no status yet" }
    }

    /// The supported recommendations, each once, in document order.
    static func rows(_ ledger: Ledger) -> [Row] {
        ledger.supportedIDs.compactMap { id in
            guard let recommendation = ledger.recommendation(id) else { return nil }
            let record = ledger.record(for: id)
            let plan = record?.implementation ?? Implementation()
            let dues = plan.actions.compactMap(\.due).sorted()
            let timeline = dues.isEmpty ? "" : dues.first == dues.last ? dues[0] : "\(dues.first!) to \(dues.last!)"
            let actions = plan.actions.enumerated().map { number, action in
                "\(number + 1). \(action.text)\(action.due.map { " (due \($0))" } ?? "")\(action.lead.map { ", \($0)" } ?? "")\(action.done ? " — done" : "")"
            }
            let done = plan.actions.filter(\.done).map { "Done: \($0.text)" }
                + plan.progress.map { "\(DocumentWords.date($0.at)): \($0.text)\($0.source.map { " (\($0))" } ?? "")" }
            return Row(id: id, text: recommendation.text, theme: recommendation.themes.first ?? "Other recommendations",
                       status: plan.status, since: plan.status.flatMap { plan.date(reached: $0) },
                       lead: plan.lead ?? record?.ministry ?? "", partners: plan.partners.joined(separator: "; "), actions: actions,
                       timeline: timeline, indicators: plan.indicators.joined(separator: "; "), sdgs: ledger.sdgTargets(of: id).joined(separator: ", "),
                       done: done)
        }
    }

    /// Rows grouped by their (first) theme, themes in the order they first appear.
    static func byTheme(_ rows: [Row]) -> [(theme: String, rows: [Row])] {
        var order: [String] = []
        var groups: [String: [Row]] = [:]
        for row in rows {
            if groups[row.theme] == nil { order.append(row.theme) }
            groups[row.theme, default: []].append(row)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// Totals by status, `no status yet` first.
    static func totals(_ rows: [Row]) -> [(label: String, count: Int)] {
        [("no status yet", rows.filter { $0.status == nil }.count)]
            + ImplementationStatus.allCases.map { status in (status.label, rows.filter { $0.status == status }.count) }
    }

    /// The day the document is of: the latest change, so the same ledger gives the same file.
    static func modified(_ ledger: Ledger) -> Date { DecisionWorkbook.latestDecision(ledger) }
}
