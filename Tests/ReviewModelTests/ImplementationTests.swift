import Foundation
import XCTest
@testable import ReviewModel

/// Implementation records on supported recommendations: changes like decisions (history, undo,
/// journal), the schema 3 layout, the merge of two branches' plans.
final class ImplementationTests: XCTestCase {
    static func supported() throws -> Ledger {
        var ledger = Fixtures.ledger()
        for id in ["140.1", "140.2", "140.5"] { try ledger.decide(id, .accepted, by: "lan", at: Fixtures.date) }
        try ledger.decide("140.3", .rejected, by: "lan", at: Fixtures.date)
        return ledger
    }

    func testStatusIsRecordedWithTheDateReachedAndOnlyOnSupportedRecommendations() throws {
        var ledger = try Self.supported()
        let day1 = Date(timeIntervalSince1970: 1_800_000_000), day2 = Date(timeIntervalSince1970: 1_810_000_000)
        try ledger.setImplementationStatus("140.1", .inProgress, note: "Drafting began", by: "lan", at: day1)
        try ledger.setImplementationStatus("140.1", .fullyImplemented, by: "minh", at: day2)
        let plan = try XCTUnwrap(ledger.implementation(of: "140.1"))
        XCTAssertEqual(plan.status, .fullyImplemented)
        XCTAssertEqual(plan.date(reached: .inProgress), day1)
        XCTAssertEqual(plan.date(reached: .fullyImplemented), day2)
        XCTAssertEqual(plan.progress.map(\.text), ["Drafting began"])
        XCTAssertEqual(plan.progress.first?.author, "lan")
        XCTAssertEqual(ledger.status(of: "140.1"), .accepted, "the decision stays")
        XCTAssertThrowsError(try ledger.setImplementationStatus("140.3", .inProgress, by: "lan", at: day1)) { error in
            XCTAssertEqual(error as? ImplementationError, .notSupported("140.3"))
        }
        XCTAssertThrowsError(try ledger.setImplementationStatus("140.4", .inProgress, by: "lan", at: day1))
        XCTAssertNil(try ledger.setImplementationStatus("140.1", .fullyImplemented, by: "lan", at: day2), "no change, no history entry")
    }

    func testActionsAreAddedDoneAndUndoneAsChanges() throws {
        var ledger = try Self.supported()
        try ledger.addAction("140.2", "Draft the law", due: "2026-06-30", lead: "Ministry of Justice", by: "lan", at: Fixtures.date)
        try ledger.addAction("140.2", "Train judges", due: "2026-03-01", by: "lan", at: Fixtures.date)
        XCTAssertEqual(ledger.implementation(of: "140.2")?.lead, "Ministry of Justice", "the first action's lead leads")
        XCTAssertEqual(ledger.implementation(of: "140.2")?.nextAction?.number, 2, "the earliest due first")
        XCTAssertTrue(ledger.implementation(of: "140.2")!.isOverdue(today: "2026-04-01"))
        XCTAssertFalse(ledger.implementation(of: "140.2")!.isOverdue(today: "2026-03-01"))
        let done = try XCTUnwrap(try ledger.markAction("140.2", 2, by: "minh", at: Fixtures.date))
        XCTAssertTrue(done.summary.contains("action 2 done"), done.summary)
        XCTAssertEqual(ledger.implementation(of: "140.2")?.nextAction?.number, 1)
        XCTAssertThrowsError(try ledger.markAction("140.2", 3, by: "lan", at: Fixtures.date)) { error in
            XCTAssertEqual("\(error)", "140.2 has no action 3; its actions are 1-2.")
        }
        XCTAssertThrowsError(try ledger.addAction("140.2", "x", due: "2026-02-30", by: "lan", at: Fixtures.date)) { error in
            XCTAssertEqual(error as? ImplementationError, .badDate("2026-02-30"))
        }
        try ledger.undo(by: "lan", at: Fixtures.date)
        XCTAssertEqual(ledger.implementation(of: "140.2")?.actions.map(\.done), [false, false])
        try ledger.undo(by: "lan", at: Fixtures.date)
        try ledger.undo(by: "lan", at: Fixtures.date)
        XCTAssertNil(ledger.implementation(of: "140.2"), "undone to no record at all")
        XCTAssertEqual(ledger.status(of: "140.2"), .accepted)
        try ledger.redo(by: "lan", at: Fixtures.date)
        XCTAssertEqual(ledger.implementation(of: "140.2")?.actions.count, 1)
    }

    func testADecisionChangeKeepsThePlan() throws {
        var ledger = try Self.supported()
        try ledger.addAction("140.5", "Build schools", by: "lan", at: Fixtures.date)
        try ledger.annotate("140.5", note: "why", by: "lan", at: Fixtures.date)
        try ledger.assign("140.5", ministry: "MOET", by: "lan", at: Fixtures.date)
        try ledger.markImplemented("140.5", true, by: "lan", at: Fixtures.date)
        XCTAssertEqual(ledger.implementation(of: "140.5")?.actions.map(\.text), ["Build schools"])
    }

