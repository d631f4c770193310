import Testing
import ReviewModel
@testable import WorkbenchCore

/// 10,000 random keys and resizes through the reducer and the render: no crash, and the selection
/// never leaves the list.
@Suite struct SoakTests {
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomKeysAtManySizesNeverBreakTheState() throws {
        var random = SeededGenerator(state: 2024)
        var state = WorkbenchState(ledger: try Sample.ledger(), analyst: "soak", size: Size(width: 100, height: 30))
        let keys: [Key] = KeyBindings.table.flatMap(\.keys) + Screens.type("abcxyzé中 ?") + [.left, .right, .home, .end, .delete, .tab]
        let sizes = [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 40, height: 10), Size(width: 39, height: 30),
                     Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 250, height: 70), Size(width: 120, height: 11)]
        var quits = 0
        for step in 0..<10_000 {
            let action: Action = step % 97 == 0
                ? .resize(sizes.randomElement(using: &random)!)
                : step % 331 == 0 ? .saveFailed("injected") : step % 333 == 0 ? .saved : .key(keys.randomElement(using: &random)!)
            let effects = Workbench.reduce(&state, action, now: Screens.now)
            if effects.contains(.quit) { quits += 1 }
            let screen = Render.screen(state)
            #expect(screen.size == state.size)
            if state.visible.isEmpty {
                #expect(state.cursor == 0 && state.selectedPosition == nil)
            } else {
                #expect(state.visible.indices.contains(state.cursor), "step \(step)")
                #expect(state.listTop <= state.cursor)
            }
            #expect(state.listTop >= 0)
        }
        #expect(quits > 0, "the soak reached quit without crashing")
    }
}
