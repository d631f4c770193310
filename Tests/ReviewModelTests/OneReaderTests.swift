import XCTest
@testable import ReviewModel

/// Every command reads the ledger through one strict reader (`LedgerStore.read`/`readReporting`
/// for listings and exports, `LedgerStore.open` for writers, `LedgerCoding.decode` for merge).
/// A ledger cut at any byte, or with any one byte changed, is refused with its place, or read
/// exactly as JSONDecoder, the authority, reads it: never a partial list, never a value that is
/// not in the file.
final class OneReaderTests: XCTestCase {
    var folder: URL!
    var url: URL { folder.appendingPathComponent("l.json") }

    override func setUp() { folder = Fixtures.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    /// A small ledger of this version: decisions, a note with quotes, a history.
    func smallLedger() throws -> Data {
        var ledger = try Ledger(document: Fixtures.document, recommendations: Array(Fixtures.ledger().recommendations.prefix(3)))
        try ledger.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        try ledger.annotate("140.2", note: "why \"not\"", by: "lan", at: Fixtures.date)
        try ledger.decide("140.3", .rejected, by: "lan", at: Fixtures.date)
        return try LedgerCoding.encode(ledger)
    }

    /// What JSONDecoder makes of the bytes, or nil where it refuses them.
    func authority(_ data: Data) -> Ledger? {
        guard let contents = try? LedgerCoding.decodeWithFoundation(data, path: "x"),
              contents.schemaVersion <= Ledger.currentSchemaVersion else { return nil }
        return try? LedgerMigration.ledger(from: contents)
    }

    /// The reader every command uses, on a file; the IDs `export --format ids --status accepted`
    /// would print, from what it read.
    func readAsCommandsDo(_ data: Data) -> Result<Ledger, Error> {
        do {
            try data.write(to: url)
            return .success(try LedgerStore.readReporting(url).ledger)
        } catch {
            return .failure(error)
        }
    }

    func assertPlaced(_ error: Error, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        switch error as? LedgerError {
        case .syntax(_, let l?, let c?, _)?: XCTAssertTrue(l >= 1 && c >= 1, what, file: file, line: line)
        case .invalidField?, .newerSchema?: break
        default: XCTFail("\(what): refused without a place: \(error)", file: file, line: line)
        }
    }

    func testALedgerCutAtAnyByteIsRefusedWithItsPlace() throws {
        let full = try smallLedger()
        let whole = try XCTUnwrap(authority(full))
        for length in 0..<full.count {
            switch readAsCommandsDo(full.prefix(length)) {
            case .success(let ledger):
                // Only the final newline may go.
                XCTAssertEqual(length, full.count - 1, "cut at \(length) was accepted")
                XCTAssertEqual(ledger, whole)
            case .failure(let error):
                if length > 0 { assertPlaced(error, "cut at \(length)") }
            }
        }
    }

    /// Every offset, with a byte of each kind that JSON tells apart (structure, quote, escape,
    /// digit, letter of a literal, space, control, every class of byte at or above 0x80).
    func testEveryOneByteChangeIsRefusedWithItsPlaceOrReadExactlyAsJSONDecoderReadsIt() throws {
        let full = try smallLedger()
        let replacements: [UInt8] = [0x00, 0x0A, 0x1B, 0x20, 0x22, 0x2C, 0x2D, 0x30, 0x31, 0x3A, 0x5C, 0x5D,
                                     0x65, 0x6E, 0x78, 0x7D, 0x80, 0xC3, 0xED, 0xF5]
        var accepted = 0, refused = 0
        for offset in 0..<full.count {
            for byte in replacements where full[offset] != byte {
                var changed = full
                changed[offset] = byte
                let expected = authority(changed)
                // The reader's core, in memory (the file and journal around it are the cut test's).
                switch Result(catching: { try LedgerCoding.decode(changed, path: "x") }) {
                case .success(let ledger):
                    accepted += 1
                    XCTAssertEqual(ledger, expected, "byte \(offset) changed to \(byte): read otherwise than JSONDecoder reads it")
                case .failure(let error):
                    refused += 1
                    XCTAssertNil(expected, "byte \(offset) changed to \(byte): refused, but JSONDecoder reads it")
                    assertPlaced(error, "byte \(offset) changed to \(byte)")
                }
            }
        }
        XCTAssertGreaterThan(refused, accepted, "most changes break the file")
    }

    func testTheExportOfIDsReadsThroughTheSameReader() throws {
        // The case the line scan got wrong: an ID's closing quote turned into text.
        let full = try smallLedger()
        let text = String(decoding: full, as: UTF8.self)
        let damaged = text.replacingOccurrences(of: "{\"id\":\"140.2\",", with: "{\"id\":\"140.2),")
        XCTAssertNotEqual(damaged, text)
        guard case .failure(let error) = readAsCommandsDo(Data(damaged.utf8)) else { return XCTFail("a broken ID was accepted") }
        assertPlaced(error, "broken ID")
    }

    func testEveryInvalidByteAtOrAbove0x80IsPlacedByLineAndColumn() throws {
        let full = try smallLedger()
        let lines = String(decoding: full, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // Inside a note (a string): each of these makes the UTF-8 invalid.
        let noteLine = try XCTUnwrap(lines.firstIndex { $0.contains("why") })
        let column = try XCTUnwrap(lines[noteLine].range(of: "why")).lowerBound.utf16Offset(in: lines[noteLine]) + 1
        let offset = full.firstRange(of: Data("why".utf8))!.lowerBound
        for byte in [UInt8](0x80...0xFF) {
            var changed = full
            changed[offset] = byte
            guard authority(changed) == nil else { continue }
            XCTAssertThrowsError(try LedgerCoding.decode(changed, path: "x")) { error in
                guard case .syntax(_, let l?, let c?, let reason)? = error as? LedgerError else { return XCTFail("0x\(String(byte, radix: 16)): \(error)") }
                XCTAssertEqual(l, noteLine + 1, "0x\(String(byte, radix: 16))")
                XCTAssertTrue(c == column || c == column + 1, "0x\(String(byte, radix: 16)): column \(c), expected \(column)")
                XCTAssertTrue(reason.contains("UTF-8"), reason)
            }
        }
    }
}
