import Foundation

/// One recommendation of a Working Group report: an ID (`140.7`), its text, the State or States
/// that made it, and the themes it touches.
public struct Recommendation: Codable, Equatable, Sendable {
    public var id: String
    public var text: String
    public var states: [String]
    public var themes: [String]

    public init(id: String, text: String, states: [String], themes: [String] = []) {
        self.id = id
        self.text = text
        self.states = states
        self.themes = themes
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
