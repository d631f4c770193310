import Foundation
import XCTest
@testable import ReviewImport

/// The shortcuts that make an import of the UPR Info files fast read exactly what the long way
/// reads.
final class ImportFastPathsTests: XCTestCase {
    /// Fields of columns nobody reads are left empty; the rest, the field counts and the lines
    /// are what a whole reading gives.
    func testAReadingOfSomeColumnsGivesTheirFieldsAsAWholeReading() throws {
        let text = "To,Text,From,Extra\r\nViet Nam,\"Ratify, soon\",Chile,x\r\n\r\nFrance,\"two\nlines\",\"Peru\",\"\"\"q\"\"\"\rChile,only\n,,,\n"
        let whole = try CSVReader.records(text, file: "t.csv")
        let some = try CSVReader.records(text, file: "t.csv") { header in
            XCTAssertEqual(header, ["To", "Text", "From", "Extra"])
            return [1]
        }
        XCTAssertEqual(some.map(\.line), whole.map(\.line))
        XCTAssertEqual(some.map(\.fields.count), whole.map(\.fields.count))
        XCTAssertEqual(some.first, whole.first, "the header is read whole")
        for (part, all) in zip(some.dropFirst(), whole.dropFirst()) {
            for column in all.fields.indices {
                XCTAssertEqual(part.fields[column], column <= 1 ? all.fields[column] : "", "line \(all.line) column \(column)")
            }
        }
    }

    /// Words of an ASCII text are found on its bytes; they must be the words Foundation's folding
    /// and splitting give.
    func testWordsOfASCIITextAreTheWordsFoundationFinds() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019 ,.;:-'\"()/\t\n_~").map(String.init)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
            let slow = MatchKey.folded(text).components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
            XCTAssertEqual(MatchKey.words(text), slow, text)
        }
        XCTAssertEqual(MatchKey.words("Ratify CAT, as soon as possible"), ["ratify", "cat", "as", "soon", "as", "possible"])
        XCTAssertEqual(MatchKey.words("Côte d'Ivoire"), ["cote", "d", "ivoire"], "beyond ASCII, Foundation folds")
    }

    /// Telling a ministry sheet from other files reads the header alone, a quoted line break in it
    /// included.
    func testTheFirstRecordOfACSVIsCutAfterItsLastLineBreakOutsideQuotes() {
        let data = Data("\r\n\"ID\nx\",Text\r\n1,2\n".utf8)
        XCTAssertEqual(String(decoding: MinistrySheetImport.firstCSVRecord(data), as: UTF8.self), "\r\n\"ID\nx\",Text")
        XCTAssertEqual(MinistrySheetImport.firstCSVRecord(Data("a,b".utf8)), Data("a,b".utf8))
    }

    /// Fields are trimmed on their bytes where that is safe; the result is what trimming white
    /// space Characters gives, with a mark on a space or a space beyond ASCII included.
    func testTrimmingOnBytesGivesWhatTrimmingCharactersGives() {
        var random = SystemRandomNumberGenerator()
        let pieces = [" ", "\t", "\r\n", "\n", "a", "Z", ".", "\u{00A0}", "\u{301}", "é", "\u{3000}", "x y", "\u{0B}"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let characters = Array(text)
            let first = characters.firstIndex { !$0.isWhitespace }, last = characters.lastIndex { !$0.isWhitespace }
            let expected = first.map { String(characters[$0...last!]) } ?? ""
            XCTAssertEqual(UPRInfoCSV.trimmed(text), expected, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }
}
