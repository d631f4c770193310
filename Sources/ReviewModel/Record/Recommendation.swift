import Foundation

/// One recommendation of a Working Group report: an ID (`140.7`), its text, the State or States
/// that made it, and the themes it touches.
public struct Recommendation: Codable, Equatable, Sendable {
    public var id: String
    public var text: String
    public var states: [String]
    public var themes: [String]
    /// Groups of persons concerned (from an OHCHR thematic list).
    public var groups: [String]
    /// Sustainable Development Goals, e.g. `16` (from an OHCHR thematic list).
    public var sdgs: [String]
    /// The recommending States as the document spells them, where that differs from `states` (the
    /// names of today: `the former Yugoslav Republic of Macedonia` is North Macedonia). Empty otherwise.
    public var statesAsWritten: [String] = []
    /// The recommendation as read during the interactive dialogue, where a footnote of the report
    /// gives it (the text itself is the one the State under review answers). Empty otherwise.
    public var asRead: String = ""

    public init(id: String, text: String, states: [String], themes: [String] = [], groups: [String] = [], sdgs: [String] = [],
                statesAsWritten: [String] = [], asRead: String = "") {
        self.statesAsWritten = statesAsWritten
        self.asRead = asRead
        self.id = id
        self.text = text
        self.states = states
        self.themes = themes
        self.groups = groups
        self.sdgs = sdgs
    }

    enum CodingKeys: String, CodingKey { case id, text, states, themes, groups, sdgs, statesAsWritten, asRead }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        states = try container.decode([String].self, forKey: .states)
        themes = try container.decodeIfPresent([String].self, forKey: .themes) ?? []
        groups = try container.decodeIfPresent([String].self, forKey: .groups) ?? []
        sdgs = try container.decodeIfPresent([String].self, forKey: .sdgs) ?? []
        statesAsWritten = try container.decodeIfPresent([String].self, forKey: .statesAsWritten) ?? []
        asRead = try container.decodeIfPresent(String.self, forKey: .asRead) ?? ""
    }

    /// Empty lists are left out, so that a ledger line stays short and diffs stay readable.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(states, forKey: .states)
        try container.encode(themes, forKey: .themes)
        if !groups.isEmpty { try container.encode(groups, forKey: .groups) }
        if !sdgs.isEmpty { try container.encode(sdgs, forKey: .sdgs) }
        if !statesAsWritten.isEmpty { try container.encode(statesAsWritten, forKey: .statesAsWritten) }
        if !asRead.isEmpty { try container.encode(asRead, forKey: .asRead) }
    }
}

/// Orders IDs such as `140.2` before `140.10` (paragraph, then item, compared as numbers).
public enum RecommendationID {
    public static func components(_ id: String) -> [Int] {
        id.split(separator: ".").map { Int($0) ?? Int.max }
    }

    public static func precedes(_ a: String, _ b: String) -> Bool {
        let left = components(a), right = components(b)
        if left != right { return left.lexicographicallyPrecedes(right) }
        return a < b
    }
}

/// What the State under review has made of the work so far: the information about the document.
public struct DocumentInfo: Codable, Equatable, Sendable {
    public var symbol: String
    public var title: String
    public var stateUnderReview: String
    public var cycle: Int?
    public var session: String?

    public init(symbol: String, title: String, stateUnderReview: String, cycle: Int? = nil, session: String? = nil) {
        self.symbol = symbol
        self.title = title
        self.stateUnderReview = stateUnderReview
        self.cycle = cycle
        self.session = session
    }
}
