import Foundation

/// Text as an array of Unicode scalars, for scanning by position, with the line of each position.
struct ScalarText {
    private let scalars: [Unicode.Scalar]
    private let lineStarts: [Int]

    /// The lines joined with `\n` (each line keeps its number).
    init(lines: [String]) {
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        for line in lines {
            starts.append(scalars.count)
            scalars.append(contentsOf: line.unicodeScalars)
            scalars.append("\n")
        }
        self.scalars = scalars
        lineStarts = starts
    }

    var count: Int { scalars.count }
    subscript(index: Int) -> Unicode.Scalar { scalars[index] }

    func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    /// The 1-based line holding `offset`.
    func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    func isAtLineStart(_ index: Int) -> Bool {
        scalars[lineStarts[line(of: index) - 1]..<index].allSatisfy { $0 == " " || $0 == "\t" }
    }

    func isDigit(_ index: Int) -> Bool {
        index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index])
    }

    /// A number starts here: a digit after neither a digit nor a dot.
    func startsNumber(_ index: Int) -> Bool {
        isDigit(index) && !(isDigit(index - 1) || (index > 0 && scalars[index - 1] == "."))
    }

    func numberEnd(_ index: Int) -> Int {
        var end = index
        while isDigit(end) { end += 1 }
        return end
    }

    /// The number of up to four digits at `index`.
    func number(at index: Int) -> (value: Int, end: Int)? {
        let end = numberEnd(index)
        guard end > index, end - index <= 4 else { return nil }
        return (scalars[index..<end].reduce(0) { $0 * 10 + Int($1.value - 48) }, end)
    }

    /// A number ending at `end` goes on as a percentage or a decimal (`99.9%`, `4.2.1`).
    func followsAsDecimal(_ end: Int) -> Bool {
        guard end < scalars.count else { return false }
        return scalars[end] == "%" || (scalars[end] == "." && isDigit(end + 1))
    }

    func skipWhitespace(_ index: Int) -> Int {
        var end = index
        while end < scalars.count, [" ", "\t", "\n", "\u{A0}"].contains(scalars[end]) { end += 1 }
        return end
    }

    /// The lower-cased word starting at `index`, if a whole word starts there.
    func word(at index: Int) -> String? {
        var end = index
        while end < scalars.count, CharacterSet.letters.contains(scalars[end]) { end += 1 }
        guard end > index, index == 0 || !CharacterSet.letters.contains(scalars[index - 1]) else { return nil }
        return string(index..<end).lowercased()
    }
}
