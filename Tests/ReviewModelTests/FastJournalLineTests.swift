import Foundation
import XCTest
@testable import ReviewModel

/// Journal lines are read by the fast reader, JSONDecoder standing by: whatever the fast reader
/// takes must be exactly what JSONDecoder reads, for the lines upr writes and for damaged ones.
final class FastJournalLineTests: XCTestCase {
    private let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.decoding
        return decoder
    }()

    private func same(_ fast: LedgerJournal.Line, _ slow: LedgerJournal.Line) -> Bool {
        fast.base == slow.base && fast.event == slow.event && fast.seq == slow.seq && fast.prev == slow.prev && fast.check == slow.check
    }

    /// The lines of every change of a ledger with notes, marks, ministries, plans, undo and redo.
    private func lines() throws -> [[UInt8]] {
        let ledger = try LedgerFastDecodingTests.richLedger()
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = LedgerJournal(ledger: folder.appendingPathComponent("l.json"))
        try journal.append(ledger.history, base: 3)
        let text = try Data(contentsOf: journal.url)
        return text.split(separator: UInt8(ascii: "\n")).map(Array.init)
    }

    func testTheLinesUprWritesAreReadFastAndAsJSONDecoderReadsThem() throws {
        let lines = try lines()
        XCTAssertGreaterThan(lines.count, 8)
        for line in lines {
            let data = Data(line)
            let fast = try XCTUnwrap(LedgerFastDecoding.journalLine(data), String(decoding: line, as: UTF8.self))
            XCTAssertTrue(same(fast, try decoder.decode(LedgerJournal.Line.self, from: data)))
        }
    }

    func testDamagedLinesAreNeverReadOtherwiseThanByJSONDecoder() throws {
        let lines = try lines()
        var random = LedgerMergeTests.Seeded(state: 20261201)
        let alphabet = Array("{}[]\",:\\/0123456789.-eE tfnul\u{0}\"a".utf8) + [0xC3, 0xA9, 0xFF]
        var taken = 0
        for round in 0..<4000 {
            var bytes = lines[round % lines.count]
            for _ in 0...(round % 3) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                default: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                }
            }
            guard let fast = LedgerFastDecoding.journalLine(Data(bytes)) else { continue }
            taken += 1
            guard let slow = try? decoder.decode(LedgerJournal.Line.self, from: Data(bytes)) else {
                return XCTFail("round \(round): the fast reader takes what JSONDecoder refuses: \(String(decoding: bytes, as: UTF8.self))")
            }
            XCTAssertTrue(same(fast, slow), "round \(round): \(String(decoding: bytes, as: UTF8.self))")
        }
        XCTAssertGreaterThan(taken, 100, "damage inside a note still leaves a line to read")
    }
}
