import Foundation

/// How far the implementation of a supported recommendation has come (the national plan's and the
/// mid-term report's words).
public enum ImplementationStatus: String, Codable, CaseIterable, Sendable {
    case notStarted, inProgress, partiallyImplemented, fullyImplemented

    public var label: String {
        switch self {
        case .notStarted: "not started"
        case .inProgress: "in progress"
        case .partiallyImplemented: "partially implemented"
        case .fullyImplemented: "fully implemented"
        }
    }

    /// The spelling used on the command line and in filters (`in-progress`).
    public var argument: String {
        switch self {
        case .notStarted: "not-started"
        case .inProgress: "in-progress"
        case .partiallyImplemented: "partially-implemented"
        case .fullyImplemented: "fully-implemented"
        }
    }

    /// Accepts the argument, the label, the raw value and the short words `partial`, `full`, `done`.
    public init?(parsing text: String) {
        let folded = text.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch folded {
        case "not-started", "notstarted", "none", "planned": self = .notStarted
        case "in-progress", "inprogress", "ongoing", "started": self = .inProgress
        case "partially-implemented", "partiallyimplemented", "partial", "partially": self = .partiallyImplemented
        case "fully-implemented", "fullyimplemented", "full", "fully", "implemented", "done": self = .fullyImplemented
        default: return nil
        }
    }
}

/// One step of the national plan for a recommendation: what is to be done, by when (a calendar
/// day, `2026-06-30`), by whom, and whether it is done.
public struct ImplementationAction: Codable, Equatable, Sendable {
    public var text: String
    public var due: String?
    public var lead: String?
    public var done: Bool

    public init(text: String, due: String? = nil, lead: String? = nil, done: Bool = false) {
        self.text = text
        self.due = due
        self.lead = lead
        self.done = done
    }

    enum CodingKeys: String, CodingKey { case text, due, lead, done }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        due = try container.decodeIfPresent(String.self, forKey: .due)
        lead = try container.decodeIfPresent(String.self, forKey: .lead)
        done = try container.decodeIfPresent(Bool.self, forKey: .done) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encodeIfPresent(lead, forKey: .lead)
        if done { try container.encode(true, forKey: .done) }
    }
}

/// A dated report of what was done, with who wrote it and where it came from (a ministry's
/// sheet, a meeting, the analyst).
public struct ProgressNote: Codable, Equatable, Sendable {
    public var text: String
    public var author: String
    public var source: String?
    public var at: Date

    public init(text: String, author: String, source: String? = nil, at: Date) {
        self.text = text
        self.author = author
        self.source = source
        self.at = Timestamp.wholeSeconds(at)
    }
}

/// The status a recommendation reached and when (each status keeps the first day it was reached;
/// going back and forth keeps the latest arrival).
public struct StatusReached: Codable, Equatable, Sendable {
    public var status: ImplementationStatus
    public var at: Date

    public init(status: ImplementationStatus, at: Date) {
        self.status = status
        self.at = Timestamp.wholeSeconds(at)
    }
}

/// What the ledger holds of a supported recommendation's implementation, kept inside its
/// `DecisionRecord`, so that every change to it is a change like a decision: in the journal, the
/// history, undo and redo, and the merge. Every field is written only where set.
public struct Implementation: Codable, Equatable, Sendable {
    public var status: ImplementationStatus?
    /// Each status with the date it was (last) reached, in the order they were reached.
    public var reached: [StatusReached]
    public var lead: String?
    public var partners: [String]
    public var actions: [ImplementationAction]
    public var indicators: [String]
    public var sdgs: [String]
    public var progress: [ProgressNote]

    public init(status: ImplementationStatus? = nil, reached: [StatusReached] = [], lead: String? = nil, partners: [String] = [],
                actions: [ImplementationAction] = [], indicators: [String] = [], sdgs: [String] = [], progress: [ProgressNote] = []) {
        self.status = status
        self.reached = reached
        self.lead = lead
        self.partners = partners
        self.actions = actions
        self.indicators = indicators
        self.sdgs = sdgs
        self.progress = progress
    }

    public var isEmpty: Bool {
        status == nil && reached.isEmpty && lead == nil && partners.isEmpty && actions.isEmpty && indicators.isEmpty && sdgs.isEmpty && progress.isEmpty
    }

    /// When the current status (or another) was reached.
    public func date(reached status: ImplementationStatus) -> Date? {
        reached.last { $0.status == status }?.at
    }

    /// The first action not done, by due date (undated last), then by order.
    public var nextAction: (number: Int, action: ImplementationAction)? {
        let open = actions.enumerated().filter { !$0.element.done }
        return open.min { a, b in
            (a.element.due ?? "9999", a.offset) < (b.element.due ?? "9999", b.offset)
        }.map { ($0.offset + 1, $0.element) }
    }

    /// Whether an action not done was due before `today` (`YYYY-MM-DD`).
    public func isOverdue(today: String) -> Bool {
        actions.contains { !$0.done && ($0.due.map { $0 < today } ?? false) }
    }

    enum CodingKeys: String, CodingKey { case status, reached, lead, partners, actions, indicators, sdgs, progress }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decodeIfPresent(ImplementationStatus.self, forKey: .status)
        reached = try c.decodeIfPresent([StatusReached].self, forKey: .reached) ?? []
        lead = try c.decodeIfPresent(String.self, forKey: .lead)
        partners = try c.decodeIfPresent([String].self, forKey: .partners) ?? []
        actions = try c.decodeIfPresent([ImplementationAction].self, forKey: .actions) ?? []
        indicators = try c.decodeIfPresent([String].self, forKey: .indicators) ?? []
        sdgs = try c.decodeIfPresent([String].self, forKey: .sdgs) ?? []
        progress = try c.decodeIfPresent([ProgressNote].self, forKey: .progress) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(status, forKey: .status)
        if !reached.isEmpty { try c.encode(reached, forKey: .reached) }
        try c.encodeIfPresent(lead, forKey: .lead)
        if !partners.isEmpty { try c.encode(partners, forKey: .partners) }
        if !actions.isEmpty { try c.encode(actions, forKey: .actions) }
        if !indicators.isEmpty { try c.encode(indicators, forKey: .indicators) }
        if !sdgs.isEmpty { try c.encode(sdgs, forKey: .sdgs) }
        if !progress.isEmpty { try c.encode(progress, forKey: .progress) }
    }
}
