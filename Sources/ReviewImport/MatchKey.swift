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
        if let words = asciiWords(text) { return words }
        return folded(text).components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
    }

    /// `words` of a text all ASCII, on its bytes (folding there is lower-casing, and the letters
    /// and digits are A-Z, a-z, 0-9): Foundation's folding and splitting cost microseconds a text,
    /// and an import compares thousands. Nil for any other text.
    private static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var words: [String] = [], word: [UInt8] = []
            for byte in bytes {
                switch byte {
                case 0x80...: return nil
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                default:
                    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
    }

    /// Runs of white space (line breaks included) made one space, ends trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
