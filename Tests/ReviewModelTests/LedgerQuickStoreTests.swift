import XCTest
@testable import ReviewModel

/// `LedgerQuickStore` (a change read from `LEDGER.index` and the asked lines) gives exactly what
/// the full reading gives, and where anything does not match (the file replaced or edited, the
/// index damaged or another's, the journal torn or foreign) it gives nothing, so that the command
/// takes the full path.
final class LedgerQuickStoreTests: XCTestCase {
    var folder: URL!
    var url: URL { folder.appendingPathComponent("l.json") }
    static let date = Fixtures.date

    override func setUp() {
        folder = Fixtures.temporaryFolder()
        LedgerIndex.writtenAbove = 0  // the fixture is small
    }

    override func tearDown() {
        LedgerIndex.writtenAbove = LedgerStore.foldOnCloseDefault
        try? FileManager.default.removeItem(at: folder)
    }

    /// Decisions, notes, an implemented mark, a ministry, an explanation in the file; changes
    /// pending in the journal, one of them on a recommendation decided in the journal only.
    static func seed() throws -> Ledger {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.1", .accepted, by: "lan", at: date, group: 1)
        try ledger.annotate("140.1", note: "Ratified in 2015", by: "lan", at: date, group: 1)
        try ledger.markImplemented("140.1", true, by: "lan", at: date, group: 2)
        try ledger.decide("140.2", .underConsideration, by: "lan", at: date, group: 3)
        try ledger.assign("140.2", ministry: "Ministry of Justice", by: "lan", at: date, group: 4)
        try ledger.decide("140.3", .rejected, by: "minh", at: date, group: 5)
        try ledger.explain("140.3", "The death penalty is under review.", by: "minh", at: date, group: 6)
        return ledger
    }

    /// The seed written in full (with its index) in `folder`, then changes left in its journal.
    @discardableResult
    static func makeLedger(in folder: URL, journal: Bool = true) throws -> URL {
        let url = folder.appendingPathComponent("l.json")
        let store = try LedgerStore.open(url, analyst: "lan", seed: { try seed() }).store
        store.foldOnCloseUpTo = 0
        var ledger = store.saved
        if journal {
            let later = date.addingTimeInterval(60)
            try ledger.decide("140.1", .rejected, by: "minh", at: later, group: 7)
            try ledger.decide("140.5", .accepted, by: "minh", at: later, group: 7)
            try ledger.annotate("140.5", note: "decided in the journal only", by: "minh", at: later, group: 8)
            try store.record(ledger)
        }
        store.close()
        return url
    }

    /// What `upr decide` does to a ledger.
    static func decide(_ ledger: inout Ledger, _ ids: [String], _ status: DecisionStatus?, note: String?, implemented: Bool?, group: Int) throws {
        let now = date.addingTimeInterval(3600)
        for id in ids {
            try ledger.decide(id, status, by: "hoa", at: now, group: group)
            if let note { try ledger.annotate(id, note: note, by: "hoa", at: now, group: group) }
            if let implemented { try ledger.markImplemented(id, implemented, by: "hoa", at: now, group: group) }
        }
    }

    struct Case {
        var ids: [String], status: DecisionStatus?, note: String? = nil, implemented: Bool? = nil
    }

    static let cases = [
        Case(ids: ["140.1"], status: .accepted),                               // in the file, changed in the journal
        Case(ids: ["140.5"], status: .rejected, note: "changed again"),         // decided in the journal only
        Case(ids: ["140.4", "140.10"], status: .underConsideration),            // never decided; an ID with quotes in its text
        Case(ids: ["140.2"], status: .accepted, implemented: true),             // a ministry kept
        Case(ids: ["140.3"], status: nil),                                      // cleared, the explanation kept
        Case(ids: ["140.3", "140.3"], status: .rejected, note: ""),             // twice, nothing to change
        Case(ids: ["140.2", "140.1", "140.5"], status: .accepted, note: "all three"),
    ]

    func testEveryChangeIsTheFullPathsToTheByte() throws {
        for (number, change) in Self.cases.enumerated() {
            for journal in [true, false] {
                let quickFolder = folder.appendingPathComponent("quick-\(number)-\(journal)")
                let fullFolder = folder.appendingPathComponent("full-\(number)-\(journal)")
                for place in [quickFolder, fullFolder] {
                    try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
                    try Self.makeLedger(in: place, journal: journal)
                }
                let quickURL = quickFolder.appendingPathComponent("l.json"), fullURL = fullFolder.appendingPathComponent("l.json")

                let quick = try XCTUnwrap(LedgerQuickStore.open(quickURL, analyst: "hoa", ids: change.ids, above: 0), "case \(number)")
                var partial = quick.ledger
                try Self.decide(&partial, change.ids, change.status, note: change.note, implemented: change.implemented, group: quick.nextGroup)
                try quick.record(partial)
                quick.close()

                let store = try LedgerStore.open(fullURL, analyst: "hoa").store
                store.foldOnCloseUpTo = 0
                var whole = store.saved
                try Self.decide(&whole, change.ids, change.status, note: change.note, implemented: change.implemented, group: whole.nextGroup)
                try store.record(whole)
                store.close()

                let journalOf = { (url: URL) in try Data(contentsOf: LedgerJournal.url(for: url)) }
                XCTAssertEqual(try journalOf(quickURL), try journalOf(fullURL), "case \(number), journal \(journal)")
                XCTAssertEqual(try LedgerStore.read(quickURL), try LedgerStore.read(fullURL), "case \(number), journal \(journal)")
            }
        }
    }

