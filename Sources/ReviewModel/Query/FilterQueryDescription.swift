import Foundation

/// The canonical text of a filter: what the status line shows and what a saved filter keeps.
/// Parsing it gives back the same query (`and` is juxtaposition, `not` is `-`, parentheses only
/// where precedence or grouping needs them).
extension FilterQuery: CustomStringConvertible {
    public var description: String {
        switch self {
        case .all: ""
        case let .term(term): term.description
        case let .not(query): "-" + query.wrapped(if: query.isBinary)
        case let .and(left, right): left.wrapped(if: left.isOr) + " " + right.wrapped(if: right.isBinary)
        case let .or(left, right): left.description + " or " + right.wrapped(if: right.isOr)
        }
    }

    /// The parser builds `a b c` as `(a b) c`: a right operand of the same kind needs parentheses.
    private func wrapped(if needed: Bool) -> String { needed ? "(\(description))" : description }

    private var isOr: Bool { if case .or = self { true } else { false } }

    private var isBinary: Bool {
        switch self {
        case .and, .or: true
        default: false
        }
    }
}

extension FilterTerm: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .state(name): "state:" + Self.value(name)
        case let .group(group): "group:" + (FilterTermReader.groupNames.first { $0.group == group }?.printed ?? "none")
        case let .decision(selection): "decision:" + selection.rawValue
        case let .theme(text): "theme:" + Self.value(text)
        case let .text(text): Self.isBareWord(text) ? text : Self.quoted(text)
        case let .id(id): "id:" + id
        case let .idRange(lower, upper): "id:\(lower)-\(upper)"
        case .hasNote: "has:note"
        case .hasProposal: "has:proposal"
        case .hasConflict: "has:conflict"
        case .hasEarlier: "has:earlier"
        case .wasSupported: "was:supported"
        case .inCluster: "in:cluster"
        case .conflictInCluster: "conflict:cluster"
        case let .changedSince(date): "changed:" + Self.day(date)
        case let .decidedBy(analyst): "by:" + Self.value(analyst)
        case let .ministry(name): "ministry:" + (name.map(Self.value) ?? "none")
        case let .note(text): "note:" + Self.value(text)
        case let .record(term): term.description
        case let .implementation(term): term.description
        }
    }

    /// A value after `key:` is quoted when it would end early or be empty.
    private static func value(_ text: String) -> String {
        text.isEmpty || text.contains(where: { $0.isWhitespace || "()\"\\".contains($0) }) ? quoted(text) : text
    }

    /// A bare word must also not read as a negation, a keyword or a `key:value`.
    private static func isBareWord(_ text: String) -> Bool {
        value(text) == text && !text.hasPrefix("-") && !text.contains(":") && !["and", "or", "not", "overdue"].contains(text.lowercased())
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `2026-11-01` for a midnight UTC (what the parser makes of a date), the full timestamp otherwise.
    private static func day(_ date: Date) -> String {
        let calendar = FilterTermReader.utcCalendar
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard parts.hour == 0, parts.minute == 0, parts.second == 0, date == calendar.startOfDay(for: date),
              let year = parts.year, let month = parts.month, let day = parts.day else { return Timestamp.iso(date) }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
