import Foundation
import ReviewModel

/// The implementation columns of a ministry's workbook: the plan as it stands (status, actions
/// numbered), then what the ministry reports (proposed status, progress note, a new action with
/// its day, the numbers of the actions done). Read back by `MinistrySheetImport`.
enum MinistryProgressSheet {
    static let columns: [XLSXSheet.Column] = zip(MinistryProgressColumns.titles, [22, 50, 22, 50, 40, 16, 14]).map { title, width in
        XLSXSheet.Column(title: title, maxWidth: width, wraps: ["Actions", "Progress note", "New action"].contains(title), minWidth: min(width, 20))
    }

    /// The plan's cells for one recommendation (empty where it is not supported), and the
    /// ministry's five empty ones.
    static func cells(_ ledger: Ledger, _ id: String) -> [String] {
        guard ledger.status(of: id) == .accepted else { return Array(repeating: "", count: MinistryProgressColumns.titles.count) }
        let plan = ledger.implementation(of: id)
        let actions = (plan?.actions ?? []).enumerated().map { number, action in
            "\(number + 1). \(action.text)\(action.due.map { " (due \($0))" } ?? "")\(action.done ? " [done]" : "")"
        }
        return [plan?.status?.label ?? "not started", actions.joined(separator: "\n"), "", "", "", "", ""]
    }
}
