import Foundation

/// A number at the start of a line that may begin a recommendation: `140.7`, `143.1.`, `12.` (an
/// item of a first-cycle list), or a misprint of one (`125-15.`, `101.100.Continue`, glued to its
/// text). Whether it does begin one is for `ReportParagraphs` to say, from the sequence.
struct ItemToken: Equatable {
    /// The paragraph part of a dotted number; nil for a plain `12.`.
    var paragraph: Int?
    var item: Int
    var paragraphDigits: String
    var itemDigits: String
    /// Printed in the usual shape: `P.k` or `P.k.` (or `k.`), then white space or the end of the line.
    var exact: Bool
    /// Index just past the number and the white space after it.
    var next: Int
    /// The text after it starts like a recommendation (a capital, a quote, a parenthesis).
    var startsText: Bool
    var printed: String

    static func read(_ b: ArraySlice<UInt8>) -> ItemToken? {
        var i = b.startIndex
        func digits() -> String? {
            let start = i
            while i < b.endIndex, ReportLines.isDigit(b[i]), i - start < 4 { i += 1 }
            let n = i - start
            return n > 0 && n <= 3 ? ReportLines.string(b[start..<i]) : nil
        }
        guard let first = digits(), i < b.endIndex else { return nil }
        let separator = b[i]
        if ReportLines.isSpace(separator) {
            // `73 Promote …`: a plain number that lost its full stop, taken only where the sequence wants it.
            let tokenEnd = i
            while i < b.endIndex, ReportLines.isSpace(b[i]) { i += 1 }
            guard i < b.endIndex, ReportLines.isUpper(b[i]) else { return nil }
            return ItemToken(paragraph: nil, item: Int(first)!, paragraphDigits: "", itemDigits: first, exact: false,
                             next: i, startsText: true, printed: ReportLines.string(b[b.startIndex..<tokenEnd]))
        }
        guard separator == 0x2E || separator == 0x2D else { return nil }     // "." or "-"
        i += 1
        let afterSeparator = i
        if let second = digits() {
            var exact = separator == 0x2E
            if i < b.endIndex, b[i] == 0x2E { i += 1 }
            let tokenEnd = i
            if i < b.endIndex, !ReportLines.isSpace(b[i]) {
                // Glued to its text: only a capital may follow (`101.100.Continue`), anything else is
                // a number of another kind (`1.5%`, `2010-2014`).
                guard ReportLines.isUpper(b[i]), tokenEnd > afterSeparator + second.count else { return nil }
                exact = false
            }
            while i < b.endIndex, ReportLines.isSpace(b[i]) { i += 1 }
            return ItemToken(paragraph: Int(first), item: Int(second)!, paragraphDigits: first, itemDigits: second, exact: exact,
                             next: i, startsText: ReportLines.startsLikeText(b, at: i), printed: ReportLines.string(b[b.startIndex..<tokenEnd]))
        }
        // A plain `12.` followed by white space.
        guard separator == 0x2E, i == b.endIndex || ReportLines.isSpace(b[i]) else { return nil }
        let tokenEnd = i
        while i < b.endIndex, ReportLines.isSpace(b[i]) { i += 1 }
        return ItemToken(paragraph: nil, item: Int(first)!, paragraphDigits: "", itemDigits: first, exact: true,
                         next: i, startsText: ReportLines.startsLikeText(b, at: i), printed: ReportLines.string(b[b.startIndex..<tokenEnd]))
    }
}
