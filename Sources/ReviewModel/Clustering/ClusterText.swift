import Foundation

/// Turns the text of a recommendation into the words that say what it asks: folded, stop words
/// and hedges dropped ("consider", "continue", "further", "efforts": they change the tone of an
/// ask, not the ask), simple stemming, and every treaty, by name or abbreviation, as ONE token
/// (`Convention against Torture` and `CAT` are both `t:cat`). Foundation only.
public enum ClusterText {
    /// The tokens of one text, in order (repeats kept: term frequency counts them).
    public static func tokens(_ text: String) -> [String] {
        let words = rawWords(TextFolder.folded(text))
        var out: [String] = []
        out.reserveCapacity(words.count)
        var hasILO = false
        var index = 0
        while index < words.count {
            if let (length, token) = treaty(at: index, in: words) {
                let named = optionalProtocol(token, before: &out)
                out.append(named)
                index += length
                // "CAT and its Optional Protocol" asks for two treaties.
                if let (skip, second) = itsProtocol(at: index, in: words) {
                    out.append(protocolToken(of: named, second: second))
                    index += skip
                }
                continue
            }
            let word = words[index]
            index += 1
            if word == "ilo" { hasILO = true; continue }
            if hasILO, ["87", "98", "189", "169", "138", "182", "29", "105", "100", "111"].contains(word) {
                out.append("t:ilo" + word)
                continue
            }
            out.append(word)
        }
        // Stop words go after the treaty pass: "the", "on", "of" are part of treaty names, and
        // "optional protocol to the" is read from the words before a treaty.
        return out.compactMap { word in
            if word.hasPrefix("t:") { return word }
            if stopWords.contains(word) || word.count < 2 || word.allSatisfy(\.isNumber) { return nil }
            let stemmed = stem(word)
            if stopWords.contains(stemmed) { return nil }
            return synonyms[stemmed] ?? stemmed
        }
    }

