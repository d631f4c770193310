import Foundation
import XCTest
@testable import ReviewModel

/// Property tests of the three-way merge over random ledgers and random changes on each side.
final class LedgerMergeTests: XCTestCase {
    /// SplitMix64: the same seed, the same ledgers.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func document(_ count: Int) -> Ledger {
        try! Ledger(document: Fixtures.document, recommendations: (1...count).map {
            Recommendation(id: "140.\($0)", text: "Recommendation number \($0)", states: ["France"])
        })
    }

    /// A few random changes (decisions, notes, ministries, clears), as `who`, from `start` on.
    static func changed(_ ledger: Ledger, by who: String, start: Double, _ random: inout Seeded) -> Ledger {
        var ledger = ledger
        let statuses: [DecisionStatus?] = [.accepted, .underConsideration, .rejected, nil]
        for step in 0..<Int.random(in: 0...8, using: &random) {
            let id = ledger.recommendations.randomElement(using: &random)!.id
            let at = Date(timeIntervalSince1970: start + Double(step) + Double(Int.random(in: 0...1, using: &random)))
            switch Int.random(in: 0...3, using: &random) {
            case 0, 1: try! ledger.decide(id, statuses.randomElement(using: &random)!, by: who, at: at)
            case 2: try! ledger.annotate(id, note: ["", "why", "because"].randomElement(using: &random)!, by: who, at: at)
            default: try! ledger.assign(id, ministry: [nil, "Ministry of Justice"].randomElement(using: &random)!, by: who, at: at)
            }
        }
        return ledger
    }

    func scenarios(_ count: Int = 300) -> [(base: Ledger, ours: Ledger, theirs: Ledger)] {
        var random = Seeded(state: 20261129)
        return (0..<count).map { _ in
            let base = Self.changed(Self.document(Int.random(in: 1...8, using: &random)), by: "ana", start: 1_790_000_000, &random)
            return (base, Self.changed(base, by: "lan", start: 1_790_100_000, &random), Self.changed(base, by: "minh", start: 1_790_100_000, &random))
        }
    }

    func testMergingWithAnUnchangedSideGivesTheOtherSide() throws {
        for (base, ours, theirs) in scenarios() {
            let left = try LedgerMerge.merge(base: base, ours: base, theirs: theirs)
            XCTAssertEqual(left.ledger.decisions, theirs.decisions)
            XCTAssertEqual(left.ledger.history, theirs.history)
            XCTAssertTrue(left.conflicts.isEmpty)
            let right = try LedgerMerge.merge(base: base, ours: ours, theirs: base)
            XCTAssertEqual(right.ledger.decisions, ours.decisions)
            XCTAssertEqual(right.ledger.history, ours.history)
            XCTAssertTrue(right.ledger.conflicts.isEmpty)
            XCTAssertEqual(right.ledger.generation, max(base.generation, ours.generation) + 1)
        }
    }

    func testSwappingSidesGivesTheSameResultButForLabels() throws {
        func unordered(_ history: [ChangeEvent]) -> [String] {
            history.map { var e = $0; e.group = 0; return LedgerMerge.key(e) }.sorted()
        }
        for (base, ours, theirs) in scenarios() {
            let one = try LedgerMerge.merge(base: base, ours: ours, theirs: theirs, oursLabel: "lan", theirsLabel: "minh")
            let two = try LedgerMerge.merge(base: base, ours: theirs, theirs: ours, oursLabel: "minh", theirsLabel: "lan")
            XCTAssertEqual(one.ledger.decisions, two.ledger.decisions)
            XCTAssertEqual(one.ledger.conflicts, two.ledger.conflicts.mapValues { Array($0.reversed()) })
            XCTAssertEqual(unordered(one.ledger.history), unordered(two.ledger.history))
            XCTAssertEqual(Set(one.conflicts.map(\.key)), Set(two.conflicts.map(\.key)))
        }
    }

    func testNoDecisionIsLost() throws {
        var conflicted = 0
        for (base, ours, theirs) in scenarios() {
            let merged = try LedgerMerge.merge(base: base, ours: ours, theirs: theirs).ledger
            for side in [ours, theirs] {
                for recommendation in side.recommendations {
                    let id = recommendation.id
                    let record = side.decisions[id]
                    guard !LedgerMerge.sameContent(record, base.decisions[id]) else { continue }  // not a change of this side
                    let kept = LedgerMerge.sameContent(merged.decisions[id], record)
                        || (merged.conflicts[id] ?? []).contains { LedgerMerge.sameContent($0.record, record) }
                    XCTAssertTrue(kept, "\(id): \(String(describing: record)) lost")
                }
            }
            for (id, sides) in merged.conflicts {
                conflicted += 1
                XCTAssertEqual(merged.decisions[id], base.decisions[id], "an open conflict shows the base's decision")
                XCTAssertEqual(sides.count, 2)
            }
            // Every entry of either history is in the merged one.
            let all = Set(merged.history.map { var e = $0; e.group = 0; return LedgerMerge.key(e) })
            for event in ours.history + theirs.history {
                var e = event; e.group = 0
                XCTAssertTrue(all.contains(LedgerMerge.key(e)))
            }
        }
        XCTAssertGreaterThan(conflicted, 20, "the generator makes conflicts")
    }

    func testConflictsRoundTripAndResolveIntoTheHistory() throws {
        var base = Fixtures.ledger()
        try base.decide("140.3", .underConsideration, by: "ana", at: Fixtures.date)
        var ours = base, theirs = base
        try ours.decide("140.3", .accepted, by: "lan", at: Fixtures.date + 60)
        try ours.decide("140.1", .accepted, by: "lan", at: Fixtures.date + 61)
        try theirs.decide("140.3", .rejected, by: "minh", at: Fixtures.date + 62)
        try theirs.annotate("140.3", note: "not now", by: "minh", at: Fixtures.date + 63)
        let (merged, report) = try LedgerMerge.merge(base: base, ours: ours, theirs: theirs, oursLabel: "HEAD", theirsLabel: "minh-branch")
        XCTAssertEqual(report.map(\.key), ["140.3"])
        XCTAssertEqual(merged.status(of: "140.3"), .underConsideration)
        XCTAssertEqual(merged.status(of: "140.1"), .accepted)
        XCTAssertEqual(merged.conflicts["140.3"]?.map(\.side), ["HEAD", "minh-branch"])
        XCTAssertEqual(merged.conflicts["140.3"]?.last?.record?.note, "not now")
        let text = String(decoding: try LedgerCoding.encode(merged), as: UTF8.self)
        XCTAssertTrue(text.contains("\n  \"conflicts\": {\n    \"140.3\": [{"), text)
        XCTAssertEqual(try LedgerCoding.decode(Data(text.utf8), path: "x"), merged)
        XCTAssertFalse(String(decoding: try LedgerCoding.encode(base), as: UTF8.self).contains("conflicts"))

        var resolved = merged
        let event = try resolved.resolveConflict("140.3", take: .theirs, by: "lan", at: Fixtures.date + 100)
        XCTAssertEqual(resolved.status(of: "140.3"), .rejected)
        XCTAssertEqual(resolved.record(for: "140.3")?.note, "not now")
        XCTAssertEqual(event.by, "lan")
        XCTAssertEqual(event.source, "merge conflict resolved: took theirs (minh-branch), decided by minh")
        XCTAssertTrue(resolved.conflicts.isEmpty)
        XCTAssertThrowsError(try resolved.resolveConflict("140.3", take: .ours, by: "lan", at: Fixtures.date))
        XCTAssertFalse(String(decoding: try LedgerCoding.encode(resolved), as: UTF8.self).contains("conflicts"))
    }

    func testDifferentDocumentsAreRefused() throws {
        let base = Fixtures.ledger()
        let other = try Ledger(document: Fixtures.document, recommendations: base.recommendations.map {
            var r = $0; if r.id == "140.2" { r.text = "Edited" }; return r
        })
        XCTAssertThrowsError(try LedgerMerge.merge(base: base, ours: base, theirs: other)) { error in
            XCTAssertEqual("\(error)".contains("the text of 140.2 differs on theirs"), true, "\(error)")
        }
    }

    func testViewsAndProposalsMergeAsUnions() throws {
        var base = Fixtures.ledger()
        base.views = ["open": "decision:undecided"]
        var ours = base, theirs = base
        ours.views["open"] = "decision:undecided state:France"
        theirs.views["open"] = "decision:undecided has:note"
        theirs.views["mine"] = "has:note"
        try ours.propose(Proposal(id: "140.1", decision: .accepted, ministry: "MoJ", file: "a.xlsx", line: 2, at: Fixtures.date))
        try theirs.propose(Proposal(id: "140.2", decision: .rejected, ministry: "MoPS", file: "b.xlsx", line: 3, at: Fixtures.date))
        let (merged, report) = try LedgerMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(merged.views, ["open": "decision:undecided state:France", "open (theirs)": "decision:undecided has:note", "mine": "has:note"])
        XCTAssertEqual(Set(merged.proposals.keys), ["140.1", "140.2"])
        XCTAssertEqual(report.map(\.kind), [.view])
    }
}
