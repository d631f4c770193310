import Foundation
import XCTest
@testable import ReviewModel

final class SearchIndexTests: XCTestCase {
    private func ledger(_ texts: [String], states: [[String]]? = nil) throws -> Ledger {
        try Ledger(document: Fixtures.document, recommendations: texts.enumerated().map { offset, text in
            Recommendation(id: "140.\(offset + 1)", text: text, states: states?[offset] ?? ["France"])
        })
    }

    private func highlighted(_ query: String, in text: String) throws -> [String] {
        let index = SearchIndex(try ledger([text]))
        return index.highlights(of: query, inText: 0).map { String(text[$0]) }
    }

    func testFoldedTextDropsCaseAndDiacritics() throws {
        let index = SearchIndex(try FilterFixture.ledger())
        XCTAssertEqual(index.count, 8)
        XCTAssertEqual(index.folded(1), "end torture in viet nam’s prisons")
        XCTAssertEqual(index.folded(5), "strengthen legal aid for ethnic minorities in viet nam")
        XCTAssertEqual(SearchIndex(try ledger(["Đà Nẵng, \u{0110}ồng Tháp"])).folded(0), "da nang, dong thap")
        // A combining mark after an ASCII letter, and CR-LF, are single characters.
        XCTAssertEqual(SearchIndex(try ledger(["Cafe\u{0301} OK\r\nAe\u{0301}"])).folded(0), "cafe ok\r\nae")
        XCTAssertEqual(try highlighted("fe ok", in: "Cafe\u{0301} OK\r\nA"), ["fe\u{0301} OK"])
    }

    func testPositionsMatchIDStatesAndText() throws {
        let ledger = try FilterFixture.ledger()
        let index = SearchIndex(ledger)
        func ids(_ query: String) -> [String] { index.positions(matching: query).map { ledger.recommendations[$0].id } }
        XCTAssertEqual(ids("viet nam"), ["140.2", "140.10"])
        XCTAssertEqual(ids("VIỆT"), ["140.2", "140.10"])
        XCTAssertEqual(ids("cote d"), ["140.2"], "by State")
        XCTAssertEqual(ids("turk"), ["140.4"], "Türkiye")
        XCTAssertEqual(ids("brazil"), ["140.9"], "a co-recommender")
        XCTAssertEqual(ids("140.1"), ["140.1", "140.10"], "by ID")
        XCTAssertEqual(ids("no such words"), [])
        XCTAssertEqual(ids(""), ledger.recommendations.map(\.id))
    }

    func testWithoutADirectoryStatesAreTheLedgerNames() throws {
        let ledger = try ledger(["a", "b"], states: [["Turkey"], ["Atlantis"]])
        let bare = SearchIndex(ledger, states: nil)
        XCTAssertTrue(bare.hasState(0, named: "Turkey"))
        XCTAssertFalse(bare.hasState(0, in: .westernEuropeanOthers))
        // With the directory, an old spelling in a ledger is the canonical State and has its group.
        let resolved = SearchIndex(ledger, states: try StateDirectory.bundled())
        XCTAssertTrue(resolved.hasState(0, named: "Türkiye"))
        XCTAssertTrue(resolved.hasState(0, in: .westernEuropeanOthers))
        XCTAssertTrue(resolved.hasState(1, named: "Atlantis"))
        XCTAssertEqual(resolved.positions(matching: "atlan"), [1])
    }

    // MARK: Highlights

    func testHighlightsAreRangesOfTheOriginalText() throws {
        XCTAssertEqual(try highlighted("viet nam", in: "Strengthen legal aid in Việt Nam and in VIET NAM"), ["Việt Nam", "VIET NAM"])
        XCTAssertEqual(try highlighted("VIỆT", in: "Việt Nam"), ["Việt"])
        XCTAssertEqual(try highlighted("da nang", in: "in Đà Nẵng today"), ["Đà Nẵng"])
        XCTAssertEqual(try highlighted("cote", in: "Côte d'Ivoire and côte"), ["Côte", "côte"])
        XCTAssertEqual(try highlighted("t n", in: "Việt Nam"), ["t N"])
        XCTAssertEqual(try highlighted("nothing", in: "Việt Nam"), [])
        XCTAssertEqual(try highlighted("", in: "Việt Nam"), [])
    }

    func testHighlightsCoverWholeCharactersWrittenWithCombiningMarks() throws {
        // "Việt" with the marks as separate scalars: one character each, highlighted whole.
        let decomposed = "Vie\u{0323}\u{0302}t Nam"
        let ranges = SearchIndex(try ledger([decomposed])).highlights(of: "viet", inText: 0)
        XCTAssertEqual(ranges.count, 1)
        XCTAssertEqual(ranges.first.map { decomposed[$0] }, "Vie\u{0323}\u{0302}t")
        XCTAssertEqual(try highlighted("e", in: decomposed), ["e\u{0323}\u{0302}"])
    }

    func testHighlightsDoNotOverlap() throws {
        XCTAssertEqual(try highlighted("aa", in: "aaaa aaa"), ["aa", "aa", "aa"])
        let text = "Việt Nam, viet nam"
        let ranges = SearchIndex(try ledger([text])).highlights(of: "nam", inText: 0)
        XCTAssertEqual(ranges.count, 2)
        XCTAssertLessThanOrEqual(ranges[0].upperBound, ranges[1].lowerBound)
    }

    /// The highlighter and the search fold alike: a recommendation is found exactly when
    /// something in its text is highlighted.
    func testHighlightsAgreeWithTheSearchOverTheSample() throws {
        let sample = try Sample.ledger()
        let index = SearchIndex(sample)
        for query in ["viet nam", "death", "Torture", "–", "rights of", "e"] {
            let found = Set((0..<index.count).filter { index.folded($0).contains(TextFolding.fold(query).lowercased()) })
            let highlighted = Set((0..<index.count).filter { !index.highlights(of: query, inText: $0).isEmpty })
            XCTAssertEqual(found, highlighted, query)
            for position in highlighted.sorted().prefix(5) {
                for range in index.highlights(of: query, inText: position) {
                    XCTAssertEqual(TextFolding.fold(String(sample.recommendations[position].text[range])).lowercased(), TextFolding.fold(query).lowercased(), query)
                }
            }
        }
    }
}
