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
    /// The explanation the addendum publishes with this recommendation (an analyst's note marked
    /// for it, or the text a published addendum gives under its ID). Written only when set.
    public var explanation: String?
    /// The national plan's record of a supported recommendation (`Implementation`): written only
    /// where set, so that a triage ledger stays as it was.
    public var implementation: Implementation? {
        get { plan?.value }
        set { plan = newValue.map(PlanBox.init) }
    }

    /// The plan held apart: most records have none, and inline it would make every record, and
    /// every change (which holds two), 72 bytes larger: 60 MB more at 420,000 decisions.
    private var plan: PlanBox?

    private final class PlanBox: Equatable, Sendable {
        let value: Implementation
        init(_ value: Implementation) { self.value = value }
        static func == (lhs: PlanBox, rhs: PlanBox) -> Bool { lhs === rhs || lhs.value == rhs.value }
    }

    public init(decision: DecisionStatus?, note: String = "", implemented: Bool = false, ministry: String? = nil,
                explanation: String? = nil, implementation: Implementation? = nil, by: String, at: Date) {
        self.decision = decision
        self.note = note
        self.implemented = implemented
        self.ministry = ministry
        self.explanation = explanation
        self.by = by
        self.at = Timestamp.wholeSeconds(at)
        self.implementation = implementation.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var isEmpty: Bool { decision == nil && note.isEmpty && !implemented && ministry == nil && explanation == nil && implementation == nil }

    enum CodingKeys: String, CodingKey { case decision, note, by, at, implemented, ministry, explanation, implementation }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        decision = try container.decodeIfPresent(DecisionStatus.self, forKey: .decision)
        note = try container.decode(String.self, forKey: .note)
        by = try container.decode(String.self, forKey: .by)
        at = try container.decode(Date.self, forKey: .at)
        implemented = try container.decodeIfPresent(Bool.self, forKey: .implemented) ?? false
        ministry = try container.decodeIfPresent(String.self, forKey: .ministry)
        explanation = try container.decodeIfPresent(String.self, forKey: .explanation)
        plan = try container.decodeIfPresent(Implementation.self, forKey: .implementation).map(PlanBox.init)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(decision, forKey: .decision)
        try container.encode(note, forKey: .note)
        try container.encode(by, forKey: .by)
        try container.encode(at, forKey: .at)
        if implemented { try container.encode(true, forKey: .implemented) }
        try container.encodeIfPresent(ministry, forKey: .ministry)
        try container.encodeIfPresent(explanation, forKey: .explanation)
        try container.encodeIfPresent(implementation, forKey: .implementation)
    }
}

/// UTC timestamps with whole seconds, `2026-11-29T14:20:05Z`, written and read by hand: the
/// ledger holds one per decision and per change, and Foundation's ISO 8601 formatter on Linux
/// costs tens of microseconds each (a second for a 42,000-recommendation ledger).
public enum Timestamp {
    public static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// `2026-11-29T14:20:05Z`
    public static func iso(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        if (0...9999).contains(year) {
            // Twenty bytes written in place: exports write one per row.
            let fields = [(year / 100, 0), (year % 100, 2), (month, 5), (day, 8), (secondOfDay / 3600, 11), (secondOfDay / 60 % 60, 14), (secondOfDay % 60, 17)]
            return String(unsafeUninitializedCapacity: 20) { buffer in
                for (offset, byte) in "0000-00-00T00:00:00Z".utf8.enumerated() { buffer[offset] = byte }
                for (value, at) in fields {
                    buffer[at] = UInt8(ascii: "0") + UInt8(value / 10)
                    buffer[at + 1] = UInt8(ascii: "0") + UInt8(value % 10)
                }
                return 20
            }
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ` (also with fractional seconds or a `+00:00` offset); nil otherwise.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `parse` over the UTF-8 bytes, for readers that have them (the ledger holds one or two
    /// times per decision and per change).
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        // Digits read by hand, without a slice or a closure: two times per change, a sixth of
        // reading a large history went to them.
        var valid = true
        @inline(__always) func digit(_ at: Int) -> Int {
            let value = Int(bytes[at]) &- 48
            valid = valid && value >= 0 && value <= 9
            return value
        }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6), day = digit(8) * 10 + digit(9)
        let hour = digit(11) * 10 + digit(12), minute = digit(14) * 10 + digit(15), second = digit(17) * 10 + digit(18)
        guard valid, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var at = 19
        var fraction = 0.0
        if bytes[at] == UInt8(ascii: ".") {
            at += 1
            var scale = 0.1
            while at < bytes.count, bytes[at] >= 48 && bytes[at] <= 57 {
                fraction += Double(bytes[at] - 48) * scale
                scale /= 10
                at += 1
            }
        }
        let rest = bytes.count - at
        let zone = rest == 1 && bytes[at] == UInt8(ascii: "Z")
            || rest == 6 && bytes[at] == UInt8(ascii: "+") && bytes[at + 1] == 48 && bytes[at + 2] == 48
                && bytes[at + 3] == UInt8(ascii: ":") && bytes[at + 4] == 48 && bytes[at + 5] == 48
        guard zone else { return nil }
        let total = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(total) + fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp + (mp < 10 ? 3 : -9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// For JSONEncoder and JSONDecoder.
    public static let encoding = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(iso(date))
    }

    public static let decoding = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a UTC time like 2026-11-29T14:20:05Z, found “\(text)”")
        }
        return date
    }
}
