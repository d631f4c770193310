import Foundation
import ReviewModel

/// What the front page and the recommendations paragraph of a Working Group report say about it.
///
/// - symbol: the first `A/HRC/<session>/<number>` in the first lines, or in a running header;
/// - title and State under review: `Report of the Working Group on the Universal Periodic Review`
///   followed, after its footnote mark, by the name of the State; otherwise the State is read from the
///   recommendations paragraph (`… will be examined by Viet Nam, which …`, `… enjoy the support of …`);
/// - session: `held its forty-eighth session` → `Working Group, 48th session`;
/// - cycle: from that session number (sessions 1–12 are the first cycle, then 14 sessions a cycle).
/// `DocumentInfo` has no optional symbol, title or State: an unknown one is left empty (""), and no
/// info at all is returned when none of the three is found.
enum DocumentHeader {
    static let titleStart = "Report of the Working Group on the Universal"

    static func read(_ trimmed: [ArraySlice<UInt8>], _ furniture: [Bool], listLine: Int, paragraph: Int) -> DocumentInfo? {
        func text(_ i: Int) -> String {
            ReportLines.collapseSpaces(ReportLines.string(trimmed[i]))
        }
        let front = min(listLine, 80)
        var symbol = ""
        for i in 0..<trimmed.count where i < front || furniture[i] {
            if let s = documentSymbol(in: text(i)) { symbol = s; break }
        }

        var title = ""
        var state = ""
        if let t = (0..<front).first(where: { text($0).lowercased().hasPrefix(titleStart.lowercased()) }) {
            // The title runs to "… Universal Periodic Review" (its footnote mark aside), over one to three lines.
            var parts: [String] = []
            var i = t
            while i < front, !trimmed[i].isEmpty, !furniture[i], parts.count < 3 {
                parts.append(text(i))
                i += 1
                if stripFootnoteMark(parts.joined(separator: " ")).lowercased().hasSuffix("review") { break }
            }
            title = stripFootnoteMark(parts.joined(separator: " "))
            while i < front, trimmed[i].isEmpty || furniture[i] { i += 1 }
            if i < front {
                let name = stripFootnoteMark(text(i))
                if RecommendingStates.looksLikeStateName(name) { state = name }
            }
        }

        // The recommendations paragraph: from its number `P.` down to the first item.
        var intro: [String] = []
        var i = listLine
        while i >= 0, i > listLine - 12 {
            if !furniture[i] { intro.insert(text(i), at: 0) }
            if ReportLines.paragraphNumber(trimmed[i]) == paragraph { break }
            i -= 1
        }
        if state.isEmpty { state = stateNamed(in: intro.joined(separator: " ")) ?? "" }
        if !title.isEmpty, !state.isEmpty { title += " — " + state }

        var session: String?
        var cycle: Int?
        let head = (0..<front).filter { !furniture[$0] }.map(text).joined(separator: " ")
        if let r = head.range(of: "held its ") {
            let word = head[r.upperBound...].prefix(while: { $0.isLetter || $0 == "-" })
            if head[word.endIndex...].hasPrefix(" session") {
                if let n = ordinal(String(word)) {
                    session = "Working Group, \(n)\(suffix(n)) session"
                    cycle = n <= 12 ? 1 : 2 + (n - 13) / 14
                } else {
                    session = "Working Group, \(word) session"
                }
            }
        }
        if symbol.isEmpty, title.isEmpty, state.isEmpty { return nil }
        return DocumentInfo(symbol: symbol, title: title, stateUnderReview: state, cycle: cycle, session: session)
    }

    /// `A/HRC/59/15` or `A/HRC/59/15/Add.1` in a line (not `A/HRC/WG.6/…`, which names a review document).
    static func documentSymbol(in line: String) -> String? {
        guard let r = line.range(of: "A/HRC/") else { return nil }
        // A footnote mark may follow it on the front page: `A/HRC/11/17*` (reissued).
        let token = line[r.lowerBound...].prefix(while: { !$0.isWhitespace }).trimmingCharacters(in: CharacterSet(charactersIn: "*"))
        let parts = token.dropFirst(6).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].allSatisfy(\.isNumber), !parts[0].isEmpty,
              parts[1].allSatisfy(\.isNumber), !parts[1].isEmpty else { return nil }
        return String(token).trimmingCharacters(in: CharacterSet(charactersIn: ".,;"))
    }

    private static func stripFootnoteMark(_ s: String) -> String {
        var s = s
        while let last = s.last, last == "*" || last.isNumber && s.dropLast().last == "*" { s.removeLast() }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// The State named in the recommendations paragraph.
    static func stateNamed(in intro: String) -> String? {
        for lead in ["will be examined by ", "enjoy the support of ", "enjoyed the support of ", "recommendations were made to ",
                     "it was recommended that ", "examined by "] {
            guard let r = intro.range(of: lead) else { continue }
            let name = intro[r.upperBound...].prefix(while: { $0 != "," && $0 != ":" && $0 != ";" && $0 != "." })
                .replacingOccurrences(of: " which will provide responses", with: "")
                .replacingOccurrences(of: " and the recommendations listed below", with: "")
            var cleaned = String(name).trimmingCharacters(in: .whitespaces)
            if cleaned.hasPrefix("the ") { cleaned = String(cleaned.dropFirst(4)) }
            if RecommendingStates.looksLikeStateName(cleaned), cleaned.split(separator: " ").count <= 8 { return cleaned }
        }
        return nil
    }

    private static let units = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                                "eighth": 8, "ninth": 9]
    private static let teens = ["tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                                "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19]
    private static let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                               "eighty": 80, "ninety": 90]

    /// `forty-eighth` → 48, `thirteenth` → 13, `twentieth` → 20; nil for anything else.
    static func ordinal(_ word: String) -> Int? {
        let w = word.lowercased()
        if let n = units[w] ?? teens[w] { return n }
        if w.hasSuffix("ieth"), let n = tens[String(w.dropLast(4)) + "y"] { return n }
        let parts = w.split(separator: "-").map(String.init)
        if parts.count == 2, let t = tens[parts[0]], let u = units[parts[1]] { return t + u }
        return nil
    }

    private static func suffix(_ n: Int) -> String {
        if (11...13).contains(n % 100) { return "th" }
        switch n % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
