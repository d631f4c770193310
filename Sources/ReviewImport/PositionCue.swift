import Foundation

/// What a piece of addendum prose says about the recommendations it introduces, in the usual UN
/// wordings: "supports / accepts / enjoy the support of", "notes / takes note of / did not enjoy the
/// support", "considers already implemented or in the process of implementation".
enum PositionCue: Equatable {
    case position(PublishedPosition)
    /// Prose about recommendations that gives no published position: "partially supported" (not a
    /// position the UPR allows) or "will be examined" (no answer yet). Reported rather than guessed.
    case unpublished(String)

    /// - Parameter requireRecommendation: prose that does not mention recommendations (a rationale
    ///   such as "Slovenia supports international efforts…") says nothing about positions.
    static func of(_ text: String, requireRecommendation: Bool) -> PositionCue? {
        var words = " " + MatchKey.words(text).joined(separator: " ") + " "
        // "It should be noted that…" observes; it does not note recommendations.
        for observing in [" note that ", " notes that ", " noted that ", " be noted "] {
            words = words.replacingOccurrences(of: observing, with: " ")
        }
        if requireRecommendation, !words.contains(" recommend") { return nil }
        func has(_ phrases: String...) -> Bool { phrases.contains { words.contains($0) } }

        if has(" partially ", " partly ", " in part ") { return .unpublished("partially supported, which is not a published position") }
        if has(" will be examined", " will examine", " pending", " under consideration", " will provide responses") {
            return .unpublished("still to be examined, without a position")
        }
        // Negations first: "does not support" and "did not enjoy the support" contain "support".
        if has(" not support", " not accept", " not enjoy", " reject", " note ", " notes ", " noted ",
               " take note", " takes note", " taken note") {
            return .position(.noted)
        }
        let implemented = has(" already implemented", " already been implemented", " being implemented",
                              " process of implementation", " process of being implemented", " implemented or ",
                              " considers implemented", " considered implemented", " already in place")
        if has(" accept", " support", " enjoy", " agree") {
            return .position(implemented ? .supportedImplemented : .supported)
        }
        return implemented ? .position(.supportedImplemented) : nil
    }
}
