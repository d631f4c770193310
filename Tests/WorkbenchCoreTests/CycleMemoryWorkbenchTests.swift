import Foundation
import ReviewModel
import Testing
@testable import WorkbenchCore

/// The test review with an earlier cycle: 140.3's moratorium was supported then; 140.1 asks for
/// OPCAT, noted then.
struct CycleMemoryWorkbenchTests {
    static func state() -> WorkbenchState {
        var ledger = Screens.ledger()
        ledger.reference = [
            ReferenceRecommendation(id: "143.15", text: "Ratify the Optional Protocol to the Convention against Torture promptly", states: ["France"], position: .noted, symbol: "A/HRC/26/6"),
            ReferenceRecommendation(id: "143.40", text: "Establish a moratorium on executions with a view to abolition", states: ["Spain"], position: .supported, symbol: "A/HRC/26/6"),
        ]
        return WorkbenchState(ledger: ledger, analyst: "lan", ledgerName: "test.json", size: Size(width: 120, height: 30))
    }

    @Test func theDetailPaneShowsTheEarlierAnswer() {
        var state = Self.state()
        var dump = Render.screen(state).dump()
        #expect(dump.contains("Earlier: noted in A/HRC/26/6, 143.15 — Ratify the"), "\(dump)")
        Screens.press([.char("f")] + Screens.type("was:supported") + [.enter], &state)
        #expect(state.visible == [2])
        dump = Render.screen(state).dump()
        #expect(dump.contains("Earlier: supported in A/HRC/26/6, 143.40 —"), "\(dump)")
    }

    @Test func hasEarlierFindsTheRecurringAsks() {
        var state = Self.state()
        Screens.press([.char("f")] + Screens.type("has:earlier") + [.enter], &state)
        #expect(state.visible.contains(0))
        #expect(state.visible.contains(2))
        #expect(!state.visible.contains(5))
        // Without a reference, nothing is recurring and the pane says nothing.
        var plain = Screens.state(width: 120, height: 30)
        #expect(!Render.screen(plain).dump().contains("Earlier:"))
        Screens.press([.char("f")] + Screens.type("has:earlier") + [.enter], &plain)
        #expect(plain.visible.isEmpty)
    }
}
