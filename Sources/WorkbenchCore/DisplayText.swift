import Foundation
import ReviewModel

/// Terminal text handling: the display width of each grapheme cluster, cleaning of text that
/// comes from documents (no control characters, no escape sequences), truncation and wrapping.
public enum DisplayText {
    /// Columns a grapheme cluster takes: 0 (combining), 1, or 2 (East Asian wide, emoji).
    public static func width(of character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }  // emoji presentation selector
            width = max(width, scalarWidth(scalar))
        }
        return width
    }

    public static func width(of text: some StringProtocol) -> Int {
        // Most text is ASCII (IDs, most States): one column per printable byte, no grapheme breaking.
        var printable = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.reduce(0) { $0 + width(of: $1) } }
            if byte >= 0x20 && byte != 0x7F { printable += 1 }
        }
        return printable
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels, final consonants
        if scalar.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(value) { return 2 }
        return 1
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// Removes what could drive the terminal: escape sequences (CSI, OSC, two-byte ESC), C0 and C1
    /// controls, DEL, and bidirectional overrides. Tabs and line breaks become spaces. The rules
    /// live in ReviewModel's `PrintableText`, which the command line uses too.
    public static func clean(_ text: String) -> String { PrintableText.clean(text) }

    /// The longest prefix that fits in `columns`, never splitting a wide character.
    public static func truncate(_ text: String, to columns: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = width(of: text[index])
            if used + w > columns { break }
            used += w
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// `truncate`, ending in `…` where something was cut.
    public static func truncate(_ text: String, to columns: Int, ellipsis: Bool) -> String {
        guard ellipsis, width(of: text) > columns else { return truncate(text, to: columns) }
        guard columns > 0 else { return "" }
        return truncate(text, to: columns - 1) + "…"
    }

    /// The words of `text` that fit in about `columns`, with `…` where the rest was left out:
    /// cut between words, never inside one (a short excerpt of a long text).
    public static func excerpt(_ text: String, words columns: Int) -> String {
        guard width(of: text) > columns else { return text }
        let head = truncate(text, to: columns)
        guard let space = head.lastIndex(of: " "), space > head.startIndex else { return truncate(text, to: columns, ellipsis: true) }
        return String(head[..<space]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }

    /// Word-wraps into lines of at most `columns`; words longer than a line are broken.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var wordWidth = width(of: word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= columns {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line) }
            while wordWidth > columns {
                let head = truncate(word, to: columns)
                if head.isEmpty { break }  // a wide character in a 1-column pane
                lines.append(head)
                word.removeFirst(head.count)
                wordWidth = width(of: word)
            }
            line = word
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
