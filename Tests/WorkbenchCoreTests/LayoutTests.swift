import Foundation
import Testing
import ReviewModel
@testable import WorkbenchCore

/// Issue 15, item 3: a list that can be read at 80, 100 and 200 columns.
@Suite struct LayoutTests {
    static func sample(width: Int, height: Int) -> WorkbenchState { KeysTerminalUsersExpectTests.sample(width: width, height: height) }

    static func rows(_ state: WorkbenchState) -> [Substring] { Render.screen(state).dump().split(separator: "\n", omittingEmptySubsequences: false) }

    @Test func at80x24EveryCutShowsAndTheStatesTakeOnlyWhatTheyNeed() {
        var state = Self.sample(width: 80, height: 24)
        Screens.press([.char("f")] + Screens.type("state:\"United States of America\" or state:Bolivia") + [.enter], &state)
        let rows = Self.rows(state)
        #expect(rows[1].contains(" Bolivia (Plurinatio… Consider"), "\(rows.joined(separator: "\n"))")
        #expect(rows[2].contains(" United States of Am… Accept"))
        #expect(rows[22] == " All 320: ✓0 ?0 ✗0 ·320 │ state:\"United States of Ame…: 9 shown ✓0 ?0 ✗0 ·9 1/9", "the filter is cut, its count kept: \(rows[22])")
        for row in rows[1...8] where !row.isEmpty {
            #expect(row.hasSuffix("…") || DisplayText.width(of: row) < 80, "a row cut at the edge ends in …: \(row)")
        }
    }

    @Test func theTextColumnTakesWhatTheStatesLeave() {
        var state = Self.sample(width: 100, height: 30)
        Screens.press([.char("f")] + Screens.type("id:140.4") + [.enter], &state)
        let row = Self.rows(state)[1]
        // " 140.4   ·  Latvia Ratify …": the States column is as wide as "Latvia".
        #expect(row.contains("Latvia Ratify the Rome Statute"), "\(row)")
    }

    @Test func wHidesTheDetailPaneAndBringsItBack() {
        var state = Self.sample(width: 100, height: 30)
        let narrow = Self.rows(state)[1]
        Screens.press([.char("w")], &state)
        let wide = Self.rows(state)[1]
        #expect(!wide.contains("│"), "no detail pane: \(wide)")
        #expect(wide.count > narrow.count)
        #expect(Self.rows(state)[26].hasPrefix(" 140.26"), "the list takes every row of the body")
        #expect(Render.screen(state).dump().contains("detail hidden (w shows it)"))
        Screens.press([.char("w")], &state)
        #expect(Self.rows(state)[1] == narrow)
    }

    @Test func sameAskEntriesWrapByWords() throws {
        var state = Screens.state(width: 80, height: 40)
        state.search.index.clusters = ClusterMap(clusters: [[0, 1]], count: 6)
        let dump = Render.screen(state).dump()
        #expect(dump.contains("140.2 undecided — Côte d'Ivoire: Consider ratifying OPCAT"), "\(dump)")
        Screens.press([.char("j")], &state)
        let other = Render.screen(state).dump()
        let words = other.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Same ask (1 other): 140.1 undecided — Chile, France: Ratify the Optional Protocol to the Convention against Torture"), "a whole entry wraps, not cut: \(other)")
        #expect(DisplayText.excerpt("Ratify the Optional Protocol to the Convention against Torture", words: 50) == "Ratify the Optional Protocol to the Convention…")
    }

    @Test func aLongMessageWrapsIntoTheRowsAbove() {
        var state = Screens.state(width: 80, height: 24)
        state.message = .init("Export failed: the folder /home/analyst/reviews/viet-nam-4th-cycle is read-only; choose another with :export and a path")
        let rows = Self.rows(state)
        #expect(rows[21].hasPrefix(" All 6: ✓0 ?0 ✗0 ·6"), "the status line moves up, not covered: \(rows[21])")
        #expect(rows[22] == " Export failed: the folder /home/analyst/reviews/viet-nam-4th-cycle is")
        #expect(rows[23] == " read-only; choose another with :export and a path")
    }

