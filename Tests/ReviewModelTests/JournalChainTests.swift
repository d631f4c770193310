import XCTest
@testable import ReviewModel

/// A journal cannot lose a line unseen: a line deleted, swapped, repeated, edited or brought from
/// another journal is refused with its line number, one message per damaged line; a torn last
/// line is reported by every reader and kept aside, never folded away without a word.
final class JournalChainTests: XCTestCase {
    var folder: URL!
    var url: URL { folder.appendingPathComponent("ledger.json") }
    var journalURL: URL { LedgerJournal.url(for: url) }

    override func setUp() { folder = Fixtures.temporaryFolder() }
    override func tearDown() {
        DurableFile.faultInjection = nil
        try? FileManager.default.removeItem(at: folder)
    }

    /// Four decisions in the journal, none folded.
    func journalOfFour(at ledger: URL? = nil, by analyst: String = "lan") throws -> [String] {
        let target = ledger ?? url
        let store = try LedgerStore.open(target, analyst: analyst, seed: Fixtures.ledger).store
        var working = store.saved
        for (id, status) in [("140.1", DecisionStatus.accepted), ("140.2", .rejected), ("140.3", .underConsideration), ("140.4", .accepted)] {
            try working.decide(id, status, by: analyst, at: Fixtures.date)
            try store.record(working)
        }
        store.abandon()
        return try String(contentsOf: LedgerJournal.url(for: target), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func write(_ lines: [String]) throws {
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: journalURL)
    }

    /// The problems reading reports, and that opening for writing refuses too and writes nothing.
    func problems() throws -> [JournalProblem] {
        let before = try Data(contentsOf: url)
        let journalBefore = try Data(contentsOf: journalURL)
        XCTAssertThrowsError(try LedgerStore.open(url, analyst: "lan"))
        XCTAssertEqual(try Data(contentsOf: url), before, "the ledger is left untouched")
        XCTAssertEqual(try Data(contentsOf: journalURL), journalBefore, "the journal is left untouched")
        do {
            _ = try LedgerStore.read(url)
        } catch LedgerError.damagedJournal(let path, let problems) {
            XCTAssertEqual(path, journalURL.path)
            return problems
        }
        XCTFail("read accepted a damaged journal")
        return []
    }

    func testAJournalThatCannotBeReadIsNeverTakenForAnEmptyOne() throws {
        _ = try journalOfFour()
        try FileManager.default.removeItem(at: journalURL)
        try FileManager.default.createDirectory(at: journalURL, withIntermediateDirectories: false)
        XCTAssertThrowsError(try LedgerStore.read(url)) { error in
            XCTAssertTrue("\(error)".contains("the journal cannot be read"), "\(error)")
        }
        XCTAssertThrowsError(try LedgerStore.open(url, analyst: "lan"))
    }

    func testANewLedgerIsNotStartedOverTheJournalOfOneThatWentAway() throws {
        _ = try journalOfFour()
        try FileManager.default.removeItem(at: url)
        let journal = try Data(contentsOf: journalURL)
        XCTAssertThrowsError(try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger)) { error in
            XCTAssertTrue("\(error)".contains("holds 4 changes"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: journalURL), journal, "the journal is kept")
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    func testEachLineIsNumberedAndLinkedToTheOneBefore() throws {
        let lines = try journalOfFour()
        XCTAssertEqual(lines.count, 4)
        for (index, line) in lines.enumerated() {
            XCTAssertTrue(line.contains("\"seq\":\(index + 1)"), line)
            XCTAssertTrue(line.contains("\"prev\":\""), line)
        }
        XCTAssertEqual(try LedgerStore.read(url).decisions.count, 4)
    }

    func testAMiddleLineDeletedIsRefusedWithItsPlace() throws {
        var lines = try journalOfFour()
        lines.remove(at: 1)
        try write(lines)
        let found = try problems()
        XCTAssertEqual(found.map(\.line), [2], "\(found)")
        XCTAssertTrue(found[0].reason.contains("change 2 is missing"), found[0].reason)
    }

    func testTheFirstLineDeletedIsRefused() throws {
        var lines = try journalOfFour()
        lines.removeFirst()
        try write(lines)
        XCTAssertEqual(try problems().map(\.line), [1])
    }

    func testSwappedLinesAreRefusedOneMessageEach() throws {
        var lines = try journalOfFour()
        lines.swapAt(1, 2)
        try write(lines)
        let found = try problems()
        XCTAssertEqual(found.map(\.line), [2, 3], "\(found)")
        XCTAssertTrue(found.allSatisfy { $0.reason.contains("out of order") }, "\(found)")
    }

    func testADuplicatedLineIsRefused() throws {
        var lines = try journalOfFour()
        lines.insert(lines[1], at: 2)
        try write(lines)
        let found = try problems()
        XCTAssertEqual(found.map(\.line), [3], "\(found)")
        XCTAssertTrue(found[0].reason.contains("repeats change 2 of line 2"), found[0].reason)
    }

    func testALineFromAnotherJournalIsRefused() throws {
        var lines = try journalOfFour()
        let other = try journalOfFour(at: folder.appendingPathComponent("other.json"), by: "minh")
        // The same number, from a colleague's journal of the same document: only the links tell.
        lines[2] = other[2]
        try write(lines)
        let found = try problems()
        XCTAssertEqual(found.map(\.line), [3, 4], "\(found)")
        XCTAssertTrue(found.allSatisfy { $0.reason.contains("edited, or comes from another journal") }, "\(found)")
    }

    func testAnEditThatKeepsTheJSONValidIsRefusedAtItsLineTheLastOneIncluded() throws {
        for index in [1, 3] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
            var lines = try journalOfFour()
            lines[index] = lines[index].replacingOccurrences(of: "\"by\":\"lan\"", with: "\"by\":\"lam\"")
            try write(lines)
            let found = try problems()
            XCTAssertEqual(found.map(\.line), [index + 1], "\(found)")
            XCTAssertTrue(found[0].reason.contains("changed after upr wrote it"), found[0].reason)
        }
    }

    /// Any one byte of a journal changed (the last line included) is refused or, where the JSON
    /// no longer reads as a line, reported; it never reads as a different list of changes.
    func testEveryOneByteChangeOfTheJournalIsCaught() throws {
        let original = try Data(contentsOf: journalURL(afterFour: try journalOfFour()))
        let complete = try LedgerJournal.parse(original, path: "j").entries.map(\.event)
        for offset in 0..<original.count {
            for byte: UInt8 in [0x20, 0x30, 0x0A, 0x61, 0x22, 0x7D, 0xC3] where original[offset] != byte {
                var changed = original
                changed[offset] = byte
                guard let read = try? LedgerJournal.parse(changed, path: "j") else { continue }
                // Only a cut last line may read: then it is reported torn and the rest is a prefix.
                XCTAssertNotNil(read.torn, "byte \(offset) to \(byte) read as a whole journal")
                XCTAssertEqual(read.entries.map(\.event), Array(complete.prefix(read.entries.count)), "byte \(offset) to \(byte)")
            }
        }
    }

    func journalURL(afterFour lines: [String]) -> URL { journalURL }

    func testADamagedMiddleLineGivesOneMessageNotNested() throws {
        var lines = try journalOfFour()
        lines[1] = "{\"base\":1,\"event\":garbage}"
        try write(lines)
        let found = try problems()
        XCTAssertEqual(found.map(\.line), [2], "\(found)")
        let message = "\(LedgerError.damagedJournal(path: journalURL.path, problems: found))"
        XCTAssertTrue(message.contains("ledger.json.journal:2: not a change upr wrote: at column 19"), message)
        XCTAssertEqual(message.components(separatedBy: "ledger.json.journal").count - 1, 2, "the journal named once in the heading and once per line: \(message)")
        XCTAssertFalse(message.contains("left untouched. It was"), message)
    }

    func testATornLastLineIsReportedByEveryReaderAndKeptAsideBeforeTheNextAppend() throws {
        let lines = try journalOfFour()
        try Data((lines.map { $0 + "\n" }.joined() + #"{"base":1,"event":{"after":{"at":"2026-"#).utf8).write(to: journalURL)
        let read = try LedgerStore.readReporting(url)
        XCTAssertEqual(read.ledger.decisions.count, 4)
        XCTAssertEqual(read.notes.count, 1)
        XCTAssertTrue(read.notes[0].contains("ledger.json.journal:5: the last change was cut off"), "\(read.notes)")
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        XCTAssertTrue(store.notes.first?.contains("ledger.json.journal:5") == true, "\(store.notes)")
        XCTAssertTrue(store.notes.first?.contains("kept in ledger.json.journal.torn-") == true, "\(store.notes)")
        store.close()
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("ledger.json.journal.torn-") }
        XCTAssertEqual(aside.count, 1)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(aside[0]), encoding: .utf8), #"{"base":1,"event":{"after":{"at":"2026-"#)
        XCTAssertEqual(try LedgerStore.read(url).decisions.count, 4)
    }

    func testATornLineWithNothingToFoldIsCutSoTheNextChangeIsNotGluedToIt() throws {
        _ = try LedgerStore.open(url, analyst: "lan", seed: Fixtures.ledger).store.close()
        try Data(#"{"base":1,"ev"#.utf8).write(to: journalURL)
        let store = try LedgerStore.open(url, analyst: "lan").store
        var ledger = store.saved
        try ledger.decide("140.5", .accepted, by: "lan", at: Fixtures.date)
        try store.record(ledger)
        store.abandon()
        XCTAssertEqual(try LedgerStore.read(url).status(of: "140.5"), .accepted)
    }

    func testAJournalOfTheOlderFormatIsStillRead() throws {
        let lines = try journalOfFour().map { line -> String in
            // The lines upr wrote before the chain: base and event only.
            var text = line
            if let range = text.range(of: #","prev":"[0-9a-f]{16}","seq":[0-9]+"#, options: .regularExpression) { text.removeSubrange(range) }
            return text
        }
        XCTAssertFalse(lines[0].contains("seq"))
        try write(lines)
        XCTAssertEqual(try LedgerStore.read(url).decisions.count, 4)
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        try store.fold()
        store.close()
        XCTAssertEqual(try Data(contentsOf: journalURL).count, 0, "folded, so new lines start a chain")
        XCTAssertEqual(try LedgerStore.read(url).decisions.count, 4)
    }

    func testAFoldThatFailsLeavesTheJournalInCharge() throws {
        _ = try journalOfFour()
        DurableFile.faultInjection = { step, path in step == .write && path.hasSuffix("ledger.json.bak") ? ENOSPC : nil }
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        XCTAssertEqual(store.saved.decisions.count, 4)
        XCTAssertTrue(store.notes.isEmpty, "opening does not fold: \(store.notes)")
        XCTAssertThrowsError(try store.fold()) { XCTAssertTrue("\($0)".contains("No space left on device"), "\($0)") }
        var ledger = store.saved
        try ledger.decide("140.5", .rejected, by: "lan", at: Fixtures.date)
        try store.record(ledger)
        XCTAssertNotNil(store.close(), "closing a small ledger folds it, and says that failed")
        DurableFile.faultInjection = nil
        XCTAssertEqual(try LedgerStore.read(url).decisions.count, 5, "every change is in the journal, in one chain")
        let (again, _) = try LedgerStore.open(url, analyst: "lan")
        XCTAssertTrue(again.notes.isEmpty, "\(again.notes)")
        try again.fold()
        again.close()
        XCTAssertEqual(try Data(contentsOf: journalURL).count, 0)
        XCTAssertEqual(try LedgerStore.read(url).decisions.count, 5)
    }
}
