import XCTest
@testable import ReviewModel

/// A damaged `LEDGER.index` (cut, a byte changed, another ledger's, entries pointing at other
/// lines) is never used to give a wrong record: the quick path gives nothing, or what the full
/// reading gives.
final class LedgerIndexDamageTests: XCTestCase {
    var folder: URL!
    var url: URL { folder.appendingPathComponent("l.json") }

    override func setUp() {
        folder = Fixtures.temporaryFolder()
        LedgerIndex.writtenAbove = 0  // the fixture is small
    }

    override func tearDown() {
        LedgerIndex.writtenAbove = LedgerStore.foldOnCloseDefault
        try? FileManager.default.removeItem(at: folder)
    }

    func quickOpens(_ ids: [String] = ["140.1", "140.5", "140.4"]) -> Bool {
        guard let quick = LedgerQuickStore.open(url, analyst: "hoa", ids: ids, above: 0) else { return false }
        quick.close()
        return true
    }

    func testAnIndexCutAtAnyByteIsNotUsed() throws {
        try LedgerQuickStoreTests.makeLedger(in: folder)
        let index = try Data(contentsOf: LedgerIndex.url(for: url))
        for length in 0..<index.count {
            try index.prefix(length).write(to: LedgerIndex.url(for: url))
            XCTAssertFalse(quickOpens(), "cut at \(length) of \(index.count)")
        }
        try index.write(to: LedgerIndex.url(for: url))
        XCTAssertTrue(quickOpens())
    }

    /// A byte changed anywhere in the index: refused, or (where the byte is one the lookup of
    /// these IDs never reads) the same records and group as the full reading.
    func testAnIndexWithAByteChangedNeverGivesAWrongRecord() throws {
        try LedgerQuickStoreTests.makeLedger(in: folder)
        let ids = ["140.1", "140.2", "140.3", "140.4", "140.5", "140.10"]
        let truth = try LedgerQuickStoreTests.expected(ids, at: url)
        let index = try Data(contentsOf: LedgerIndex.url(for: url))
        var refused = 0
        for offset in 0..<index.count {
            for flip: UInt8 in [0x01, 0x80] {
                var damaged = index
                damaged[offset] ^= flip
                try damaged.write(to: LedgerIndex.url(for: url))
                guard let quick = LedgerQuickStore.open(url, analyst: "hoa", ids: ids, above: 0) else { refused += 1; continue }
                defer { quick.close() }
                XCTAssertEqual(ids.compactMap { id in quick.ledger.record(for: id).map { (id, $0) } }.count, truth.records.count, "byte \(offset)")
                for id in ids { XCTAssertEqual(quick.ledger.record(for: id), truth.records[id], "byte \(offset), \(id)") }
                XCTAssertEqual(quick.nextGroup, truth.nextGroup, "byte \(offset)")
            }
        }
        XCTAssertGreaterThan(refused, index.count, "most changes are refused")
    }

    func testAnIndexOfAnotherLedgerOrPointingAtAnotherLineIsNotUsed() throws {
        try LedgerQuickStoreTests.makeLedger(in: folder)
        let other = folder.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try LedgerQuickStoreTests.makeLedger(in: other)
        let own = try Data(contentsOf: LedgerIndex.url(for: url))
        try FileManager.default.removeItem(at: LedgerIndex.url(for: url))
        try FileManager.default.copyItem(at: LedgerIndex.url(for: other.appendingPathComponent("l.json")), to: LedgerIndex.url(for: url))
        XCTAssertFalse(quickOpens(), "another ledger's index")

        // Entries whose checks hold but whose places are swapped: 140.1 pointing at 140.2's lines.
        var words = LedgerIndex.words(of: Array(own))
        let entries = LedgerIndex.Header.byteCount / 8, size = LedgerIndex.Entry.wordCount
        let header = try XCTUnwrap(LedgerIndex.Header(words: Array(words[2..<(2 + LedgerIndex.Header.wordCount)])))
        let poolStart = LedgerIndex.Header.byteCount + header.count * size * 8
        func name(_ entry: Int) -> [UInt8] {
            let word = words[entries + entry * size + 1]
            let offset = poolStart + Int(word & 0xffff_ffff_ffff)
            return Array(own[offset ..< offset + Int(word >> 48)])
        }
        let first = try XCTUnwrap((0..<header.count).first { name($0) == Array("140.1".utf8) })
        let second = try XCTUnwrap((0..<header.count).first { name($0) == Array("140.2".utf8) })
        for part in [2...3, 4...6] {
            var swapped = words
            for word in part {
                swapped[entries + first * size + word] = words[entries + second * size + word]
                swapped[entries + second * size + word] = words[entries + first * size + word]
            }
            for entry in [first, second] {
                let base = entries + entry * size
                swapped[base + 8] = LedgerIndex.entryCheck(swapped[base ..< base + 8], id: name(entry))
            }
            var bytes = LedgerIndex.bytes(of: swapped)
            bytes += own[bytes.count...]
            try Data(bytes).write(to: LedgerIndex.url(for: url))
            XCTAssertFalse(quickOpens(["140.1"]), "words \(part) of 140.1 and 140.2 swapped")
            XCTAssertFalse(quickOpens(["140.2"]), "words \(part) of 140.1 and 140.2 swapped")
            XCTAssertTrue(quickOpens(["140.4"]), "the others are as they were")
        }
    }

}
