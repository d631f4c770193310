import Foundation
import ReviewModel

/// Reader for the text of a Working Group report (`pdftotext -layout` output, or a plain extraction).
///
/// It finds the recommendations paragraph (the paragraph `P.` whose items are numbered `P.1`, `P.2`, …),
/// reads each item up to the next item number, drops page furniture, joins wrapped lines and reads the
/// recommending States from the parentheses at the end of each clustered text. The list ends at the
/// next top-level paragraph (`141.` after `140.`), at `Annex`, at the composition of the delegation, at a Roman
/// numeral heading, or after an item closed by `(States).` that no further item follows.
public enum WorkingGroupReport {
    /// Parses the text of a Working Group report (pdftotext -layout output, or plain extraction).
    public static func parse(_ text: String, file: String) throws -> ImportedDocument {
        let bytes = Array(text.utf8)
        try checkIsText(bytes, file: file)
        let trimmed = ReportLines.trimmedLines(bytes)
        let furniture = trimmed.map(ReportLines.isFurniture)
        var warnings: [ImportWarning] = []

        guard let found = findList(trimmed, furniture) else {
            throw ImportError.notRecognized(file: file, reason: "no list of recommendations found: looked for a paragraph "
                + "whose items are numbered P.1, P.2, … at the start of a line (like “140.1 Ratify …” or “143.1. Continue …”)")
        }
        let p = found.paragraph
        for other in found.others {
            warnings.append(ImportWarning(file: file, line: other.line + 1, message: "another numbered list, paragraph \(other.paragraph) "
                + "(\(other.count) items), was not imported: only paragraph \(p), the longest list, was read"))
        }

        let items = readItems(trimmed, furniture, from: found.line, paragraph: p, file: file, warnings: &warnings)
        var pairs: Set<String>?
        let hyphenated = { () -> Set<String> in
            if let pairs { return pairs }
            let made = ReportLines.hyphenatedPairs(in: bytes)
            pairs = made
            return made
        }

        var recommendations: [ImportedRecommendation] = []
        var seen: [Int: Int] = [:]
        var highest = 0
        for (index, item) in items.enumerated() {
            let id = "\(p).\(item.number)"
            if let firstLine = seen[item.number] {
                warnings.append(ImportWarning(file: file, line: item.line, message: "\(id) appears twice (first at line \(firstLine)); both are kept"))
            } else if item.number > highest + 1 {
                let gap = item.number == highest + 2 ? "\(p).\(highest + 1) is" : "\(p).\(highest + 1) to \(p).\(item.number - 1) are"
                warnings.append(ImportWarning(file: file, line: item.line, message: "gap in the numbering: \(gap) missing before \(id)"))
            } else if item.number <= highest {
                warnings.append(ImportWarning(file: file, line: item.line, message: "\(id) is out of order (after \(p).\(highest))"))
            }
            seen[item.number] = seen[item.number] ?? item.line
            highest = max(highest, item.number)

            let joined = ReportLines.join(item.fragments, hyphenated: hyphenated)
            let parsed = RecommendingStates.parse(joined)
            var texts = parsed.texts
            if !parsed.unattributed.isEmpty { texts.append(parsed.unattributed) }
            if parsed.states.isEmpty {
                warnings.append(ImportWarning(file: file, line: item.line, message: "\(id) has no recommending State"))
            } else if !parsed.unattributed.isEmpty {
                warnings.append(ImportWarning(file: file, line: item.line,
                    message: "\(id): text after the last recommending State, kept in the text: “\(parsed.unattributed)”"))
            }
            if index < items.count - 1, let last = joined.last, last != 0x3B, last != 0x2E {
                warnings.append(ImportWarning(file: file, line: item.line, message: "\(id) does not end with “;” or “.”"))
            }
            recommendations.append(ImportedRecommendation(id: id, text: texts.joined(separator: "; "), states: parsed.states, line: item.line))
        }
        let info = DocumentHeader.read(trimmed, furniture, listLine: found.line, paragraph: p)
        return ImportedDocument(file: file, format: .reportText, info: info, recommendations: recommendations, warnings: warnings)
    }

