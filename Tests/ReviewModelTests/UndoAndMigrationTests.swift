import XCTest
@testable import ReviewModel

final class UndoAndMigrationTests: XCTestCase {
    /// The stacks as the whole history gives them (how they were worked out on every undo).
    private static func replayedStacks(_ history: [ChangeEvent]) -> (undo: [Int], redo: [Int]) {
        var undo: [Int] = [], redo: [Int] = []
        var previous: (group: Int, kind: ChangeEvent.Kind)?
        for event in history where previous.map({ $0.group != event.group || $0.kind != event.kind }) ?? true {
            previous = (event.group, event.kind)
            switch event.kind {
            case .change: undo.append(event.group); redo.removeAll()
            case .undo: undo.removeAll { $0 == event.group }; redo.append(event.group)
            case .redo: redo.removeAll { $0 == event.group }; undo.append(event.group)
            }
        }
        return (undo, redo)
    }

    /// The stacks kept change by change are the ones the whole history gives, after every step
    /// of random decisions, undos and redos, and read back from the file.
    func testTheKeptUndoStacksAreTheOnesTheHistoryGives() throws {
        var ledger = Fixtures.ledger()
        var generator = SystemRandomNumberGenerator()
        let ids = ledger.recommendations.map(\.id)
        for step in 0..<400 {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<5:
                let status = [DecisionStatus.accepted, .rejected, .underConsideration, nil].randomElement(using: &generator)!
                try ledger.decide(ids.randomElement(using: &generator)!, status, by: "lan", at: Fixtures.date)
            case 5:
                let group = ledger.nextGroup
                for id in ids.shuffled(using: &generator).prefix(3) { try ledger.decide(id, .accepted, by: "lan", at: Fixtures.date, group: group) }
            case 6..<8: _ = try ledger.undo(by: "lan", at: Fixtures.date)
            default: _ = try ledger.redo(by: "lan", at: Fixtures.date)
            }
            let kept = ledger.undoStacks, replayed = Self.replayedStacks(ledger.history)
            XCTAssertEqual(kept.undo, replayed.undo, "step \(step)")
            XCTAssertEqual(kept.redo, replayed.redo, "step \(step)")
        }
        let read = try LedgerCoding.decode(try LedgerCoding.encode(ledger), path: "t.json")
        XCTAssertEqual(read.undoStacks.undo, Self.replayedStacks(ledger.history).undo)
        XCTAssertEqual(read.undoStacks.redo, Self.replayedStacks(ledger.history).redo)
        XCTAssertEqual(read, ledger)
    }

    func testUndoAndRedoWorkOnWholeGroupsAndSurviveARestart() throws {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        let bulk = ledger.nextGroup
        try ledger.decide("140.2", .rejected, by: "lan", at: Fixtures.date, group: bulk)
        try ledger.decide("140.3", .rejected, by: "lan", at: Fixtures.date, group: bulk)
        // A restart: the ledger is written and read back.
        ledger = try LedgerCoding.decode(try LedgerCoding.encode(ledger), path: "x")
        XCTAssertEqual(try ledger.undo(by: "minh", at: Fixtures.date), ["140.2", "140.3"])
        XCTAssertNil(ledger.status(of: "140.2"))
        XCTAssertNil(ledger.status(of: "140.3"))
        XCTAssertEqual(ledger.status(of: "140.1"), .accepted)
        ledger = try LedgerCoding.decode(try LedgerCoding.encode(ledger), path: "x")
        XCTAssertEqual(try ledger.undo(by: "minh", at: Fixtures.date), ["140.1"])
        XCTAssertEqual(try ledger.undo(by: "minh", at: Fixtures.date), [], "nothing left to undo")
        XCTAssertEqual(try ledger.redo(by: "minh", at: Fixtures.date), ["140.1"])
        XCTAssertEqual(try ledger.redo(by: "minh", at: Fixtures.date), ["140.2", "140.3"])
        XCTAssertEqual(ledger.status(of: "140.3"), .rejected)
        XCTAssertEqual(ledger.history(of: "140.3").map(\.kind), [.change, .undo, .redo])
    }

    func testANewChangeAfterUndoClearsRedo() throws {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        try ledger.undo(by: "lan", at: Fixtures.date)
        try ledger.decide("140.2", .accepted, by: "lan", at: Fixtures.date)
        XCTAssertEqual(try ledger.redo(by: "lan", at: Fixtures.date), [])
        XCTAssertEqual(try ledger.undo(by: "lan", at: Fixtures.date), ["140.2"])
    }

    func testUndoRestoresNotesToo() throws {
        var ledger = Fixtures.ledger()
        try ledger.annotate("140.5", note: "Bộ Lao động", by: "lan", at: Fixtures.date)
        try ledger.annotate("140.5", note: "Bộ Lao động — xong", by: "lan", at: Fixtures.date)
        try ledger.undo(by: "lan", at: Fixtures.date)
        XCTAssertEqual(ledger.record(for: "140.5")?.note, "Bộ Lao động")
    }

    /// Random changes, undos and redos: the ledger always reads back as it was written.
    func testRandomHistoriesRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let ids = Fixtures.ledger().recommendations.map(\.id)
        for _ in 0..<50 {
            var ledger = Fixtures.ledger()
            for _ in 0..<Int.random(in: 1...30, using: &generator) {
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: try ledger.undo(by: "a", at: Fixtures.date)
                case 1: try ledger.redo(by: "b", at: Fixtures.date)
                case 2: try ledger.annotate(ids.randomElement()!, note: ["", "lý do", "\"quoted\", with comma", "line\nbreak"].randomElement()!, by: "c", at: Fixtures.date)
                default: try ledger.decide(ids.randomElement()!, [nil, .accepted, .underConsideration, .rejected].randomElement()!, by: "d", at: Fixtures.date)
                }
            }
            let decoded = try LedgerCoding.decode(try LedgerCoding.encode(ledger), path: "x")
            XCTAssertEqual(decoded, ledger)
            XCTAssertEqual(decoded.undoStacks.undo, ledger.undoStacks.undo)
            // Replaying the history from nothing gives the same decisions.
            var replayed = Fixtures.ledger()
            for event in ledger.history { try replayed.apply(event) }
            XCTAssertEqual(replayed.decisions, ledger.decisions)
            XCTAssertEqual(ledger.counts, ledger.counts(of: ledger.recommendations.indices), "the kept counts match a recount")
        }
    }

    /// Golden fixture: a ledger as schemaVersion 1 wrote it.
    static let version1 = """
        {
          "schemaVersion": 1,
          "document": {"stateUnderReview":"Viet Nam","symbol":"A/HRC/00/0 (test)","title":"Test report"},
          "recommendations": [
            {"id":"140.1","states":["Chile","France"],"text":"Ratify the Optional Protocol","themes":[]},
            {"id":"140.2","states":["Côte d'Ivoire"],"text":"Consider ratifying OPCAT","themes":[]}
          ],
          "decisions": {
            "140.2": {"at":"2026-09-21T14:13:20Z","by":"lan","decision":"rejected","note":"Bộ Tư pháp"}
          }
        }

        """

    /// Golden fixture: schemaVersion 2, as the version before implementation records wrote it.
    static let version2 = """
        {
          "schemaVersion": 2,
          "generation": 3,
          "document": {"stateUnderReview":"Viet Nam","symbol":"A/HRC/00/0 (test)","title":"Test report"},
          "recommendations": [
            {"id":"140.1","states":["Chile","France"],"text":"Ratify the Optional Protocol","themes":[]},
            {"id":"140.2","states":["Côte d'Ivoire"],"text":"Consider ratifying OPCAT","themes":[]}
          ],
          "decisions": {
            "140.2": {"at":"2026-09-21T14:13:20Z","by":"lan","decision":"rejected","note":"Bộ Tư pháp"}
          },
          "history": [
            {"after":{"at":"2026-09-21T14:13:20Z","by":"lan","decision":"rejected","note":"Bộ Tư pháp"},"at":"2026-09-21T14:13:20Z","by":"lan","group":1,"id":"140.2","kind":"change"}
          ]
        }

        """

    /// Version 3 adds implementation records only where set: a version 2 ledger is read whole and
    /// written back line for line, only its number raised.
    func testVersion2FixtureIsMigratedAndWrittenBackLineForLine() throws {
        let ledger = try LedgerCoding.decode(Data(Self.version2.utf8), path: "v2.json")
        XCTAssertEqual(ledger.schemaVersion, 3)
        XCTAssertEqual(ledger.generation, 3)
        XCTAssertEqual(ledger.history.count, 1)
        XCTAssertFalse(ledger.hasImplementationRecords)
        let expected = Self.version2.replacingOccurrences(of: "\"schemaVersion\": 2,", with: "\"schemaVersion\": 3,")
        XCTAssertEqual(String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self), expected)
    }

    func testVersion2IsBackedUpMigratedAndSavedOnOpen() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("v2.json")
        try Data(Self.version2.utf8).write(to: url)
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        store.close()
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("v2.json.v2.bak"), encoding: .utf8), Self.version2)
        XCTAssertTrue(store.notes.contains { $0.contains("Migrated v2.json to schemaVersion 3") }, "\(store.notes)")
        XCTAssertEqual(try LedgerStore.read(url).record(for: "140.2")?.note, "Bộ Tư pháp")
    }

    func testVersion1IsBackedUpMigratedAndSaved() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("old.json")
        try Data(Self.version1.utf8).write(to: url)
        let (store, _) = try LedgerStore.open(url, analyst: "lan")
        store.close()
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("old.json.v1.bak"), encoding: .utf8), Self.version1)
        XCTAssertTrue(store.notes.contains { $0.contains("Migrated old.json to schemaVersion 3") })
        let migrated = try LedgerStore.read(url)
        XCTAssertEqual(migrated.schemaVersion, 3)
        XCTAssertEqual(migrated.record(for: "140.2")?.note, "Bộ Tư pháp")
        XCTAssertEqual(migrated.history(of: "140.2").first?.by, "lan", "who decided is kept as history")
        XCTAssertTrue(try String(contentsOf: url, encoding: .utf8).hasPrefix("{\n  \"schemaVersion\": 3,\n"))
    }

    /// The per-recommendation history (kept as links, for the detail pane) is exactly the whole
    /// history filtered by ID, in order, however it was built: change by change, or read back.
    func testOneRecommendationsHistoryIsItsChangesInOrder() throws {
        var ledger = Fixtures.ledger()
        var random = LedgerMergeTests.Seeded(state: 7)
        let ids = ledger.recommendations.map(\.id)
        for step in 0..<300 {
            let id = ids[Int(random.next() % UInt64(ids.count))]
            switch random.next() % 4 {
            case 0: _ = try ledger.undo(by: "lan", at: Fixtures.date)
            case 1: try ledger.annotate(id, note: "step \(step)", by: "lan", at: Fixtures.date)
            default: try ledger.decide(id, [.accepted, .rejected, .underConsideration, nil][Int(random.next() % 4)], by: "lan", at: Fixtures.date)
            }
        }
        let reread = try LedgerCoding.decode(LedgerCoding.encode(ledger), path: "t.json")
        for id in ids {
            let expected = ledger.history.filter { $0.id == id }
            XCTAssertEqual(ledger.history(of: id), expected, id)
            XCTAssertEqual(reread.history(of: id), expected, id)
        }
        XCTAssertEqual(ledger.history(of: "999.9"), [])
    }
}
