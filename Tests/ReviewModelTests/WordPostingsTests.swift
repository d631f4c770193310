import Foundation
import XCTest
@testable import ReviewModel

/// `text:` over the index of words answers exactly as the scan of every text does.
final class WordPostingsTests: XCTestCase {
    /// Every needle over both indexes: one with its words indexed, one scanning.
    private func assertSameAnswers(_ ledger: Ledger, _ needles: [String], file: StaticString = #filePath, line: UInt = #line) {
        let scanning = SearchIndex(ledger)
        let indexed = SearchIndex(ledger)
        indexed.buildWordPostingsNow()
        XCTAssertTrue(indexed.wordPostingsReady)
        XCTAssertFalse(scanning.wordPostingsReady)
        var matched = 0
        for needle in needles {
            let query = FilterQuery.term(.text(needle))
            let expected = query.positions(in: ledger, index: scanning)
            XCTAssertEqual(query.positions(in: ledger, index: indexed), expected, "text:\(needle)", file: file, line: line)
            let narrowed = FilterQuery.and(query, .not(.term(.decision(.rejected))))
            XCTAssertEqual(narrowed.positions(in: ledger, index: indexed), narrowed.positions(in: ledger, index: scanning), "text:\(needle) -decision:rejected", file: file, line: line)
            if !expected.isEmpty { matched += 1 }
        }
        XCTAssertGreaterThan(matched, needles.count / 2, "most needles match something", file: file, line: line)
    }

    func testEverySubstringOfTheSampleIsFoundAsTheScanFindsIt() throws {
        var ledger = try Sample.ledger()
        for id in ledger.recommendations.prefix(40).map(\.id) { try ledger.decide(id, .rejected, by: "lan", at: Date()) }
        let index = SearchIndex(ledger)
        // Substrings at every length from 1 to 24, starting anywhere: parts of words, across
        // spaces and punctuation, whole phrases.
        var generator = SystemRandomNumberGenerator()
        var needles: [String] = []
        for position in stride(from: 0, to: ledger.recommendations.count, by: 3) {
            let bytes = Array(index.folded(position).utf8)
            for length in [1, 2, 3, 5, 8, 13, 24] where bytes.count > length {
                let start = Int.random(in: 0..<(bytes.count - length), using: &generator)
                if let needle = String(bytes: bytes[start..<(start + length)], encoding: .utf8) { needles.append(needle) }
            }
        }
        needles += ["torture", "tort", "ure ", "viet nam", "ratify the", ", ", "--", "1", "zzzz", "freedom of expression"]
        assertSameAnswers(ledger, needles)
    }

    func testWordsBeyondASCIIAndDigitsAreWordsToo() throws {
        let ledger = try Ledger(document: Fixtures.document, recommendations: [
            Recommendation(id: "140.1", text: "Ratify ILO C-189 (2011) on domestic workers", states: ["France"]),
            Recommendation(id: "140.2", text: "Protect the Hmông and Ê Đê peoples 中文テキスト", states: ["Chile"]),
            Recommendation(id: "140.3", text: "Torture-free detention: ratify OPCAT.", states: ["Chile"]),
        ])
        let folded = SearchIndex(ledger)
        let needles = (0..<3).flatMap { position in
            folded.folded(position).split(separator: " ").map(String.init)
        } + ["c-18", "9 (2", "hmong and e", "文テ", "e-free det", "opcat."]
        assertSameAnswers(ledger, needles)
    }
}
