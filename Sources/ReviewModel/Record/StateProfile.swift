import Foundation

/// What one recommending State asked of others in the public UPR record, and how it was received:
/// the briefing pack's "who is across the table" (computed from the record by the caller, so that
/// the exports need not read it).
public struct StateProfile: Equatable, Sendable {
    public struct EarlierAsk: Equatable, Sendable {
        public var session: Int
        public var year: Int
        public var text: String
        public var response: String

        public init(session: Int, year: Int, text: String, response: String) {
            self.session = session
            self.year = year
            self.text = text
            self.response = response
        }
    }

    /// Asks it made (to every State under review), and to how many States.
    public var asks: Int
    public var statesAsked: Int
    public var sessions: ClosedRange<Int>?
    public var supported: Int
    public var noted: Int
    /// Its commonest issues (UPR Info's), commonest first.
    public var issues: [String]
    /// What it asked of this State under review before, latest first.
    public var toThisState: [EarlierAsk]

    public init(asks: Int, statesAsked: Int, sessions: ClosedRange<Int>?, supported: Int, noted: Int, issues: [String], toThisState: [EarlierAsk]) {
        self.asks = asks
        self.statesAsked = statesAsked
        self.sessions = sessions
        self.supported = supported
        self.noted = noted
        self.issues = issues
        self.toThisState = toThisState
    }

    /// "In the public UPR record (sessions 1–20): 1,234 recommendations to 150 States; 72% supported, 20% noted."
    public var summary: String {
        let span = sessions.map { $0.lowerBound == $0.upperBound ? " (session \($0.lowerBound))" : " (sessions \($0.lowerBound)–\($0.upperBound))" } ?? ""
        func share(_ n: Int) -> String { asks == 0 ? "0%" : "\(Int((Double(n) * 100 / Double(asks)).rounded()))%" }
        // Thousands set apart as UN documents write them, whatever the locale: 1,284.
        let digits = Array(String(asks))
        let grouped = String(digits.enumerated().flatMap { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
        })
        return "In the public UPR record\(span): \(grouped) recommendation\(asks == 1 ? "" : "s") to \(statesAsked) State\(statesAsked == 1 ? "" : "s"); "
            + "\(share(supported)) supported, \(share(noted)) noted."
    }
}
