import Foundation

/// Recognises the lines a PDF-to-text conversion repeats on every page (document symbol, `GE.` job
/// number, page number, form feeds), so that readers can ignore them without losing line numbers.
enum PageFurniture {
    /// The same lines, one for one, with form feeds removed and page furniture replaced by empty lines.
    static func blanked(_ lines: [String]) -> [String] {
        var cleaned = lines.map { $0.replacingOccurrences(of: "\u{0C}", with: "") }
        let pageBreaks = lines.indices.filter { lines[$0].contains("\u{0C}") }
        for index in cleaned.indices where isSymbolOrJobNumber(cleaned[index]) {
            cleaned[index] = ""
        }
        // A page number stands alone next to a page break (or at the very end of the text).
        let nonBlank = cleaned.indices.filter { !cleaned[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        for (position, index) in nonBlank.enumerated() where isPageNumber(cleaned[index]) {
            let next = position + 1 < nonBlank.count ? nonBlank[position + 1] : cleaned.count
            let previous = position > 0 ? nonBlank[position - 1] : -1
            let touchesBreak = pageBreaks.contains { $0 > index && $0 <= next } || pageBreaks.contains { $0 >= previous && $0 <= index }
            if touchesBreak || next == cleaned.count { cleaned[index] = "" }
        }
        return cleaned
    }

    /// `A/HRC/59/15/Add.1` alone on a line, or the `GE.25-05640 (E)` job number.
    static func isSymbolOrJobNumber(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("GE."), trimmed.dropFirst(3).prefix(3).last == "-" { return true }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, let first = parts.first, (1...2).contains(first.count),
              first.allSatisfy({ $0.isUppercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }
        }
    }

    static func isPageNumber(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return (1...3).contains(trimmed.count) && trimmed.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
