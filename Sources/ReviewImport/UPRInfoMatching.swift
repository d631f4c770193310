import Foundation

extension UPRInfoCSV {
    /// Applies UPR Info responses to recommendations read from the Working Group report. Each row
    /// (of the State under review) goes to the report recommendation whose States include the row's
    /// State and whose text shares the most words with the row's; `resolve` maps a State's name to
    /// its canonical name before names are compared (case, accents and non-letters aside).
    /// Returns id → position, with a warning for each row that matches nothing or matches two
    /// recommendations equally well, and for an ID given two different responses (the first is kept).
    public static func positions(_ rows: [UPRInfoRow], for recommendations: [ImportedRecommendation],
                                 resolve: (String) -> String = { $0 }, file: String)
        -> (positions: [String: PublishedPosition], warnings: [ImportWarning]) {
        // A clustered recommendation joins several States' texts with ";": a row is compared with
        // each of them, and with the whole.
        let targets = recommendations.map { recommendation in
            let parts = [recommendation.text] + recommendation.text.split(separator: ";").map(String.init)
            return (id: recommendation.id, states: Set(recommendation.states.map { MatchKey.key(resolve($0)) }),
                    parts: parts.map(TextSimilarity.words).filter { !$0.isEmpty })
        }
        var positions: [String: PublishedPosition] = [:]
        var decidedAt: [String: Int] = [:]
        var warnings: [ImportWarning] = []
        func warn(_ row: UPRInfoRow, _ message: String) {
            warnings.append(ImportWarning(file: file, line: row.line, message: message))
        }

        for row in rows {
            let state = MatchKey.key(resolve(row.recommendingState))
            let words = TextSimilarity.words(row.text)
            let scored = targets.filter { $0.states.contains(state) }
                .map { target in (id: target.id, score: target.parts.map { TextSimilarity(words, $0) }.max() ?? TextSimilarity([], [])) }
                .sorted { $0.score > $1.score }
            let quoted = "“\(row.text.prefix(60))\(row.text.count > 60 ? "…" : "")”"
            guard let best = scored.first, best.score.overlap >= 0.5 else {
                warn(row, "no recommendation by \(row.recommendingState) in the report matches \(quoted)")
                continue
            }
            if scored.count > 1, scored[1].score == best.score, scored[1].id != best.id {
                warn(row, "\(quoted) by \(row.recommendingState) matches \(best.id) and \(scored[1].id) equally; not applied")
                continue
            }
            guard let position = position(row.response) else {
                warn(row, "response “\(row.response)” is neither Accepted/Supported nor Noted/Rejected; \(best.id) left without a position")
                continue
            }
            if let existing = positions[best.id] {
                if existing != position {
                    warn(row, "\(best.id) is \(row.response) here, but had another response at line \(decidedAt[best.id] ?? 0); the first is kept")
                }
                continue
            }
            positions[best.id] = position
            decidedAt[best.id] = row.line
        }
        return (positions, warnings)
    }
}

/// How much two texts share, on folded words: first the overlap coefficient (shared words over the
/// shorter text's words, so a text cut short or reworded at the end still scores high), then, to
/// break ties, Jaccard (shared over all words).
struct TextSimilarity: Comparable {
    /// Words too common to tell two recommendations apart are left out.
    private static let common: Set<String> = ["a", "an", "and", "as", "at", "by", "for", "in", "its", "of", "on", "or", "the", "to", "with"]

    static func words(_ text: String) -> Set<String> {
        Set(MatchKey.words(text)).subtracting(common)
    }

    var overlap: Double
    var jaccard: Double

    init(_ a: Set<String>, _ b: Set<String>) {
        let shared = Double(a.intersection(b).count)
        overlap = a.isEmpty || b.isEmpty ? 0 : shared / Double(min(a.count, b.count))
        jaccard = a.isEmpty && b.isEmpty ? 0 : shared / Double(a.union(b).count)
    }

    static func < (left: TextSimilarity, right: TextSimilarity) -> Bool {
        (left.overlap, left.jaccard) < (right.overlap, right.jaccard)
    }
}
