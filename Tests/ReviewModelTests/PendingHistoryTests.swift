import Foundation
import XCTest
@testable import ReviewModel

/// The workbench draws a large ledger's first screen before its history is read
/// (`LedgerStore.open(deferHistory:)`); before any key the history is completed. Whatever the
/// file holds, the ledger then is the one the whole strict reading gives, and a damaged history
/// is refused by name as it would be without the deferral.
final class PendingHistoryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-pending-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    /// Over a megabyte (the size the history is read on a thread of its own from), with changes
    /// to many recommendations, some more than once.
    private func largeLedger() throws -> Ledger {
        var ledger = try Sample.ledger().repeated(12)
        for (number, recommendation) in ledger.recommendations.enumerated() where number % 3 != 0 {
            try ledger.decide(recommendation.id, number % 2 == 0 ? .accepted : .rejected, by: "lan", at: Fixtures.date)
            if number % 7 == 0 { try ledger.annotate(recommendation.id, note: "why \(number)", by: "minh", at: Fixtures.date.addingTimeInterval(60)) }
        }
        return ledger
    }

    private func write(_ text: String, _ name: String = "l.json") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testTheHistoryCompletedIsTheOneTheWholeReadingGives() throws {
        let ledger = try largeLedger()
        let url = try write(String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self))
        XCTAssertGreaterThan(try Data(contentsOf: url).count, 1 << 20)
        let (store, _) = try LedgerStore.open(url, analyst: "lan", deferHistory: true)
        defer { store.close() }
        XCTAssertTrue(store.saved.historyPending, "the layout upr writes lets the history come later")
        XCTAssertTrue(store.saved.history.isEmpty)
        XCTAssertEqual(store.saved.counts, ledger.counts)
        // Nothing is written while the history is pending.
        XCTAssertThrowsError(try LedgerCoding.encode(store.saved)) { XCTAssertEqual($0 as? LedgerError, .historyNotRead) }
        XCTAssertThrowsError(try store.fold())

        XCTAssertTrue(try store.completeHistory())
        XCTAssertFalse(store.saved.historyPending)
        assertSame(store.saved, try LedgerStore.read(url))
        XCTAssertEqual(store.saved.history, ledger.history)
        let noted = ledger.recommendations[7].id
        XCTAssertEqual(store.saved.history(of: noted), ledger.history(of: noted))
        XCTAssertEqual(store.saved.history(of: noted).count, 2)
        XCTAssertFalse(try store.completeHistory(), "once")
    }

    /// Changes in the journal are applied while the history is read, and come after it.
    func testTheJournalsChangesComeAfterTheFilesHistory() throws {
        let ledger = try largeLedger()
        let url = try write(String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self))
        do {
            let (store, _) = try LedgerStore.open(url, analyst: "lan")
            var changed = store.saved
            let id = ledger.recommendations[1].id
            try changed.decide(id, .underConsideration, by: "minh", at: Fixtures.date.addingTimeInterval(120))
            try changed.decide(ledger.recommendations[0].id, .accepted, by: "minh", at: Fixtures.date.addingTimeInterval(120))
            try store.record(changed)
            store.close()
        }
        let whole = try LedgerStore.read(url)
        XCTAssertEqual(whole.history.count, ledger.history.count + 2)
        let (store, _) = try LedgerStore.open(url, analyst: "lan", deferHistory: true)
        defer { store.close() }
        XCTAssertTrue(store.saved.historyPending)
        XCTAssertEqual(store.saved.history.count, 2, "the journal's changes only, until the file's history is read")
        XCTAssertEqual(store.saved.status(of: ledger.recommendations[1].id), .underConsideration)
        XCTAssertTrue(try store.completeHistory())
        assertSame(store.saved, whole)
        XCTAssertEqual(store.saved.history(of: ledger.recommendations[1].id).count, 2)
        XCTAssertEqual(store.saved.nextGroup, whole.nextGroup)
        // And it is written whole again.
        try store.fold()
        var folded = whole
        folded.generation += 1
        assertSame(try LedgerStore.read(url), folded)
    }

    /// Where the history's own reading fails (a key the fast reader leaves to JSONDecoder) the
    /// whole file is read again; where it is damaged, it is refused with the whole reading's
    /// message, and nothing was written.
    func testAHistoryItsReadingRefusesIsReadAgainWholeOrRefusedByName() throws {
        let ledger = try largeLedger()
        let text = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        guard let history = text.range(of: "\n  \"history\": [") else { return XCTFail("layout changed") }
        func changedInHistory(_ from: String, _ to: String) -> String {
            let tail = text[history.upperBound...]
            guard let first = tail.range(of: from) else { XCTFail("\(from) not in the history"); return text }
            return text.replacingCharacters(in: first, with: to)
        }
        // A key twice: JSONDecoder's reading (the last one counts), not the fast reader's.
        let twice = try write(changedInHistory("\"kind\":\"change\"", "\"kind\":\"undo\",\"kind\":\"change\""), "twice.json")
        do {
            let (store, _) = try LedgerStore.open(twice, analyst: "lan", deferHistory: true)
            defer { store.close() }
            XCTAssertTrue(store.saved.historyPending)
            XCTAssertTrue(try store.completeHistory())
            assertSame(store.saved, try LedgerStore.read(twice))
            XCTAssertEqual(store.saved.history.count, ledger.history.count)
        }
        // Damaged: a kind no upr writes.
        let damaged = try write(changedInHistory("\"kind\":\"change\"", "\"kind\":\"chnage\""), "damaged.json")
        var expected = ""
        XCTAssertThrowsError(try LedgerStore.read(damaged)) { expected = "\($0)" }
        XCTAssertTrue(expected.contains("history[0].kind"), expected)
        let before = try Data(contentsOf: damaged)
        let (store, _) = try LedgerStore.open(damaged, analyst: "lan", deferHistory: true)
        XCTAssertTrue(store.saved.historyPending)
        XCTAssertThrowsError(try store.completeHistory()) { XCTAssertEqual("\($0)", expected) }
        XCTAssertNil(store.close(), "nothing to fold, nothing said")
        XCTAssertEqual(try Data(contentsOf: damaged), before)
    }

    /// A file of an older schema is migrated with its whole history, never with a part to come.
    func testAnOlderSchemaIsReadWithItsHistory() throws {
        let ledger = try largeLedger()
        let text = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        let older = text.replacingOccurrences(of: "\"schemaVersion\": 3", with: "\"schemaVersion\": 2")
        XCTAssertNotEqual(older, text)
        let url = try write(older)
        let (store, _) = try LedgerStore.open(url, analyst: "lan", deferHistory: true)
        defer { store.close() }
        XCTAssertFalse(store.saved.historyPending)
        XCTAssertEqual(store.saved.history, ledger.history)
        XCTAssertFalse(try store.completeHistory())
        XCTAssertEqual(try LedgerCoding.schemaVersion(ofFileAt: url), Ledger.currentSchemaVersion, "migrated")
    }

    /// Another layout (the history not closed on a line of its own, or a line `  ]` within it):
    /// the history is read in turn, or the file goes to JSONDecoder, and reads as without.
    func testOtherLayoutsReadAsWithoutTheDeferral() throws {
        let ledger = try largeLedger()
        let text = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        guard let close = text.range(of: "\n  ]\n}") ?? text.range(of: "\n  ],\n") else { return XCTFail("layout changed") }
        let sameLine = text.replacingCharacters(in: close, with: text[close].replacingOccurrences(of: "\n  ]", with: "]"))
        // An unknown key of an event whose list closes on a line of two spaces: the survey's
        // closing line is then inside the history.
        guard let firstEvent = text.range(of: "\"kind\":\"change\"") else { return XCTFail("layout changed") }
        let inner = text.replacingCharacters(in: firstEvent, with: "\"kind\":\"change\",\"extra\":[\n  ]")
        for (name, variant) in [("same-line", sameLine), ("inner", inner)] {
            let url = try write(variant, "\(name).json")
            let whole = try LedgerStore.read(url)
            XCTAssertEqual(whole.history.count, ledger.history.count, name)
            let (store, _) = try LedgerStore.open(url, analyst: "lan", deferHistory: true)
            defer { store.close() }
            _ = try store.completeHistory()
            XCTAssertFalse(store.saved.historyPending, name)
            assertSame(store.saved, whole, name)
        }
    }

    /// Equal ledgers; where not, which part differs (a ledger printed whole is megabytes).
    private func assertSame(_ left: Ledger, _ right: Ledger, _ context: String = "", line: UInt = #line) {
        guard left != right else { return }
        var parts: [String] = []
        if left.history != right.history { parts.append("history (\(left.history.count) against \(right.history.count))") }
        if left.recommendations != right.recommendations { parts.append("recommendations") }
        if left.decisions != right.decisions { parts.append("decisions") }
        if left.generation != right.generation { parts.append("generation \(left.generation) against \(right.generation)") }
        if left.historyPending != right.historyPending { parts.append("historyPending") }
        if left.counts != right.counts { parts.append("counts") }
        let ids = left.recommendations.map(\.id).filter { left.history(of: $0) != right.history(of: $0) }
        if !ids.isEmpty { parts.append("the changes of \(ids.prefix(5))") }
        XCTFail("\(context) the ledgers differ in: \(parts.isEmpty ? "something else" : parts.joined(separator: ", "))", line: line)
    }
}
