import Foundation

/// Finds the lists of recommendation IDs in an addendum's text and gives each the position that the
/// prose before it (or the rest of its sentence) states.
struct AddendumScanner {
    private let text: ScalarText
    /// The same text by line (1-based line `n` is `lines[n - 1]`), for headings of explanations.
    private let lines: [String]
    private let file: String
    /// Paragraph numbers of the report's recommendations (`140` in `140.7`); other `N.M` numbers
    /// (`99.9%`, `EUR 7.5`) are not IDs.
    private let prefixes: Set<Int>
    private var context = PositionContext()
    private var firstLine: [String: Int] = [:]
    private(set) var result = AddendumPositions()
    /// IDs listed as "to be examined": how a Working Group report, not an addendum, lists them.
    private(set) var unansweredCount = 0
    /// Lists alone on their line over prose (`140.11-14`): the IDs and the line, for the explanations.
    private(set) var headings: [(ids: [String], line: Int)] = []

    init(lines: [String], file: String) {
        text = ScalarText(lines: lines)
        self.lines = lines
        self.file = file
        prefixes = Self.listPrefixes(text)
    }

    mutating func run() {
        var index = 0
        var gapStart = 0
        while index < text.count {
            guard text.startsNumber(index) else { index += 1; continue }
            guard let first = fullID(at: index), prefixes.contains(first.prefix) else {
                index = text.numberEnd(index)
                continue
            }
            let gap = text.string(gapStart..<index)
            let leadIn = context.read(gap: gap, startsAtLineStart: gapStart == 0)
            let (ids, end) = readList(from: first, at: index)
            // A table row, `140.7   Supported`, gives its own position.
            let cue = rowPosition(after: end) ?? context.position(leadIn: leadIn, tail: sentenceTail(from: end))
            if text.isAtLineStart(index), AddendumExplanations.isHeading(line: text.line(of: index), in: lines) {
                // `140.11-14` over the prose that explains them: not a listing; it gives a position
                // only to IDs no list has given one.
                headings.append((ids.map(\.0), text.line(of: index)))
                for (id, offset) in ids {
                    guard let existing = result.positions[id] else { record(id, line: text.line(of: offset), cue: cue); continue }
                    if case .position(let here)? = cue, here.decision != existing.decision {
                        warn(text.line(of: offset), "\(id) is explained under \(Addendum.label(here)) here but listed as \(Addendum.label(existing)) at line \(firstLine[id] ?? 0); the listing is kept")
                    }
                }
                index = end
                gapStart = end
                continue
            }
            for (id, offset) in ids { record(id, line: text.line(of: offset), cue: cue) }
            index = end
            gapStart = end
        }
    }

