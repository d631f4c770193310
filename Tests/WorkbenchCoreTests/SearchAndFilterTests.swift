import Testing
import ReviewModel
@testable import WorkbenchCore

@Suite struct SearchAndFilterTests {
    func prompt(_ state: WorkbenchState) -> Prompt? {
        if case .prompt(let prompt) = state.mode { return prompt }
        return nil
    }

    @Test func searchFindsAccentedTextAndHighlightsIt() {
        var state = Screens.state(width: 100, height: 20)
        Screens.press([.char("/")] + Screens.type("TURKIYE") + [.enter], &state)
        #expect(state.selected?.id == "140.4")
        let screen = Render.screen(state)
        let dump = screen.dump().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = dump.firstIndex { $0.contains("Recommended by: Türkiye") }!
        let column = dump[row].distance(from: dump[row].startIndex, to: dump[row].range(of: "Türkiye")!.lowerBound)
        #expect(screen[row, column].style == Highlighter.style)
        #expect(screen[row, column - 2].style != Highlighter.style)
    }

    @Test func nAndNMoveBetweenMatchesAndSayWhenThereAreNone() {
        var state = Screens.state()
        Screens.press([.char("/")] + Screens.type("ratify") + [.enter], &state)
        #expect(state.selected?.id == "140.1")
        Screens.press([.char("n")], &state)
        #expect(state.selected?.id == "140.2", "OPCAT: “Consider ratifying”")
        Screens.press([.char("n")], &state)
        #expect(state.selected?.id == "140.1", "wraps around")
        Screens.press([.char("N")], &state)
        #expect(state.selected?.id == "140.2")
        Screens.press([.char("/")] + Screens.type("zanzibar") + [.enter], &state)
        #expect(state.message?.text == "No match for “zanzibar” in view")
    }

    @Test func theFilterLanguageNarrowsTheViewAndShowsInTheStatusLine() {
        var state = Screens.state()
        Screens.press([.char("a")], &state)
        Screens.press([.char("f")] + Screens.type("state:france -decision:accepted") + [.enter], &state)
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.3"])
        #expect(Render.screen(state).dump().contains("state:france -decision:accepted: 1 shown"))
        Screens.press([.escape], &state)
        #expect(state.filter.isEmpty && state.visible.count == 6)
    }

    @Test func aWrongFilterShowsWhereAndKeepsThePreviousOne() {
        var state = Screens.state()
        Screens.press([.char("f")] + Screens.type("state:France") + [.enter], &state)
        Screens.press([.char("f"), .end] + Screens.type(" and (text:torture") + [.enter], &state)
        let error = prompt(state)?.note ?? ""
        #expect(error.hasPrefix("Error at column 31:"), "\(error)")
        #expect(error.hasSuffix("The previous filter stays."))
        #expect(state.filter.queryText == "state:France")
        #expect(state.visible.count == 2)
    }

    @Test func tabCompletesFilterKeysStatesAndThemes() {
        var state = Screens.state()
        Screens.press([.char("f")] + Screens.type("sta") + [.tab], &state)
        #expect(prompt(state)?.field.string == "state:")
        Screens.press(Screens.type("lao") + [.tab], &state)
        #expect(prompt(state)?.field.string == "state:\"Lao People's Democratic Republic\"")
        Screens.press(Screens.type(" theme:death") + [.tab], &state)
        #expect(prompt(state)?.field.string == "state:\"Lao People's Democratic Republic\" theme:\"Death penalty\"")
    }

    @Test func theCommandLineFilterAndTheStatePickerCombine() {
        var state = Screens.state()
        Screens.press([.char(":")] + Screens.type("filter text:ratif") + [.enter], &state)
        Screens.press([.char("s")] + Screens.type("chile") + [.enter], &state)
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.1"])
        #expect(state.filter.summary == "State: Chile · text:ratif")
    }
}

@Suite struct SavedViewTests {
    @Test func aViewKeepsTheWholeFilterAndIsRecalledFromTheKeyboard() throws {
        var state = Screens.state()
        Screens.press([.char("s")] + Screens.type("France") + [.enter, .char("d")], &state)
        Screens.press([.char("f")] + Screens.type("text:moratorium or text:torture") + [.enter], &state)
        #expect(Screens.press([.char(":")] + Screens.type("view save france-open") + [.enter], &state) == [.saveAll])
        #expect(state.ledger.views["france-open"] == "state:\"France\" decision:undecided (text:moratorium or text:torture)")
        Screens.press([.escape], &state)
        #expect(state.visible.count == 6)
        Screens.press([.char("v")], &state)
        guard case .prompt(let prompt) = state.mode else { Issue.record("no prompt"); return }
        #expect(prompt.field.string == "view france-open")
        Screens.press([.enter], &state)
        #expect(state.visible.map { state.ledger.recommendations[$0].id } == ["140.1", "140.3"])
        // Kept with the ledger: written and read back.
        let reread = try LedgerCoding.decode(try LedgerCoding.encode(state.ledger), path: "x")
        #expect(reread.views == state.ledger.views)
        #expect(Screens.press([.char(":")] + Screens.type("view delete france-open") + [.enter], &state) == [.saveAll])
        #expect(state.ledger.views.isEmpty)
    }
}

/// Where a search lights up a row: plain ASCII rows take a shortcut that must agree with the
/// general path (taken as soon as one character is not plain ASCII).
struct HighlighterTests {
    @Test func plainASCIIRowsLightUpWhereTheGeneralPathWould() {
        var random = SoakTests.SeededGenerator(state: 11)
        let letters = Array("ab AB,.-viet nam VIET NAM")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...60, using: &random)).map { _ in letters.randomElement(using: &random)! })
            let term = ["a", "ab", "viet nam", "b a", "nam"].randomElement(using: &random)!
            let general = Highlighter.columns(of: term, in: text + "é").filter { $0.upperBound <= text.count }
            #expect(Highlighter.columns(of: term, in: text) == general, "\(term) in \(text)")
        }
        #expect(Highlighter.columns(of: "viet nam", in: "Support VIET NAM and Viet Nam") == [8..<16, 21..<29])
        #expect(Highlighter.columns(of: "nam", in: "Viet Nam, Viet Nam", within: 9) == [5..<8])
        #expect(Highlighter.columns(of: "viet nam", in: "Việt Nam’s plan") == [0..<8])
    }
}