    /// Golden fixture: schemaVersion 3 with an implementation record, as this version writes it.
    static let version3 = """
        {
          "schemaVersion": 3,
          "generation": 0,
          "document": {"cycle":4,"stateUnderReview":"Viet Nam","symbol":"A/HRC/00/0 (test)","title":"Test report"},
          "recommendations": [
            {"id":"140.1","states":["Chile"],"text":"Ratify OPCAT","themes":[]}
          ],
          "decisions": {
            "140.1": {"at":"2026-09-21T14:13:20Z","by":"lan","decision":"accepted","implementation":{"actions":[{"done":true,"due":"2026-06-30","lead":"Ministry of Justice","text":"Draft the law"}],"lead":"Ministry of Justice","progress":[{"at":"2026-09-21T14:13:20Z","author":"lan","source":"moj.xlsx:4","text":"Sent to the Assembly"}],"reached":[{"at":"2026-09-21T14:13:20Z","status":"inProgress"}],"sdgs":["16.3"],"status":"inProgress"},"note":""}
          },
          "history": [
          ]
        }

        """

    func testVersion3FixtureIsReadTheSameBothWaysAndWrittenBackIdentically() throws {
        let data = Data(Self.version3.utf8)
        let fast = try LedgerFastDecoding.contents(data)
        XCTAssertEqual(fast, try LedgerCoding.decodeWithFoundation(data, path: "v3.json"))
        let ledger = try LedgerCoding.decode(data, path: "v3.json")
        let plan = try XCTUnwrap(ledger.implementation(of: "140.1"))
        XCTAssertEqual(plan.status, .inProgress)
        XCTAssertEqual(plan.actions, [ImplementationAction(text: "Draft the law", due: "2026-06-30", lead: "Ministry of Justice", done: true)])
        XCTAssertEqual(plan.progress.first?.source, "moj.xlsx:4")
        XCTAssertEqual(String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self), Self.version3)
    }

    func testATriageLedgerWritesNoImplementationField() throws {
        var ledger = try Self.supported()
        try ledger.annotate("140.1", note: "n", by: "lan", at: Fixtures.date)
        XCTAssertFalse(String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self).contains("implementation"))
    }

    func testProgressWorkIsJournalledAndReplayedOnReopen() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("l.json")
        let (store, _) = try LedgerStore.open(url, analyst: "lan", seed: { try Self.supported() })
        var ledger = store.saved
        try ledger.setImplementationStatus("140.1", .partiallyImplemented, note: "Half the provinces", by: "lan", at: Fixtures.date)
        try ledger.addAction("140.1", "Reach the rest", due: "2027-01-15", by: "lan", at: Fixtures.date)
        try store.record(ledger)
        // No fold, no close: what a kill leaves.
        store.abandon()
        let reopened = try LedgerStore.read(url)
        XCTAssertEqual(reopened.implementation(of: "140.1"), ledger.implementation(of: "140.1"))
        XCTAssertEqual(reopened.history.count, ledger.history.count)
    }

    func testTwoBranchesThatChangedDifferentActionsMerge() throws {
        var base = try Self.supported()
        try base.addAction("140.1", "Draft the law", by: "lan", at: Fixtures.date)
        try base.addAction("140.1", "Train judges", by: "lan", at: Fixtures.date)
        var ours = base, theirs = base
        let later = Fixtures.date.addingTimeInterval(60)
        try ours.markAction("140.1", 1, by: "lan", at: later)
        try ours.addProgressNote("140.1", "Law drafted", by: "lan", at: later)
        try theirs.markAction("140.1", 2, by: "minh", at: later.addingTimeInterval(5))
        try theirs.addAction("140.1", "Publish the law", due: "2027-01-01", by: "minh", at: later.addingTimeInterval(6))
        try theirs.setImplementationStatus("140.1", .inProgress, by: "minh", at: later.addingTimeInterval(7))
        let (merged, conflicts) = try LedgerMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(conflicts, [])
        let plan = try XCTUnwrap(merged.implementation(of: "140.1"))
        XCTAssertEqual(plan.actions.map(\.done), [true, true, false])
        XCTAssertEqual(plan.actions.last?.text, "Publish the law")
        XCTAssertEqual(plan.progress.map(\.text), ["Law drafted"])
        XCTAssertEqual(plan.status, .inProgress)

        // The same action changed two ways stays a conflict for the analyst.
        var other = base
        try other.markAction("140.1", 1, by: "minh", at: later)
        try other.addAction("140.1", "Something else", by: "minh", at: later)
        let edited = try LedgerMerge.merge(base: base, ours: ours, theirs: other)
        XCTAssertEqual(edited.conflicts, [], "both marked action 1 done: the same change")
        var renamed = base
        try renamed.setImplementationLead("140.1", lead: "MOJ", by: "minh", at: later)
        var renamedOtherwise = base
        try renamedOtherwise.setImplementationLead("140.1", lead: "MPS", by: "lan", at: later)
        let clash = try LedgerMerge.merge(base: base, ours: renamedOtherwise, theirs: renamed)
        XCTAssertEqual(clash.conflicts.map(\.key), ["140.1"])
    }
}
