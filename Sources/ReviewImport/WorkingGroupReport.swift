import Foundation
import ReviewModel

/// Reader of a Working Group report, from its PDF (through `PDFLayout`) or its text.
///
/// It reads every paragraph of the conclusions section (`ReportParagraphs`): each list paragraph's
/// items with the IDs the report gives them (`P.k`; a first-cycle item `k.` of paragraph `P` is
/// `P.k`), the position its lead-in states ("enjoy the support of" → supported, "already
/// implemented" → supported and implemented, "did not enjoy the support" → noted, "will be
/// examined" → none yet), and the comments of the State under review that give a position for IDs
/// listed above ("Yemen considers that recommendation 115.10 above has already been implemented").
/// Footnote bodies and markers never enter a text; a footnote giving "the recommendation as read
/// during the interactive dialogue" is kept beside it.
public enum WorkingGroupReport {
    /// Parses the text of a Working Group report (pdftotext -layout output, or plain extraction).
    public static func parse(_ text: String, file: String) throws -> ImportedDocument {
        let bytes = Array(text.utf8)
        try checkIsText(bytes, file: file)
        return try parse(ReportText.fromText(bytes), file: file, format: .reportText)
    }

    /// Reads a report's PDF with the size and place of every piece of text (footnotes told apart).
    public static func parsePDF(_ url: URL) throws -> ImportedDocument {
        try parsePDF(try PDFLayout.read(url), file: url)
    }

    static func parsePDF(_ layout: PDFLayout, file url: URL) throws -> ImportedDocument {
        let text = ReportText.fromPDF(layout)
        guard text.lines.contains(where: { !$0.isEmpty }) else {
            throw ImportError.notRecognized(file: url.path, reason: "the PDF holds no text (a scanned document?)")
        }
        return try parse(text, file: url.path, format: .reportPDF)
    }

    static func parse(_ text: ReportText, file: String, format: SourceFormat) throws -> ImportedDocument {
        let structure = ReportParagraphs.read(text)
        var warnings: [ImportWarning] = []
        func warn(_ line: Int, _ message: String) {
            let place = text.place(line)
            warnings.append(ImportWarning(file: file, line: place.line, page: place.page, message: message))
        }
        let lists = structure.paragraphs.filter { !$0.items.isEmpty }
        guard let firstList = lists.first else {
            throw ImportError.notRecognized(file: file, reason: "no list of recommendations found: looked for paragraphs "
                + "whose items are numbered P.1, P.2, … (like “140.1 Ratify …” or “143.1. Continue …”), or 1., 2., … inside "
                + "a paragraph (first-cycle reports)\(structure.foundHeading ? " in the section “Conclusions and/or recommendations”" : "")")
        }
        for note in structure.notes { warn(note.line, note.message) }

        var evidence: ReportLines.HyphenEvidence?
        let hyphenated = { () -> ReportLines.HyphenEvidence in
            if let evidence { return evidence }
            let made = ReportLines.hyphenEvidence(in: text.bytes)
            evidence = made
            return made
        }
        var recommendations: [ImportedRecommendation] = []
        var summary: [String] = structure.foundHeading ? [] : ["no heading “Conclusions and/or recommendations”: every numbered list of the text was read"]
        for paragraph in lists {
            let position = ReportPositions.leadIn(paragraph.leadIn)
            var noticed: [(Int, String)] = []
            let read = ReportItems.recommendations(of: paragraph, position: position.published, in: text, hyphenated: hyphenated) {
                noticed.append(($0, $1))
            }
            // A numbered list whose items mostly name no State is the State's comments, not
            // recommendations ("the State under review offers the following comments: 1. …").
            if paragraph.numbering == .plain, read.filter({ !$0.states.isEmpty }).count * 2 < read.count {
                summary.append("paragraph \(paragraph.number): a numbered list of \(paragraph.items.count) items that name no "
                    + "recommending State (comments?), not imported as recommendations")
                continue
            }
            for (line, message) in noticed { warn(line, message) }
            recommendations += read
            let range = read.count == 1 ? " (\(read[0].id))" : read.isEmpty ? "" : " (\(read.first!.id) to \(read.last!.id))"
            summary.append("paragraph \(paragraph.number): \(read.count) recommendation\(read.count == 1 ? "" : "s")\(range), \(position.label)")
        }
        let comments = ReportPositions.comments(structure.paragraphs.filter { $0.items.isEmpty && $0.line > firstList.line },
                                                lists: lists, applyingTo: &recommendations)
        for comment in comments { summary.append(comment) }

        let furniture = text.kinds.map { $0 != .text }
        let info = DocumentHeader.read(text.lines, furniture, listLine: firstList.items[0].line, paragraph: firstList.number)
        // In the order of the document, as a reader checks them.
        let ordered = warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        var document = ImportedDocument(file: file, format: format, info: info, recommendations: recommendations, warnings: ordered)
        document.summary = summary
        return document
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
}
