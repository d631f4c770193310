import Foundation
import XCTest
@testable @_spi(Fuzzing) import ReviewModel

/// A ledger file is read a window at a time (`JSONWindow`), never whole: whatever the window's
/// size, and wherever a value is cut by its end, the reading is the one of the whole bytes.
final class JSONWindowTests: XCTestCase {
    private func read(_ data: Data, window: Int?) -> LedgerCoding.Contents? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return try? LedgerFastDecoding.contents(window.map { .windowed(bytes, window: $0) } ?? .whole(bytes))
        }
    }

    func testEveryWindowSizeReadsWhatTheWholeBytesRead() throws {
        var ledger = try LedgerFastDecodingTests.richLedger()
        // A number the window can cut (`"generation": 12` read as 1 would go unnoticed).
        ledger.generation = 1_234_567
        let data = try LedgerCoding.encode(ledger)
        let whole = try XCTUnwrap(read(data, window: nil), "the layout upr writes takes the fast path")
        XCTAssertEqual(whole.generation, 1_234_567)
        for window in Array(1...48) + [64, 100, 1000, data.count - 1, data.count, 1 << 20] {
            XCTAssertTrue(read(data, window: window) == whole, "window of \(window) bytes")
        }
        // Other layouts: a number, a literal or a key cut by the window's end anywhere.
        let object = try JSONSerialization.jsonObject(with: data)
        for options: JSONSerialization.WritingOptions in [[], [.prettyPrinted, .sortedKeys]] {
            let other = try JSONSerialization.data(withJSONObject: object, options: options)
            for window in [1, 7, 31] { XCTAssertTrue(read(other, window: window) == whole, "\(options), window \(window)") }
        }
    }

    /// Damaged bytes are refused (or read) alike: a failure inside the window is not taken for
    /// one at its end, and one at its end is not taken for the file's.
    func testDamagedBytesReadAlikeThroughAnyWindow() throws {
        let original = Array(try LedgerCoding.encode(try LedgerFastDecodingTests.richLedger()))
        var random = LedgerMergeTests.Seeded(state: 20261201)
        let alphabet = Array("{}[]\",:\\0123456789.-eE tfnul\n\"a".utf8) + [0xC3, 0xFF]
        var taken = 0
        for round in 0..<1500 {
            var bytes = original
            let at = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 3 {
            case 0: bytes.remove(at: at)
            case 1: bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
            default: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
            }
            let data = Data(bytes)
            if read(data, window: nil) != nil { taken += 1 }
            XCTAssertTrue(LedgerCoding.windowsAgree(data, window: 1 + round % 23), "round \(round)")
        }
        XCTAssertGreaterThan(taken, 50)
    }

    /// Over a megabyte the decisions and the history are read on threads of their own, from where
    /// the survey finds them; through a file (pread, a window at a time) the ledger is the same.
    func testALargeLedgerReadFromItsFileIsTheLedgerWritten() throws {
        var ledger = try Sample.ledger().repeated(12)
        for (number, recommendation) in ledger.recommendations.enumerated() where number % 3 != 0 {
            try ledger.decide(recommendation.id, number % 2 == 0 ? .accepted : .rejected, by: "lan", at: Fixtures.date)
        }
        let data = try LedgerCoding.encode(ledger)
        XCTAssertGreaterThan(data.count, 1 << 20)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("window-\(UUID().uuidString).json")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try LedgerCoding.decodeIfPlain(file: url.path), ledger)
        XCTAssertEqual(read(data, window: 4096), read(data, window: nil))

        let survey = try data.withUnsafeBytes { try LedgerSurvey(.whole($0.bindMemory(to: UInt8.self))) }
        XCTAssertEqual(survey.items(of: .recommendations), ledger.recommendations.count)
        XCTAssertEqual(survey.items(of: .decisions), ledger.decisions.count)
        XCTAssertEqual(survey.items(of: .history), ledger.history.count)
        let text = String(decoding: data, as: UTF8.self)
        for (section, line) in [(LedgerSurvey.Section.decisions, "\n  \"decisions\": "), (.history, "\n  \"history\": ")] {
            let marker = try XCTUnwrap(text.utf8.firstRange(of: line.utf8))
            XCTAssertEqual(survey.start(of: section), text.utf8.distance(from: text.utf8.startIndex, to: marker.upperBound))
        }
        // A decision written twice, or out of the list's order, is not placed: read by ID as JSONDecoder reads it.
        let decided = ledger.recommendations.filter { ledger.decisions[$0.id] != nil }.map(\.id)
        let line = try XCTUnwrap(text.components(separatedBy: "\n").first { $0.hasPrefix("    \"\(decided[1])\": ") })
        for changed in [text.replacingOccurrences(of: line, with: line + "\n" + line), text.replacingOccurrences(of: line, with: line.replacingOccurrences(of: decided[1], with: decided[0]))] {
            XCTAssertNotEqual(changed, text)
            XCTAssertTrue(LedgerCoding.fastPathAgrees(Data(changed.utf8)))
            let authority = try LedgerMigration.ledger(from: LedgerCoding.decodeWithFoundation(Data(changed.utf8), path: "t.json"))
            XCTAssertEqual(try LedgerCoding.decode(Data(changed.utf8), path: "t.json"), authority)
        }
        let swapped = text.replacingOccurrences(of: "\"\(decided[1])\": ", with: "\"SWAP\": ").replacingOccurrences(of: "\"\(decided[2])\": ", with: "\"\(decided[1])\": ").replacingOccurrences(of: "\"SWAP\": ", with: "\"\(decided[2])\": ")
        XCTAssertEqual(try LedgerCoding.decode(Data(swapped.utf8), path: "t.json").decisions[decided[1]], ledger.decisions[decided[2]])
        let small = try data.withUnsafeBytes { try LedgerSurvey(.windowed($0.bindMemory(to: UInt8.self), window: 5)) }
        for section in LedgerSurvey.Section.allCases {
            XCTAssertEqual(small.items(of: section), survey.items(of: section))
            XCTAssertEqual(small.start(of: section), survey.start(of: section))
        }
    }

    /// A file that is shorter than it was when opened (cut while it is read) ends the reading
    /// where its bytes end: refused, never a wait for bytes that will not come.
    func testAFileCutWhileItIsReadIsRefusedNotWaitedFor() throws {
        let data = try LedgerCoding.encode(try Sample.ledger().repeated(12))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).json")
        try data.prefix(data.count / 2).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        XCTAssertThrowsError(try LedgerFastDecoding.read(.file(descriptor: descriptor, size: data.count)))
        XCTAssertThrowsError(try LedgerStore.read(url)) { error in
            XCTAssertTrue("\(error)".contains(url.lastPathComponent), "the message names the file: \(error)")
        }
    }
}
