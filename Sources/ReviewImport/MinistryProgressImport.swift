import Foundation
import ReviewModel

/// The implementation columns of a returned ministry sheet (`MinistryProgressColumns`) read into
/// a `ProgressProposal`, each cell checked: a status among the four, a real day, action numbers
/// the plan has, progress only on a supported recommendation. A problem is named with its cell.
enum MinistryProgressImport {
    static func read(_ cell: (Int) -> String, _ place: (Int) -> String, id: String, ledger: Ledger, problems: inout [String]) -> ProgressProposal? {
        func value(_ column: Int) -> String? {
            let text = MinistrySheetLayout.normalized(cell(column))
            return text.isEmpty ? nil : text
        }
        var proposal = ProgressProposal()
        if let word = value(MinistryProgressColumns.proposedStatus) {
            if let status = ImplementationStatus(parsing: word) { proposal.status = status } else {
                problems.append("'\(word)' in \(place(MinistryProgressColumns.proposedStatus)) is not a status; write not started, in progress, partially implemented or fully implemented")
            }
        }
        proposal.note = value(MinistryProgressColumns.note)
        proposal.action = value(MinistryProgressColumns.newAction)
        if let due = value(MinistryProgressColumns.newActionDue) {
            if !Ledger.isCalendarDay(due) {
                problems.append("'\(due)' in \(place(MinistryProgressColumns.newActionDue)) is not a day; write it as 2026-06-30")
            } else if proposal.action == nil {
                problems.append("a due day in \(place(MinistryProgressColumns.newActionDue)) without a new action")
            } else { proposal.due = due }
        }
        if let numbers = value(MinistryProgressColumns.actionsDone) {
            let count = ledger.implementation(of: id)?.actions.count ?? 0
            let parsed = numbers.split { $0 == "," || $0 == ";" || $0 == " " }.map { Int($0) }
            if parsed.contains(nil) || parsed.contains(where: { !(1...max(count, 1)).contains($0!) || count == 0 }) {
                problems.append("'\(numbers)' in \(place(MinistryProgressColumns.actionsDone)) is not a list of this plan's action numbers (\(count == 0 ? "it has none" : "1-\(count)"))")
            } else { proposal.done = parsed.map { $0! } }
        }
        guard !proposal.isEmpty else { return nil }
        if ledger.contains(id), ledger.status(of: id) != .accepted {
            problems.append("progress reported on \(id), which is not supported: only supported recommendations have a plan")
            return nil
        }
        return proposal
    }
}
