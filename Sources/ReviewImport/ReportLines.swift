import Foundation

/// Line-level helpers for Working Group report text: splitting into numbered lines, recognising page
/// furniture (headers, footers, page numbers, footnotes), reading item numbers such as `140.7` or
/// `143.1.`, and joining wrapped lines back into running text. All scanning is done by hand over
/// UTF-8 bytes: no regular expression runs per line.
enum ReportLines {
    /// The lines of `text`, each trimmed of white space (form feeds included), as slices of one byte
    /// array. Lines end at `\n`, `\r\n` or a lone `\r`; a form feed is not a line break (pdftotext puts it
    /// at the start of the first line of a page), so indices match the line numbers an editor shows.
    static func trimmedLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        bytes.withUnsafeBufferPointer { buf in
            var start = 0, i = 0
            func add(_ end: Int) {
                var lo = start, hi = end
                while lo < hi, isSpace(buf[lo]) { lo += 1 }
                while hi > lo, isSpace(buf[hi - 1]) { hi -= 1 }
                lines.append(bytes[lo..<hi])
            }
            while i < buf.count {
                let b = buf[i]
                if b == 0x0A || b == 0x0D {
                    add(i)
                    i += (b == 0x0D && i + 1 < buf.count && buf[i + 1] == 0x0A) ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            add(buf.count)
        }
        return lines
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0B || b == 0x0D }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    /// ASCII letter, or any byte of a non-ASCII character (accented letters, curly quotes).
    static func isWordByte(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) || b >= 0x80 }

    static func hasPrefix(_ b: ArraySlice<UInt8>, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard b.count >= n else { return false }
        return prefix.withUTF8Buffer { p in
            var i = b.startIndex
            for x in p { if b[i] != x { return false }; i += 1 }
            return true
        }
    }

    /// Number of digits at the start of `b`.
    static func digitRun(_ b: ArraySlice<UInt8>) -> Int {
        var n = 0
        for x in b { if isDigit(x) { n += 1 } else { break } }
        return n
    }

    /// Page furniture that pdftotext leaves between the lines of running text:
    /// - the job number footer `GE.25-02819 (E) 210325 210325`, or `GE.25-02819   11`, or `12   GE.25-02819`;
    /// - the running header, a document symbol alone on its line: `A/HRC/59/15`;
    /// - a bare page number, or `Page 3`;
    /// - footnotes marked with asterisks (`** The conclusions and recommendations have not been edited.`),
    ///   numbered footnotes citing a document (`2  A/HRC/WG.6/48/SVN/2.`) and footnote rules (`_____`).
    static func isFurniture(_ t: ArraySlice<UInt8>) -> Bool {
        if t.isEmpty { return false }
        if isJobNumber(t) { return true }
        let d = digitRun(t)
        if d > 0 {
            if d == t.count && d <= 3 { return true }                       // bare page number
            let rest = t.dropFirst(d)
            let afterSpace = rest.drop(while: isSpace)
            if afterSpace.count < rest.count {
                if isJobNumber(afterSpace) { return true }                   // "12   GE.25-02819"
                if d <= 3, hasPrefix(afterSpace, "A/HRC/") { return true }    // numbered footnote citing a symbol
            }
            return false
        }
        if hasPrefix(t, "A/HRC/") { return !t.contains(0x20) }               // the symbol alone
        if hasPrefix(t, "Page "), digitRun(t.dropFirst(5)) == t.count - 5 { return true }
        if t.first == 0x2A { return true }                                   // "*" footnote
        if t.count >= 5, t.allSatisfy({ $0 == 0x5F }) { return true }        // "_____"
        return false
    }

    /// `GE.25-02819` at the start of `t`.
    private static func isJobNumber(_ t: ArraySlice<UInt8>) -> Bool {
        guard hasPrefix(t, "GE.") else { return false }
        let rest = t.dropFirst(3)
        let a = digitRun(rest)
        guard a >= 2, rest.count > a, rest[rest.startIndex + a] == 0x2D else { return false }
        return digitRun(rest.dropFirst(a + 1)) >= 4
    }

