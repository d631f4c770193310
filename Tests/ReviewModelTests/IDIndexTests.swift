import XCTest
@testable import ReviewModel

/// The ledger's index of positions by ID (its own table, not a dictionary) finds every ID at its
/// place, no ID it does not hold, and refuses an ID twice by name.
final class IDIndexTests: XCTestCase {
    private func recommendations(_ ids: [String]) -> [Recommendation] {
        ids.map { Recommendation(id: $0, text: "Text of \($0)", states: ["France"]) }
    }

    func testEveryIDIsFoundAtItsPlaceAndNoOther() throws {
        // Long and short IDs, beyond ASCII, alike but for a byte: 50,000 of them.
        var ids = (0..<50_000).map { "\($0 / 100 + 1).\($0 % 100 + 1)" }
        ids += ["140.1a", "Điều 4", "a-very-long-identifier-of-a-recommendation-\u{1F600}", ""]
        let index = try IDIndex(recommendations(ids))
        XCTAssertEqual(index.count, ids.count)
        for (position, id) in ids.enumerated() { XCTAssertEqual(index[id], position, id) }
        for missing in ["0.0", "140.1b", "Đieu 4", "1.1 ", "501.1", "a-very-long-identifier-of-a-recommendation-"] {
            XCTAssertNil(index[missing], missing)
        }
    }

    func testAnIDTwiceIsRefusedByName() {
        XCTAssertThrowsError(try IDIndex(recommendations(["140.1", "140.2", "140.10", "140.2"]))) { error in
            XCTAssertEqual((error as? IDIndex.DuplicateID)?.id, "140.2")
        }
        XCTAssertThrowsError(try Ledger(document: Fixtures.ledger().document, recommendations: recommendations(["1.1", "1.2", "1.1"]))) { error in
            XCTAssertTrue("\(error)".contains("1.1"), "\(error)")
        }
    }

    /// Spellings Swift takes for one String are one ID, in a ledger of ASCII IDs or of others.
    func testEquivalentSpellingsAreOneID() throws {
        let ascii = try IDIndex(recommendations(["K.1", "140.2"]))
        XCTAssertEqual(ascii["\u{212A}.1"], 0, "a Kelvin sign is a K")
        XCTAssertNil(ascii["\u{212A}.2"])
        let other = try IDIndex(recommendations(["140.\u{E9}", "K.1"]))
        XCTAssertEqual(other["140.e\u{301}"], 0)
        XCTAssertEqual(other["\u{212A}.1"], 1)
        XCTAssertThrowsError(try IDIndex(recommendations(["K.1", "\u{212A}.1"])))
    }

    func testIndexesOfTheSameIDsAreEqual() throws {
        XCTAssertEqual(try IDIndex(recommendations(["1.1", "1.2"])), try IDIndex(recommendations(["1.1", "1.2"])))
        XCTAssertNotEqual(try IDIndex(recommendations(["1.1", "1.2"])), try IDIndex(recommendations(["1.2", "1.1"])))
    }
}
