import Foundation

/// The positions an addendum ("Views on conclusions and/or recommendations…") gives, by ID.
public struct AddendumPositions: Equatable, Sendable {
    public var positions: [String: PublishedPosition]
    /// The IDs in the order the addendum first lists them.
    public var order: [String]
    public var warnings: [ImportWarning]
    /// The explanations the addendum gives under an ID or a range, in the order written.
    public var explanations: [AddendumExplanation] = []

    public init(positions: [String: PublishedPosition] = [:], order: [String] = [], warnings: [ImportWarning] = []) {
        self.positions = positions
        self.order = order
        self.warnings = warnings
    }
}

/// Reads the text of an addendum (as `pdftotext` gives it): prose that lists, by ID, the
/// recommendations the State supports, supports and considers already implemented, or notes.
public enum Addendum {
    public static func parse(_ text: String, file: String) throws -> AddendumPositions {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ImportError.empty(file: file) }
        if TextDecoding.looksBinary(text) { throw ImportError.binary(file: file) }
        // Split on \n, \r\n and \r only: a form feed stays on its line, as editors and grep count lines.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map(String.init)
        let blanked = PageFurniture.blanked(lines)
        var scanner = AddendumScanner(lines: blanked, file: file)
        scanner.run()
        if scanner.unansweredCount > scanner.result.order.count {
            throw ImportError.notRecognized(file: file, reason: "this looks like a Working Group report (its recommendations are still to be examined), not an addendum with positions")
        }
        if scanner.result.order.isEmpty {
            throw ImportError.notRecognized(file: file, reason: "no lists of recommendation IDs (such as 140.7) after a statement of position (supports, notes)")
        }
        var result = scanner.result
        result.explanations = AddendumExplanations.collect(scanner.headings, lines: blanked)
        return result
    }

    static func label(_ position: PublishedPosition) -> String {
        switch position {
        case .supported: "supported"
        case .supportedImplemented: "supported (already implemented)"
        case .noted: "noted"
        }
    }
}

/// Keeps track of what the prose between lists of IDs has said: the section heading's position and
/// the latest statement under it ("The Government accepts the following recommendations:").
struct PositionContext {
    private(set) var section: PositionCue?
    private(set) var statement: PositionCue?

    /// Reads the prose between two lists of IDs and returns the sentence that leads into the next list.
    mutating func read(gap: String, startsAtLineStart: Bool) -> String {
        var blockText = ""
        var blockIsHeading = false
        var leadIn = ""
        func flush() {
            if blockIsHeading {
                section = PositionCue.of(blockText, requireRecommendation: false)
                statement = nil
                leadIn = ""
            } else {
                let sentences = Self.sentences(blockText)
                for sentence in sentences {
                    if let cue = PositionCue.of(sentence, requireRecommendation: true) { statement = cue }
                }
                leadIn = sentences.last ?? ""
            }
            blockText = ""
        }
        for (index, line) in gap.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if index > 0 || startsAtLineStart, let marker = Self.marker(trimmed) {
                flush()
                blockIsHeading = marker.isHeading
                blockText = marker.rest
            } else if !trimmed.isEmpty {
                blockText += blockText.isEmpty ? trimmed : " " + trimmed
            }
        }
        flush()
        return leadIn
    }

    /// The position for a list of IDs, given the sentence that leads into it and the rest of that
    /// sentence after it ("Recommendations 140.1-6 are noted").
    mutating func position(leadIn: String, tail: String) -> PositionCue? {
        if PositionCue.of(leadIn, requireRecommendation: true) == nil,
           let cue = PositionCue.of(leadIn + " " + tail, requireRecommendation: true) {
            statement = cue
        }
        // "accepts the following" under a heading "…already implemented" is the narrower position.
        if statement == .position(.supported), section == .position(.supportedImplemented) { return section }
        return statement ?? section
    }

    /// `II. Accepted recommendations` (heading) or `3. The Government accepts` (numbered paragraph):
    /// whether it is a heading, and the text after the marker.
    static func marker(_ line: String) -> (isHeading: Bool, rest: String)? {
        guard let dot = line.firstIndex(of: "."), dot > line.startIndex else { return nil }
        let label = line[..<dot]
        let rest = line[line.index(after: dot)...]
        guard rest.isEmpty || rest.first!.isWhitespace else { return nil }
        let isRoman = label.allSatisfy { "IVXL".contains($0) }
        let isLetter = label.count == 1 && label.first!.isUppercase
        let isNumber = label.count <= 3 && label.allSatisfy { $0.isASCII && $0.isNumber }
        guard isRoman || isLetter || isNumber else { return nil }
        return (!isNumber, rest.trimmingCharacters(in: .whitespaces))
    }

    /// Splits at `.` or `;` followed by a space; the last piece is empty when the text ends a sentence.
    static func sentences(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var iterator = text.makeIterator()
        var next = iterator.next()
        while let character = next {
            next = iterator.next()
            if (character == "." || character == ";") && (next == nil || next!.isWhitespace) {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current.trimmingCharacters(in: .whitespaces))
        return pieces
    }
}
