import XCTest
import ReviewModel

/// What commands and the workbench print of the record cannot drive the terminal.
final class PrintableTextTests: XCTestCase {
    func testEscapeSequencesAndControlsAreRemoved() {
        let note = "a\u{1B}]0;title\u{07}b\u{1B}]52;c;aGk=\u{1B}\\c\u{1B}[2Jd\u{9B}31me\u{1B}cg\u{7F}h\u{202E}i\u{0}j"
        XCTAssertEqual(PrintableText.clean(note), "abcdeghij")
        // A lone C1 control goes; what follows it is plain text without its introducer.
        XCTAssertEqual(PrintableText.clean("f\u{9D}8;;x\u{9C}"), "f8;;x")
    }

    func testLineBreaksBecomeSpacesUnlessKept() {
        XCTAssertEqual(PrintableText.clean("one\ntwo\tthree\r\nfour"), "one two three  four")
        XCTAssertEqual(PrintableText.clean("one\ntwo\tthree\r\nfour\rover", keepingLineBreaks: true), "one\ntwo\tthree\r\nfour over")
    }

    func testPlainTextIsLeftAsItIs() {
        let text = "Việt Nam: Côte d’Ivoire, 日本, emoji 🇻🇳"
        XCTAssertEqual(PrintableText.clean(text), text)
        XCTAssertEqual(PrintableText.clean(text, keepingLineBreaks: true), text)
    }
}
