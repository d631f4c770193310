import Foundation

/// Text made safe for HTML and XML, in element content and in quoted attributes alike.
enum Markup {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // XML 1.0 forbids the other C0 controls and U+FFFE/U+FFFF: a file holding one does not open.
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Text made literal in Markdown: a recommendation that holds `*`, `_`, `|` or `<` must not turn
/// into emphasis, a table column or HTML.
enum Markdown {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~": out += "\\\(character)"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        // `&` only matters where it starts an entity (`&amp;`); "women & men" stays as written.
        return out.replacingOccurrences(of: #"&(#?[A-Za-z0-9]+;)"#, with: #"\\&$1"#, options: .regularExpression)
    }

    /// A pipe table; every cell escaped.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let line = { (cells: [String]) in "| " + cells.map(escape).joined(separator: " | ") + " |" }
        return [line(header), "|" + header.map { _ in "---" }.joined(separator: "|") + "|"] + rows.map(line)
    }
}
