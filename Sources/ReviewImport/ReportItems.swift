import Foundation
import ReviewModel

/// The recommendations of one list paragraph: IDs, texts, recommending States, the text as read
/// during the dialogue where a footnote gives it, and a warning for whatever is out of place.
enum ReportItems {
    static let asReadOpening = "The recommendation as read during the interactive dialogue"

    static func recommendations(of paragraph: ReportParagraphs.Paragraph, position: PublishedPosition?, in text: ReportText,
                                hyphenated: () -> ReportLines.HyphenEvidence,
                                warn: (Int, String) -> Void) -> [ImportedRecommendation] {
        let p = paragraph.number
        let directory = try? StateDirectory.bundled()
        var out: [ImportedRecommendation] = []
        var seen: [Int: Int] = [:]
        var highest = 0
        for (index, item) in paragraph.items.enumerated() {
            let id = "\(p).\(item.number)"
            if let first = seen[item.number] {
                warn(item.line, "\(id) appears twice (first at \(text.describe(first))); both are kept")
            } else if item.number > highest + 1 {
                let gap = item.number == highest + 2 ? "\(p).\(highest + 1) is" : "\(p).\(highest + 1) to \(p).\(item.number - 1) are"
                warn(item.line, "gap in the numbering: \(gap) missing before \(id)")
            } else if item.number <= highest {
                warn(item.line, "\(id) is out of order (after \(p).\(highest))")
            }
            seen[item.number] = seen[item.number] ?? item.line
            highest = max(highest, item.number)

            let joined = ReportLines.join(item.fragments, hyphenated: hyphenated)
            let parsed = RecommendingStates.parse(joined, isState: { directory?.resolve($0) != nil })
            var texts = parsed.texts
            if !parsed.unattributed.isEmpty { texts.append(parsed.unattributed) }
            if parsed.states.isEmpty {
                warn(item.line, "\(id) has no recommending State")
            } else if !parsed.unattributed.isEmpty {
                warn(item.line, "\(id): text after the last recommending State, kept in the text: “\(parsed.unattributed)”")
            }
            if index < paragraph.items.count - 1, let last = joined.last, last != 0x3B, last != 0x2E {
                warn(item.line, "\(id) does not end with “;” or “.”")
            }
            let place = text.place(item.line)
            out.append(ImportedRecommendation(id: id, text: texts.joined(separator: "; "), states: parsed.states, position: position,
                                              line: place.line, page: place.page, asRead: asRead(item, in: text)))
        }
        return out
    }

    /// The text a footnote on the item's lines gives as read during the dialogue, without its opening words.
    static func asRead(_ item: ReportParagraphs.Item, in text: ReportText) -> String {
        var found: [String] = []
        for line in item.lines {
            for n in text.markers[line] {
                guard let body = text.footnotes[n], let r = body.range(of: asReadOpening) else { continue }
                var rest = body[r.upperBound...].drop { $0 == ":" || $0 == " " || $0 == "," }
                if rest.hasPrefix("“") || rest.hasPrefix("\"") { rest = rest.dropFirst() }
                let cleaned = String(rest).trimmingCharacters(in: .whitespaces)
                if !cleaned.isEmpty { found.append(cleaned) }
            }
        }
        return found.joined(separator: " ")
    }
}

extension ReportText {
    /// `line 12` or, for a PDF, `page 4`.
    func describe(_ i: Int) -> String {
        let place = place(i)
        return place.page.map { "page \($0)" } ?? "line \(place.line)"
    }
}
