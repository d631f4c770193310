import Foundation
import ReviewModel
import Testing
@testable import WorkbenchCore

/// 140.1 and 140.2 of the test review both ask for OPCAT: one cluster.
struct ClusterWorkbenchTests {
    @Test func theFilterLanguageFindsClustersAndConflicts() throws {
        var state = Screens.state(width: 100, height: 30)
        #expect(state.clusters.clusters == [[0, 1]])
        Screens.press([.char("f")] + Screens.type("in:cluster") + [.enter], &state)
        #expect(state.visible == [0, 1])
        Screens.press([.char(":")] + Screens.type("filter conflict:cluster") + [.enter], &state)
        #expect(state.visible.isEmpty)
        #expect(throws: FilterSyntaxError.self) { try FilterQuery.parse("in:clusters", states: try StateDirectory.bundled()) }
        #expect(try FilterQuery.parse("in:cluster -conflict:cluster", states: try StateDirectory.bundled()).description == "in:cluster -conflict:cluster")
    }

    @Test func theClusterIsDecidedAsOneStepAndAConflictShows() {
        var state = Screens.state(width: 100, height: 30)
        #expect(Screens.press([.char(":")] + Screens.type("cluster accept") + [.enter], &state) == [.save])
        #expect(state.ledger.status(of: "140.1") == .accepted)
        #expect(state.ledger.status(of: "140.2") == .accepted)
        Screens.press([.char("u")], &state)
        #expect(state.ledger.status(of: "140.1") == nil)
        #expect(state.ledger.status(of: "140.2") == nil)

        try! state.ledger.decide("140.1", .accepted, by: "lan", at: Screens.now)
        try! state.ledger.decide("140.2", .rejected, by: "lan", at: Screens.now)
        let dump = Render.screen(state).dump()
        #expect(dump.contains("1 cluster decided two ways"), "\(dump)")
        #expect(dump.contains("DECIDED TWO WAYS"), "\(dump)")
        #expect(dump.contains("140.2 rejected"), "\(dump)")
    }
}

struct ClusterKeyTests {
    @Test func oneKeyGivesTheWholeClusterTheSelectedDecision() {
        var state = Screens.state(width: 100, height: 30)
        #expect(Screens.press([.char("C")], &state).isEmpty, "nothing decided yet: nothing to copy")
        #expect(state.message?.isError == true)
        Screens.press([.char("r"), .char("k")], &state)  // reject 140.1, back to it
        #expect(Screens.press([.char("C")], &state) == [.save])
        #expect(state.ledger.status(of: "140.2") == .rejected)
        Screens.press([.char("u")], &state)
        #expect(state.ledger.status(of: "140.2") == nil, "one undo step")
        #expect(state.ledger.status(of: "140.1") == .rejected)
    }
}

/// A large ledger opens before its clusters are found; they arrive as an action.
struct PendingClusterTests {
    static func pending() -> WorkbenchState {
        WorkbenchState(ledger: Screens.ledger(), analyst: "lan", ledgerName: "test.json", size: Size(width: 100, height: 30), clustersPending: true)
    }

    @Test func theWorkbenchSaysSoUntilTheyArriveThenFiltersAndKeysUseThem() {
        var state = Self.pending()
        #expect(state.clusters.clusters.isEmpty)
        #expect(Render.screen(state).dump().contains("finding clusters of the same ask"))
        Screens.press([.char("r"), .char("k"), .char("C")], &state)
        #expect(state.message?.text.contains("still being found") == true)
        #expect(state.ledger.status(of: "140.2") == nil, "nothing decided from clusters not yet known")
        Screens.press([.char("f")] + Screens.type("in:cluster") + [.enter], &state)
        #expect(state.visible.isEmpty)

        _ = Workbench.reduce(&state, .clustersReady(ClusterMap(clusters: [[0, 1]], count: state.ledger.recommendations.count)), now: Screens.now)
        #expect(!Render.screen(state).dump().contains("finding clusters"))
        #expect(state.visible == [0, 1], "the filter is run again with the clusters")
    }
}
