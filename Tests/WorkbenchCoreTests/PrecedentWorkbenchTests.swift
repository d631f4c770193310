import Foundation
import ReviewModel
import ReviewRecord
import Testing
@testable import WorkbenchCore

/// The test review beside a small record: OPCAT asked of Viet Nam in 2009 (noted) and of three
/// others (two supported); the death penalty asked of two (both noted). Viet Nam's asks are worded
/// otherwise than the test review's, which the record would otherwise take for that very review.
struct PrecedentWorkbenchTests {
    static func record() -> UPRRecord {
        var builder = RecordBuilder()
        let asks: [(String, Int, String, String, UPRRecord.Response)] = [
            ("Viet Nam", 5, "Ratify OPCAT and set up a national preventive mechanism", "Torture and other CID treatment", .noted),
            ("Chile", 5, "Ratify the Optional Protocol to the Convention against Torture", "Torture and other CID treatment", .supported),
            ("Ghana", 2, "Ratify the Optional Protocol to the Convention against Torture promptly", "International instruments", .supported),
            ("Mali", 2, "Consider ratifying the Optional Protocol to the Convention against Torture", "Torture and other CID treatment", .noted),
            ("Viet Nam", 5, "Impose a moratorium on the death penalty", "Death penalty", .noted),
            ("Japan", 3, "Establish a moratorium on executions with a view to abolition", "Death penalty", .noted),
            ("Fiji", 7, "Provide free legal aid to the poor", "Justice", .supported),
            ("Chile", 5, "Strengthen legal aid services", "Justice", .supported),
        ]
        for (state, session, text, issue, response) in asks {
            builder.add(.init(stateUnderReview: state, session: session, text: text, recommendingStates: ["France"], issues: [issue], response: response))
        }
        return builder.build()
    }

    /// The test review with the record attached and its findings arrived.
    static func state(themes: Bool = true) -> WorkbenchState {
        var ledger = Screens.ledger()
        if !themes {
            ledger = try! Ledger(document: ledger.document, recommendations: ledger.recommendations.map {
                Recommendation(id: $0.id, text: $0.text, states: $0.states)
            })
        }
        var state = WorkbenchState(ledger: ledger, analyst: "lan", ledgerName: "test.json", size: Size(width: 120, height: 40))
        if let work = state.attach(record: record()) { _ = Workbench.reduce(&state, work(), now: Screens.now) }
        return state
    }

    @Test func theDetailPaneShowsHowTheSameAskWasAnsweredOwnAnswersFirst() throws {
        let state = Self.state()
        #expect(PrecedentSection.lines(state).map(\.text).first == "Precedent: Asked of 4 States, 2008-2009: 50% supported")
        let dump = Render.screen(state).dump()
        let own = try #require(dump.range(of: "› Viet Nam 2009 noted"))
        let other = try #require(dump.range(of: "› Chile 2009 supported"))
        #expect(own.lowerBound < other.lowerBound, "this State's own earlier answer first")
        #expect(!dump.contains("no UPR record yet"))
    }

    @Test func theRecordIsReadAfterTheFirstScreenAndAFailureIsSaid() {
        var state = Screens.state(width: 120, height: 40)
        state.expectRecord()
        #expect(PrecedentSection.lines(state).map(\.text) == ["Precedent: reading the UPR record…"])
        #expect(!Render.screen(state).dump().contains("no UPR record yet"))
        let work = state.recordWork { Self.record() }
        _ = Workbench.reduce(&state, work(), now: Screens.now)
        #expect(PrecedentSection.lines(state).map(\.text).first == "Precedent: Asked of 4 States, 2008-2009: 50% supported")
        #expect(state.search.index.precedent.share(at: 2) == 0, "every precedent found with it")

        struct Damaged: Error, CustomStringConvertible { var description: String { "the UPR record r.uprrec is damaged" } }
        var failing = Screens.state(width: 120, height: 40)
        failing.expectRecord()
        _ = Workbench.reduce(&failing, failing.recordWork { throw Damaged() }(), now: Screens.now)
        #expect(failing.message == .init("the UPR record r.uprrec is damaged", isError: true))
        #expect(Render.screen(failing).dump().contains("Precedent: no UPR record yet"), "and the workbench works as without one")
    }

