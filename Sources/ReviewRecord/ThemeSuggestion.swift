import Foundation

/// Themes for a recommendation that comes without them (every fresh Working Group report): the
/// issues UPR Info gave the nearest asks of the record, each weighed by how close its ask is.
public struct ThemeSuggestionSettings: Equatable, Sendable {
    /// How many nearest asks vote.
    public var neighbours = 12
    /// Below this cosine an ask does not vote: too far to say what this one is about.
    public var threshold = 0.2
    /// At most this many themes.
    public var limit = 3
    /// A theme is suggested only with at least this share of the strongest theme's votes.
    public var minimumShare = 0.35

    public init() {}
    public static let standard = ThemeSuggestionSettings()
}

extension UPRRecord {
    /// The suggested themes of `text`, strongest first; none where nothing in the record is near.
    /// `skip` leaves reviews out (the review itself, or the one held out to measure).
    public func suggestedThemes(for text: String, settings: ThemeSuggestionSettings = .standard,
                                skip: (Review) -> Bool = { _ in false }) -> [String] {
        let near = nearest(to: text, atLeast: settings.threshold, sameTreaties: false, limit: settings.neighbours, skip: skip)
        var votes: [Int32: Double] = [:]
        for (ask, similarity) in near {
            for issue in issues[ask] { votes[issue, default: 0] += similarity }
        }
        let ranked = votes.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        guard let top = ranked.first?.value else { return [] }
        return ranked.prefix(settings.limit).filter { $0.value >= top * settings.minimumShare }.map { issueNames[Int($0.key)] }
    }

    public func suggestedThemes(for text: String, in review: ReviewContext, settings: ThemeSuggestionSettings = .standard) -> [String] {
        suggestedThemes(for: text, settings: settings) { review.isThis($0, in: self) }
    }
}

/// How good the suggestions are, measured honestly: each review of one session is left out in
/// turn, its asks' themes suggested from the rest of the record, and compared with the issues
/// UPR Info gave them.
public struct SuggestionEvaluation: Equatable, Sendable {
    public var asks = 0
    public var suggested = 0
    public var correct = 0
    public var actual = 0
    public var found = 0

    /// Correct suggestions over suggestions made.
    public var precision: Double { suggested == 0 ? 0 : Double(correct) / Double(suggested) }
    /// UPR Info's issues found among the suggestions, over all UPR Info's issues.
    public var recall: Double { actual == 0 ? 0 : Double(found) / Double(actual) }

    public var summary: String {
        String(format: "%d asks: precision %.1f%%, recall %.1f%% (top %d)", asks, precision * 100, recall * 100, ThemeSuggestionSettings.standard.limit)
    }

    /// Every ask of `session` with issues, each suggested with its own review left out; with
    /// `earlierOnly`, every review of that session and later too, as on the day a report arrives.
    /// (The IDF still counts the held-out texts: one review in 300, a negligible leak.)
    public static func leaveOneReviewOut(_ record: UPRRecord, session: Int, earlierOnly: Bool = false,
                                         settings: ThemeSuggestionSettings = .standard) -> SuggestionEvaluation {
        var result = SuggestionEvaluation()
        for ask in 0..<record.askCount where record.session(ask) == session && !record.issues[ask].isEmpty {
            let held = record.review(of: ask)
            let suggested = Set(record.suggestedThemes(for: record.text(ask), settings: settings) {
                $0 == held || (earlierOnly && Int($0.session) >= session)
            })
            let actual = Set(record.issueLabels(ask))
            result.asks += 1
            result.suggested += suggested.count
            result.correct += suggested.intersection(actual).count
            result.actual += actual.count
            result.found += suggested.intersection(actual).count
        }
        return result
    }
}
