import Foundation
import Testing
import ReviewModel
@testable import WorkbenchCore

/// Issue 15, items 4 and 6: half pages, counts, redraw and suspend, help and statistics that
/// page and search; a command-line error never runs into the next command.
@Suite struct KeysTerminalUsersExpectTests {
    static func sample(width: Int = 80, height: Int = 24) -> WorkbenchState {
        var state = WorkbenchState(ledger: try! Sample.ledger(), analyst: "lan", ledgerName: "upr-ledger.json", size: Size(width: width, height: height))
        state.timeZone = TimeZone(identifier: "UTC")!
        return state
    }

    @Test func halfPagesAndCountsBeforeMotions() {
        var state = Self.sample()
        let page = state.layout.listRows
        Screens.press([.ctrl("d")], &state)
        #expect(state.cursor == page / 2)
        Screens.press([.ctrl("u")], &state)
        #expect(state.cursor == 0)
        Screens.press(Screens.type("5j"), &state)
        #expect(state.cursor == 5)
        Screens.press(Screens.type("40G"), &state)
        #expect(state.selected?.id == "140.40")
        Screens.press(Screens.type("12k"), &state)
        #expect(state.selected?.id == "140.28")
        Screens.press(Screens.type("3"), &state)
        #expect(Render.screen(state).dump().contains("count 3"), "a pending count shows")
        Screens.press([.escape, .char("j")], &state)
        #expect(state.selected?.id == "140.29", "Esc cancels the count, not the filters")
        Screens.press(Screens.type("2]"), &state)
        #expect(state.selected?.id == "140.31")
        Screens.press(Screens.type("10a"), &state)
        #expect(state.ledger.counts.accepted == 1, "a count does not repeat a decision")
    }

    @Test func redrawAndSuspendAreEffectsTheRunnerPerforms() {
        var state = Self.sample()
        #expect(Screens.press([.ctrl("l")], &state) == [.redraw])
        #expect(Screens.press([.ctrl("z")], &state) == [.suspend])
        #expect(Screens.press([.char("?"), .ctrl("l")], &state) == [.redraw])
    }

    /// `n` reaches every match in turn and wraps, those on the last page too (where the scroll stops).
    @Test func helpSearchReachesEveryMatchAndWraps() throws {
        var state = Self.sample()
        Screens.press([.char("?"), .char("/")] + Screens.type("the") + [.enter], &state)
        let first = try #require(state.message?.text)
        let total = try #require(Int(first.components(separatedBy: " of ").last ?? ""))
        #expect(total > 3)
        var ordinals: [Int] = []
        for _ in 0..<total {
            Screens.press([.char("n")], &state)
            let text = state.message?.text ?? ""
            ordinals.append(Int(text.components(separatedBy: "match ").last?.components(separatedBy: " of ").first ?? "") ?? -1)
        }
        #expect(ordinals == Array(2...total) + [1])
    }

    @Test func helpPagesAndSearchesWithMatchNOfM() {
        var state = Self.sample()
        Screens.press([.char("?"), .pageDown], &state)
        #expect(state.mode == .help(scroll: 20), "a page is the box's rows")
        Screens.press([.pageUp, .char("/")] + Screens.type("suspend") + [.enter], &state)
        let dump = Render.screen(state).dump()
        #expect(dump.contains("Ctrl-Z"), "\(dump)")
        #expect(state.message?.text == "“suspend”: match 1 of 1")
        Screens.press([.char("g"), .char("/")] + Screens.type("undo") + [.enter], &state)
        let first = state.mode
        #expect(state.message?.text.hasPrefix("“undo”: match 1 of ") == true, "\(state.message?.text ?? "")")
        Screens.press([.char("n")], &state)
        #expect(state.mode != first)
        #expect(state.message?.text.hasPrefix("“undo”: match 2 of ") == true, "\(state.message?.text ?? "")")
        Screens.press([.char("G")], &state)
        let bottom = state.mode
        Screens.press([.pageDown], &state)
        #expect(state.mode == bottom, "PgDn stops at the end")
        Screens.press([.char("q")], &state)
        #expect(state.mode == .browse && state.helpSearch == nil)
    }

    @Test func statisticsPage() {
        var state = Self.sample()
        Screens.press([.char("S"), .pageDown], &state)
        #expect(state.mode == .statistics(scroll: 20))
        Screens.press([.ctrl("u")], &state)
        #expect(state.mode == .statistics(scroll: 10))
        Screens.press([.char("g")], &state)
        #expect(state.mode == .statistics(scroll: 0))
    }

    @Test func everyNewKeyIsInTheTableAndTheHelp() {
        let help = Overlays.helpLines(.standard).map(\.0).joined(separator: "\n")
        for (key, mode) in [(Key.ctrl("l"), ModeKind.browse), (.ctrl("d"), .browse), (.ctrl("u"), .browse), (.ctrl("z"), .browse),
                            (.char("5"), .browse), (.char("w"), .browse), (.pageDown, .help), (.char("/"), .help), (.char("n"), .help)] {
            #expect(KeyMap.standard.command(for: key, in: mode) != nil, "\(key.name) in \(mode)")
        }
        for text in ["Ctrl-L", "Ctrl-D", "Ctrl-U", "Ctrl-Z", "1-9 0", "search the help"] { #expect(help.contains(text), "\(text)") }
    }

    @Test func aCommandLineErrorNeverRunsIntoTheNextCommand() {
        var state = Screens.state()
        Screens.press([.char(":")] + Screens.type("frobnicate") + [.enter], &state)
        guard case .prompt(let prompt) = state.mode else { Issue.record("the prompt stays open"); return }
        #expect(prompt.field.string == "frobnicate" && prompt.selected && prompt.noteIsError)
        Screens.press(Screens.type(":help"), &state)
        guard case .prompt(let typed) = state.mode else { Issue.record("still the prompt"); return }
        #expect(typed.field.string == "help")
        Screens.press([.enter], &state)
        #expect(state.mode == .help(scroll: 0))
        // A cursor key keeps the text for fixing.
        Screens.press([.escape, .char(":")] + Screens.type("gotoo 140.3") + [.enter, .end, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace] + Screens.type(" 140.3") + [.enter], &state)
        #expect(state.selected?.id == "140.3")
        // The filter prompt likewise.
        Screens.press([.char("f")] + Screens.type("state:Atlantis") + [.enter] + Screens.type("has:note") + [.enter], &state)
        #expect(state.filter.queryText == "has:note")
    }
}
