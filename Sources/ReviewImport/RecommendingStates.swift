import Foundation

/// Reads the recommending States out of the text of one item.
///
/// An item is one or more clustered texts, each followed by its States in parentheses and a `;`
/// (the last one by `.` or `;`):
/// `Consider ratifying the Optional Protocol (Spain);Sign and ratify it (Portugal, Uruguay);` or
/// `Ratify the Convention (Algeria) (Cabo Verde) (Venezuela (Bolivarian Republic of));`.
/// A parenthesis is taken as a list of States only if every name in it looks like a State name
/// (see `looksLikeStateName`), so that `(ICCPR) (Norway)` gives Norway alone and
/// `(the Paris Principles)` stays in the text.
enum RecommendingStates {
    struct Parsed: Equatable {
        /// The clustered texts, without their States' parentheses and without the closing `;` or `.`.
        var texts: [String]
        /// The States in order of appearance, each once.
        var states: [String]
        /// Text after the last parenthesis of States, which no State claims (empty when none).
        var unattributed: String
    }

    static func parse(_ text: String, isState: (String) -> Bool = { _ in false }) -> Parsed { parse(Array(text.utf8), isState: isState) }

    /// Parses the UTF-8 bytes of one item's running text (parentheses and punctuation are ASCII).
    ///
    /// A clustered text ends at its States' parenthesis followed by `;`, by the end, or by `/` and a
    /// capital (`… (Niger)/ Consider …`: the PDF's separator where a plain extraction has `;`).
    /// States named inside a text (`Sign and ratify (Spain)/ become party to (Canada) the Optional
    /// Protocol`) are taken out of it where `isState` knows every name of the parenthesis.
    static func parse(_ c: [UInt8], isState: (String) -> Bool = { _ in false }) -> Parsed {
        var parsed = parseSegments(c, isState: isState)
        guard parsed.texts.contains(where: { $0.contains("(") }) || parsed.unattributed.contains("(") else { return parsed }
        func inline(_ text: String) -> String {
            let b = Array(text.utf8)
            var out: [UInt8] = []
            var copied = 0
            for (open, close) in topLevelGroups(b) {
                let names = names(inGroup: b[(open + 1)..<close])
                guard !names.isEmpty, names.allSatisfy({ looksLikeStateName($0) && isState($0) }) else { continue }
                for name in names where !parsed.states.contains(name) { parsed.states.append(name) }
                var end = open
                while end > copied, ReportLines.isSpace(b[end - 1]) { end -= 1 }
                out += b[copied..<end]
                copied = close + 1
            }
            out += b[copied...]
            return ReportLines.collapseSpaces(String(decoding: out, as: UTF8.self))
        }
        parsed.texts = parsed.texts.map(inline)
        if !parsed.unattributed.isEmpty {
            let before = parsed.states.count
            let rest = inline(parsed.unattributed)
            if parsed.states.count > before, !rest.isEmpty {
                // The whole item was one text with its States inside: it is a text, not a remainder.
                parsed.texts.append(tidy(Array(rest.utf8)[...]))
                parsed.unattributed = ""
            } else {
                parsed.unattributed = rest
            }
        }
        return parsed
    }

    private static func parseSegments(_ c: [UInt8], isState: (String) -> Bool) -> Parsed {
        func isBlank(_ b: UInt8) -> Bool { ReportLines.isSpace(b) || b == 0x0A }
        let groups = topLevelGroups(c)
        let groupNames = groups.map { names(inGroup: c[($0.open + 1)..<$0.close]) }
        // The shape of a State's name, or a name the list of States knows however it is written
        // (`Venezuela (Bolivarian republic of)`).
        let isStates = groupNames.map { !$0.isEmpty && $0.allSatisfy { looksLikeStateName($0) || isState($0) } }

        var texts: [String] = []
        var states: [String] = []
        var segmentStart = 0
        for k in groups.indices where isStates[k] && groups[k].open >= segmentStart {
            // What follows the group: another group (the run goes on), `;`, or the end of the item.
            var j = groups[k].close + 1
            // A footnote marker glued to the parenthesis in extracted text: `(Australia)2;`.
            var digits = j
            while digits < c.count, digits - j < 2, ReportLines.isDigit(c[digits]) { digits += 1 }
            if digits > j, digits == c.count || [0x3B, 0x2E, 0x2F].contains(c[digits]) || isBlank(c[digits]) { j = digits }
            while j < c.count, isBlank(c[j]) { j += 1 }
            if j < c.count, c[j] == 0x28 { continue }
            let restIsClosing = c[j...].allSatisfy { isBlank($0) || $0 == 0x3B || $0 == 0x2E }
            guard j == c.count || c[j] == 0x3B || restIsClosing || slashBeforeCapital(c, j) else { continue }
            // Walk back over the adjacent groups that are States too.
            var first = k
            while first > 0, isStates[first - 1], groups[first - 1].open >= segmentStart,
                  c[(groups[first - 1].close + 1)..<groups[first].open].allSatisfy(isBlank) {
                first -= 1
            }
            let segment = tidy(c[segmentStart..<groups[first].open])
            if !segment.isEmpty { texts.append(segment) }
            for g in first...k {
                for name in groupNames[g] where !states.contains(name) {
                    states.append(name)
                }
            }
            segmentStart = restIsClosing ? c.count : j + 1
            // A footnote marker glued after the separator in extracted text: `(Brazil);1 Next …`.
            var marker = segmentStart
            while marker < c.count, marker - segmentStart < 2, ReportLines.isDigit(c[marker]) { marker += 1 }
            if marker > segmentStart, marker == c.count || isBlank(c[marker]) { segmentStart = marker }
        }
        let tail = segmentStart < c.count ? tidy(c[segmentStart...]) : ""
        return Parsed(texts: texts, states: states, unattributed: tail)
    }

