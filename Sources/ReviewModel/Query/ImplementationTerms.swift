import Foundation

/// Filter terms over implementation records (the national plan): status, lead, due actions,
/// SDG targets. Kept apart from `FilterTerm`'s own cases, like `RecordTerm`.
public enum ImplementationTerm: Equatable, Sendable {
    /// `impl:in-progress`; `impl:none`: supported, no status yet; `impl:any`: a status set.
    case status(ImplementationStatus?)
    case anyStatus
    /// `lead:"Ministry of Justice"` (folded, whole name; the assigned ministry where the plan names none); `lead:none`.
    case lead(String?)
    /// An action not done, due before (`<`), by (`<=`), after (`>`), from (`>=`) or on (`=`) a day.
    case due(RecordTerm.Comparison, String)
    /// `overdue` (also `due:overdue`): an action not done, due before the day the filter was read.
    case overdue(today: String)
    /// `sdg:16.3`: a linked target (entered, else the thematic list's goal), or within a goal (`sdg:16`).
    case sdg(String)
    /// `was:implemented`: the same ask in the earlier cycle reached this status (a reference
    /// taken from a ledger with a plan).
    case earlier(ImplementationStatus)

    func matches(_ record: DecisionRecord?, _ recommendation: Recommendation) -> Bool {
        let plan = record?.implementation
        switch self {
        case let .status(status):
            guard record?.decision == .accepted else { return false }
            return plan?.status == status
        case .anyStatus: return plan?.status != nil
        case let .lead(name):
            // The plan's lead, else the ministry the recommendation was assigned to.
            return record?.decision == .accepted && FilterTerm.ministry(plan?.lead ?? record?.ministry, is: name)
        case let .due(comparison, day):
            return plan?.actions.contains { action in
                guard !action.done, let due = action.due else { return false }
                switch comparison {
                case .below: return due < day
                case .atMost: return due <= day
                case .above: return due > day
                case .atLeast: return due >= day
                case .equal: return due == day
                }
            } ?? false
        case let .overdue(today): return plan?.isOverdue(today: today) ?? false
        case let .sdg(target):
            let entered = plan?.sdgs ?? []
            let targets = entered.isEmpty ? recommendation.sdgs : entered
            return targets.contains { $0 == target || $0.hasPrefix(target + ".") }
        case .earlier: return false  // needs the position: `matches(_:_:_:)`
        }
    }

    /// With the position, for the terms that read the search index (the earlier cycle).
    func matches(_ position: Int, _ ledger: Ledger, _ index: SearchIndex) -> Bool {
        if case let .earlier(status) = self { return index.memory.earlier(at: position)?.0.implementation == status }
        return matches(ledger.decisions.record(at: position), ledger.recommendations[position])
    }

    var description: String {
        switch self {
        case let .status(status): "impl:" + (status?.argument ?? "none")
        case .anyStatus: "impl:any"
        case let .lead(name): "lead:" + (name.map { $0.contains(where: { $0.isWhitespace || "()\"\\".contains($0) }) ? "\"\($0)\"" : $0 } ?? "none")
        case let .due(comparison, day): "due:\(comparison.rawValue)\(day)"
        case .overdue: "overdue"
        case let .sdg(target): "sdg:\(target)"
        case let .earlier(status): "was:\(status.argument)"
        }
    }

    /// Today as a calendar day in the analyst's zone, `2026-12-01`.
    public static func today(_ now: Date = Date(), zone: TimeZone = .current) -> String {
        Timestamp.iso(now.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: now)))).prefix(10).description
    }

    /// Reads `impl:`, `lead:`, `due:`, `sdg:` values; nil for other keys.
    static func read(key: String, value: String, failure: (String) -> FilterSyntaxError) throws -> FilterTerm? {
        switch key {
        case "impl", "implementation":
            switch value.lowercased() {
            case "none": return .implementation(.status(nil))
            case "any": return .implementation(.anyStatus)
            default:
                guard let status = ImplementationStatus(parsing: value) else {
                    throw failure("unknown implementation status '\(value)'; known: not-started, in-progress, partially-implemented, fully-implemented, none, any")
                }
                return .implementation(.status(status))
            }
        case "lead":
            let folded = TextFolder.folded(value)
            return .implementation(.lead(folded == "none" ? nil : folded))
        case "due":
            if value.lowercased() == "overdue" { return .implementation(.overdue(today: today())) }
            for comparison in [RecordTerm.Comparison.atLeast, .atMost, .above, .below, .equal] where value.hasPrefix(comparison.rawValue) {
                let day = String(value.dropFirst(comparison.rawValue.count))
                guard Ledger.isCalendarDay(day) else { break }
                return .implementation(.due(comparison, day))
            }
            if Ledger.isCalendarDay(value) { return .implementation(.due(.atMost, value)) }
            throw failure("expected a day like due:<2026-06-30, due:>=2026-01-01 or overdue, got '\(value)'")
        case "sdg":
            let parts = value.split(separator: ".", omittingEmptySubsequences: false)
            guard let goal = parts.first.flatMap({ Int($0) }), (1...17).contains(goal), parts.count <= 2,
                  parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isLetter || $0.isNumber } }) else {
                throw failure("expected an SDG goal or target like sdg:16 or sdg:16.3, got '\(value)'")
            }
            return .implementation(.sdg(value.lowercased()))
        default:
            return nil
        }
    }
}
