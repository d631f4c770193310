import Foundation

/// Rebuilds the lines of a report from the laid-out pieces of its PDF, telling apart what plain
/// text mixes up:
/// - a **footnote marker** is a number of one to three digits (or asterisks) printed well below the
///   running text's size: it is taken out of the line and remembered with it;
/// - the **footnotes' bodies** are the lines at the foot of a page, after its last line of running
///   text, printed smaller than it and starting with a marker: they become `footnotes`, by number;
/// - **page furniture** (symbol, page number, job number) is recognised by its shape, as in text.
extension ReportText {
    static func fromPDF(_ layout: PDFLayout) -> ReportText {
        let body = bodySize(layout)
        var out: [UInt8] = []
        var kinds: [Kind] = [], pages: [Int] = [], markers: [[Int]] = []
        var ranges: [Range<Int>] = []
        var footnotes: [Int: String] = [:]
        var lastFootnote: Int?
        var pageEndedInFootnote = false

        for page in layout.pages {
            let lines = PDFLines.lines(of: page, bodySize: body)
            // The last line of running text: footnotes come after it, never before.
            let lastText = lines.lastIndex { line in
                let text = bytes(line.text)
                return !text.isEmpty && line.size >= body && !ReportLines.isFurniture(text)
            } ?? -1
            var inFootnotes = false
            // A footnote cut by the page break goes on at the foot of this one, before any other.
            let continuing = pageEndedInFootnote
            for (k, line) in lines.enumerated() {
                let text = bytes(line.text)
                var kind: Kind = ReportLines.isFurniture(text) ? .furniture : .text
                if kind == .text, k > lastText, line.size < body {
                    if let n = line.leadingMarker ?? leadingNumber(text) {
                        inFootnotes = true
                        lastFootnote = n
                        footnotes[n] = ReportLines.collapseSpaces(line.text)
                    } else if line.leadingAsterisks || ReportLines.hasPrefix(text, "*") {
                        inFootnotes = true
                        lastFootnote = nil
                    } else if inFootnotes || continuing, let n = lastFootnote {
                        // The footnote goes on, here or from the foot of the page before.
                        inFootnotes = true
                        footnotes[n] = ReportLines.collapseSpaces(footnotes[n, default: ""] + " " + line.text)
                    }
                    if inFootnotes { kind = .footnote }
                }
                if !kinds.isEmpty { out.append(0x0A) }
                if k == 0 { out.append(0x0C) }
                let start = out.count
                out.append(contentsOf: text)
                ranges.append(start..<out.count)
                kinds.append(kind)
                pages.append(page.number)
                markers.append(kind == .text ? line.markers : [])
                if kind != .furniture, !text.isEmpty { pageEndedInFootnote = kind == .footnote }
            }
        }
        let lines = ranges.map { out[$0] }
        return ReportText(bytes: out, lines: lines, kinds: kinds, pages: pages, markers: markers,
                          footnotes: footnotes, fromPDF: true)
    }

    /// The line's bytes, trimmed, with any control character (a line break inside a piece of text)
    /// made a space: one rebuilt line stays one line.
    private static func bytes(_ s: String) -> ArraySlice<UInt8> {
        let b = Array(s.utf8).map { $0 < 0x20 && $0 != 0x09 ? 0x20 : $0 }[...]
        let lo = b.firstIndex { !ReportLines.isSpace($0) } ?? b.endIndex
        let hi = b.lastIndex { !ReportLines.isSpace($0) }.map { $0 + 1 } ?? lo
        return b[lo..<max(lo, hi)]
    }

    /// `12 Text …` at a footnote line's start, where pdftohtml did not set the number apart.
    private static func leadingNumber(_ t: ArraySlice<UInt8>) -> Int? {
        let d = ReportLines.digitRun(t)
        guard d > 0, d <= 3, t.count > d, ReportLines.isSpace(t[t.startIndex + d]) else { return nil }
        return Int(ReportLines.string(t.prefix(d)))
    }

    /// The size of the running text: the size most characters are printed in.
    static func bodySize(_ layout: PDFLayout) -> Int {
        var count: [Int: Int] = [:]
        for page in layout.pages {
            for f in page.fragments { count[f.size, default: 0] += f.text.unicodeScalars.count }
        }
        return count.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
    }
}

