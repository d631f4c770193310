import Foundation

/// Separates a recommendation's text from the recommending States that UN documents write after it
/// in parentheses: `Ratify … (Maldives) (Portugal);`, `(Portugal, Uruguay)`,
/// `(Venezuela (Bolivarian Republic of))`, and clusters `Ratify … (Spain); Sign … (Chile);`.
enum StateParentheses {
    /// The text without the States and the closing `;` or `.`, and the States as spelled.
    static func split(_ text: String) -> (text: String, states: [String]) {
        var texts: [String] = []
        var states: [String] = []
        for part in clusterParts(text) {
            let peeled = peel(part)
            if !peeled.text.isEmpty { texts.append(peeled.text) }
            states += peeled.states
        }
        return (texts.joined(separator: "; "), states)
    }

    /// Splits at a `;` that follows a States parenthesis: each part is one clustered text.
    private static func clusterParts(_ text: String) -> [String] {
        var parts: [String] = []
        var start = text.startIndex
        var index = text.startIndex
        while let semicolon = text[index...].firstIndex(of: ";") {
            let before = text[start..<semicolon].trimmingCharacters(in: .whitespaces)
            if before.hasSuffix(")"), !peel(before).states.isEmpty {
                parts.append(before)
                start = text.index(after: semicolon)
            }
            index = text.index(after: semicolon)
        }
        parts.append(String(text[start...]))
        return parts
    }

    /// Takes the States' parentheses off the end of one text.
    private static func peel(_ part: String) -> (text: String, states: [String]) {
        var rest = Substring(part.trimmingCharacters(in: .whitespacesAndNewlines))
        var states: [String] = []
        while true {
            rest = rest.drop(whileEnd: { $0.isWhitespace || $0 == ";" || $0 == "." })
            guard rest.last == ")", let open = openingParenthesis(of: rest) else { break }
            let inner = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            let names = splitNames(inner)
            guard !names.isEmpty, names.allSatisfy(isStateName) else { break }
            states.insert(contentsOf: names, at: 0)
            rest = rest[..<open]
        }
        return (String(rest.drop(whileEnd: { $0.isWhitespace || $0 == ";" })), states)
    }

    /// The `(` that matches the `)` at the end, counting nested parentheses.
    private static func openingParenthesis(of text: Substring) -> String.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == ")" { depth += 1 }
            if text[index] == "(" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// `Portugal, Uruguay` → two names; commas inside a name's own parentheses do not split it.
    private static func splitNames(_ inner: Substring) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        for character in inner {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                names.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        names.append(current)
        return names.map { MatchKey.collapsingWhitespace($0) }.filter { !$0.isEmpty }
    }

    /// A State's name starts with a capital, has lower-case letters and no digits: not `(CEDAW)`,
    /// `(2024–2030)` or `(the Convention)`.
    private static func isStateName(_ name: String) -> Bool {
        guard let first = name.first, first.isUppercase, name.count <= 80 else { return false }
        return name.contains(where: \.isLowercase) && !name.contains(where: \.isNumber)
    }
}

private extension Substring {
    func drop(whileEnd predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