    /// The parenthesised groups not inside another, as the indices of their parentheses.
    private static func topLevelGroups(_ c: [UInt8]) -> [(open: Int, close: Int)] {
        var groups: [(open: Int, close: Int)] = []
        var depth = 0, open = 0
        for i in c.indices {
            if c[i] == 0x28 {
                if depth == 0 { open = i }
                depth += 1
            } else if c[i] == 0x29, depth > 0 {
                depth -= 1
                if depth == 0 { groups.append((open, i)) }
            }
        }
        return groups
    }

    /// `/` then, after any white space, a capital: the start of the next clustered text.
    private static func slashBeforeCapital(_ c: [UInt8], _ j: Int) -> Bool {
        guard j < c.count, c[j] == 0x2F else { return false }
        var k = j + 1
        while k < c.count, ReportLines.isSpace(c[k]) || c[k] == 0x0A { k += 1 }
        return k < c.count && (ReportLines.isUpper(c[k]) || c[k] >= 0xC3)
    }

    /// Trims white space and the separating punctuation around one clustered text.
    private static func tidy(_ s: ArraySlice<UInt8>) -> String {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, ReportLines.isSpace(s[lo]) || s[lo] == 0x0A || s[lo] == 0x3B || s[lo] == 0x2F { lo += 1 }
        while hi > lo, ReportLines.isSpace(s[hi - 1]) || s[hi - 1] == 0x0A || [0x3B, 0x2C, 0x2E, 0x2F].contains(s[hi - 1]) { hi -= 1 }
        return ReportLines.string(s[lo..<hi])
    }

    /// The names in one parenthesis, split at commas outside nested parentheses:
    /// `Portugal, Uruguay` → two names; `Venezuela (Bolivarian Republic of)` → one.
    static func names(inGroup content: ArraySlice<UInt8>) -> [String] {
        var parts: [String] = []
        var start = content.startIndex
        var depth = 0
        for i in content.indices {
            let b = content[i]
            if b == 0x28 { depth += 1 } else if b == 0x29 { depth = max(0, depth - 1) }
            if b == 0x2C || b == 0x3B, depth == 0 {   // "," or, misprinted, ";" between names
                appendName(content[start..<i], to: &parts)
                start = i + 1
            }
        }
        appendName(content[start...], to: &parts)
        return parts
    }

    private static func appendName(_ b: ArraySlice<UInt8>, to parts: inout [String]) {
        var out: [UInt8] = []
        ReportLines.appendCollapsed(b, to: &out)
        if !out.isEmpty { parts.append(String(decoding: out, as: UTF8.self)) }
    }

    /// Words written in lower case inside State names: `Republic of Korea`, `Trinidad and Tobago`,
    /// `Saint Vincent and the Grenadines`, `Côte d’Ivoire`.
    private static let lowercaseWords: Set<String> = ["of", "the", "and", "da", "de", "du", "des", "del", "y", "et"]
    /// Capitalised words that occur in the names of instruments and bodies but in no State's name.
    private static let notInStateNames: Set<String> = [
        "Act", "Action", "Agency", "Agenda", "Alliance", "Article", "Articles", "Assembly", "Bank", "Charter",
        "Code", "Commission", "Commissioner", "Committee", "Compact", "Conference", "Constitution",
        "Convention", "Conventions", "Council", "Court", "Decade", "Declaration", "Decree", "Forum",
        "Framework", "Fund", "Goal", "Goals", "Government", "Group", "Guidelines", "High", "Initiative",
        "Institution", "Law", "Laws", "Mechanism", "Ministry", "Nations", "Network", "Office", "Ombudsman",
        "Organisation", "Organization", "Parliament", "Partnership", "Plan", "Platform", "Principles",
        "Procedure", "Procedures", "Programme", "Program", "Protocol", "Protocols", "Rapporteur",
        "Resolution", "Review", "Rules", "Special", "Statute", "Strategy", "Summit", "Target", "Targets",
        "Treaty", "Union", "Working",
    ]

    /// Whether `name` can be the name of a State as Working Group reports spell them: it starts with a
    /// capital letter, has no digit, is not an acronym (`ICCPR`, `NGOs`), has no lowercase word except
    /// `of`, `the`, `and` (and the like) or `d’…`, and no word that only names instruments or bodies
    /// (`Convention`, `Principles`, `Committee`…). It is a shape test: the list of States is applied later.
    static func looksLikeStateName(_ name: String) -> Bool {
        // Names of the time, as the reports wrote them: "the former Yugoslav Republic of Macedonia".
        if name.hasPrefix("the former ") { return looksLikeStateName(String(name.dropFirst(11))) }
        if name.hasPrefix("the ") { return looksLikeStateName(String(name.dropFirst(4))) }
        let scalars = name.unicodeScalars
        guard let first = scalars.first, first.properties.isUppercase else { return false }
        var upper = 0, lower = 0, spaces = 0
        for u in scalars {
            if u.properties.numericType != nil { return false }
            if u.properties.isUppercase { upper += 1 } else if u.properties.isLowercase { lower += 1 } else if u == " " { spaces += 1 }
        }
        if spaces == 0, upper >= 2, upper >= lower { return false }
        for w in scalars.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" }) {
            guard let f = w.first else { continue }
            let word = String(String.UnicodeScalarView(w))
            if notInStateNames.contains(word) { return false }
            if f.properties.isUppercase || lowercaseWords.contains(word) { continue }
            if word.hasPrefix("d’") || word.hasPrefix("d'") { continue }
            return false
        }
        return true
    }
}