    /// Empty (or only white space) and binary input are refused before any parsing.
    /// Binary means a NUL byte, or more than a tenth of the bytes being control characters or U+FFFD
    /// (what invalid UTF-8 decodes to).
    static func checkIsText(_ bytes: [UInt8], file: String) throws {
        var nonSpace = false
        var control = 0
        try bytes.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                let b = buf[i]
                if b < 0x20 {
                    if b == 0 { throw ImportError.binary(file: file) }
                    if !ReportLines.isSpace(b), b != 0x0A { control += 1 }
                } else if b != 0x20 {
                    nonSpace = true
                    if b == 0xEF, i + 2 < buf.count, buf[i + 1] == 0xBF, buf[i + 2] == 0xBD { control += 3; i += 2 }
                }
                i += 1
            }
        }
        guard nonSpace else { throw ImportError.empty(file: file) }
        if control * 10 > bytes.count { throw ImportError.binary(file: file) }
    }

    struct FoundList {
        var paragraph: Int
        var line: Int
        var others: [(paragraph: Int, count: Int, line: Int)]
    }

    /// Picks the paragraph whose numbered items `P.1`, `P.2`, … are the most numerous (an item 1 or at
    /// least three items are required). `line` is the index of the line holding its first item.
    static func findList(_ trimmed: [ArraySlice<UInt8>], _ furniture: [Bool]) -> FoundList? {
        var items: [Int: Set<Int>] = [:]
        var firstLine: [Int: Int] = [:]
        var lineOfItem1: [Int: Int] = [:]
        func note(_ p: Int, _ n: Int, _ line: Int) {
            items[p, default: []].insert(n)
            if firstLine[p] == nil { firstLine[p] = line }
            if n == 1, lineOfItem1[p] == nil { lineOfItem1[p] = line }
        }
        for (i, t) in trimmed.enumerated() where !furniture[i] && !t.isEmpty {
            if let n = ReportLines.itemNumber(t, at: t.startIndex), ReportLines.startsLikeText(t, at: n.next) {
                note(n.paragraph, n.item, i)
            }
            for hit in inlineItemNumbers(t, paragraph: nil) { note(hit.paragraph, hit.item, i) }
        }
        let candidates = items.filter { $0.value.contains(1) || $0.value.count >= 3 }
            .map { (paragraph: $0.key, count: $0.value.count, line: lineOfItem1[$0.key] ?? firstLine[$0.key]!) }
            .sorted { ($0.count, -$0.line) > ($1.count, -$1.line) }
        guard let best = candidates.first else { return nil }
        let others = candidates.dropFirst().filter { $0.count >= 2 }.sorted { $0.line < $1.line }
        return FoundList(paragraph: best.paragraph, line: best.line, others: Array(others))
    }

    /// Item numbers inside a line, after `;`, `:` or `.` and white space, followed by text that starts
    /// like a recommendation: `… (Slovenia); 143.85. Further implement …`.
    static func inlineItemNumbers(_ b: ArraySlice<UInt8>, paragraph: Int?) -> [(index: Int, paragraph: Int, item: Int, next: Int)] {
        var hits: [(index: Int, paragraph: Int, item: Int, next: Int)] = []
        var j = b.startIndex
        while j < b.endIndex {
            defer { j += 1 }
            let x = b[j]
            guard x == 0x3B || x == 0x3A || x == 0x2E, j + 1 < b.endIndex, ReportLines.isSpace(b[j + 1]) else { continue }
            var k = j + 1
            while k < b.endIndex, ReportLines.isSpace(b[k]) { k += 1 }
            guard k < b.endIndex, ReportLines.isDigit(b[k]), let n = ReportLines.itemNumber(b, at: k),
                  paragraph == nil || n.paragraph == paragraph!, n.next < b.endIndex, ReportLines.startsLikeText(b, at: n.next)
            else { continue }
            hits.append((k, n.paragraph, n.item, n.next))
        }
        return hits
    }

    struct RawItem {
        var number: Int
        /// 1-based line of the source where the item starts.
        var line: Int
        /// The item's text on each line, still wrapped.
        var fragments: [ArraySlice<UInt8>]
    }

    /// Reads the items of paragraph `p` from line index `start`, up to the end of the list.
    static func readItems(_ trimmed: [ArraySlice<UInt8>], _ furniture: [Bool], from start: Int, paragraph p: Int,
                          file: String, warnings: inout [ImportWarning]) -> [RawItem] {
        var items: [RawItem] = []
        var closed = false   // the current item ended with its States and a full stop
        for i in start..<trimmed.count {
            let t = trimmed[i]
            if t.isEmpty || furniture[i] { continue }
            if ReportLines.paragraphNumber(t) == p + 1 { break }
            if ReportLines.isClosingHeading(t) { break }
            var content = t
            if let n = ReportLines.itemNumber(t, at: t.startIndex), n.paragraph == p,
               ReportLines.startsLikeText(t, at: n.next) || items.isEmpty || endsItem(items[items.count - 1]) {
                items.append(RawItem(number: n.item, line: i + 1, fragments: []))
                content = t[n.next...]
            } else if closed {
                break
            }
            var from = content.startIndex
            for hit in inlineItemNumbers(content, paragraph: p) {
                if let last = items.last, hit.item != last.number + 1 {
                    warnings.append(ImportWarning(file: file, line: i + 1, message: "the number \(p).\(hit.item) inside "
                        + "\(p).\(last.number) does not follow it and was kept as text"))
                    continue
                }
                if !items.isEmpty { items[items.count - 1].fragments.append(content[from..<hit.index]) }
                items.append(RawItem(number: hit.item, line: i + 1, fragments: []))
                from = hit.next
            }
            guard !items.isEmpty else { continue }   // the paragraph's introduction: "140. The following recommendations …"
            items[items.count - 1].fragments.append(content[from...])
            closed = false
            if content.count >= 2, content[content.endIndex - 1] == 0x2E, content[content.endIndex - 2] == 0x29 {
                let parsed = RecommendingStates.parse(ReportLines.join(items[items.count - 1].fragments, hyphenated: { [] }))
                closed = !parsed.states.isEmpty && parsed.unattributed.isEmpty
            }
        }
        return items
    }

    /// Whether the item's text so far ends with `;` or `.`, so that a number at the start of the next line
    /// begins a new item even if the text after it does not start with a capital.
    private static func endsItem(_ item: RawItem) -> Bool {
        guard let last = item.fragments.last?.last(where: { !ReportLines.isSpace($0) }) else { return false }
        return last == 0x3B || last == 0x2E
    }
}