    private mutating func record(_ id: String, line: Int, cue: PositionCue?) {
        guard case .position(let position)? = cue else {
            if case .unpublished(let reason)? = cue {
                if reason.hasPrefix("still to be examined") { unansweredCount += 1 }
                warn(line, "\(id) is listed as \(reason); left out")
            } else {
                warn(line, "\(id) has no statement of position (supports, notes) before it; left out")
            }
            return
        }
        if let existing = result.positions[id] {
            // Supported in one list and supported and already implemented in another: the narrower holds.
            if Set([existing, position]) == [.supported, .supportedImplemented] {
                result.positions[id] = .supportedImplemented
                return
            }
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
            let next = text.skipWhitespace(end)
            if let after = rangeConnector(at: next) {
                let target = text.skipWhitespace(after)
                let full = fullID(at: target).flatMap { $0.prefix == prefix ? (value: $0.item, end: $0.end) : nil }
                guard let rangeEnd = full ?? bareItem(at: target) else { break }
                let (item, itemEnd) = (rangeEnd.value, rangeEnd.end)
                if item > last, item - last <= 500 {
                    ids += (last + 1...item).map { ("\(prefix).\($0)", target) }
                } else {
                    warn(text.line(of: next), "the range \(prefix).\(last) to \(item) does not run upwards; only \(prefix).\(last) is kept")
                }
                last = item
                end = itemEnd
                continue
            }
            guard let found = separator(at: next) else { break }
            let isDot = found.isDot
            var target = text.skipWhitespace(found.end)
            // `140.252.` ends the list when the next line heads an explanation (`140.11-14`).
            if isDot, text.string(found.end..<target).contains("\n"),
               AddendumExplanations.isHeading(line: text.line(of: target), in: lines) { break }
            if text.word(at: target) == "and" { target = text.skipWhitespace(target + 3) }
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
        return text.word(at: index) == "to" ? index + 2 : nil
    }

    /// `,`, `;`, `&`, `and`, or a `.` typed for a comma (`140.35. 140.36`, accepted only before a full ID).
    private func separator(at index: Int) -> (end: Int, isDot: Bool)? {
        guard index < text.count else { return nil }
        if [",", ";", "&"].contains(text[index]) { return (index + 1, false) }
        if text[index] == "." { return (index + 1, true) }
        return text.word(at: index) == "and" ? (index + 3, false) : nil
    }

    /// `140.7`, or `140.` and `7` on two lines.
    private func fullID(at index: Int) -> (prefix: Int, item: Int, end: Int)? {
        guard text.startsNumber(index), let prefix = text.number(at: index), prefix.end < text.count, text[prefix.end] == "." else { return nil }
        var itemStart = prefix.end + 1
        if !text.isDigit(itemStart) {
            let skipped = text.skipWhitespace(itemStart)
            guard prefixes.contains(prefix.value), text.string(itemStart..<skipped).contains("\n") else { return nil }
            itemStart = skipped
        }
        guard let item = text.number(at: itemStart), !text.followsAsDecimal(item.end) else { return nil }
        return (prefix.value, item.value, item.end)
    }

    /// A lone item number (`209`), not the start of another full ID, a decimal or a paragraph number.
    private func bareItem(at index: Int) -> (value: Int, end: Int)? {
        guard text.startsNumber(index), let item = text.number(at: index), !text.followsAsDecimal(item.end) else { return nil }
        // `4. The Government…`: a paragraph number.
        if item.end < text.count, text[item.end] == ".", text.isAtLineStart(index) { return nil }
        if item.end < text.count, CharacterSet.letters.contains(text[item.end]) { return nil }
        return item
    }

    /// The position named by a few words after the IDs, alone on the rest of their line.
    private func rowPosition(after start: Int) -> PositionCue? {
        var end = start
        while end < text.count, text[end] != "\n" { end += 1 }
        let rest = text.string(start..<end).trimmingCharacters(in: .whitespaces)
        // Not `. Noted: 140.3` (another sentence, with more IDs): only words, starting with a letter.
        guard rest.count <= 40, rest.first?.isLetter == true, !rest.contains(where: \.isNumber),
              MatchKey.words(rest).count <= 4 else { return nil }
        return PositionCue.of(rest, requireRecommendation: false)
    }

    /// The rest of the sentence after a list, up to `.`/`;` and a space, a blank line or the next ID.
    private func sentenceTail(from start: Int) -> String {
        var end = start
        while end < text.count, end - start < 400 {
            let scalar = text[end]
            if (scalar == "." || scalar == ";"), end + 1 >= text.count || [" ", "\n"].contains(text[end + 1]) { break }
            if scalar == "\n", text.string(end + 1..<text.skipWhitespace(end + 1)).contains("\n") { break }
            if text.startsNumber(end), let id = fullID(at: end), prefixes.contains(id.prefix) { break }
            end += 1
        }
        return text.string(start..<end)
    }

    /// Most frequent `N` of `N.M` written on one line, plus any other `N` written five times or more.
    private static func listPrefixes(_ text: ScalarText) -> Set<Int> {
        var counts: [Int: Int] = [:]
        for index in 0..<text.count where text.startsNumber(index) {
            guard let prefix = text.number(at: index), prefix.end < text.count, text[prefix.end] == ".",
                  let item = text.number(at: prefix.end + 1), !text.followsAsDecimal(item.end) else { continue }
            counts[prefix.value, default: 0] += 1
        }
        guard let top = counts.max(by: { $0.value < $1.value }) else { return [] }
        return Set(counts.filter { $0.key == top.key || $0.value >= 5 }.keys)
    }
}
