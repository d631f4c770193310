import Foundation

/// Writes a small, valid PDF (Helvetica, one text line per entry, a page per array) so that the
/// PDF path can be tested through the real `pdftotext` without committing any document.
enum PDFFixture {
    static func make(pages: [[String]]) -> Data {
        document(streams: pages.map { lines in
            "BT /F1 10 Tf 12 TL 40 760 Td\n" + lines.map { "(\(escape($0))) Tj T*" }.joined(separator: "\n") + "\nET"
        })
    }

    /// The PDF around content streams, a page each, in Helvetica.
    static func document(streams: [String]) -> Data {
        var objects: [String] = []
        let pageCount = streams.count
        // 1: catalog, 2: pages, 3: font, then for each page: page object and content stream.
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        let kids = (0..<pageCount).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for (index, stream) in streams.enumerated() {
            let contentNumber = 5 + 2 * index
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(contentNumber) 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    /// A piece of a line: its text, size in points and rise (a footnote marker is small and raised).
    struct Run {
        var text: String
        var size = 10
        var rise = 0
    }

    /// A PDF whose lines are made of runs, each line placed 14 points below the one before from the
    /// top of the page: enough to print footnote markers and footnotes as the reports do.
    static func make(styledPages pages: [[[Run]]]) -> Data {
        let streams = pages.map { lines -> String in
            var y = 760
            return lines.map { runs -> String in
                defer { y -= 14 }
                let shown = runs.map { "/F1 \($0.size) Tf \($0.rise) Ts (\(escape($0.text))) Tj" }.joined(separator: " ")
                return "BT 40 \(y) Td \(shown) ET"
            }.joined(separator: "\n")
        }
        return document(streams: streams)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }
}
