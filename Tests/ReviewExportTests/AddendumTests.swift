import XCTest
import ReviewModel
@testable import ReviewExport

/// The addendum: published groups, refusal while anything is open, drafts that say so, and its
/// own check.
final class AddendumTests: XCTestCase {
    func testFinalAddendumGolden() throws {
        XCTAssertEqual(try DecisionExport.render(try ExportFixtures.decidedLedger(), format: .addendum), """
            Views on conclusions and/or recommendations of Viet Nam (A/HRC/00/0 (test))

            Viet Nam has examined the 7 recommendations it received.

            Supported (3): 140.1, 4, 10

            Supported and considered already implemented (1): 140.2

            Noted (3): 140.3, 5, 11

            Totals: 3 supported + 1 supported and already implemented + 3 noted = 7 recommendations.
            Check: each of the 7 recommendation IDs appears exactly once above, and the totals add up to 7.

            """)
    }

    func testDraftGoldenSaysItIsADraftAndListsWhatIsOpen() throws {
        XCTAssertEqual(try DecisionExport.render(try ExportFixtures.openLedger(), format: .addendum, draft: true), """
            DRAFT, NOT FOR PUBLICATION: 2 of 7 recommendations have no final position (listed below).

            Views on conclusions and/or recommendations of Viet Nam (A/HRC/00/0 (test))

            Viet Nam has examined the 7 recommendations it received.

            Supported (2): 140.1, 10

            Supported and considered already implemented (1): 140.2

            Noted (2): 140.3, 11

            STILL OPEN: 2 recommendations have no final position; this is a draft.
            Under consideration (1): 140.4
            Undecided (1): 140.5

            Totals: 2 supported + 1 supported and already implemented + 2 noted + 2 open = 7 recommendations.
            Check: each of the 7 recommendation IDs appears exactly once above, and the totals add up to 7.

            """)
    }

    func testRefusedWhileAnythingIsOpenNamingWhat() throws {
        XCTAssertThrowsError(try DecisionExport.render(try ExportFixtures.openLedger(), format: .addendum)) { error in
            XCTAssertEqual(error as? ExportError, .notReady(open: [
                .init(selection: .underConsideration, ids: ["140.4"]), .init(selection: .undecided, ids: ["140.5"]),
            ]))
            XCTAssertEqual("\(error)", """
                the addendum is not ready: 2 recommendations are still open.
                under consideration (1): 140.4
                undecided (1): 140.5
                """)
        }
        var considering = try ExportFixtures.decidedLedger()
        try considering.decide("140.10", .underConsideration, by: "lan", at: ExportFixtures.date)
        XCTAssertThrowsError(try AddendumDraft.text(considering), "under consideration alone is enough to refuse")
    }

    /// Only an accepted recommendation is "supported and already implemented"; a mark left on a
    /// recommendation later rejected does not move it.
    func testImplementedMarkCountsOnlyWhenAccepted() throws {
        var ledger = try ExportFixtures.decidedLedger()
        try ledger.markImplemented("140.3", true, by: "lan", at: ExportFixtures.date)
        let text = try AddendumDraft.text(ledger)
        XCTAssertTrue(text.contains("Supported and considered already implemented (1): 140.2\n"), text)
        XCTAssertTrue(text.contains("Noted (3): 140.3, 5, 11\n"), text)
    }

    func testNoticeOfAnIllustrativeLedgerIsKeptOnTop() throws {
        var ledger = try ExportFixtures.decidedLedger()
        ledger.notice = "ILLUSTRATIVE SAMPLE"
        XCTAssertTrue(try AddendumDraft.text(ledger).hasPrefix("NOTE: ILLUSTRATIVE SAMPLE\n\nViews on"))
    }

    func testCheckCatchesMissingRepeatedStrayAndMiscountedIDs() {
        let expected = ["140.1", "140.2", "140.3"]
        XCTAssertNoThrow(try AddendumGroups.check(written: [(2, "140.1-2"), (1, "140.3")], expected: expected))
        let broken: [([(count: Int, ranges: String)], String)] = [
            ([(2, "140.1-2"), (0, "none")], "140.3 is not listed"),
            ([(2, "140.1-2"), (2, "140.2-3")], "140.2 is listed more than once"),
            ([(3, "140.1-3"), (1, "140.9")], "140.9 is listed but is not among the recommendations"),
            ([(3, "140.1-2"), (1, "140.3")], "a list headed 3 holds 2 IDs: 140.1-2"),
        ]
        for (written, reason) in broken {
            XCTAssertThrowsError(try AddendumGroups.check(written: written, expected: expected)) { error in
                XCTAssertEqual(error as? ExportError, .checkFailed(reason))
            }
        }
    }

    /// The workbench writes a draft rather than refusing: it is where the analyst works on it.
    func testWorkbenchPathWritesTheDraftOfWhatIsInView() throws {
        let text = try DecisionExport.render(try ExportFixtures.openLedger(), format: .addendum, positions: [0, 1, 2], draft: true)
        XCTAssertTrue(text.contains("examined the 3 recommendations"), text)
        XCTAssertFalse(text.contains("DRAFT"), "nothing open among those three")
    }
}
