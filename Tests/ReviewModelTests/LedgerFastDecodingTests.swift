import Foundation
import XCTest
@testable @_spi(Fuzzing) import ReviewModel

/// The ledger's fast reader must read exactly what JSONDecoder reads, and refuse (hand over to
/// JSONDecoder) whatever it is not sure of: a damaged file must never load differently.
final class LedgerFastDecodingTests: XCTestCase {
    /// Every part of a ledger, with the text a hand editor or a ministry could put in a note.
    static func richLedger() throws -> Ledger {
        var ledger = Fixtures.ledger()
        ledger.notice = "Illustrative \"sample\" — not A/HRC/57/6"
        try ledger.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        try ledger.annotate("140.1", note: "Bộ Tư pháp: \"already\" in law\nsee art. 4\t/ 😀 \\ \u{01}", by: "lan", at: Fixtures.date)
        try ledger.markImplemented("140.1", true, by: "lan", at: Fixtures.date)
        try ledger.decide("140.3", .rejected, by: "minh", at: Fixtures.date)
        // Implementation records (schema 3): every field, with the text of a ministry's report.
        try ledger.setImplementationStatus("140.1", .inProgress, note: "Draft law \"on OPCAT\" sent\nto the Assembly 😀", source: "moj.xlsx:4", by: "lan", at: Fixtures.date)
        try ledger.addAction("140.1", "Draft the law / consult", due: "2026-06-30", lead: "Ministry of Justice", by: "lan", at: Fixtures.date)
        try ledger.addAction("140.1", "Train judges", by: "lan", at: Fixtures.date)
        try ledger.markAction("140.1", 1, by: "lan", at: Fixtures.date)
        try ledger.setImplementationLead("140.1", lead: "Ministry of Justice", partners: ["Ministry of Public Security", "VLA"], by: "lan", at: Fixtures.date)
        try ledger.setIndicators("140.1", indicators: ["Law adopted"], sdgs: ["16.3", "16.a"], by: "lan", at: Fixtures.date)
        try ledger.assign("140.4", ministry: "Ministry of Justice", by: "minh", at: Fixtures.date)
        try ledger.decide("140.10", .underConsideration, by: "lan", at: Fixtures.date)
        _ = try ledger.undo(by: "lan", at: Fixtures.date)
        _ = try ledger.redo(by: "lan", at: Fixtures.date)
        try ledger.propose(Proposal(id: "140.2", decision: .accepted, note: "OPCAT: yes", ministry: "Ministry of Public Security", file: "mps.xlsx", line: 3, at: Fixtures.date))
        ledger.views = ["france open": "state:France decision:undecided", "torture": "text:torture"]
        ledger.conflicts = ["140.5": [
            ConflictSide(side: "ours", record: DecisionRecord(decision: .accepted, by: "lan", at: Fixtures.date)),
            ConflictSide(side: "theirs", record: nil),
        ]]
        ledger.reference = [ReferenceRecommendation(id: "143.1", text: "Ratify OPCAT", states: ["Chile"], position: .noted, symbol: "A/HRC/41/7")]
        ledger.consultation = ["140.2": [ConsultationComment(organization: "Viet Nam Lawyers Association", comment: "Yes \"please\" 😀", date: "2026-03-15", file: "c.csv", line: 2)]]
        return ledger
    }

    private func bothWays(_ data: Data) -> (fast: LedgerCoding.Contents?, foundation: LedgerCoding.Contents?) {
        (try? LedgerFastDecoding.contents(data), try? LedgerCoding.decodeWithFoundation(data, path: "t.json"))
    }

    func testTheLedgersOwnLayoutIsReadByTheFastPathAsJSONDecoderReadsIt() throws {
        let ledger = try Self.richLedger()
        let data = try LedgerCoding.encode(ledger)
        let (fast, foundation) = bothWays(data)
        XCTAssertNotNil(fast, "the layout upr writes takes the fast path")
        XCTAssertEqual(fast, foundation)
        XCTAssertEqual(try LedgerCoding.decode(data, path: "t.json"), ledger)
    }

