import ReviewModel

/// Where a search term appears in a line as drawn: column ranges, found case- and
/// accent-insensitively, so "viet nam" lights up "Việt Nam". Only visible lines are looked at.
enum Highlighter {
    static let style = Style(tone: .considering, bold: true, reverse: true)

    /// `within`: only matches starting before this column are wanted (what the row shows), so the
    /// rest of a long text is not folded.
    static func columns(of term: String, in text: String, within: Int = .max) -> [Range<Int>] {
        if let ranges = printableASCIIColumns(of: term, in: text, within: within) { return ranges }
        let needle = Array(term)
        guard !needle.isEmpty else { return [] }
        var folded: [Character] = []
        var starts: [Int] = []   // for each folded character, the column of its original character
        var ends: [Int] = []
        var column = 0
        var beyond = 0
        for character in DisplayText.clean(text) {
            if column >= within {
                // Enough characters past the edge for a match that starts before it.
                beyond += 1
                if beyond > needle.count { break }
            }
            let width = DisplayText.width(of: character)
            let folding: String
            if let ascii = character.asciiValue {
                folding = String(Unicode.Scalar(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii))
            } else {
                folding = TextFolding.fold(String(character))
            }
            for foldedCharacter in folding {
                folded.append(foldedCharacter)
                starts.append(column)
                ends.append(column + width)
            }
            column += width
        }
        var ranges: [Range<Int>] = []
        var index = 0
        while index + needle.count <= folded.count {
            if folded[index..<(index + needle.count)].elementsEqual(needle) {
                ranges.append(starts[index]..<ends[index + needle.count - 1])
                index += needle.count
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// `columns` for a text of printable ASCII (most rows): a byte is a column and folds by
    /// lowercasing, so no grapheme breaking is needed. Nil for any other text.
    private static func printableASCIIColumns(of term: String, in text: String, within: Int) -> [Range<Int>]? {
        let bytes = Array(text.utf8), needle = Array(term.utf8)
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        guard !needle.isEmpty, needle.allSatisfy({ $0 < 0x80 }) else { return [] }
        let lower = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        var ranges: [Range<Int>] = []
        var index = 0
        while index + needle.count <= bytes.count, index < within {
            var matched = 0
            while matched < needle.count, lower(bytes[index + matched]) == needle[matched] { matched += 1 }
            if matched == needle.count {
                ranges.append(index..<(index + needle.count))
                index += needle.count
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// Restyles the matches of `term` in `text`, drawn from `column` and clipped at `limit`.
    static func apply(_ term: String?, text: String, row: Int, column: Int, limit: Int, _ screen: inout ScreenBuffer) {
        guard let term else { return }
        for range in columns(of: term, in: text, within: limit - column) {
            screen.restyle(row: row, from: column + range.lowerBound, to: min(limit, column + range.upperBound), style: style)
        }
    }
}