    @Test func precedentFiltersUseTheSupportShare() {
        var state = Self.state()
        Screens.press([.char("f")] + Screens.type("has:precedent") + [.enter], &state)
        #expect(state.visible == [0, 1, 2, 5])
        Screens.press([.escape, .char("f")] + Screens.type("precedent:>40") + [.enter], &state)
        #expect(state.visible == [0, 1, 5], "OPCAT 50%, legal aid 100%; the moratorium 0%")
        Screens.press([.escape, .char("f")] + Screens.type("precedent:<10") + [.enter], &state)
        #expect(state.visible == [2])
    }

    @Test func themesAreSuggestedOnlyWhereTheDocumentGivesNone() {
        #expect(Self.state().record?.suggestions.isEmpty == true)
        var state = Self.state(themes: false)
        #expect(state.record?.suggestions[2] == ["Death penalty"])
        Screens.press([.char("j")], &state)
        #expect(PrecedentSection.lines(state).map(\.text).first == "Suggested themes (from the record, not the document): Torture and other CID treatment; International instruments (T accepts)")
    }

    @Test func suggestedThemesAcceptedWithAKeyOrTheCommandLineBecomeThemes() {
        var state = Self.state(themes: false)
        let suggested = state.record!.suggestions
        #expect(suggested.keys.sorted() == [0, 1, 2, 5], "OPCAT twice, the moratorium, legal aid; nothing near the rest")
        Screens.press([.char("j"), .char("j")], &state)
        #expect(Screens.press([.char("T")], &state) == [.saveAll], "saved whole, before the screen says so")
        #expect(state.ledger.recommendations[2].themes == ["Death penalty"])
        #expect(state.record?.suggestions[2] == nil, "no longer a suggestion")
        #expect(state.message?.text == "Themes of 140.3 accepted: Death penalty")
        Screens.press([.char("f")] + Screens.type("theme:death") + [.enter], &state)
        #expect(state.visible == [2])
        Screens.press([.escape, .char(":")] + Screens.type("themes accept all") + [.enter], &state)
        #expect(state.record?.suggestions.isEmpty == true)
        #expect(state.ledger.recommendations[0].themes == suggested[0])
        #expect(state.ledger.recommendations[1].themes == suggested[1])
        #expect(state.ledger.recommendations[3].themes.isEmpty, "nothing near, nothing suggested")
        // Without a record there is nothing to accept, and nothing changes.
        var plain = Screens.state()
        #expect(Screens.press([.char("T")], &plain).isEmpty)
        #expect(plain.message?.isError == true)
    }

    @Test func theRecordOpensReadOnlyWithItsOwnFilters() throws {
        var state = try WorkbenchState.recordView(Self.record(), analyst: "lan", size: Size(width: 120, height: 40))
        #expect(state.visible.count == 8)
        Screens.press([.char("f")] + Screens.type("to:\"Viet Nam\" response:noted") + [.enter], &state)
        #expect(state.visible == [0, 4])
        Screens.press([.escape, .char("f")] + Screens.type("session:2 issue:torture") + [.enter], &state)
        #expect(state.visible == [3])
        // Its precedent leaves its own review out: Mali's OPCAT answer beside Viet Nam's, Chile's, Ghana's.
        #expect(PrecedentSection.lines(state).map(\.text).first == "Precedent: Asked of 3 States, 2008-2009: 67% supported")
        let effects = Screens.press([.char("a")], &state)
        #expect(effects.isEmpty)
        #expect(state.message?.text.contains("UPR record is for reading") == true)
        #expect(state.ledger.status(of: state.selected!.id) == .rejected, "the response, unchanged")
    }

    /// Random keys (T and the filter prompt among them) over a review with the record and over the
    /// record's own view: no crash, the selection in the list, nothing decided in the record.
    @Test func randomKeysWithTheRecordNeverBreakTheState() throws {
        var random = SoakTests.SeededGenerator(state: 17)
        let keys: [Key] = KeyBindings.table.flatMap(\.keys) + Screens.type("to:\"Viet Nam\" precedent:>5 ") + [.enter, .escape]
        for var state in [Self.state(themes: false), try WorkbenchState.recordView(Self.record(), analyst: "soak", size: Size(width: 100, height: 30))] {
            let decided = state.ledger.decisions
            let isRecordView = state.isRecordView
            for step in 0..<2_000 {
                _ = Workbench.reduce(&state, step % 97 == 0 ? .resize(Size(width: 40 + step % 90, height: 10 + step % 40)) : .key(keys.randomElement(using: &random)!), now: Screens.now)
                _ = Render.screen(state)
                if !state.visible.isEmpty { #expect(state.visible.indices.contains(state.cursor), "step \(step)") }
            }
            if isRecordView { #expect(state.ledger.decisions == decided, "the record is never decided") }
        }
    }
}
