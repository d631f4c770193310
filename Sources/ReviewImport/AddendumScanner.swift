import Foundation

/// Finds the lists of recommendation IDs in an addendum's text and gives each the position that the
/// prose before it (or the rest of its sentence) states.
struct AddendumScanner {
    private let text: [Unicode.Scalar]
    private let lineStarts: [Int]
    private let file: String
    /// Paragraph numbers of the report's recommendations (`140` in `140.7`); other `N.M` numbers
    /// (`99.9%`, `EUR 7.5`) are not IDs.
    private let prefixes: Set<Int>
    private var context = PositionContext()
    private var firstLine: [String: Int] = [:]
    private(set) var result = AddendumPositions()

    init(lines: [String], file: String) {
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        for line in lines {
            starts.append(scalars.count)
            scalars.append(contentsOf: line.unicodeScalars)
            scalars.append("\n")
        }
        text = scalars
        lineStarts = starts
        self.file = file
        prefixes = Self.listPrefixes(scalars)
    }

    mutating func run() {
        var index = 0
        var gapStart = 0
        while index < text.count {
            guard startsNumber(index) else { index += 1; continue }
            guard let first = fullID(at: index), prefixes.contains(first.prefix) else {
                index = numberEnd(index)
                continue
            }
            let gap = String(String.UnicodeScalarView(text[gapStart..<index]))
            let leadIn = context.read(gap: gap, startsAtLineStart: gapStart == 0)
            let (ids, end) = readList(from: first, at: index)
            let cue = context.position(leadIn: leadIn, tail: sentenceTail(from: end))
            for (id, offset) in ids { record(id, line: line(of: offset), cue: cue) }
            index = end
            gapStart = end
        }
    }

    private mutating func record(_ id: String, line: Int, cue: PositionCue?) {
        guard case .position(let position)? = cue else {
            let why = cue == .partial ? "is listed as partially supported, which is not a published position"
                                      : "has no statement of position (supports, notes) before it"
            warn(line, "\(id) \(why); left out")
            return
        }
        if let existing = result.positions[id] {
            if existing != position {
                warn(line, "\(id) is listed as \(Addendum.label(position)) here but as \(Addendum.label(existing)) at line \(firstLine[id] ?? 0); the first is kept")
            }
            return
        }
        result.positions[id] = position
        result.order.append(id)
        firstLine[id] = line
    }

    private mutating func warn(_ line: Int, _ message: String) {
        result.warnings.append(ImportWarning(file: file, line: line, message: message))
    }

    // MARK: Lists: `140.7, 140.8`, `140.11-14`, `140.120, 209`, `140.35. 140.36`, `140.1 to 140.6`

    /// Reads IDs joined by separators and ranges, starting with `first`; returns them with the offset
    /// where each was written, and the offset just after the last one.
    private mutating func readList(from first: (prefix: Int, item: Int, end: Int), at start: Int) -> ([(String, Int)], Int) {
        var ids = [("\(first.prefix).\(first.item)", start)]
        var prefix = first.prefix, last = first.item, end = first.end
        while true {
            let next = skipWhitespace(end)
            if let after = rangeConnector(at: next) {
                let target = skipWhitespace(after)
                let full = fullID(at: target).flatMap { $0.prefix == prefix ? (value: $0.item, end: $0.end) : nil }
                guard let rangeEnd = full ?? bareItem(at: target) else { break }
                let (item, itemEnd) = (rangeEnd.value, rangeEnd.end)
                if item > last, item - last <= 500 {
                    ids += (last + 1...item).map { ("\(prefix).\($0)", target) }
                } else {
                    warn(line(of: next), "the range \(prefix).\(last) to \(item) does not run upwards; only \(prefix).\(last) is kept")
                }
                last = item
                end = itemEnd
                continue
            }
            guard let found = separator(at: next) else { break }
            let isDot = found.isDot
            var target = skipWhitespace(found.end)
            if word(at: target) == "and" { target = skipWhitespace(target + 3) }
            if let id = fullID(at: target), prefixes.contains(id.prefix) {
                ids.append(("\(id.prefix).\(id.item)", target))
                (prefix, last, end) = (id.prefix, id.item, id.end)
            } else if !isDot, let bare = bareItem(at: target) {
                // `140.120, 209`: a bare item number continues the paragraph before it.
                ids.append(("\(prefix).\(bare.value)", target))
                (last, end) = (bare.value, bare.end)
            } else {
                break
            }
        }
        return (ids, end)
    }

    /// `-`, en or em dash, or the word `to`: returns where the range's end starts.
    private func rangeConnector(at index: Int) -> Int? {
        guard index < text.count else { return nil }
        if ["-", "\u{2013}", "\u{2014}", "\u{2011}"].contains(text[index]) { return index + 1 }
        return word(at: index) == "to" ? index + 2 : nil
    }

    /// `,`, `;`, `&`, `and`, or a `.` typed for a comma (`140.35. 140.36`, accepted only before a full ID).
    private func separator(at index: Int) -> (end: Int, isDot: Bool)? {
        guard index < text.count else { return nil }
        if [",", ";", "&"].contains(text[index]) { return (index + 1, false) }
        if text[index] == "." { return (index + 1, true) }
        return word(at: index) == "and" ? (index + 3, false) : nil
    }

