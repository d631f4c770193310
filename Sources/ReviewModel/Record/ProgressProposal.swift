import Foundation

/// What a ministry's returned sheet proposes for a supported recommendation's plan (the sheet's
/// implementation columns): a status, a progress note, a new action with its day, actions done.
/// Part of a `Proposal`, taken (`t`) or refused (`X`) with it; written only where set.
public struct ProgressProposal: Codable, Equatable, Sendable {
    public var status: ImplementationStatus?
    public var note: String?
    public var action: String?
    public var due: String?
    /// Numbers (from 1) of the actions the ministry reports done.
    public var done: [Int]?

    public init(status: ImplementationStatus? = nil, note: String? = nil, action: String? = nil, due: String? = nil, done: [Int]? = nil) {
        self.status = status
        self.note = note
        self.action = action
        self.due = due
        self.done = done
    }

    public var isEmpty: Bool { status == nil && note == nil && action == nil && (done ?? []).isEmpty }

    /// `status in progress, progress: …, new action: … (due …), actions done: 1, 2`.
    public var summary: String {
        var parts: [String] = []
        if let status { parts.append("status \(status.label)") }
        if let note { parts.append("progress: \(note)") }
        if let action { parts.append("new action: \(action)\(due.map { " (due \($0))" } ?? "")") }
        if let done, !done.isEmpty { parts.append("actions done: \(done.map(String.init).joined(separator: ", "))") }
        return parts.joined(separator: ", ")
    }

    /// The plan with this applied: the status (dated), the note (by the ministry, from the file),
    /// the new action, the actions done (numbers beyond the plan's are left out).
    func applied(to plan: Implementation?, ministry: String, source: String, at date: Date) -> Implementation {
        var plan = plan ?? Implementation()
        if let status, plan.status != status {
            plan.status = status
            plan.reached.removeAll { $0.status == status }
            plan.reached.append(StatusReached(status: status, at: date))
        }
        if let note { plan.progress.append(ProgressNote(text: note, author: ministry, source: source, at: date)) }
        for number in done ?? [] where plan.actions.indices.contains(number - 1) { plan.actions[number - 1].done = true }
        if let action { plan.actions.append(ImplementationAction(text: action, due: due, lead: ministry)) }
        return plan
    }
}

/// The implementation columns of the ministry sheet, after the triage ones: written only once a
/// plan is begun (`Ledger.hasImplementationRecords`), so a triage sheet stays as it was.
public enum MinistryProgressColumns {
    public static let titles = ["Implementation status", "Actions", "Proposed status", "Progress note", "New action", "New action due", "Actions done"]
    /// Columns of the sheet (0-based) where these start.
    public static let first = MinistrySheetLayout.columns.count
    public static let status = first, actions = first + 1, proposedStatus = first + 2, note = first + 3
    public static let newAction = first + 4, newActionDue = first + 5, actionsDone = first + 6

    /// Whether the header row carries these columns.
    public static func present(in header: [String]) -> Bool {
        let found = header.dropFirst(first).prefix(titles.count).map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        return Array(found) == titles.map { $0.lowercased() }
    }
}
