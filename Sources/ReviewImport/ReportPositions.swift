import Foundation

/// The positions a report itself states: in the lead-in of a list paragraph, and in the comments of
/// the State under review between the lists ("Yemen considers that recommendation 115.10 above has
/// already been implemented").
enum ReportPositions {
    struct LeadIn: Equatable {
        var published: PublishedPosition?
        var label: String
    }

    /// Refusals the addendum wordings do not cover: "Recommendation 96.1 cannot be accepted".
    static func normalized(_ text: String) -> String {
        var t = text
        for refusal in ["cannot be accepted", "can not be accepted", "cannot accept", "cannot be supported", "cannot support",
                        "is unable to accept", "is unable to support", "are unable to accept", "are unable to support",
                        "did not agree", "does not agree", "do not agree", "not agree"] {
            t = t.replacingOccurrences(of: refusal, with: "does not accept", options: .caseInsensitive)
        }
        return t
    }

    static func leadIn(_ lines: [ArraySlice<UInt8>]) -> LeadIn {
        let text = normalized(ReportLines.string(ReportLines.join(lines, hyphenated: { .none })[...]))
        switch PositionCue.of(text, requireRecommendation: false) {
        case .position(let p)?: return LeadIn(published: p, label: label(p))
        case .unpublished?: return LeadIn(published: nil, label: "no position yet (to be examined)")
        case nil: return LeadIn(published: nil, label: "no position stated")
        }
    }

    static func label(_ p: PublishedPosition) -> String {
        switch p {
        case .supported: "supported"
        case .supportedImplemented: "supported and already implemented or being implemented"
        case .noted: "noted"
        }
    }

    /// Applies what comments say of the IDs they cite; returns a line of the import report for each.
    ///
    /// A comment is prose, and read cautiously: it gives a position to a recommendation its list left
    /// without one ("will be examined"), and it may mark a supported one as already implemented; where
    /// it seems to say the opposite of what the list states, the list's position stands and the report
    /// says so ("while committed to preventing …, it did not agree with linking …" is no refusal of the
    /// recommendation). A comment that states a position without citing IDs is reported to be read.
    static func comments(_ paragraphs: [ReportParagraphs.Paragraph], lists: [ReportParagraphs.Paragraph],
                         applyingTo recommendations: inout [ImportedRecommendation]) -> [String] {
        var index: [String: Int] = [:]
        for (i, r) in recommendations.enumerated() where index[r.id] == nil { index[r.id] = i }
        var report: [String] = []
        for paragraph in paragraphs {
            let text = normalized(ReportLines.string(ReportLines.join(paragraph.leadIn + paragraph.after, hyphenated: { .none })[...]))
            guard case .position(let position)? = PositionCue.of(text, requireRecommendation: true) else { continue }
            var ids = citedIDs(in: text).filter { index[$0] != nil }
            // "recommendations Nos. 26 and 40 above": items of the list just before the comment.
            if ids.isEmpty, let list = lists.last(where: { $0.line < paragraph.line }) {
                ids = citedItemNumbers(in: text).map { "\(list.number).\($0)" }.filter { index[$0] != nil }
            }
            let heading = "paragraph \(paragraph.number), a comment of the State under review"
            guard !ids.isEmpty else {
                if !text.lowercased().hasPrefix("all conclusions") {
                    report.append("\(heading), seems to state a position (\(label(position))) without citing IDs: read it")
                }
                continue
            }
            var applied: [String] = [], kept: [String] = []
            for id in ids {
                let i = index[id]!
                switch (recommendations[i].position, position) {
                case (nil, _), (.supported?, .supportedImplemented), (.supportedImplemented?, .supportedImplemented):
                    recommendations[i].position = position
                    applied.append(id)
                case (.supportedImplemented?, .supported), (.supported?, .supported), (.noted?, .noted):
                    applied.append(id)
                default:
                    kept.append(id)
                }
            }
            if !applied.isEmpty { report.append("\(heading): \(applied.joined(separator: ", ")) \(label(position))") }
            if !kept.isEmpty {
                report.append("\(heading), on \(kept.joined(separator: ", ")): read as \(label(position)), which differs from "
                    + "the position its list states; the list's is kept: read it")
            }
        }
        return report
    }

    /// `No. 26`, `Nos. 26 and 40`, `Nos. 3, 7 and 12`: numbers of items, without their paragraph.
    static func citedItemNumbers(in text: String) -> [Int] {
        var numbers: [Int] = []
        var rest = text[...]
        while let r = rest.range(of: "No") {
            var after = rest[r.upperBound...]
            if after.hasPrefix("s.") { after = after.dropFirst(2) } else if after.hasPrefix(".") { after = after.dropFirst() } else { rest = after; continue }
            // A run of numbers joined by commas and "and".
            var found: [Int] = []
            while true {
                after = after.drop { $0 == " " }
                let digits = after.prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, digits.count <= 3, let n = Int(digits) else { break }
                found.append(n)
                after = after.dropFirst(digits.count)
                if after.hasPrefix(",") { after = after.dropFirst() } else if after.hasPrefix(" and ") { after = after.dropFirst(5) } else { break }
            }
            numbers += found
            rest = after
        }
        return numbers
    }

    /// `115.10`, `115.10 and 115.12`, `115.10 to 115.12`, `115.10-12`, `115.10–115.12`.
    static func citedIDs(in text: String) -> [String] {
        let b = Array(text.utf8)
        var ids: [String] = []
        var i = 0
        func number(_ at: inout Int) -> Int? {
            var v = 0, n = 0
            while at < b.count, ReportLines.isDigit(b[at]), n < 4 { v = v * 10 + Int(b[at] - 0x30); at += 1; n += 1 }
            return n > 0 && n <= 3 ? v : nil
        }
        while i < b.count {
            guard ReportLines.isDigit(b[i]), i == 0 || !ReportLines.isDigit(b[i - 1]) && b[i - 1] != 0x2E else { i += 1; continue }
            var j = i
            guard let p = number(&j), j < b.count, b[j] == 0x2E else { i = j + 1; continue }
            j += 1
            guard let k = number(&j) else { i = j; continue }
            var last = k
            // A range: "-12", "–115.12", " to 115.12".
            var r = j
            if r < b.count, b[r] == 0x2D { r += 1 } else if r + 2 < b.count, b[r] == 0xE2, b[r + 1] == 0x80, b[r + 2] == 0x93 { r += 3 }
            else if r + 3 < b.count, ReportLines.string(b[r..<(r + 4)][...]) == " to " { r += 4 } else { r = -1 }
            if r > 0, var s = Optional(r), let first = number(&s) {
                if s < b.count, b[s] == 0x2E, first == p {
                    var t = s + 1
                    if let end = number(&t), end >= k, end - k < 400 { last = end; j = t }
                } else if first >= k, first - k < 400 {
                    last = first; j = s
                }
            }
            for n in k...last { ids.append("\(p).\(n)") }
            i = j
        }
        return ids
    }
}
