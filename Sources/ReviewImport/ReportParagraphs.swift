import Foundation

/// The paragraphs of a report's conclusions section, each with its lead-in and, where it lists
/// recommendations, its items, in either numbering the reports use:
/// - **dotted** (2009 on): `115.1`, `115.2.` … at the start of a line, the paragraph in the number;
/// - **plain** (2008-2010): `1.`, `2.` … inside paragraph 60, cited as `60.1`, `60.2`.
///
/// A number is read by where it stands in the sequence, not only by its shape: in a plain list a
/// line `83.` after item 82 ending in `;` is item 83, after an item ending in `.` it is paragraph 83.
/// A misprinted number (`136.69` between 138.68 and 138.70, `118.09` for 118.109, `125-15.`, an ID
/// glued to its text) is read as the one its neighbours say it must be, and reported.
struct ReportParagraphs {
    enum Numbering: Equatable { case dotted, plain }

    struct Item {
        var number: Int
        /// Index of the line where the item starts.
        var line: Int
        var fragments: [ArraySlice<UInt8>]
        /// Indices of the lines it spans (for footnote markers).
        var lines: [Int]
    }

    struct Paragraph {
        var number: Int
        var line: Int
        var leadIn: [ArraySlice<UInt8>] = []
        var numbering: Numbering?
        var items: [Item] = []
        /// Text after the last item closed (a comment of the State under review, a stray line).
        var after: [ArraySlice<UInt8>] = []

        var nextItem: Int { (items.last?.number ?? 0) + 1 }
    }

    struct Note {
        var line: Int
        var message: String
    }

    var paragraphs: [Paragraph] = []
    var notes: [Note] = []
    /// Index of the section's first line and whether a heading was found for it.
    var sectionStart = 0
    var foundHeading = false
    var sectionEnd = 0

    static func read(_ text: ReportText) -> ReportParagraphs {
        var result = ReportParagraphs()
        let lines = text.lines
        let heading = conclusionsHeading(text)
        result.foundHeading = heading != nil
        result.sectionStart = heading.map { $0 + 1 } ?? 0
        result.sectionEnd = lines.count
        var reader = Reader(text: text, tokens: lines.map { ItemToken.read($0) })
        for i in result.sectionStart..<lines.count {
            if text.isAside(i) || lines[i].isEmpty { continue }
            if i > result.sectionStart, isSectionEnd(lines[i]) { result.sectionEnd = i; break }
            reader.take(i)
        }
        result.paragraphs = reader.paragraphs
        result.notes = reader.notes
        return result
    }

    /// The last heading of the form `II. Conclusions and/or recommendations` (the first ones may be a
    /// table of contents).
    static func conclusionsHeading(_ text: ReportText) -> Int? {
        var found: Int?
        for (i, t) in text.lines.enumerated() where !text.isAside(i) {
            let s = ReportLines.string(t).lowercased()
            // The heading, perhaps with its footnote on the same line in an extraction:
            // "II. Conclusions and/or recommendations** ** Conclusions … have not been edited."
            let head = String(s.prefix(60))
            guard head.contains("conclusions and") || head.hasSuffix("conclusions") || head.hasPrefix("conclusions") else { continue }
            if s.contains("....") || s.last?.isNumber == true && s.contains("  ") { continue }   // a contents line
            if ReportLines.paragraphNumber(t) != nil { continue }                                  // "88. All conclusions …"
            if romanHeading(t) || s.hasPrefix("conclusions") && t.count < 90 { found = i }
        }
        return found
    }

    private static func romanHeading(_ t: ArraySlice<UInt8>) -> Bool {
        var i = t.startIndex
        while i < t.endIndex, [0x49, 0x56, 0x58].contains(t[i]) { i += 1 }
        return i > t.startIndex && i < t.endIndex && t[i] == 0x2E
    }

    /// Where the conclusions end: the next Roman numeral heading, `Annex`, the delegation's composition.
    static func isSectionEnd(_ t: ArraySlice<UInt8>) -> Bool {
        ReportLines.isClosingHeading(t) || ReportLines.hasPrefix(t, "ANNEX") && t.count <= 12
            || ReportLines.hasPrefix(t, "COMPOSITION OF THE DELEGATION")
    }