    @Test func theStatusLineShortensByWeight() {
        var state = Self.sample(width: 80, height: 24)
        Screens.press([.char("d"), .char("*"), .char("o"), .char("o")], &state)
        let status = Self.rows(state)[22]
        #expect(status.contains("All 320: ✓0 ?0 ✗0 ·320 │ undecided: 320 shown ✓0 ?0 ✗0 ·320 │ 320 marked"), "\(status)")
        #expect(!status.contains("by decision"), "the order goes first")
        #expect(status.hasSuffix("1/320"))
        let wide = Self.sample(width: 200, height: 50)
        var wider = wide
        Screens.press([.char("d"), .char("*"), .char("o"), .char("o")], &wider)
        #expect(Self.rows(wider)[48].contains("│ by decision"))
    }

    @Test func snapshotAt80x24() {
        var state = Self.sample(width: 80, height: 24)
        Screens.press([.char("j"), .char("a"), .char("e")] + Screens.type("Bộ Tư pháp đề nghị xem xét") + [.enter], &state)
        let expected = """
             UPR Workbench │ Viet Nam · A/HRC/57/6 (illustrative sample) │ upr-ledger.json
             140.1   ·  Chile, Paraguay   Ratify the Optional Protocol to the Convention ag…
             140.2   ✓  Portugal          Consider ratifying the Second Optional Protocol t…
             140.3   ·✎ Argentina, France Ratify the International Convention for the Prote…
             140.4   ·  Latvia            Ratify the Rome Statute of the International Crim…
             140.5   ·  Denmark           Accede to the Optional Protocol to the Convention…
             140.6   ·  Philippines       Ratify the International Convention on the Protec…
             140.7   ·  Belgium           Consider ratifying the International Labour Organ…
             140.8   ·  Sweden            Ratify ILO Convention No. 87 and revise the Labou…
            ────────────────────────────────────────────────────────────────────────────────
             140.3  · UNDECIDED

             Ratify the International Convention for the Protection of All Persons from
             Enforced Disappearance and recognize the competence of the Committee on
             Enforced Disappearances

             Recommended by: Argentina; France
             Themes: International instruments
             Note by lan, 2026-09-21 14:13 +00

             Note: Bộ Tư pháp đề nghị xem xét

             All 320: ✓1 ?0 ✗0 ·319                                                   3/320
             Note on 140.3 saved
            """
        #expect(Render.screen(state).dump() == expected)
    }

    @Test func snapshotAt100x30() {
        var state = Self.sample(width: 100, height: 30)
        Screens.press([.char("/")] + Screens.type("Torture") + [.enter, .char("n")], &state)
        let dump = Render.screen(state).dump()
        let rows = dump.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == 30)
        #expect(rows[28].contains("“Torture” match 2 of"), "\(rows[28])")
        #expect(rows[1].contains("…│"), "the list's rows end in … at the pane's edge: \(rows[1])")
        #expect(rows.dropFirst().prefix(27).allSatisfy { $0.isEmpty || $0.contains("│") })
    }

    @Test func snapshotAt200x50() {
        var state = Self.sample(width: 200, height: 50)
        Screens.press([.char("S"), .char("/")] + Screens.type("By theme") + [.enter], &state)
        let rows = Self.rows(state)
        #expect(rows.count == 50)
        #expect(rows.contains { $0.contains("International instruments") }, "\(rows.joined(separator: "\n"))")
        let themes = Set(state.ledger.recommendations.flatMap(\.themes))
        let shown = rows.drop { !$0.contains("By theme") }.dropFirst().prefix { $0.contains("·") || $0.contains("✓") }
        #expect(!shown.isEmpty)
        for row in shown {
            let inside = row.split(separator: "│", omittingEmptySubsequences: false).dropFirst().first ?? ""
            let name = inside.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first ?? ""
            #expect(themes.contains(name) || name == "(no theme)", "a theme's whole name: \(name)")
        }
        Screens.press([.char("q")], &state)
        let list = Self.rows(state)
        #expect(list[1].contains("Ratify the Optional Protocol to the Convention against Torture and es…│"), "\(list[1])")
    }
}
