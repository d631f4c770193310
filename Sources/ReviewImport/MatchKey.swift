import Foundation

/// Keys for comparing text from different sources, which differ in case, accents, punctuation and
/// spacing (`Türkiye`/`Turkiye`, `Viet Nam`/`Vietnam`, a trailing space in UPR Info texts).
public enum MatchKey {
    /// Lower case, no diacritics, letters only: `Côte d'Ivoire` → `cotedivoire`.
    public static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(folded(text).unicodeScalars.filter { CharacterSet.letters.contains($0) }))
    }

    /// Folded words (letters and digits): `Ratify CAT, as soon as possible` → `ratify cat as soon as possible`.
    public static func words(_ text: String) -> [String] {
        folded(text).components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
    }

    /// Runs of white space (line breaks included) made one space, ends trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
