import Foundation

/// The pieces of text of a PDF with where they stand and how large they are printed, through
/// `pdftohtml -xml` (Debian's poppler-utils), run as a process with arguments, never a shell.
///
/// Plain text loses what a reader sees at once: a footnote marker is a small raised digit
/// (`No. 169⁵`), a footnote body is set smaller at the foot of the page. With sizes and positions
/// both can be told from the running text, so neither is glued into a recommendation.
struct PDFLayout {
    struct Fragment: Equatable {
        var top: Int
        var left: Int
        var width: Int
        var height: Int
        /// The font size pdftohtml gives (its pixels at its default zoom; only comparisons matter).
        var size: Int
        var text: String

        var bottom: Int { top + height }
        var right: Int { left + width }
    }

    struct Page: Equatable {
        var number: Int
        var height: Int
        var fragments: [Fragment]
    }

    var pages: [Page]

    /// An addendum ("Views on conclusions and/or recommendations …", symbol `…/Add.1`) rather than
    /// a report: told from its first page, where the symbol and the title stand.
    var looksLikeAddendum: Bool {
        guard let first = pages.first else { return false }
        let text = first.fragments.map(\.text).joined(separator: " ").lowercased()
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.contains("views on conclusions and/or recommendations")
            || words.range(of: #"a/hrc/\d+/\d+/add\.1"#, options: .regularExpression) != nil
    }

    /// Runs pdftohtml on the file and reads its XML (-i: no images; -q: no messages on stdout;
    /// -nodrm: read what a viewer shows).
    static func read(_ url: URL) throws -> PDFLayout {
        let xml = try PDFText.run("pdftohtml", ["-xml", "-i", "-q", "-nodrm", "-stdout", "-enc", "UTF-8", url.path], file: url.path)
        return try parse(xml, file: url.path)
    }

    /// Reads pdftohtml's XML: `<page number= height=>`, `<fontspec id= size=>`, `<text top= left=
    /// width= height= font=>` whose content may hold `<b>`, `<i>` and `<a>` (their text is kept).
    ///
    /// A scan of its few element kinds rather than XMLParser: the format is fixed and flat, and
    /// Foundation's parser crashes on some malformed input (found by import-fuzz), where this one
    /// reads what it can and stops at the first thing it cannot.
    static func parse(_ xml: Data, file: String) throws -> PDFLayout {
        let b = [UInt8](xml)
        guard let root = find(b, "<pdf2xml", from: 0) else {
            throw ImportError.toolFailed(tool: "pdftohtml", file: file, reason: "its output could not be read (no <pdf2xml> element)")
        }
        var pages: [Page] = []
        var sizes: [String: Int] = [:]
        var i = root
        while let open = find(b, "<", from: i) {
            guard let close = find(b, ">", from: open) else { break }
            let tag = b[(open + 1)..<close]
            i = close + 1
            if starts(tag, "page ") {
                let a = attributes(tag)
                pages.append(Page(number: int(a["number"]), height: int(a["height"]), fragments: []))
            } else if starts(tag, "fontspec ") {
                let a = attributes(tag)
                if let id = a["id"] { sizes[id] = int(a["size"]) }
            } else if starts(tag, "text "), !pages.isEmpty {
                let a = attributes(tag)
                guard let end = find(b, "</text>", from: i) else { break }
                let content = text(b[i..<end])
                i = end + 7
                pages[pages.count - 1].fragments.append(Fragment(top: int(a["top"]), left: int(a["left"]), width: int(a["width"]),
                                                                  height: int(a["height"]), size: a["font"].flatMap { sizes[$0] } ?? 0,
                                                                  text: content))
            }
        }
        return PDFLayout(pages: pages)
    }

    private static func find(_ b: [UInt8], _ needle: StaticString, from start: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        guard n > 0, b.count >= n else { return nil }
        return needle.withUTF8Buffer { p -> Int? in
            var i = start
            while i + n <= b.count {
                if b[i] == p[0] {
                    var k = 1
                    while k < n, b[i + k] == p[k] { k += 1 }
                    if k == n { return i }
                }
                i += 1
            }
            return nil
        }
    }

    private static func starts(_ tag: ArraySlice<UInt8>, _ prefix: StaticString) -> Bool { ReportLines.hasPrefix(tag, prefix) }

    /// A coordinate or size, kept within what a page can hold so that sums never overflow.
    private static func int(_ s: String?) -> Int {
        guard let s, let value = Double(s), value.isFinite else { return 0 }
        return Int(max(-1_000_000, min(1_000_000, value)))
    }

    /// `key="value"` pairs of a start tag.
    private static func attributes(_ tag: ArraySlice<UInt8>) -> [String: String] {
        var out: [String: String] = [:]
        var i = tag.startIndex
        while i < tag.endIndex {
            guard let eq = tag[i...].firstIndex(of: 0x3D), eq + 1 < tag.endIndex, tag[eq + 1] == 0x22 else { break }
            var k = eq
            while k > i, tag[k - 1] == 0x20 { k -= 1 }
            var keyStart = k
            while keyStart > i, tag[keyStart - 1] != 0x20 { keyStart -= 1 }
            guard let q = tag[(eq + 2)...].firstIndex(of: 0x22) else { break }
            out[ReportLines.string(tag[keyStart..<k])] = decode(tag[(eq + 2)..<q])
            i = q + 1
        }
        return out
    }

    /// The text of an element: inner tags dropped, entities decoded.
    private static func text(_ b: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == 0x3C, let close = b[i...].firstIndex(of: 0x3E) { i = close + 1; continue }
            out.append(b[i])
            i += 1
        }
        return decode(out[...])
    }

    private static func decode(_ b: ArraySlice<UInt8>) -> String {
        let s = String(decoding: b, as: UTF8.self)
        guard s.contains("&") else { return s }
        var out = ""
        var rest = s[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(10).firstIndex(of: ";") else { out += "&"; rest = after; continue }
            let name = after[..<semi]
            switch name {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let code = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16) : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
                if let code, let scalar = Unicode.Scalar(code) { out.unicodeScalars.append(scalar) } else { out += "&" + name + ";" }
            }
            rest = after[after.index(after: semi)...]
        }
        return out + rest
    }
}
