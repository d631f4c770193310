import Foundation
import XCTest
@testable import ReviewModel

/// An ID is a String: spelt in two canonically equivalent ways (NFC, NFD) it is one ID, as it was
/// when the ledger kept its decisions and positions in dictionaries by ID.
final class IDSpellingTests: XCTestCase {
    /// The same ID, "140.é", written precomposed (NFC) and decomposed (NFD). Swift's String
    /// (and so the old `[String: Int]` / `[String: DecisionRecord]`) takes them for one key.
    private let nfc = "140.\u{E9}", nfd = "140.e\u{301}"
    private let record = DecisionRecord(decision: .accepted, note: "agreed", by: "lan", at: Fixtures.date)

    private func recommendation(_ id: String) -> Recommendation {
        Recommendation(id: id, text: "Ratify the Convention", states: ["France"])
    }

    private static func replacingFirst(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8], after marker: [UInt8]) -> [UInt8] {
        func find(_ needle: [UInt8], from: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            return (from...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
        }
        guard let mark = find(marker, from: 0), let at = find(old, from: mark) else { return bytes }
        return Array(bytes[..<at]) + new + Array(bytes[(at + old.count)...])
    }

    func testTheTwoSpellingsAreOneStringToSwift() {
        XCTAssertEqual(nfc, nfd)
        XCTAssertEqual([nfc: 1][nfd], 1, "a dictionary by ID, as the ledger kept before, finds either spelling")
        XCTAssertNotEqual(Array(nfc.utf8), Array(nfd.utf8))
    }

    /// IDIndex hashes the ID's UTF-8 bytes (FNV-1a) but compares IDs with String `==`
    /// (canonical equivalence): a decision keyed by the other spelling is no longer found.
    func testADecisionKeyedByAnEquivalentSpellingOfItsIDIsFoundAsBefore() throws {
        let ledger = try Ledger(document: Fixtures.document, recommendations: [recommendation(nfc)], decisions: [nfd: record])
        XCTAssertEqual(ledger.record(for: nfc), record)
        XCTAssertEqual(ledger.decisions[nfd], record)
        XCTAssertEqual(ledger.indexByID[nfd], 0)
    }

    /// Two recommendations whose IDs are equal as Strings were refused by name (duplicateID);
    /// the IDIndex now takes both, and every look-up by that ID finds only one of them.
    func testTwoEquivalentSpellingsOfOneIDAreStillRefusedAsADuplicate() {
        XCTAssertThrowsError(try Ledger(document: Fixtures.document, recommendations: [recommendation(nfc), recommendation(nfd)])) { error in
            guard case LedgerError.duplicateID = error else { return XCTFail("\(error)") }
        }
    }

    /// One file, two readers: the fast path places the decision by String `==` (it follows the
    /// list) and loads; JSONDecoder's reading (the authority) goes through the IDIndex and
    /// refuses it as a decision for an unknown ID. Before the change both loaded it.
    func testAFileWithTheDecisionKeyedByTheOtherSpellingReadsAlikeBothWays() throws {
        let written = try Ledger(document: Fixtures.document, recommendations: [recommendation(nfc)], decisions: [:])
        var bytes = Array(try LedgerCoding.encode(written))
        // The decisions' section with the decision keyed in NFD where the list has NFC.
        let empty = Array("\"decisions\": {\n  },".utf8)
        let line = Array("\"decisions\": {\n    \"\(nfd)\": ".utf8) + Array(try LedgerCoding.lineEncoder().encode(record)) + Array("\n  },".utf8)
        bytes = Self.replacingFirst(empty, with: line, in: bytes, after: Array("\"decisions\"".utf8))
        let data = Data(bytes)
        XCTAssertNotNil(try? LedgerFastDecoding.contents(data), "the fast path takes the file")

        let fast = Result { try LedgerCoding.decode(data, path: "t.json") }
        let foundation = Result { try LedgerMigration.ledger(from: LedgerCoding.decodeWithFoundation(data, path: "t.json")) }
        XCTAssertNotNil(try? fast.get(), "the fast path loads it")
        XCTAssertNotNil(try? foundation.get(), "JSONDecoder's reading loads it too: \(foundation)")
        XCTAssertEqual(try? fast.get(), try? foundation.get())
    }
}

/// A large ledger (threads, survey, pread windows) read
/// from its file is the ledger JSONDecoder reads, whichever positions are decided.
final class LargeLedgerFileTests: XCTestCase {
    private func authority(_ data: Data) throws -> Ledger {
        try LedgerMigration.ledger(from: LedgerCoding.decodeWithFoundation(data, path: "t.json"))
    }

    private func fromFile(_ data: Data) throws -> Ledger? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString).json")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try LedgerCoding.decodeIfPlain(file: url.path)
    }

    func testALargeLedgerWithNoneAllFirstOrLastDecidedReadsAsJSONDecoderReadsIt() throws {
        let base = try Sample.ledger().repeated(15)
        let count = base.recommendations.count
        let choices: [(String, (Int) -> Bool)] = [("none", { _ in false }), ("all", { _ in true }),
                                                  ("first", { $0 == 0 }), ("last", { $0 == count - 1 }), ("every 7th", { $0 % 7 == 3 })]
        for (name, decided) in choices {
            var ledger = base
            for position in 0..<count where decided(position) {
                try ledger.decide(ledger.recommendations[position].id, position % 2 == 0 ? .accepted : .rejected, by: "lan", at: Fixtures.date)
            }
            let data = try LedgerCoding.encode(ledger)
            XCTAssertGreaterThan(data.count, 1 << 20)
            let read = try XCTUnwrap(try fromFile(data), "\(name): the fast path takes it")
            XCTAssertEqual(read, ledger, name)
            XCTAssertEqual(read, try authority(data), name)
            XCTAssertEqual(read.decisions.count, ledger.decisionsByID.count, name)
            XCTAssertEqual(read.decisionsByID, ledger.decisionsByID, name)
            // Undo of the last decision and redo give the same ledger as the one decided in memory.
            if decided(count - 1) {
                var left = read, right = ledger
                _ = try left.undo(by: "lan", at: Fixtures.date)
                _ = try right.undo(by: "lan", at: Fixtures.date)
                XCTAssertEqual(left, right, "\(name): undo")
                XCTAssertNil(left.record(for: left.recommendations[count - 1].id)?.decision, "\(name): undone")
            }
        }
    }

    func testAnEmptyFileIsRefusedByName() throws {
        XCTAssertNil(try fromFile(Data()))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).json")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try LedgerStore.read(url)) { XCTAssertTrue("\($0)".contains(url.lastPathComponent), "\($0)") }
    }
}
