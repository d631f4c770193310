import Foundation
import ReviewModel

extension UPRInfoCSV {
    /// Groups the rows of one State under review (and session, if given) into recommendations: rows
    /// with the same text (white space normalised) are one recommendation made by several States.
    /// UPR Info has no IDs, so they are `S<session>.<n>` in first-seen order. The position comes
    /// from the response: Accepted/Supported → supported, Noted/Rejected → noted, else none, with a warning.
    public static func document(_ rows: [UPRInfoRow], stateUnderReview: String, session: Int?, file: String) -> ImportedDocument {
        let wanted = MatchKey.key(stateUnderReview)
        let selected = rows.filter { MatchKey.key($0.stateUnderReview) == wanted && (session == nil || $0.session == session) }
        var recommendations: [ImportedRecommendation] = []
        var warnings: [ImportWarning] = []
        var indexByText: [String: Int] = [:]
        var countBySession: [Int: Int] = [:]

        for row in selected {
            let text = MatchKey.collapsingWhitespace(row.text)
            let published = Self.position(row.response)
            if published == nil {
                warnings.append(ImportWarning(file: file, line: row.line, message: "response “\(row.response)” is neither Accepted/Supported nor Noted/Rejected; no position taken from it"))
            }
            // The same words in two sessions are two reviews, so two recommendations.
            let key = "\(row.session ?? 0)|\(text)"
            if let index = indexByText[key] {
                var recommendation = recommendations[index]
                if !recommendation.states.contains(row.recommendingState) { recommendation.states.append(row.recommendingState) }
                recommendation.themes += row.issues.filter { !recommendation.themes.contains($0) }
                if let published {
                    if recommendation.position == nil {
                        recommendation.position = published
                    } else if recommendation.position != published {
                        warnings.append(ImportWarning(file: file, line: row.line, message: "\(recommendation.id): “\(row.response)” here, but another response at line \(recommendation.line); the first is kept"))
                    }
                }
                recommendations[index] = recommendation
                continue
            }
            let sessionNumber = row.session ?? 0
            countBySession[sessionNumber, default: 0] += 1
            indexByText[key] = recommendations.count
            recommendations.append(ImportedRecommendation(
                id: "S\(sessionNumber).\(countBySession[sessionNumber]!)", text: text, states: [row.recommendingState],
                themes: row.issues.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, position: published, line: row.line))
        }
        if selected.isEmpty {
            let which = session.map { " in session \($0)" } ?? ""
            warnings.append(ImportWarning(file: file, line: 0, message: "no rows for \(stateUnderReview)\(which)"))
        }
        let name = selected.first?.stateUnderReview ?? stateUnderReview
        let info = DocumentInfo(symbol: "UPR Info", title: "Recommendations to \(name) (UPR Info database)", stateUnderReview: name,
                                cycle: session.map { cycle(ofSession: $0) }, session: session.map { "UPR session \($0)" })
        return ImportedDocument(file: file, format: .uprInfoCSV, info: info, recommendations: recommendations, warnings: warnings)
    }

    /// The UPR cycle of a Working Group session: 1–12 first cycle, then 14 sessions a cycle.
    static func cycle(ofSession session: Int) -> Int {
        session <= 12 ? 1 : (session - 13) / 14 + 2
    }
}