    /// A ledger edited by hand or by another tool: other key order, other spacing, escaped slashes.
    func testOtherLayoutsOfTheSameJSONReadTheSame() throws {
        let data = try LedgerCoding.encode(try Self.richLedger())
        let object = try JSONSerialization.jsonObject(with: data)
        for options: JSONSerialization.WritingOptions in [[], [.prettyPrinted], [.sortedKeys], [.prettyPrinted, .sortedKeys]] {
            let other = try JSONSerialization.data(withJSONObject: object, options: options)
            let (fast, foundation) = bothWays(other)
            XCTAssertNotNil(fast)
            XCTAssertEqual(fast, foundation, "layout \(options)")
        }
    }

    /// Where JSONDecoder's reading is the authority, the fast path steps aside and the file still
    /// loads (or is refused) exactly as before.
    func testWhatTheFastPathDoesNotTakeStillLoadsThroughJSONDecoder() throws {
        let text = String(decoding: try LedgerCoding.encode(Fixtures.ledger()), as: UTF8.self)
        let variants = [
            text.replacingOccurrences(of: "\"generation\": 0", with: "\"generation\": 0.0"),
            text.replacingOccurrences(of: "\"generation\": 0", with: "\"generation\": 0e0"),
            text.replacingOccurrences(of: "{\"id\":\"140.1\",", with: "{\"id\":\"140.1\",\"id\":\"140.1\","),
        ]
        for variant in variants {
            let data = Data(variant.utf8)
            let (fast, foundation) = bothWays(data)
            XCTAssertNil(fast, "the fast path leaves this one to JSONDecoder")
            if let foundation {
                XCTAssertEqual(try LedgerCoding.decode(data, path: "t.json").recommendations, try LedgerMigration.ledger(from: foundation).recommendations)
            } else {
                XCTAssertThrowsError(try LedgerCoding.decode(data, path: "t.json"))
            }
        }
    }

    func testDamageIsStillExplainedWithItsLineAndField() throws {
        let text = String(decoding: try LedgerCoding.encode(Fixtures.ledger()), as: UTF8.self)
        let missingText = text.replacingOccurrences(of: "\"text\":\"Consider ratifying OPCAT\",", with: "")
        XCTAssertThrowsError(try LedgerCoding.decode(Data(missingText.utf8), path: "t.json")) { error in
            XCTAssertTrue("\(error)".contains("recommendations[1].text"), "\(error)")
        }
        let badSyntax = text.replacingOccurrences(of: "\"states\":[\"Germany\"]", with: "\"states\":[\"Germany\"")
        XCTAssertThrowsError(try LedgerCoding.decode(Data(badSyntax.utf8), path: "t.json")) { error in
            XCTAssertTrue("\(error)".contains("t.json:11:"), "\(error)")
        }
        // Valid JSON that JSONDecoder calls invalid without a place (found by ledger-fuzz): a number
        // beyond 64 bits is named with its line and column.
        let huge = text.replacingOccurrences(of: "\"cycle\":4", with: "\"cycle\":88888888888888888888888888884")
        XCTAssertNotEqual(huge, text)
        XCTAssertThrowsError(try LedgerCoding.decode(Data(huge.utf8), path: "t.json")) { error in
            XCTAssertTrue("\(error)".contains("t.json:4:") && "\(error)".contains("too large"), "\(error)")
        }
        XCTAssertNil(LedgerCoding.readerProblem(Data(huge.utf8)))
        let newer = text.replacingOccurrences(of: "\"schemaVersion\": 3", with: "\"schemaVersion\": 4")
        XCTAssertThrowsError(try LedgerCoding.decode(Data(newer.utf8), path: "t.json")) { error in
            guard case LedgerError.newerSchema(_, 4, _) = error else { return XCTFail("\(error)") }
        }
    }

