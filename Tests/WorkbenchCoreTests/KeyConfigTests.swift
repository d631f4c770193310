import Testing
import ReviewModel
@testable import WorkbenchCore

@Suite struct KeyConfigTests {
    @Test func aBoundKeyDispatchesAndShowsInHelpAndFooter() throws {
        var state = Screens.state(width: 100, height: 70)
        state.keys = try KeyConfig.apply("# my keys\nbind list A accept\nunbind list a\nbind list ctrl-n next-undecided\n", file: "keys")
        #expect(Render.screen(state).dump().contains("A accept"), "the footer shows the key in force")
        Screens.press([.char("a")], &state)
        #expect(state.ledger.status(of: "140.1") == nil, "a is unbound")
        Screens.press([.char("A")], &state)
        #expect(state.ledger.status(of: "140.1") == .accepted)
        Screens.press([.char("?")], &state)
        let help = Render.screen(state).dump()
        #expect(help.contains("A                     accept (will support), then next"))
        #expect(help.contains("Ctrl-N ]"))
    }

    @Test func aBadLineIsReportedWithItsNumber() {
        for (text, message) in [
            ("bind list A acept", "keys:1: unknown command “acept”"),
            ("\n\nbind lst A accept", "keys:3: unknown mode “lst”"),
            ("bind list ctrl- accept", "keys:1: unknown key “ctrl-”"),
            ("bind list A", "keys:1: expected: bind MODE KEY COMMAND"),
            ("map list A accept", "keys:1: expected bind or unbind"),
        ] {
            #expect(throws: KeyConfig.Problem.self) { try KeyConfig.apply(text, file: "keys") }
            do {
                _ = try KeyConfig.apply(text, file: "keys")
            } catch {
                #expect("\(error)".hasPrefix(message), "\(error)")
                #expect("\(error)".contains("; using the default keys"))
            }
        }
    }

    @Test func everyDefaultCommandHasADistinctNameInItsMode() {
        for mode in ModeKind.allCases {
            let names = KeyMap.standard.bindings(in: mode).map { KeyBindings.name(of: $0.command, in: mode) }
            #expect(Set(names).count == names.count, "\(mode): \(names)")
        }
    }
}
