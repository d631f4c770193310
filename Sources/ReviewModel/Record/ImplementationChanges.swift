import Foundation

/// Why an implementation change was refused, in words for the command line and the workbench.
public enum ImplementationError: Error, Equatable, CustomStringConvertible {
    case notSupported(String)
    case noAction(id: String, number: Int, count: Int)
    case badDate(String)
    case emptyText

    public var description: String {
        switch self {
        case .notSupported(let id): "\(id) is not supported (accepted): only supported recommendations are implemented."
        case .noAction(let id, let number, let count):
            count == 0 ? "\(id) has no actions; add one first (upr action add \(id) TEXT)."
                : "\(id) has no action \(number); \(count == 1 ? "its only action is 1" : "its actions are 1-\(count)")."
        case .badDate(let text): "“\(text)” is not a date; write it as YYYY-MM-DD, e.g. 2026-06-30."
        case .emptyText: "The text is empty."
        }
    }
}

/// Changes to implementation records. Each is a change of the recommendation's `DecisionRecord`
/// (`change`), so that it goes through the journal, the history, undo and redo like a decision.
extension Ledger {
    /// The implementation record of a recommendation, or nil where it has none.
    public func implementation(of id: String) -> Implementation? { decisions[id]?.implementation }

    /// The supported recommendations, in document order: what a national plan covers.
    public var supportedIDs: [String] {
        recommendations.indices.filter { statuses[$0] == .accepted }.map { recommendations[$0].id }
    }

    /// Whether any recommendation carries an implementation record.
    public var hasImplementationRecords: Bool { decisions.values.contains { $0.implementation != nil } }

    /// Sets the status (recording the date it was reached) and, where given, adds a progress note,
    /// in one change. Nil where nothing changed.
    @discardableResult
    public mutating func setImplementationStatus(_ id: String, _ status: ImplementationStatus, note: String? = nil, source: String? = nil,
                                                 by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        try changeImplementation(id, by: analyst, at: date, group: group, source: source) { plan in
            if plan.status != status {
                plan.status = status
                plan.reached.removeAll { $0.status == status }
                plan.reached.append(StatusReached(status: status, at: date))
            }
            if let text = note?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                plan.progress.append(ProgressNote(text: text, author: analyst, source: source, at: date))
            }
        }
    }

    /// Adds a dated progress note with its author and source.
    @discardableResult
    public mutating func addProgressNote(_ id: String, _ text: String, source: String? = nil, by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ImplementationError.emptyText }
        return try changeImplementation(id, by: analyst, at: date, group: group, source: source) { plan in
            plan.progress.append(ProgressNote(text: text, author: analyst, source: source, at: date))
        }
    }

    /// Adds an action (due `YYYY-MM-DD`, lead ministry) at the end of the plan's actions; the
    /// action's lead becomes the recommendation's lead where it has none.
    @discardableResult
    public mutating func addAction(_ id: String, _ text: String, due: String? = nil, lead: String? = nil,
                                   by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ImplementationError.emptyText }
        if let due, !Self.isCalendarDay(due) { throw ImplementationError.badDate(due) }
        let lead = lead.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        return try changeImplementation(id, by: analyst, at: date, group: group) { plan in
            plan.actions.append(ImplementationAction(text: text, due: due, lead: lead))
            if plan.lead == nil { plan.lead = lead }
        }
    }

    /// Marks action `number` (from 1) done, or not done.
    @discardableResult
    public mutating func markAction(_ id: String, _ number: Int, done: Bool = true, by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        let count = implementation(of: id)?.actions.count ?? 0
        guard (1...max(count, 1)).contains(number), count > 0 else { throw ImplementationError.noAction(id: id, number: number, count: count) }
        return try changeImplementation(id, by: analyst, at: date, group: group) { plan in
            plan.actions[number - 1].done = done
        }
    }

    /// Sets the lead ministry and partner agencies.
    @discardableResult
    public mutating func setImplementationLead(_ id: String, lead: String?, partners: [String]? = nil,
                                               by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        try changeImplementation(id, by: analyst, at: date, group: group) { plan in
            plan.lead = lead.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            if let partners { plan.partners = partners.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
    }

    /// Sets the indicators and the linked SDG targets (`16.3`); nil keeps what is there.
    @discardableResult
    public mutating func setIndicators(_ id: String, indicators: [String]? = nil, sdgs: [String]? = nil,
                                       by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        try changeImplementation(id, by: analyst, at: date, group: group) { plan in
            if let indicators { plan.indicators = indicators.filter { !$0.isEmpty } }
            if let sdgs { plan.sdgs = sdgs.filter { !$0.isEmpty } }
        }
    }

    /// The SDG targets of a recommendation: those entered in its plan, else those of the thematic list.
    public func sdgTargets(of id: String) -> [String] {
        let entered = implementation(of: id)?.sdgs ?? []
        return entered.isEmpty ? recommendation(id)?.sdgs ?? [] : entered
    }

    /// One change to the implementation record of a supported recommendation, keeping the rest of
    /// its record; nil where the edit changes nothing.
    mutating func changeImplementation(_ id: String, by analyst: String, at date: Date, group: Int?, source: String? = nil,
                                       _ edit: (inout Implementation) throws -> Void) throws -> ChangeEvent? {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        guard let before = decisions[id], before.decision == .accepted else { throw ImplementationError.notSupported(id) }
        var plan = before.implementation ?? Implementation()
        try edit(&plan)
        guard plan != (before.implementation ?? Implementation()) else { return nil }
        var record = before
        record.implementation = plan.isEmpty ? nil : plan
        record.by = analyst
        record.at = Timestamp.wholeSeconds(date)
        return try change(id, to: record, group: group, source: source)
    }

    /// `2026-06-30`, a real day.
    public static func isCalendarDay(_ text: String) -> Bool {
        Timestamp.parse(text + "T00:00:00Z").map { Timestamp.iso($0).hasPrefix(text) } ?? false
    }
}
