import Foundation

/// How the world answered the same ask: the asks of the record close to one recommendation,
/// how many States under review received them, over which years, and how many were supported.
public struct Precedent: Equatable, Sendable {
    public struct Ask: Equatable, Sendable {
        public var stateUnderReview: String
        public var session: Int
        public var year: Int
        public var response: UPRRecord.Response
        public var text: String
        public var recommendingStates: [String]
        public var issues: [String]
        public var similarity: Double
    }

    /// Every ask found: this State's own earlier answers first, then the others, closest first.
    public var asks: [Ask]
    /// The State whose own answers come first, if it is in the record.
    public var ownState: String?

    public var isEmpty: Bool { asks.isEmpty }
    public var stateCount: Int { Set(asks.map(\.stateUnderReview)).count }
    public var supported: Int { asks.filter { $0.response == .supported }.count }
    public var noted: Int { asks.filter { $0.response == .noted }.count }
    public var years: ClosedRange<Int>? {
        guard let low = asks.map(\.year).min(), let high = asks.map(\.year).max() else { return nil }
        return low...high
    }

    /// Supported among the asks with a response, in whole percent; nil where none has one.
    public var supportShare: Int? {
        let answered = supported + noted
        return answered == 0 ? nil : Int((Double(supported) * 100 / Double(answered)).rounded())
    }

    /// "Asked of 54 States (71 times), 2008-2014: 70% supported".
    public var summary: String {
        guard let years else { return "Not asked before in the record" }
        let span = years.lowerBound == years.upperBound ? "\(years.lowerBound)" : "\(years.lowerBound)-\(years.upperBound)"
        let states = stateCount == 1 ? "1 State" : "\(stateCount) States"
        let times = asks.count == stateCount ? "" : " (\(asks.count) times)"
        let share = supportShare.map { "\($0)% supported" } ?? "no response recorded"
        return "Asked of \(states)\(times), \(span): \(share)"
    }

    /// One line per ask: "Viet Nam 2009 supported — Ratify CAT".
    public static func line(_ ask: Ask, width: Int = 60) -> String {
        let text = ask.text.count > width ? ask.text.prefix(width) + "…" : Substring(ask.text)
        return "\(ask.stateUnderReview) \(ask.year) \(ask.response.label) — \(text)"
    }
}

/// How close a record's ask must be to count as the same ask.
public struct PrecedentSettings: Equatable, Sendable {
    /// Cosine at or above which an ask is the same ask: the clusters' 0.5 (one wording of one
    /// ask across States is as varied as across reviews).
    public var threshold: Double = 0.5
    public var sameTreaties = true
    public init(threshold: Double = 0.5, sameTreaties: Bool = true) {
        self.threshold = threshold
        self.sameTreaties = sameTreaties
    }
    public static let standard = PrecedentSettings()
}

extension UPRRecord {
    /// The precedent of `text` for a review of `stateUnderReview` (canonical name), leaving out
    /// the reviews `skip` says are this one (`ReviewContext`: a review is not its own precedent).
    public func precedent(of text: String, stateUnderReview: String?, settings: PrecedentSettings = .standard,
                          skip: (Review) -> Bool = { _ in false }) -> Precedent {
        let own = stateUnderReview.flatMap(stateNumber)
        let found = nearest(to: text, atLeast: settings.threshold, sameTreaties: settings.sameTreaties, skip: skip)
        var asks = found.map { ask(at: $0.ask, similarity: $0.similarity) }
        if let own {
            let name = stateNames[Int(own)]
            // Stable: the own State's answers keep their order of closeness, and so do the others.
            asks = asks.filter { $0.stateUnderReview == name } + asks.filter { $0.stateUnderReview != name }
        }
        return Precedent(asks: asks, ownState: own.map { stateNames[Int($0)] })
    }

    func ask(at index: Int, similarity: Double) -> Precedent.Ask {
        Precedent.Ask(stateUnderReview: stateUnderReview(index), session: session(index), year: year(index),
                      response: askResponse[index], text: text(index), recommendingStates: recommendingStates(index),
                      issues: issueLabels(index), similarity: similarity)
    }
}
