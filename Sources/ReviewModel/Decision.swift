import Foundation

/// The working position on one recommendation before the Council session.
/// Published positions are only "supported" (accepted) and "noted" (rejected).
public enum DecisionStatus: String, Codable, CaseIterable, Sendable {
    case accepted
    case underConsideration
    case rejected

    public var label: String {
        switch self {
        case .accepted: "accepted"
        case .underConsideration: "under consideration"
        case .rejected: "rejected"
        }
    }

    /// The spelling used on the command line (`under-consideration`).
    public var argument: String {
        switch self {
        case .accepted: "accepted"
        case .underConsideration: "under-consideration"
        case .rejected: "rejected"
        }
    }
}

/// A choice among the decision states, "undecided" included: what filters and exports select by.
public enum StatusSelection: String, CaseIterable, Sendable, Equatable {
    case accepted
    case underConsideration = "under-consideration"
    case rejected
    case undecided

    /// Accepts the command-line spellings and their published synonyms (supported, noted).
    public init?(parsing text: String) {
        let folded = text.lowercased().replacingOccurrences(of: "_", with: "-")
        switch folded {
        case "accepted", "supported": self = .accepted
        case "under-consideration", "underconsideration", "considering", "uc": self = .underConsideration
        case "rejected", "noted": self = .rejected
        case "undecided", "open", "none": self = .undecided
        default: return nil
        }
    }

    public var status: DecisionStatus? {
        switch self {
        case .accepted: .accepted
        case .underConsideration: .underConsideration
        case .rejected: .rejected
        case .undecided: nil
        }
    }

    public var label: String { status?.label ?? "undecided" }

    public func matches(_ status: DecisionStatus?) -> Bool { status == self.status }
}

/// What the ledger holds for one recommendation: the decision (or none yet), the analyst's note,
/// who set it and when (UTC, whole seconds), and whether an accepted recommendation is considered
/// already implemented (an addendum lists those apart).
public struct DecisionRecord: Codable, Equatable, Sendable {
    public var decision: DecisionStatus?
    public var note: String
    public var by: String
    public var at: Date
    /// Written to the ledger only when true, so that ledgers without the mark read and diff as before
    /// (schema version 2 either way).
    public var implemented: Bool
    /// The line ministry responsible for the recommendation (who is asked for a proposal). Written
    /// only when set, like `implemented`, so that ledgers without assignments stay byte-identical.
    public var ministry: String?

    public init(decision: DecisionStatus?, note: String = "", implemented: Bool = false, ministry: String? = nil, by: String, at: Date) {
        self.decision = decision
        self.note = note
        self.implemented = implemented
        self.ministry = ministry
        self.by = by
        self.at = Timestamp.wholeSeconds(at)
    }

    public var isEmpty: Bool { decision == nil && note.isEmpty && !implemented && ministry == nil }

    enum CodingKeys: String, CodingKey { case decision, note, by, at, implemented, ministry }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        decision = try container.decodeIfPresent(DecisionStatus.self, forKey: .decision)
        note = try container.decode(String.self, forKey: .note)
        by = try container.decode(String.self, forKey: .by)
        at = try container.decode(Date.self, forKey: .at)
        implemented = try container.decodeIfPresent(Bool.self, forKey: .implemented) ?? false
        ministry = try container.decodeIfPresent(String.self, forKey: .ministry)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(decision, forKey: .decision)
        try container.encode(note, forKey: .note)
        try container.encode(by, forKey: .by)
        try container.encode(at, forKey: .at)
        if implemented { try container.encode(true, forKey: .implemented) }
        try container.encodeIfPresent(ministry, forKey: .ministry)
    }
}

public enum Timestamp {
    public static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// `2026-11-29T14:20:05Z`
    public static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