/// The visual lines of one page.
enum PDFLines {
    struct Line {
        var text: String
        /// The size most of its characters are printed in.
        var size: Int
        var top: Int
        /// Footnote markers taken out of the line, in reading order.
        var markers: [Int]
        /// A marker that stands first on the line: the number of the footnote it begins.
        var leadingMarker: Int?
        /// The line begins with a marker of asterisks (`** The conclusions … have not been edited.`).
        var leadingAsterisks = false
    }

    /// A footnote marker: digits (or asterisks) alone in a fragment, printed at most four fifths of
    /// the running text's size.
    static func isMarker(_ f: PDFLayout.Fragment, bodySize: Int) -> Bool {
        guard f.size * 5 <= bodySize * 4 else { return false }
        let t = f.text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 3 else { return false }
        return t.allSatisfy { $0.isASCII && $0.isNumber } || t.allSatisfy { $0 == "*" }
    }

    static func lines(of page: PDFLayout.Page, bodySize: Int) -> [Line] {
        let visible = page.fragments.filter { !$0.text.allSatisfy(\.isWhitespace) || $0.width > 0 }
        let marks = visible.filter { isMarker($0, bodySize: bodySize) }
        let rest = visible.filter { !isMarker($0, bodySize: bodySize) }.sorted { ($0.top, $0.left) < ($1.top, $1.left) }

        // Group by vertical overlap with the line being built.
        var groups: [[PDFLayout.Fragment]] = []
        var span = (top: 0, bottom: 0)
        for f in rest {
            if let _ = groups.last, overlaps(f.top, f.bottom, span.top, span.bottom) {
                groups[groups.count - 1].append(f)
                span = (min(span.top, f.top), max(span.bottom, f.bottom))
            } else {
                groups.append([f])
                span = (f.top, f.bottom)
            }
        }
        // Each marker goes to the line it overlaps most, or opens its own where it overlaps none.
        var markersOf: [[PDFLayout.Fragment]] = Array(repeating: [], count: groups.count)
        for m in marks {
            var best = -1, bestOverlap = 0
            for (g, group) in groups.enumerated() {
                let top = group.map(\.top).min()!, bottom = group.map(\.bottom).max()!
                let overlap = min(bottom, m.bottom) - max(top, m.top)
                if overlap > bestOverlap { best = g; bestOverlap = overlap }
            }
            if best >= 0 { markersOf[best].append(m) }
        }

        var lines: [Line] = []
        for (g, group) in groups.enumerated() {
            let pieces = group.sorted { $0.left < $1.left }
            let marks = markersOf[g].sorted { $0.left < $1.left }
            var text = ""
            var previousRight: Int?
            for piece in pieces {
                if let right = previousRight {
                    let markerBetween = marks.contains { $0.left >= right - 2 && $0.right <= piece.left + 2 }
                    let touching = piece.left - right < 2
                    if !markerBetween, !touching, text.last.map({ !$0.isWhitespace }) ?? false,
                       piece.text.first.map({ !$0.isWhitespace }) ?? false {
                        text += " "
                    }
                }
                text += piece.text
                previousRight = piece.right
            }
            var sizes: [Int: Int] = [:]
            for piece in pieces { sizes[piece.size, default: 0] += piece.text.filter { !$0.isWhitespace }.count }
            let size = sizes.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
            let firstLeft = pieces.first { !$0.text.allSatisfy(\.isWhitespace) }?.left ?? Int.max
            let numbers = marks.compactMap { Int($0.text.trimmingCharacters(in: .whitespaces)) }
            let first = marks.first.flatMap { $0.left <= firstLeft ? $0.text.trimmingCharacters(in: .whitespaces) : nil }
            let leading = first.flatMap { Int($0) }
            lines.append(Line(text: text, size: size, top: group.map(\.top).min()!,
                              markers: leading == nil ? numbers : Array(numbers.dropFirst()), leadingMarker: leading,
                              leadingAsterisks: first?.hasPrefix("*") ?? false))
        }
        return lines
    }

    /// Two vertical spans share at least half of the smaller one.
    private static func overlaps(_ aTop: Int, _ aBottom: Int, _ bTop: Int, _ bBottom: Int) -> Bool {
        let shared = min(aBottom, bBottom) - max(aTop, bTop)
        let smaller = max(1, min(aBottom - aTop, bBottom - bTop))
        return shared * 2 >= smaller
    }
}
