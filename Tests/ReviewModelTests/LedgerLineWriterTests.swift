import Foundation
import XCTest
@testable @_spi(Fuzzing) import ReviewModel

/// The ledger is written by `LedgerLineWriter`, by hand; it must write every file byte for byte as
/// JSONEncoder wrote it before (so that files diff as ever and the reader's layout holds).
final class LedgerLineWriterTests: XCTestCase {
    func testTheRichLedgerIsWrittenAsJSONEncoderWroteIt() throws {
        let ledger = try LedgerFastDecodingTests.richLedger()
        XCTAssertEqual(String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self),
                       String(decoding: try Self.encodeThroughJSONEncoder(ledger), as: UTF8.self))
        let sample = try Sample.ledger()
        XCTAssertEqual(try LedgerCoding.encode(sample), try Self.encodeThroughJSONEncoder(sample))
    }

    /// Every ASCII character, the characters beyond ASCII JSON writers treat apart, marks and
    /// emoji, in every text a line holds: IDs, texts, States, themes, notes, names, sources.
    func testEveryKindOfCharacterIsWrittenAsJSONEncoderWritesIt() throws {
        var pieces = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        pieces += ["\u{80}", "\u{85}", "\u{A0}", "\u{AD}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}", "\u{FFFF}", "é", "e\u{301}", "Việt", "😀", "👩🏽‍⚖️", "\r\n"]
        var ledger = try Ledger(document: DocumentInfo(symbol: "S/1", title: "t", stateUnderReview: "Viet Nam"),
                                recommendations: pieces.enumerated().map { number, piece in
                                    Recommendation(id: "1.\(number)\(piece)", text: "a\(piece)b", states: [piece, "France"], themes: number % 2 == 0 ? [piece] : [],
                                                   groups: number % 3 == 0 ? [piece] : [], sdgs: number % 5 == 0 ? ["16.\(number)"] : [],
                                                   statesAsWritten: number % 7 == 0 ? [piece] : [], asRead: number % 4 == 0 ? piece : "")
                                })
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        for (number, recommendation) in ledger.recommendations.enumerated() {
            let piece = pieces[number]
            try ledger.decide(recommendation.id, [.accepted, .rejected, .underConsideration][number % 3], by: "lan\(piece)", at: date)
            try ledger.annotate(recommendation.id, note: "n\(piece)", by: "lan", at: date)
            if number % 4 == 0 { try ledger.assign(recommendation.id, ministry: "M\(piece)x", by: "lan", at: date) }
            if number % 6 == 0 { try ledger.markImplemented(recommendation.id, true, by: "lan", at: date) }
            if number % 5 == 0 {
                try ledger.applyPosition(recommendation.id, .accepted, implemented: false, source: "s\(piece)", by: "lan", at: date)
            }
        }
        let written = try LedgerCoding.encode(ledger), expected = try Self.encodeThroughJSONEncoder(ledger)
        for (line, (ours, theirs)) in zip(String(decoding: written, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false),
                                          String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)).enumerated() where ours != theirs {
            XCTFail("line \(line + 1):\n\(ours)\n\(theirs)")
            break
        }
        XCTAssertEqual(written, expected)
        XCTAssertEqual(try LedgerCoding.decode(written, path: "t.json"), ledger)
    }

    /// The encoding of upr before `LedgerLineWriter`, every line through JSONEncoder: what the
    /// writer's output is tested against.
    static func encodeThroughJSONEncoder(_ ledger: Ledger) throws -> Data {
        let encoder = LedgerCoding.lineEncoder()
        func line<T: Encodable>(_ value: T) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        var out = "{\n"
        out += "  \"schemaVersion\": \(ledger.schemaVersion),\n"
        out += "  \"generation\": \(ledger.generation),\n"
        if let notice = ledger.notice { out += "  \"notice\": \(try line(notice)),\n" }
        out += "  \"document\": \(try line(ledger.document)),\n"
        out += "  \"recommendations\": [\n"
        out += try ledger.recommendations.map { "    " + (try line($0)) }.joined(separator: ",\n")
        out += ledger.recommendations.isEmpty ? "  ],\n" : "\n  ],\n"
        let decided = ledger.recommendations.compactMap { rec in ledger.decisions[rec.id].map { (rec.id, $0) } }
        out += "  \"decisions\": {\n"
        out += try decided.map { "    \(try line($0.0)): \(try line($0.1))" }.joined(separator: ",\n")
        out += decided.isEmpty ? "  },\n" : "\n  },\n"
        if !ledger.views.isEmpty {
            out += "  \"views\": {\n"
            out += try ledger.views.keys.sorted().map { "    \(try line($0)): \(try line(ledger.views[$0]!))" }.joined(separator: ",\n")
            out += "\n  },\n"
        }
        out += "  \"history\": [\n"
        out += try ledger.history.map { "    " + (try line($0)) }.joined(separator: ",\n")
        out += ledger.history.isEmpty ? "  ]" : "\n  ]"
        let proposed = ledger.recommendations.compactMap { rec in ledger.proposals[rec.id].map { (rec.id, $0) } }
        if !proposed.isEmpty {
            out += ",\n  \"proposals\": {\n"
            out += try proposed.map { "    \(try line($0.0)): \(try line($0.1))" }.joined(separator: ",\n")
            out += "\n  }"
        }
        let conflicted = ledger.recommendations.compactMap { rec in ledger.conflicts[rec.id].map { (rec.id, $0) } }
        if !conflicted.isEmpty {
            out += ",\n  \"conflicts\": {\n"
            out += try conflicted.map { "    \(try line($0.0)): \(try line($0.1))" }.joined(separator: ",\n")
            out += "\n  }"
        }
        if !ledger.reference.isEmpty {
            out += ",\n  \"reference\": [\n"
            out += try ledger.reference.map { "    " + (try line($0)) }.joined(separator: ",\n")
            out += "\n  ]"
        }
        out += try LedgerConsultationCoding.section(ledger, encoder)
        out += "\n}\n"
        return Data(out.utf8)
    }

}