    /// Letters and digits; "op-cat" and "op cat" both become two words.
    static func rawWords(_ folded: String) -> [String] {
        folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    // MARK: Treaties

    /// Names and abbreviations, each as words; the longest match at a position wins.
    static let treatyNames: [(words: [String], token: String)] = {
        let table: [(String, [String])] = [
            ("t:cat", ["convention against torture and other cruel inhuman or degrading treatment or punishment",
                       "convention against torture and other cruel inhuman or degrading treatment",
                       "convention against torture", "cat", "uncat"]),
            ("t:opcat", ["opcat", "op cat"]),
            ("t:iccpr", ["international covenant on civil and political rights", "covenant on civil and political rights", "iccpr"]),
            ("t:iccpr-op2", ["iccpr op2", "op2 iccpr", "iccpr op 2"]),
            ("t:icescr", ["international covenant on economic social and cultural rights",
                          "covenant on economic social and cultural rights", "icescr"]),
            ("t:cedaw", ["convention on the elimination of all forms of discrimination against women", "cedaw"]),
            ("t:cerd", ["international convention on the elimination of all forms of racial discrimination",
                        "convention on the elimination of all forms of racial discrimination", "icerd", "cerd"]),
            ("t:crc", ["convention on the rights of the child", "crc"]),
            ("t:crpd", ["convention on the rights of persons with disabilities", "crpd"]),
            ("t:icmw", ["international convention on the protection of the rights of all migrant workers and members of their families",
                        "convention on the protection of the rights of all migrant workers and members of their families",
                        "convention on the rights of all migrant workers and members of their families",
                        "convention on migrant workers", "migrant workers convention", "icmw", "icrmw", "icpmw", "cmw"]),
            ("t:ced", ["international convention for the protection of all persons from enforced disappearance",
                       "convention for the protection of all persons from enforced disappearance",
                       "convention on enforced disappearance", "convention on enforced disappearances", "icpped", "cped", "ced"]),
            ("t:rome", ["rome statute of the international criminal court", "rome statute"]),
            ("t:refugees", ["convention relating to the status of refugees", "refugee convention"]),
            ("t:statelessness", ["convention relating to the status of stateless persons", "convention on the reduction of statelessness"]),
        ]
        return table.flatMap { token, names in names.map { ($0.split(separator: " ").map(String.init), token) } }
            .sorted { $0.words.count > $1.words.count }
    }()

    static func treaty(at index: Int, in words: [String]) -> (Int, String)? {
        for (name, token) in treatyNames where index + name.count <= words.count {
            if zip(name, words[index...]).allSatisfy({ $0 == $1 }) { return (name.count, token) }
        }
        return nil
    }

    /// "Optional Protocol to the Convention against Torture" is OPCAT, not CAT; "the Second
    /// Optional Protocol to the ICCPR" (death penalty) is not the ICCPR. The protocol words
    /// already read are taken back from `before`.
    static func optionalProtocol(_ token: String, before: inout [String]) -> String {
        var end = before.count
        while end > 0, ["to", "the", "of", "on"].contains(before[end - 1]) { end -= 1 }
        guard end >= 2, before[end - 2] == "optional", before[end - 1].hasPrefix("protocol") else { return token }
        var start = end - 2
        var second = false
        if start > 0, ["second", "2nd"].contains(before[start - 1]) { second = true; start -= 1 }
        if start > 0, ["first", "1st"].contains(before[start - 1]) { start -= 1 }
        before.removeSubrange(start...)
        return protocolToken(of: token, second: second)
    }

    /// "and its (second) optional protocol(s)", "and sign its Optional Protocol", "and the Optional
    /// Protocol thereto" right after a treaty: how many words, and whether second. A protocol
    /// followed by "to"/"on" names its own treaty and is left to the treaty pass.
    static func itsProtocol(at index: Int, in words: [String]) -> (Int, Bool)? {
        guard index < words.count, words[index] == "and" else { return nil }
        let end = min(words.count, index + 5)
        guard let o = (index..<end).first(where: { words[$0] == "optional" }), o + 1 < words.count, words[o + 1].hasPrefix("protocol") else { return nil }
        if o + 2 < words.count, ["to", "on"].contains(words[o + 2]) { return nil }
        let second = o > index && ["second", "2nd"].contains(words[o - 1])
        let thereto = o + 2 < words.count && words[o + 2] == "thereto"
        return (o + 2 - index + (thereto ? 1 : 0), second)
    }

    static func protocolToken(of token: String, second: Bool) -> String {
        switch token {
        case "t:cat": return "t:opcat"
        case "t:iccpr": return second ? "t:iccpr-op2" : "t:iccpr-op1"
        case "t:opcat", "t:iccpr-op2": return token
        default: return token + "-op"
        }
    }

    // MARK: Words

    /// English stop words, and the hedges of UPR language.
    static let stopWords: Set<String> = [
        "a", "an", "and", "or", "the", "of", "to", "in", "on", "for", "with", "by", "at", "as", "from", "into", "its", "it",
        "their", "they", "this", "that", "these", "those", "be", "been", "is", "are", "was", "all", "any", "such", "which",
        "who", "whom", "also", "well", "other", "including", "inter", "alia", "particular", "particularly", "especially",
        "view", "order", "so", "more", "most", "than", "not", "no", "has", "have", "its", "there", "where", "while", "within",
        // hedges and verbs of effort
        "consider", "considering", "continue", "continu", "further", "furth", "effort", "efforts", "pursue", "pursu",
        "take", "tak", "step", "necessary", "necessari", "appropriate", "appropri", "possible", "possibl", "possibility",
        "soon", "early", "earli", "timely", "prompt", "promptly", "quickly", "quick", "swiftly", "without", "delay",
        "towards", "toward", "aim", "aimed", "mean", "accordingly", "make", "undertake", "intensify", "step", "need",
        "viet", "nam", "country", "state", "party", "parties",
    ]

    /// Simple stemming: plural and verb endings, enough for "ratifying"/"ratified" and
    /// "rights"/"right". Not Porter: predictable, and the same for every text.
    static func stem(_ word: String) -> String {
        guard word.count > 4 else { return word.hasSuffix("s") && word.count > 3 && !word.hasSuffix("ss") ? String(word.dropLast()) : word }
        for (suffix, replacement) in suffixes where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            return String(word.dropLast(suffix.count)) + replacement
        }
        return word
    }

    static let suffixes: [(String, String)] = [
        ("izations", "ize"), ("ization", "ize"), ("ications", "y"), ("ication", "y"), ("ations", "ate"), ("ation", "ate"),
        ("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ness", ""),
        ("ed", ""), ("es", "e"), ("ss", "ss"), ("s", ""), ("ly", ""),
    ]

    /// Words of the same ask after stemming: joining a treaty is joining a treaty.
    static let synonyms: [String: String] = [
        "ratify": "ratify", "accede": "ratify", "accession": "ratify", "adhere": "ratify", "adherence": "ratify",
        "join": "ratify", "instrument": "treaty", "instru": "treaty", "convention": "treaty", "ratif": "ratify", "acced": "ratify", "sign": "ratify",
    ]
}
