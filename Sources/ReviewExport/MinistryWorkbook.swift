import Foundation
import ReviewModel

/// The workbook a line ministry fills in: its recommendations, the current decision, two empty
/// columns for it (Proposed decision, Note) and a hidden Checksum binding each row's ID to its
/// text, so that `upr import` can tell an edited ID or text from a recommendation re-imported since.
/// A second sheet, About, names the ministry and says what to do.
///
/// The layout (titles, column positions, checksum) is `MinistrySheetLayout`, shared with the reader.
enum MinistryWorkbook {
    static func data(_ ledger: Ledger, ministry: String) throws -> Data {
        // Once a plan is begun, the sheet also gathers progress (`MinistryProgressColumns`).
        let planned = ledger.hasImplementationRecords
        let rows: [[XLSXSheet.Cell]] = ledger.ids(assignedTo: ministry).compactMap { id in
            guard let recommendation = ledger.recommendation(id) else { return nil }
            let triage = [recommendation.id, recommendation.states.joined(separator: "; "), recommendation.text,
                          ledger.status(of: id)?.label ?? "undecided", "", "",
                          MinistrySheetLayout.checksum(id: recommendation.id, text: recommendation.text)]
            return (triage + (planned ? MinistryProgressSheet.cells(ledger, id) : [])).map { .text($0) }
        }
        var columns: [XLSXSheet.Column] = zip(MinistrySheetLayout.columns, [12, 30, 80, 22, 24, 50, 18]).map { title, width in
            XLSXSheet.Column(title: title, maxWidth: width, wraps: [1, 2, 5].contains(MinistrySheetLayout.columns.firstIndex(of: title)!),
                             hidden: title == "Checksum", minWidth: title == "Note" ? 40 : title == "Proposed decision" ? 22 : 0)
        }
        if planned { columns += MinistryProgressSheet.columns }
        let sheet = XLSXSheet(name: "Recommendations", columns: columns, rows: rows, printHeader: "\(ministry): \(ledger.document.symbol)")
        let about = XLSXSheet(name: MinistrySheetLayout.aboutSheet, columns: [.init(title: "About", maxWidth: 22), .init(title: "", maxWidth: 90, wraps: true)], rows: [
            [.text(MinistrySheetLayout.ministryLabel), .text(ministry)],
            [.text("Document"), .text("\(ledger.document.symbol): \(ledger.document.title)")],
            [.text("State under review"), .text(ledger.document.stateUnderReview)],
            [.text("Recommendations"), .number(rows.count)],
            [.text("What to do"), .text("For each recommendation, write in \"Proposed decision\" one of: accepted, rejected (noted), under consideration; or leave it empty. Say why in \"Note\". Do not change the other columns, nor delete or add rows: the file is checked when it is read back.")],
        ], autoFilter: false, printHeader: ministry)
        return try XLSXPackage.data([sheet, about], modified: DecisionWorkbook.latestDecision(ledger))
    }
}