    /// Builds the paragraphs line by line.
    private struct Reader {
        let text: ReportText
        let tokens: [ItemToken?]
        var paragraphs: [Paragraph] = []
        var notes: [Note] = []
        /// The current item ended with its States and a full stop: what follows is not its text.
        var closed = false

        init(text: ReportText, tokens: [ItemToken?]) {
            self.text = text
            self.tokens = tokens
        }

        mutating func take(_ i: Int) {
            let t = text.lines[i]
            var content = t
            var started = false
            if let token = tokens[i], let start = startsItem(token, at: i) {
                started = true
                if start.paragraph != paragraphs.last?.number {
                    paragraphs.append(Paragraph(number: start.paragraph, line: i))
                }
                if let note = start.note { notes.append(Note(line: i, message: note)) }
                var p = paragraphs[paragraphs.count - 1]
                p.numbering = token.paragraph == nil ? .plain : .dotted
                p.items.append(Item(number: start.item, line: i, fragments: [], lines: []))
                paragraphs[paragraphs.count - 1] = p
                content = t[token.next...]
                closed = false
            } else if let n = ReportLines.paragraphNumber(t), startsParagraph(n) {
                paragraphs.append(Paragraph(number: n, line: i))
                paragraphs[paragraphs.count - 1].leadIn.append(t[(t.startIndex + ReportLines.digitRun(t) + 1)...])
                closed = false
                return
            }
            guard !paragraphs.isEmpty else { return }
            if !started, let token = tokens[i], token.exact, token.startsText, let last = paragraphs.last?.items.last,
               token.paragraph != nil || paragraphs.last?.numbering == .plain {
                notes.append(Note(line: i, message: "the number “\(token.printed)” at the start of a line does not follow "
                    + "\(paragraphs.last!.number).\(last.number) and was kept as its text"))
            }
            var p = paragraphs[paragraphs.count - 1]
            defer { paragraphs[paragraphs.count - 1] = p }
            if p.items.isEmpty { p.leadIn.append(content); return }
            if closed { p.after.append(content); return }
            // Items that follow one another on one line: `… (Slovenia); 143.85. Further implement …`.
            var from = content.startIndex
            if p.numbering == .dotted {
                for hit in WorkingGroupReport.inlineItemNumbers(content, paragraph: p.number) {
                    guard hit.item == p.nextItem else {
                        notes.append(Note(line: i, message: "the number \(p.number).\(hit.item) inside \(p.number).\(p.nextItem - 1) "
                            + "does not follow it and was kept as text"))
                        continue
                    }
                    p.items[p.items.count - 1].fragments.append(content[from..<hit.index])
                    p.items[p.items.count - 1].lines.append(i)
                    p.items.append(Item(number: hit.item, line: i, fragments: [], lines: []))
                    from = hit.next
                }
            }
            p.items[p.items.count - 1].fragments.append(content[from...])
            p.items[p.items.count - 1].lines.append(i)
            closed = endsList(p.items[p.items.count - 1])
        }

        /// Whether a line `N.` begins paragraph N: the first one of the section, or the one after the
        /// current paragraph (a skipped number is allowed: a paragraph may be lost to the layout).
        func startsParagraph(_ n: Int) -> Bool {
            guard let current = paragraphs.last else { return true }
            // Inside a list only the next paragraphs end it; between lists the numbering may jump
            // (a text that holds only parts of a report).
            return n > current.number && (current.items.isEmpty || n <= current.number + 3)
        }

        /// Whether the item's text ends its list: its States and a full stop, `(France).`.
        func endsList(_ item: Item) -> Bool {
            guard let last = item.fragments.last, last.count >= 2 else { return false }
            let end = last.endIndex
            guard last[end - 1] == 0x2E, last[end - 2] == 0x29 else { return false }
            let parsed = RecommendingStates.parse(ReportLines.join(item.fragments, hyphenated: { .none }))
            return !parsed.states.isEmpty && parsed.unattributed.isEmpty
        }

