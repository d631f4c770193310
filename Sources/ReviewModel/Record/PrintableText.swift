/// Text of the record (notes, imported texts, names) made safe to print: without escape
/// sequences (CSI, OSC, DCS and the like, two-byte ESC), C0 and C1 controls, DEL and
/// bidirectional overrides, which a terminal would obey (set its title, write the clipboard,
/// clear the screen) instead of showing. Nothing here knows a terminal; the workbench's
/// `DisplayText.clean` and every command that prints to one use it.
public enum PrintableText {
    /// Tabs and line breaks become spaces, unless `keepingLineBreaks` (for text of many lines,
    /// such as a CSV file: then tabs, `\n` and the `\r` of `\r\n` stay).
    public static func clean(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // A carriage return is kept only before a line feed, which the loop below looks at.
        let kept: Set<Unicode.Scalar> = keepingLineBreaks ? ["\n", "\t"] : []
        guard text.unicodeScalars.contains(where: { needsCleaning($0) && !kept.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? scalars.next() {
            pending = nil
            switch scalar.value {
            case 0x0D where keepingLineBreaks:
                // Alone, a carriage return would let the rest of the line overwrite its start.
                pending = scalars.next()
                out.append(pending == "\n" ? scalar : " ")
            case 0x09 where keepingLineBreaks:
                out.append(scalar)
            case 0x1B:
                skipEscapeSequence(&scalars)
            case 0x9B:  // C1 CSI
                skipUntilFinalByte(&scalars)
            case 0x0A where keepingLineBreaks:
                out.append(scalar)
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    public static func needsCleaning(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let next = scalars.next() else { return }
        switch next {
        case "[": skipUntilFinalByte(&scalars)
        case "]", "P", "_", "^", "X": skipString(&scalars)  // OSC, DCS, APC, PM, SOS
        default: return  // two-character sequence, e.g. ESC c
        }
    }

    /// Up to BEL, ST (C1) or ESC \.
    private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let s = scalars.next() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B { _ = scalars.next(); return }
        }
    }

    private static func skipUntilFinalByte(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let s = scalars.next() {
            if (0x40...0x7E).contains(s.value) { return }
        }
    }
}