    /// `140.7`, or `140.` and `7` on two lines.
    private func fullID(at index: Int) -> (prefix: Int, item: Int, end: Int)? {
        guard startsNumber(index), let prefix = number(at: index), prefix.end < text.count, text[prefix.end] == "." else { return nil }
        var itemStart = prefix.end + 1
        if !isDigit(itemStart) {
            let skipped = skipWhitespace(itemStart)
            guard prefixes.contains(prefix.value), text[itemStart..<skipped].contains("\n") else { return nil }
            itemStart = skipped
        }
        guard let item = number(at: itemStart), !followsAsDecimal(item.end) else { return nil }
        return (prefix.value, item.value, item.end)
    }

    /// A lone item number (`209`), not the start of another full ID, a decimal or a paragraph number.
    private func bareItem(at index: Int) -> (value: Int, end: Int)? {
        guard startsNumber(index), let item = number(at: index), !followsAsDecimal(item.end) else { return nil }
        if item.end < text.count, text[item.end] == "." {
            let atLineStart = index == 0 || text[index - 1] == "\n" || text[lineStarts[line(of: index) - 1]..<index].allSatisfy { $0 == " " || $0 == "\t" }
            if atLineStart { return nil }
        }
        if item.end < text.count, CharacterSet.letters.contains(text[item.end]) { return nil }
        return item
    }

    private func followsAsDecimal(_ end: Int) -> Bool {
        guard end < text.count else { return false }
        return text[end] == "%" || (text[end] == "." && isDigit(end + 1))
    }

    // MARK: Characters

    private func isDigit(_ index: Int) -> Bool {
        index < text.count && ("0"..."9").contains(text[index])
    }

    private func startsNumber(_ index: Int) -> Bool {
        isDigit(index) && (index == 0 || !(isDigit(index - 1) || text[index - 1] == "."))
    }

    private func numberEnd(_ index: Int) -> Int {
        var end = index
        while isDigit(end) { end += 1 }
        return end
    }

    private func number(at index: Int) -> (value: Int, end: Int)? {
        let end = numberEnd(index)
        guard end > index, end - index <= 4 else { return nil }
        return (text[index..<end].reduce(0) { $0 * 10 + Int($1.value - 48) }, end)
    }

    private func skipWhitespace(_ index: Int) -> Int {
        var end = index
        while end < text.count, [" ", "\t", "\n", "\u{A0}"].contains(text[end]) { end += 1 }
        return end
    }

    /// The lower-cased word starting at `index`, if a whole word starts there.
    private func word(at index: Int) -> String? {
        var end = index
        while end < text.count, CharacterSet.letters.contains(text[end]) { end += 1 }
        guard end > index, index == 0 || !CharacterSet.letters.contains(text[index - 1]) else { return nil }
        return String(String.UnicodeScalarView(text[index..<end])).lowercased()
    }

    /// The rest of the sentence after a list, up to `.`/`;` and a space, a blank line or the next ID.
    private func sentenceTail(from start: Int) -> String {
        var end = start
        while end < text.count, end - start < 400 {
            let scalar = text[end]
            if (scalar == "." || scalar == ";"), end + 1 >= text.count || [" ", "\n"].contains(text[end + 1]) { break }
            if scalar == "\n", skipWhitespace(end + 1) > end + 1, text[end + 1..<skipWhitespace(end + 1)].contains("\n") { break }
            if startsNumber(end), let id = fullID(at: end), prefixes.contains(id.prefix) { break }
            end += 1
        }
        return String(String.UnicodeScalarView(text[start..<end]))
    }

    private func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// Most frequent `N` of `N.M` on one line, plus any other `N` written five times or more.
    private static func listPrefixes(_ text: [Unicode.Scalar]) -> Set<Int> {
        var counts: [Int: Int] = [:]
        var value = 0, digits = 0, afterDot: Int? = nil, itemDigits = 0
        for (index, scalar) in text.enumerated() {
            let isDigit = ("0"..."9").contains(scalar)
            if let prefix = afterDot {
                if isDigit { itemDigits += 1; continue }
                if itemDigits > 0, scalar != "%", !(scalar == "." && index + 1 < text.count && ("0"..."9").contains(text[index + 1])) {
                    counts[prefix, default: 0] += 1
                }
                afterDot = nil
                itemDigits = 0
            }
            if isDigit {
                let previous = index > 0 ? text[index - 1] : " "
                let startsHere = digits == 0 && previous != "." && !("0"..."9").contains(previous)
                if digits > 0 || startsHere { value = value * 10 + Int(scalar.value - 48); digits += 1 }
                continue
            }
            if scalar == ".", digits > 0, digits <= 4 { afterDot = value }
            value = 0
            digits = 0
        }
        guard let top = counts.max(by: { $0.value < $1.value }) else { return [] }
        return Set(counts.filter { $0.key == top.key || $0.value >= 5 }.keys)
    }
}