        /// The item a numbered line begins, read against the sequence: paragraph, item, and a note where
        /// the number as printed was not the one taken.
        func startsItem(_ token: ItemToken, at i: Int) -> (paragraph: Int, item: Int, note: String?)? {
            let current = paragraphs.last
            let previousEnds = current?.items.last.map(endsWithSeparator) ?? false
            if let printed = token.paragraph {
                guard token.startsText || previousEnds || token.item == 1 else { return nil }
                guard let p = current else {
                    // The first list met (a text that holds only the list may start anywhere in it).
                    return token.exact && (token.item == 1 || token.startsText) ? (printed, token.item, nil) : nil
                }
                let expected = p.numbering == .dotted || p.items.isEmpty ? p.nextItem : 1
                if p.numbering == .plain {
                    // A dotted number inside a plain list is a citation, unless it begins a new list.
                    return printed > p.number && token.item == 1 ? (printed, 1, nil) : nil
                }
                if printed == p.number {
                    if token.item == expected { return (printed, token.item, token.exact ? nil : misprint(token, printed, expected)) }
                    // `118.09` between 118.108 and 118.110: a digit lost (or one too many), which the next
                    // number confirms. Anything else is a gap or a disorder, reported when the items are numbered.
                    if ReportParagraphs.isSlip(token.itemDigits, of: expected, substitution: false), followedBy(printed, expected + 1, after: i) {
                        return (printed, expected, misprint(token, printed, expected))
                    }
                    return (printed, token.item, nil)
                }
                if printed > p.number, printed <= p.number + 3, token.item == 1 { return (printed, 1, nil) }
                if !p.items.isEmpty, token.item == expected, ReportParagraphs.isSlip(token.paragraphDigits, of: p.number, substitution: true),
                   previousEnds || followedBy(p.number, expected + 1, after: i) {
                    return (p.number, expected, misprint(token, p.number, expected))
                }
                return nil
            }
            // A plain number `k.`: an item of the current paragraph's own list.
            guard let p = current, p.numbering != .dotted else { return nil }
            let k = token.item
            if !token.exact {
                guard k == p.nextItem, k > 1, previousEnds else { return nil }
                return (p.number, k, "printed as “\(token.printed)” without its full stop, read as \(p.number).\(k)")
            }
            if k == p.nextItem {
                if p.items.isEmpty { return k == 1 ? (p.number, 1, nil) : nil }
                // `83.` after item 82: a new paragraph 83 when item 82 closed its list with a full stop.
                if k == p.number + 1, !previousEnds, endsWithFullStop(p.items[p.items.count - 1]) { return nil }
                return (p.number, k, nil)
            }
            if k > p.nextItem, k <= p.nextItem + 2, previousEnds, k != p.number + 1 { return (p.number, k, nil) }
            return nil
        }

        func misprint(_ token: ItemToken, _ p: Int, _ k: Int) -> String {
            "printed as “\(token.printed)”, read as \(p).\(k) (between \(p).\(k - 1) and \(p).\(k + 1))"
        }

        /// Whether the next numbered line after `i` is `p.k` (the neighbour that confirms a misprint).
        func followedBy(_ p: Int, _ k: Int, after i: Int) -> Bool {
            var j = i + 1
            while j < tokens.count, j < i + 40 {
                if let t = tokens[j], !text.isAside(j) { return t.paragraph == p && t.item == k }
                j += 1
            }
            return false
        }

        func endsWithSeparator(_ item: Item) -> Bool {
            guard let last = item.fragments.last?.last(where: { !ReportLines.isSpace($0) }) else { return false }
            return last == 0x3B || last == 0x2C   // ";" or ","
        }

        func endsWithFullStop(_ item: Item) -> Bool {
            item.fragments.last?.last(where: { !ReportLines.isSpace($0) }) == 0x2E
        }
    }

    /// One digit string is a slip of another: one digit dropped, added or changed (`09` for `109`).
    static func isSlip(_ digits: String, of n: Int, substitution: Bool) -> Bool {
        let a = Array(digits), b = Array(String(n))
        if a == b { return false }
        if a.count == b.count { return substitution && zip(a, b).filter { $0 != $1 }.count == 1 }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count - short.count == 1 else { return false }
        for skip in long.indices where Array(long[..<skip] + long[(skip + 1)...]) == short { return true }
        return false
    }
}
