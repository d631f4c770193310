import Foundation

/// What an addendum says under an ID or a range, as the reason for those positions:
/// `140.11-14` alone on its line, then "The 1961 Convention … was ratified on 30 January 2025."
public struct AddendumExplanation: Equatable, Sendable {
    /// The IDs the heading names, in the order written (`140.82-85, 87`: five).
    public var ids: [String]
    /// The prose, paragraphs separated by a blank line, each paragraph's lines joined.
    public var text: String
    /// Line of the heading (1-based), for messages.
    public var line: Int
}

enum AddendumExplanations {
    /// A line that is only a list of IDs (`140.11-14`, `140.82-85, 87`, `140.120, 209`) with prose
    /// on the next line that is not blank: the heading of an explanation.
    static func isHeading(line number: Int, in lines: [String]) -> Bool {
        guard number >= 1, number <= lines.count, isIDList(lines[number - 1]) else { return false }
        guard let next = lines[number...].first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return false }
        let trimmed = next.trimmingCharacters(in: .whitespaces)
        return trimmed.first?.isLetter == true && PositionContext.marker(trimmed) == nil
    }

    /// `140.11-14`, `140.82-85, 87`, `140.120, 209`, `140.1 and 140.2`.
    static func isIDList(_ line: String) -> Bool {
        line.trimmingCharacters(in: .whitespaces)
            .range(of: #"^\d{1,4}\.\d{1,4}(\s*(-|–|—|,|;|and|to)\s*(\d{1,4}\.)?\d{1,4})*\.?$"#, options: .regularExpression) != nil
    }

    /// The prose under each heading, up to the next heading, a section heading or numbered
    /// paragraph (`III. Noted recommendations`, `5. The Government…`), or the end.
    static func collect(_ headings: [(ids: [String], line: Int)], lines: [String]) -> [AddendumExplanation] {
        let headingLines = Set(headings.map(\.line))
        return headings.compactMap { heading in
            var body: [String] = []
            var number = heading.line + 1
            while number <= lines.count, !headingLines.contains(number) {
                let trimmed = lines[number - 1].trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty, PositionContext.marker(trimmed) != nil { break }
                body.append(lines[number - 1])
                number += 1
            }
            let text = paragraphs(body)
            return text.isEmpty ? nil : AddendumExplanation(ids: heading.ids, text: text, line: heading.line)
        }
    }

    /// Joins wrapped lines; a line indented deeper than the one before, after a sentence ends,
    /// starts a paragraph (as `pdftotext -layout` shows a first-line indent). Blank lines (page
    /// breaks) do not.
    static func paragraphs(_ lines: [String]) -> String {
        var paragraphs: [String] = []
        var previousIndent = Int.max
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let endsSentence = paragraphs.last.map { [".", ":", ";"].contains($0.last ?? " ") } ?? true
            if paragraphs.isEmpty || (endsSentence && indent > previousIndent + 2) {
                paragraphs.append(trimmed)
            } else {
                paragraphs[paragraphs.count - 1] += " " + trimmed
            }
            previousIndent = indent
        }
        return paragraphs.joined(separator: "\n\n")
    }
}