    /// Thousands of small damages (a byte dropped, changed, added, a piece repeated): whatever the
    /// fast path accepts, JSONDecoder accepts too, and reads the same.
    func testDamagedFilesNeverReadDifferentlyThanWithJSONDecoder() throws {
        let original = Array(try LedgerCoding.encode(try Self.richLedger()))
        var random = LedgerMergeTests.Seeded(state: 20261129)
        let alphabet = Array("{}[]\",:\\/0123456789.-eE tfnul\u{0}\n\t\"a".utf8) + [0xC3, 0xA9, 0xFF, 0xED, 0xA0]
        var fastTaken = 0
        for round in 0..<4000 {
            var bytes = original
            for _ in 0...(round % 3) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes.remove(at: at)
                case 1: bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 2: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                default:
                    let length = Int(random.next() % 40)
                    bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + length)], at: at)
                }
            }
            if (try? LedgerFastDecoding.contents(Data(bytes))) != nil { fastTaken += 1 }
            XCTAssertTrue(LedgerCoding.fastPathAgrees(Data(bytes)), "round \(round): \(String(decoding: bytes, as: UTF8.self))")
        }
        XCTAssertGreaterThan(fastTaken, 100, "some damages (in notes, say) still leave valid ledgers")
    }

    /// A ledger over a megabyte has its history read on a second thread from where the layout puts
    /// it; another layout (a `history` key nested earlier) or damage reads the same as without.
    func testTheHistoryReadAlongsideIsTheSameAsReadInTurn() throws {
        var ledger = try Sample.ledger().repeated(12)
        for (number, recommendation) in ledger.recommendations.enumerated() where number % 2 == 0 {
            try ledger.decide(recommendation.id, number % 4 == 0 ? .accepted : .rejected, by: "lan", at: Fixtures.date)
        }
        let data = try LedgerCoding.encode(ledger)
        XCTAssertGreaterThan(data.count, 1 << 20)
        let (fast, foundation) = bothWays(data)
        XCTAssertNotNil(fast)
        XCTAssertEqual(fast, foundation)
        XCTAssertEqual(try LedgerCoding.decode(data, path: "t.json"), ledger)

        let text = String(decoding: data, as: UTF8.self)
        let nested = text.replacingOccurrences(of: "  \"document\": ", with: "  \"extra\": {\n  \"history\": [1, 2]\n  },\n  \"document\": ")
        let (fastNested, foundationNested) = bothWays(Data(nested.utf8))
        XCTAssertNotNil(fastNested)
        XCTAssertEqual(fastNested, foundationNested)
        XCTAssertEqual(fastNested?.history?.count, ledger.history.count)

        // The decisions are read alongside too: an earlier `decisions` key, readable or not, is not theirs.
        for extra in ["{}", "{\"140.1\": 1}", "null"] {
            let nestedDecisions = text.replacingOccurrences(of: "  \"document\": ", with: "  \"extra\": {\n  \"decisions\": \(extra)\n  },\n  \"document\": ")
            let (fastDecisions, foundationDecisions) = bothWays(Data(nestedDecisions.utf8))
            XCTAssertNotNil(fastDecisions)
            XCTAssertEqual(fastDecisions, foundationDecisions)
            XCTAssertEqual(try LedgerCoding.decode(Data(nestedDecisions.utf8), path: "t.json"), ledger)
        }

        // The positions of the IDs are made while the other threads read: an ID twice is still named.
        let second = ledger.recommendations[1].id, third = ledger.recommendations[2].id
        let duplicated = text.replacingOccurrences(of: "{\"id\":\"\(third)\",", with: "{\"id\":\"\(second)\",")
        XCTAssertNotEqual(duplicated, text)
        XCTAssertThrowsError(try LedgerCoding.decode(Data(duplicated.utf8), path: "t.json")) { error in
            XCTAssertTrue("\(error)".contains(second), "\(error)")
        }

        let damaged = text.replacingOccurrences(of: "\"kind\":\"change\"", with: "\"kind\":\"chnage\"")
        XCTAssertNil(bothWays(Data(damaged.utf8)).fast)
        let twice = text.replacingOccurrences(of: "\"by\":\"lan\",\"decision\"", with: "\"by\":\"lan\",\"by\":\"lan\",\"decision\"")
        XCTAssertNotEqual(twice, text)
        XCTAssertNil(bothWays(Data(twice.utf8)).fast, "a key twice in a decision, read alongside, still goes to JSONDecoder")
        XCTAssertThrowsError(try LedgerCoding.decode(Data(damaged.utf8), path: "t.json")) { error in
            XCTAssertTrue("\(error)".contains("history[0].kind"), "\(error)")
        }
    }

    /// The scanner reads texts 8 bytes at a time: a quote, a backslash, a control byte, a letter
    /// beyond ASCII or a broken UTF-8 byte at any place of a word reads (or is refused) exactly
    /// as JSONDecoder reads it.
    func testEverySpecialByteAtEveryPlaceOfAWordReadsAsJSONDecoderReadsIt() throws {
        let text = String(decoding: try LedgerCoding.encode(Fixtures.ledger()), as: UTF8.self)
        let pieces: [[UInt8]] = [Array("\\\"".utf8), Array("\\\\".utf8), Array("\\u00e9".utf8), Array("\\n".utf8), [0x09], [0x01],
                                 Array("é".utf8), Array("😀".utf8), [0xC3], [0xFF], [0xED, 0xA0, 0x80], Array("\"".utf8)]
        var read = 0
        for piece in pieces {
            for offset in 0..<17 {
                let note = Array(String(repeating: "abcdefgh", count: 3).utf8.prefix(offset)) + piece + Array("ijklmnopqrstuvwx".utf8)
                var bytes = Array(text.utf8)
                let target = Array("\"text\":\"Consider ratifying OPCAT\"".utf8)
                guard let at = bytes.firstRange(of: target) else { return XCTFail("fixture changed") }
                bytes.replaceSubrange(at, with: Array("\"text\":\"".utf8) + note + Array("\"".utf8))
                let (fast, foundation) = bothWays(Data(bytes))
                if fast != nil { read += 1; XCTAssertEqual(fast, foundation, "piece \(piece) at \(offset)") }
                XCTAssertTrue(LedgerCoding.fastPathAgrees(Data(bytes)), "piece \(piece) at \(offset)")
            }
        }
        XCTAssertEqual(read, 17 * 6, "escapes and letters beyond ASCII take the fast path; raw controls, broken UTF-8 and a stray quote do not")
    }

    /// A time equal to the one read before is not parsed again: times that differ from the one
    /// before by one byte, at every place, each read as JSONDecoder reads them (or refused alike).
    func testTimesAlikeButForOneByteReadAsJSONDecoderReadsThem() throws {
        var ledger = Fixtures.ledger()
        for id in ["140.1", "140.2", "140.3"] { try ledger.decide(id, .accepted, by: "lan", at: Fixtures.date) }
        let text = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        let written = Timestamp.iso(Fixtures.date)
        var read = 0, variants = 0
        for place in written.utf8.indices {
            for byte: UInt8 in [0x30, 0x31, 0x39, 0x5A, 0x2E, 0x22] where byte != Array(written.utf8)[written.utf8.distance(from: written.utf8.startIndex, to: place)] {
                var changed = Array(written.utf8)
                changed[written.utf8.distance(from: written.utf8.startIndex, to: place)] = byte
                // The second decision's record only: the times before and after it stay as written.
                guard let second = text.range(of: "\"140.2\":") else { return XCTFail("fixture changed") }
                guard let at = text.range(of: "\"at\":\"\(written)\"", range: second.upperBound..<text.endIndex) else { return XCTFail("fixture changed") }
                let variant = text.replacingCharacters(in: at, with: "\"at\":\"" + String(decoding: changed, as: UTF8.self) + "\"")
                let (fast, foundation) = bothWays(Data(variant.utf8))
                variants += 1
                if let fast {
                    read += 1
                    XCTAssertEqual(fast, foundation, String(decoding: changed, as: UTF8.self))
                    XCTAssertNotEqual(fast.decisions?["140.2"]?.at, fast.decisions?["140.1"]?.at, String(decoding: changed, as: UTF8.self))
                }
                XCTAssertTrue(LedgerCoding.fastPathAgrees(Data(variant.utf8)))
            }
        }
        XCTAssertGreaterThan(read, 20, "of \(variants)")
    }

    /// Keys are matched on their bytes: one written with an escape is still the key JSONDecoder
    /// sees, and a status written with one is still that status.
    func testEscapedKeysAndStatusesReadAsJSONDecoderReadsThem() throws {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.1", .underConsideration, by: "lan", at: Fixtures.date)
        let text = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        let variants = [
            text.replacingOccurrences(of: "{\"id\":\"140.2\"", with: "{\"i\\u0064\":\"140.2\""),
            text.replacingOccurrences(of: "\"decision\":\"underConsideration\"", with: "\"decision\":\"under\\u0043onsideration\""),
            text.replacingOccurrences(of: "\"note\":", with: "\"n\\u006fte\":"),
            text.replacingOccurrences(of: "{\"id\":\"140.2\"", with: "{\"idé\":1,\"id\":\"140.2\""),
        ]
        for variant in variants {
            XCTAssertNotEqual(variant, text)
            let data = Data(variant.utf8)
            let (fast, foundation) = bothWays(data)
            XCTAssertNotNil(foundation)
            if let fast { XCTAssertEqual(fast, foundation) }
            XCTAssertEqual(try LedgerCoding.decode(data, path: "t.json"), try LedgerMigration.ledger(from: foundation!))
        }
    }

    /// Lists of States and themes written alike are made once and shared; lists that differ by a
    /// byte are not confused, and a list with an escape is read as written.
    func testListsWrittenAlikeAreSharedAndListsThatDifferAreNot() throws {
        let text = String(decoding: try LedgerCoding.encode(Fixtures.ledger()), as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        guard let first = lines.firstIndex(where: { $0.hasPrefix("    {\"id\":") }) else { return XCTFail("fixture changed") }
        let lists = ["[\"France\",\"Chile\"]", "[\"France\",\"Chile\"]", "[\"France\",\"Chilf\"]", "[\"Fr\\u0061nce\",\"Chile\"]", "[\"France\", \"Chile\"]", "[\"France\",\"Chile\"]"]
        for (offset, list) in lists.enumerated() {
            let line = lines[first + offset]
            guard let range = line.range(of: #""states":\[[^\]]*\]"#, options: .regularExpression) else { return XCTFail(line) }
            lines[first + offset] = line.replacingCharacters(in: range, with: "\"states\":" + list)
        }
        let data = Data(lines.joined(separator: "\n").utf8)
        let (fast, foundation) = bothWays(data)
        XCTAssertNotNil(fast)
        XCTAssertEqual(fast, foundation)
        XCTAssertEqual(fast?.recommendations.prefix(6).map(\.states), [["France", "Chile"], ["France", "Chile"], ["France", "Chilf"], ["France", "Chile"], ["France", "Chile"], ["France", "Chile"]])
    }

    /// The reader finds each decision's place on the way where the decisions follow the list, as
    /// upr writes them; decisions in another order (a hand edit, a merge tool) read the same.
    func testDecisionsInAnotherOrderGiveTheSameLedger() throws {
        var ledger = try Sample.ledger()
        for (number, recommendation) in ledger.recommendations.enumerated() where number % 3 != 1 {
            try ledger.decide(recommendation.id, number % 2 == 0 ? .accepted : .rejected, by: "lan", at: Fixtures.date)
        }
        let text = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        let start = lines.firstIndex(of: "  \"decisions\": {")! + 1
        let end = lines[start...].firstIndex { !$0.hasPrefix("    ") }!
        var decided = lines[start..<end].map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
        decided.swapAt(0, decided.count - 1)
        decided.swapAt(3, 4)
        lines.replaceSubrange(start..<end, with: decided.enumerated().map { $0.offset == decided.count - 1 ? $0.element : $0.element + "," })
        let shuffled = Data(lines.joined(separator: "\n").utf8)
        XCTAssertNotNil(bothWays(shuffled).fast)
        XCTAssertEqual(try LedgerCoding.decode(shuffled, path: "t.json"), ledger)
        XCTAssertEqual(try LedgerCoding.decode(shuffled, path: "t.json").counts, ledger.counts)
    }
}