    /// An item number `P.N` or `P.N.` at `i`, followed by white space or the end of the bytes.
    /// Returns the numbers and the index just past the token and the white space after it.
    static func itemNumber(_ b: ArraySlice<UInt8>, at start: Int) -> (paragraph: Int, item: Int, next: Int)? {
        var i = start
        func number() -> Int? {
            var value = 0, n = 0
            while i < b.endIndex, isDigit(b[i]), n < 4 { value = value * 10 + Int(b[i] - 0x30); i += 1; n += 1 }
            return n > 0 && n <= 3 ? value : nil
        }
        guard let p = number(), i < b.endIndex, b[i] == 0x2E else { return nil }
        i += 1
        guard let n = number() else { return nil }
        if i < b.endIndex, b[i] == 0x2E { i += 1 }
        guard i == b.endIndex || isSpace(b[i]) else { return nil }
        while i < b.endIndex, isSpace(b[i]) { i += 1 }
        return (p, n, i)
    }

    /// Whether running text may start here: an uppercase letter, a non-ASCII letter or quote, a quote or
    /// an opening parenthesis. Recommendations start with a capitalised verb.
    static func startsLikeText(_ b: ArraySlice<UInt8>, at i: Int) -> Bool {
        guard i < b.endIndex else { return true }
        let x = b[i]
        return isUpper(x) || x >= 0x80 || x == 0x22 || x == 0x27 || x == 0x28
    }

    /// A top-level paragraph number `141.` at the start of a trimmed line (not an item number `141.2`).
    static func paragraphNumber(_ t: ArraySlice<UInt8>) -> Int? {
        let d = digitRun(t)
        guard d > 0, d <= 3, t.count > d, t[t.startIndex + d] == 0x2E else { return nil }
        let after = t.startIndex + d + 1
        guard after == t.endIndex || isSpace(t[after]) else { return nil }
        return Int(String(decoding: t.prefix(d), as: UTF8.self))
    }

    /// A heading that closes the recommendations: `Annex`, `Composition of the delegation`, or a Roman
    /// numeral heading such as `III. Conclusions` or `IV. Voluntary commitments`.
    static func isClosingHeading(_ t: ArraySlice<UInt8>) -> Bool {
        if hasPrefix(t, "Annex"), t.count <= 12 { return true }
        if hasPrefix(t, "Composition of the delegation") { return true }
        var i = t.startIndex
        while i < t.endIndex, [0x49, 0x56, 0x58].contains(t[i]) { i += 1 }          // I V X
        let n = i - t.startIndex
        guard n >= 1, n <= 5, i < t.endIndex, t[i] == 0x2E else { return false }
        i += 1
        guard i < t.endIndex, isSpace(t[i]) else { return false }
        while i < t.endIndex, isSpace(t[i]) { i += 1 }
        return i < t.endIndex && isUpper(t[i])
    }

    static func string(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }

