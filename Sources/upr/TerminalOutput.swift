import Foundation
import ReviewModel
#if canImport(Glibc)
import Glibc
#endif

/// What the commands print of the ledger and of imported documents (notes, texts, names) goes
/// through `PrintableText`, so that a note or an imported text cannot drive the terminal (set its
/// title, write the clipboard with OSC 52, clear the screen). Files written with `-o` keep the text.
enum TerminalOutput {
    /// One line of a listing: controls and escape sequences removed, line breaks made spaces.
    static func line(_ text: String) {
        print(PrintableText.clean(text))
    }

    /// An export bound for standard output: cleaned where that is a terminal (line breaks kept),
    /// else (a pipe, a redirection to a file) written as it is.
    static func export(_ data: Data, toTerminal: Bool = isatty(STDOUT_FILENO) == 1) -> Data {
        guard toTerminal else { return data }
        return Data(PrintableText.clean(String(decoding: data, as: UTF8.self), keepingLineBreaks: true).utf8)
    }
}
