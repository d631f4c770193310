import Testing
import ReviewModel
@testable import WorkbenchCore

@Suite struct StatisticsTests {
    @Test func theScreenShowsProgressSharesRateAndBars() {
        var state = Screens.state(width: 100, height: 40)
        Screens.press([.char("a"), .char("a"), .char("r"), .char("c"), .char("S")], &state)
        let dump = Render.screen(state).dump()
        #expect(dump.contains("Statistics of all 6 recommendations"))
        #expect(dump.contains("Final position taken"))
        #expect(dump.contains("50.0% (3 of 6)"))
        #expect(dump.contains("accepted              "))
        #expect(dump.contains("33.3% 2"))
        #expect(dump.contains("Acceptance rate: 66.7% of the decided are accepted"))
        #expect(dump.contains("By recommending State"))
        #expect(dump.range(of: #"France\s+✓+✗+\s+2"#, options: .regularExpression) != nil, "France: one accepted, one rejected")
        #expect(dump.contains("By theme"))
        Screens.press([.char("q")], &state)
        #expect(state.mode == .browse)
    }

    @Test func theStatisticsFollowTheFilter() {
        var state = Screens.state(width: 100, height: 40)
        Screens.press([.char("s")] + Screens.type("France") + [.enter, .char("S")], &state)
        #expect(Render.screen(state).dump().contains("Statistics of 2 in view (State: France)"))
    }
}
