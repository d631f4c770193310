import Foundation

/// The lines of a Working Group report as the list reader needs them, from a PDF or from text:
/// each line with what it is (running text, page furniture, a footnote's body), the page it is on,
/// and the footnote markers that were taken out of it; and the footnotes' bodies by number.
struct ReportText {
    enum Kind: Equatable { case text, furniture, footnote }

    /// The text, one line per line (for a PDF, the lines as laid out on the page, rebuilt).
    var bytes: [UInt8]
    var lines: [ArraySlice<UInt8>]
    var kinds: [Kind]
    /// 1-based page of each line (0 where unknown).
    var pages: [Int]
    /// Footnote numbers whose markers stood on each line (PDF only).
    var markers: [[Int]]
    /// Footnote bodies by number, white space collapsed.
    var footnotes: [Int: String]
    /// Whether line numbers are the source's own (text) or the rebuilt lines of a PDF (pages then say where).
    var fromPDF: Bool

    /// Skipped by the list reader: page furniture and footnote bodies.
    func isAside(_ i: Int) -> Bool { kinds[i] != .text }

    /// Where line `i` is, for a message: `12` (its line) or, for a PDF, its page.
    func place(_ i: Int) -> (line: Int, page: Int?) { fromPDF ? (i + 1, pages[i]) : (i + 1, nil) }

    /// A text file (pdftotext output or a plain extraction): furniture is recognised by its shape, and
    /// the footnotes that say how a recommendation was read during the dialogue by their opening words.
    static func fromText(_ bytes: [UInt8]) -> ReportText {
        let lines = ReportLines.trimmedLines(bytes)
        var kinds = lines.map { ReportLines.isFurniture($0) ? Kind.furniture : .text }
        var pages: [Int] = []
        var page = 1
        for line in lines {
            // pdftotext puts a form feed at the start of a page's first line; trimming keeps the slice
            // bounds, so look just before it.
            if line.startIndex > 0, bytes[line.startIndex - 1] == 0x0C { page += 1 }
            pages.append(page)
        }
        var footnotes: [Int: String] = [:]
        var i = 0
        while i < lines.count {
            // "3" alone on a line, then "The recommendation as read during the interactive dialogue: …".
            if kinds[i] == .text || kinds[i] == .furniture, ReportLines.hasPrefix(lines[i], "The recommendation as read during") {
                var number: Int?
                if i > 0, let n = bareNumber(lines[i - 1]) { number = n; kinds[i - 1] = .footnote }
                var body: [String] = []
                var j = i
                while j < lines.count, !lines[j].isEmpty, kinds[j] != .furniture || j == i {
                    body.append(ReportLines.string(lines[j]))
                    kinds[j] = .footnote
                    j += 1
                }
                if let number { footnotes[number] = ReportLines.collapseSpaces(body.joined(separator: " ")) }
                i = j
                continue
            }
            i += 1
        }
        return ReportText(bytes: bytes, lines: lines, kinds: kinds, pages: pages, markers: Array(repeating: [], count: lines.count),
                          footnotes: footnotes, fromPDF: false)
    }

    static func bareNumber(_ t: ArraySlice<UInt8>) -> Int? {
        let d = ReportLines.digitRun(t)
        guard d > 0, d <= 3, d == t.count else { return nil }
        return Int(ReportLines.string(t))
    }
}

extension WorkingGroupReport {
    /// The lines the list reader sees, each with its page and line and what it was taken for (`T` text,
    /// `F` furniture, `N` a footnote's body) and the footnote markers taken out of it: what to
    /// look at when a report is read wrongly (`upr import --show-lines REPORT`).
    public static func showLines(_ url: URL) throws -> String {
        let text: ReportText
        if url.pathExtension.lowercased() == "pdf" {
            text = ReportText.fromPDF(try PDFLayout.read(url))
        } else {
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw ImportError.unreadable(file: url.path, reason: error.localizedDescription) }
            text = ReportText.fromText(Array(try SourceText.decode(data, file: url.path).utf8))
        }
        var out = ""
        for (i, line) in text.lines.enumerated() {
            let kind = text.kinds[i] == .text ? "T" : text.kinds[i] == .furniture ? "F" : "N"
            let marks = text.markers[i].isEmpty ? "" : "  [markers \(text.markers[i].map(String.init).joined(separator: ","))]"
            let place = "p\(text.pages[i]) l\(i + 1)".padding(toLength: 11, withPad: " ", startingAt: 0)
            out += "\(place) \(kind)  \(ReportLines.string(line))\(marks)\n"
        }
        for n in text.footnotes.keys.sorted() { out += "footnote \(n): \(text.footnotes[n]!)\n" }
        return out
    }
}
