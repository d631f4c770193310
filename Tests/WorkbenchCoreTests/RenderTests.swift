import Testing
import ReviewModel
@testable import WorkbenchCore

/// Screen snapshots at fixed sizes, compared as text dumps (as tig and lazygit test their views).
@Suite struct RenderTests {
    @Test func stackedLayoutAt80x24() {
        var state = Screens.state(width: 80, height: 24)
        Screens.press([.char("a"), .char("j"), .char("j")], &state)
        let expected = """
             UPR Workbench │ Việt Nam · A/HRC/00/0 │ test.json                       SAMPLE
             140.1 ✓  Chile, France        Ratify the Optional Protocol to the Convention a…
             140.2 ·  Côte d'Ivoire        Consider ratifying OPCAT
             140.3 ·  France               Establish a moratorium on executions
             140.4 ·  Türkiye              Guarantee freedom of expression online and offli…
             140.5 ·  Lao People's Democr… Continue poverty reduction 中文 in mountainous a…
             140.6 ·  Germany              Strengthen legal aid


            ────────────────────────────────────────────────────────────────────────────────
             140.4  · UNDECIDED

             Guarantee freedom of expression online and offline

             Recommended by: Türkiye
             Themes: Freedom of expression

             Note: none yet (e to write why)

             Test data, not an official text.


             All 6: ✓1 ?0 ✗0 ·5 (accepted, under consideration, rejected, undecided)    4/6
             a accept  c consider  r reject  s State  f filter  / search  ? help  q quit
            """
        #expect(Render.screen(state).dump() == expected)
    }

    @Test func sideBySideLayoutWithFilterAndDecisionDetails() {
        var state = Screens.state(width: 100, height: 14)
        Screens.press([.char("s")] + Screens.type("franc") + [.enter, .char("r"), .char("k"), .char("e")] + Screens.type("Penal Code first") + [.enter], &state)
        let expected = """
             UPR Workbench │ Việt Nam · A/HRC/00/0 │ test.json       ILLUSTRATIVE SAMPLE, NOT THE OFFICIAL TEXT
             140.1 ✗✎ Chile, France Ratify the Optional Protocol t…│ 140.1  ✗ REJECTED
             140.3 ·  France        Establish a moratorium on exec…│
                                                                   │ Ratify the Optional Protocol to the
                                                                   │ Convention against Torture
                                                                   │
                                                                   │ Recommended by: Chile; France
                                                                   │ Themes: International instruments
                                                                   │ Decided by lan, 2026-09-21 14:13 +00
                                                                   │
                                                                   │ Note: Penal Code first
                                                                   │
             All 6: ✓0 ?0 ✗1 ·5 │ State: France: 2 shown ✓0 ?0 ✗1 ·1                                        1/2
             Note on 140.1 saved
            """
        #expect(Render.screen(state).dump() == expected)
    }

    @Test func escapeSequencesFromADocumentNeverReachTheScreen() {
        var state = Screens.state(width: 100, height: 30)
        Screens.press([.char("j"), .char("j"), .char("j")], &state)
        let screen = Render.screen(state)
        #expect(!screen.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        #expect(screen.dump().contains("│ Guarantee freedom of expression\n"))
        #expect(screen.dump().contains("│ online and offline\n"))
        #expect(!screen.dump().contains("pwned"))
    }

    @Test func wideCharactersKeepTheirWidthAndAreNeverSplit() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        let end = buffer.put("ab中文", row: 0, column: 0, limit: 5)
        #expect(end == 5, "the column left shows the cut")
        #expect(buffer.dump() == "ab中…")
        #expect(buffer[0, 3].isContinuation)
        #expect(DisplayText.width(of: "Việt Nam") == 8)
        #expect(DisplayText.width(of: "Côte d'Ivoire") == 13)
        #expect(DisplayText.width(of: "e\u{301}") == 1, "a combining accent takes no column")
        #expect(DisplayText.wrap("Ratify the Convention", to: 10) == ["Ratify the", "Convention"])
    }

    @Test func tooSmallWindowSaysSoInsteadOfDrawingGarbage() {
        let dump = Render.screen(Screens.state(width: 39, height: 9)).dump()
        #expect(dump.hasPrefix("Window too small (39×9)."))
        #expect(dump.contains("upr needs 40×10."))
        #expect(Render.screen(Screens.state(width: 1, height: 1)).dump() == "…", "a cut shows")
        #expect(Render.screen(Screens.state(width: 0, height: 0)).dump() == "")
    }

    @Test func helpIsGeneratedFromTheBindingTable() {
        var state = Screens.state(width: 100, height: 170)
        Screens.press([.char("?")], &state)
        let dump = Render.screen(state).dump()
        #expect(Overlays.helpLines(.standard, width: Overlays.helpTextWidth(state.size)).count < 166, "the whole help fits in this window")
        // Long help texts wrap under themselves: compare with the box's borders and spacing taken out.
        let words = dump.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for binding in KeyBindings.table {
            #expect(words.contains(binding.help), "help lists “\(binding.help)”")
        }
        #expect(Screens.press([.char("q")], &state).isEmpty, "q closes the help, it does not quit")
        #expect(state.mode == .browse)
    }

    @Test func statePickerShowsCountsAndNarrows() {
        var state = Screens.state(width: 80, height: 24)
        Screens.press([.char("s")] + Screens.type("fr"), &state)
        let dump = Render.screen(state).dump()
        #expect(dump.contains("> fr"))
        #expect(dump.contains("1 of 6 States"))
        #expect(dump.range(of: #"France\s+2"#, options: .regularExpression) != nil)
    }

    @Test func noteEditorShowsWhatIsTyped() {
        var state = Screens.state(width: 80, height: 24)
        Screens.press([.char("e")] + Screens.type("Bộ Tư pháp"), &state)
        let dump = Render.screen(state).dump()
        #expect(dump.split(separator: "\n").last == " Note 140.1: Bộ Tư pháp")
    }
}