    /// Collapses runs of white space (spaces, tabs, form feeds, line breaks, no-break spaces) into one
    /// space and trims the ends.
    static func collapseSpaces(_ s: String) -> String {
        var out: [UInt8] = []
        appendCollapsed(Array(s.utf8)[...], to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `b` to `out` with its runs of white space collapsed to one space, without leading or
    /// trailing space.
    static func appendCollapsed(_ b: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var pendingSpace = false
        var wrote = false
        var i = b.startIndex
        while i < b.endIndex {
            let x = b[i]
            if isSpace(x) || x == 0x0A {
                pendingSpace = wrote
                i += 1
            } else if x == 0xC2, i + 1 < b.endIndex, b[i + 1] == 0xA0 {      // no-break space
                pendingSpace = wrote
                i += 2
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(x)
                wrote = true
                i += 1
            }
        }
    }

    /// Joins the wrapped lines of one item into running text.
    ///
    /// A line ending in a hyphen right after a letter, followed by a line starting with a lowercase
    /// letter, is ambiguous (`capacity-` + `building` or `imple-` + `mentation`). UN reports of these
    /// years are set without automatic hyphenation, so the hyphen is kept, unless the document itself
    /// says the word is written whole: it appears elsewhere as one word (`implementation`) and never
    /// with a hyphen. Before a capital (`Timor-` + `Leste`, `anti-` + `Roma`) the hyphen is kept.
    /// A line ending in a hyphen or en dash after a digit, before a digit (`2024–` + `2028`), or in a
    /// slash (`refugees/` + `asylum-seekers`), is joined without a space. Any other line break is one space.
    static func join(_ fragments: [ArraySlice<UInt8>], hyphenated: () -> HyphenEvidence) -> [UInt8] {
        var out: [UInt8] = []
        for f in fragments {
            guard let firstIndex = f.firstIndex(where: { !isSpace($0) && $0 != 0x0A }) else { continue }
            let first = f[firstIndex]
            if let last = out.last {
                let before = out.count >= 2 ? out[out.count - 2] : 0x20
                let firstIsLetter = isUpper(first) || isLower(first) || first >= 0x80
                if last == 0x2D, isWordByte(before), firstIsLetter {
                    if isLower(first) || (first >= 0x80 && startsLowercase(f[firstIndex...])) {
                        var lo = out.count - 1
                        while lo > 0, isWordByte(out[lo - 1]) { lo -= 1 }
                        let right = f[firstIndex...].prefix(while: isWordByte)
                        let left = string(out[lo..<(out.count - 1)]).lowercased(), rest = string(right).lowercased()
                        let evidence = hyphenated()
                        if !evidence.pairs.contains(left + "-" + rest), evidence.words.contains(left + rest) { out.removeLast() }
                    }
                } else if let dash = trailingDash(out), dash > 0, isDigit(out[dash - 1]), isDigit(first) {
                    // a range of years or numbers: no space
                } else if last != 0x2F {
                    out.append(0x20)
                }
            }
            appendCollapsed(f[firstIndex...], to: &out)
        }
        return out
    }

    /// Where a final `-` or `–` starts in `b`.
    private static func trailingDash(_ b: [UInt8]) -> Int? {
        if b.last == 0x2D { return b.count - 1 }
        if b.count >= 3, b[b.count - 3] == 0xE2, b[b.count - 2] == 0x80, b[b.count - 1] == 0x93 { return b.count - 3 }
        return nil
    }

    private static func startsLowercase(_ b: ArraySlice<UInt8>) -> Bool {
        String(decoding: b.prefix(4), as: UTF8.self).first?.isLowercase ?? false
    }

    /// What the document says of its words: pairs of letter runs joined by a hyphen within one line,
    /// lowercased (`asylum-seekers`, `non-custodial`; `best-interests-based` gives two pairs), and
    /// the words written whole (letter runs of four letters or more, lowercased).
    struct HyphenEvidence {
        var pairs: Set<String> = []
        var words: Set<String> = []
        static let none = HyphenEvidence()
    }

    static func hyphenEvidence(in bytes: [UInt8]) -> HyphenEvidence {
        var words = Set<String>()
        var start = -1
        for i in 0...bytes.count {
            let b: UInt8 = i < bytes.count ? bytes[i] : 0x20
            if b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
                if start < 0 { start = i }
                continue
            }
            // A run cut by a hyphen at its end or start is no whole word.
            if start >= 0, i - start >= 4, b != 0x2D, start == 0 || bytes[start - 1] != 0x2D {
                words.insert(string(bytes[start..<i]).lowercased())
            }
            start = -1
        }
        return HyphenEvidence(pairs: hyphenatedPairs(in: bytes), words: words)
    }

    /// Pairs of letter runs joined by a hyphen within one line anywhere in the text, lowercased.
    static func hyphenatedPairs(in bytes: [UInt8]) -> Set<String> {
        var pairs = Set<String>()
        bytes.withUnsafeBufferPointer { buf in
            var previous = 0..<0     // the letter run before a hyphen
            var runStart = -1        // start of the current letter run, -1 outside a run
            var afterHyphen = false
            for i in 0...buf.count {
                let b: UInt8 = i < buf.count ? buf[i] : 0x20
                if b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
                    if runStart < 0 { runStart = i }
                    continue
                }
                if afterHyphen, !previous.isEmpty, runStart >= 0 {
                    pairs.insert((string(bytes[previous]) + "-" + string(bytes[runStart..<i])).lowercased())
                }
                if b == 0x2D, runStart >= 0 {
                    previous = runStart..<i
                    afterHyphen = true
                } else {
                    previous = 0..<0
                    afterHyphen = false
                }
                runStart = -1
            }
        }
        return pairs
    }
}