    /// The records and next group the full reading gives for `ids`, to compare with the quick one's.
    static func expected(_ ids: [String], at url: URL) throws -> (records: [String: DecisionRecord], nextGroup: Int) {
        let ledger = try LedgerStore.read(url)
        return (Dictionary(uniqueKeysWithValues: ids.compactMap { id in ledger.record(for: id).map { (id, $0) } }), ledger.nextGroup)
    }

    func quickOpens(_ ids: [String] = ["140.1", "140.5", "140.4"]) -> Bool {
        guard let quick = LedgerQuickStore.open(url, analyst: "hoa", ids: ids, above: 0) else { return false }
        quick.close()
        return true
    }

    func testAFreshIndexIsUsedAndAMissingOneIsNot() throws {
        try Self.makeLedger(in: folder)
        XCTAssertTrue(quickOpens())
        XCTAssertFalse(quickOpens(["140.1", "999.9"]), "an ID the ledger does not hold: the full path says so")
        XCTAssertFalse(LedgerQuickStore.open(url, analyst: "hoa", ids: ["140.1"]) != nil, "a small ledger is folded on closing: the full path")
        try FileManager.default.removeItem(at: LedgerIndex.url(for: url))
        XCTAssertFalse(quickOpens())
    }

    func testALedgerReplacedOrEditedIsReadInFull() throws {
        try Self.makeLedger(in: folder)
        let original = try Data(contentsOf: url)
        var info = stat()
        XCTAssertEqual(stat(url.path, &info), 0)

        // Copied back over itself: a new file (a new inode), the same bytes.
        let copy = folder.appendingPathComponent("copy.json")
        try original.write(to: copy)
        XCTAssertEqual(rename(copy.path, url.path), 0)
        XCTAssertFalse(quickOpens(), "cp + mv")

        // Rewritten in place with the same size, the modification time put back (`cp -p`, a git
        // checkout of a file of the same length): the last change's group number edited.
        try emptyFolder()
        try Self.makeLedger(in: folder, journal: false)
        XCTAssertTrue(quickOpens())
        XCTAssertEqual(stat(url.path, &info), 0)
        var text = try String(contentsOf: url, encoding: .utf8)
        let last = try XCTUnwrap(text.range(of: "\"group\":6,", options: .backwards))
        text.replaceSubrange(last, with: "\"group\":9,")
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, url.path, &times, 0), 0)
        var now = stat()
        XCTAssertEqual(stat(url.path, &now), 0)
        XCTAssertEqual([Int(now.st_size), Int(now.st_ino), now.st_mtim.tv_nsec], [Int(info.st_size), Int(info.st_ino), info.st_mtim.tv_nsec])
        XCTAssertFalse(quickOpens(), "same size, inode and modification time: the change time tells")
        XCTAssertEqual(try Self.expected([], at: url).nextGroup, 10)

        // A hand edit (an editor writes a new file of another size).
        try emptyFolder()
        try Self.makeLedger(in: folder)
        XCTAssertTrue(quickOpens())
        let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"Ratified in 2015\"", with: "\"Ratified\"")
        try Data(edited.utf8).write(to: url)
        XCTAssertFalse(quickOpens())
    }

    func emptyFolder() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    func testAJournalTornForeignOrOfAnotherGenerationOrAFoldCutShortSendsToTheFullPath() throws {
        try Self.makeLedger(in: folder)
        let journal = LedgerJournal.url(for: url)
        let lines = try Data(contentsOf: journal)
        XCTAssertTrue(quickOpens())

        try (lines + Data("{\"base\":0,\"ev".utf8)).write(to: journal)
        XCTAssertFalse(quickOpens(), "a torn last line is cut off and reported by the full path")

        try lines.write(to: journal)
        FileManager.default.createFile(atPath: LedgerJournal.foldingURL(for: url).path, contents: Data())
        XCTAssertFalse(quickOpens(), "a fold cut short")
        try FileManager.default.removeItem(at: LedgerJournal.foldingURL(for: url))

        // A line of another ledger (checks and chain made as upr makes them).
        let foreign = ChangeEvent(group: 9, id: "77.7", before: nil, after: DecisionRecord(decision: .accepted, by: "x", at: Self.date), by: "x", at: Self.date)
        let outsider = LedgerJournal(ledger: url)
        outsider.continueAfter(try outsider.read())
        try outsider.append([foreign], base: try LedgerCoding.generation(ofFileAt: url))
        XCTAssertThrowsError(try LedgerStore.read(url))
        XCTAssertFalse(quickOpens())

        // Lines of the generation before (a crash between a fold's rename and the journal's reset).
        try lines.write(to: journal)
        let store = try LedgerStore.open(url, analyst: "lan").store
        try store.fold()
        store.close()
        XCTAssertTrue(quickOpens())
        try lines.write(to: journal)
        XCTAssertFalse(quickOpens(), "lines already folded: the full path empties the journal")
    }

    func testAHeldLockIsLeftToTheFullPath() throws {
        try Self.makeLedger(in: folder)
        let holder = try LedgerStore.open(url, analyst: "minh").store
        defer { holder.close() }
        XCTAssertFalse(quickOpens())
    }
}
