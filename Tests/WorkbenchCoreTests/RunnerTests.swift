import Foundation
import Testing
import ReviewModel
import ReviewExport
@testable import WorkbenchCore

/// The loop with a scripted terminal: effects are performed before the next screen is drawn.
@Suite struct RunnerTests {
    final class ScriptedTerminal: Terminal {
        var events: [TerminalEvent]
        var screens: [ScreenBuffer] = []
        var onDraw: (ScreenBuffer) -> Void = { _ in }
        init(_ events: [TerminalEvent]) { self.events = events }
        var size: Size { Size(width: 100, height: 30) }
        func draw(_ screen: ScreenBuffer) { screens.append(screen); onDraw(screen) }
        func nextEvent() -> TerminalEvent { events.isEmpty ? .signal(15) : events.removeFirst() }
    }

    final class RecordingEffects: WorkbenchEffects {
        var saved: [Ledger] = []
        var failuresLeft = 0
        func save(_ ledger: Ledger) throws {
            if failuresLeft > 0 {
                failuresLeft -= 1
                throw LedgerError.writeFailed(path: "l.json", step: "fsync", reason: "No space left on device")
            }
            saved.append(ledger)
        }
        func saveAll(_ ledger: Ledger) throws { try save(ledger) }
        func export(_ ledger: Ledger, format: ExportFormat, positions: [Int], now: Date) throws -> String { "/tmp/out.\(format.fileExtension)" }
    }

    @Test func noDecisionIsDrawnBeforeItIsSaved() {
        let effects = RecordingEffects()
        let terminal = ScriptedTerminal([.key(.char("a")), .key(.char("r")), .key(.char("q"))])
        terminal.onDraw = { screen in
            // Whatever a screen shows as decided has already been handed to the store.
            let shownDecided = screen.dump().components(separatedBy: "\n").filter { $0.contains(" ✓ ") || $0.contains(" ✗ ") }.count
            let savedDecided = effects.saved.last.map { $0.decisions.count } ?? 0
            #expect(shownDecided <= savedDecided)
        }
        let runner = WorkbenchRunner(state: Screens.state(), terminal: terminal, effects: effects, clock: { Screens.now })
        #expect(runner.run() == .quit)
        #expect(effects.saved.count == 2)
        #expect(effects.saved.last?.status(of: "140.2") == .rejected)
    }

    /// What the first screen did not need is completed after it is drawn and before any key;
    /// where that fails, no key is handled and the loop ends saying so.
    @Test func theFirstScreenIsCompletedBeforeAnyKey() {
        struct Unreadable: Error {}
        for fails in [false, true] {
            let effects = RecordingEffects()
            let terminal = ScriptedTerminal([.key(.char("a")), .key(.char("q"))])
            let runner = WorkbenchRunner(state: Screens.state(), terminal: terminal, effects: effects, clock: { Screens.now })
            var calls = 0
            runner.afterFirstScreen = { state in
                calls += 1
                #expect(terminal.screens.count == 1, "after the first screen")
                #expect(effects.saved.isEmpty, "before any key")
                if fails { throw Unreadable() }
                state.message = .init("completed")
            }
            #expect(runner.run() == (fails ? .failed : .quit))
            #expect(calls == 1)
            #expect(fails ? runner.failure is Unreadable : runner.failure == nil)
            #expect(effects.saved.count == (fails ? 0 : 1))
            if !fails { #expect(terminal.screens[1].dump().contains("completed")) }
        }
    }

    @Test func aFailedSaveIsShownKeptAndRetried() {
        let effects = RecordingEffects()
        effects.failuresLeft = 1
        let terminal = ScriptedTerminal([.key(.char("a")), .key(.char("j")), .key(.char("q"))])
        let runner = WorkbenchRunner(state: Screens.state(), terminal: terminal, effects: effects, clock: { Screens.now })
        #expect(runner.run() == .quit)
        #expect(terminal.screens[1].dump().contains("NOT SAVED"))
        #expect(effects.saved.last?.status(of: "140.1") == .accepted, "retried after the next key")
        #expect(runner.state.unsavedError == nil)
    }

    @Test func workDoneInTheBackgroundIsReducedOnTheNextTurnOfTheLoop() {
        // Idle ticks, 10 ms apart, for up to five seconds; the work takes 50 ms.
        let terminal = ScriptedTerminal(Array(repeating: .idle, count: 500) + [.key(.char("q"))])
        let state = WorkbenchState(ledger: Screens.ledger(), analyst: "lan", size: Size(width: 100, height: 30), clustersPending: true)
        let runner = WorkbenchRunner(state: state, terminal: terminal, effects: RecordingEffects(), clock: { Screens.now })
        runner.inBackground {
            Thread.sleep(forTimeInterval: 0.05)
            return .clustersReady(ClusterMap(clusters: [[0, 1]], count: 6))
        }
        terminal.onDraw = { screen in
            if !screen.dump().contains("finding clusters") { terminal.events = [.key(.char("q"))] }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(runner.run() == .quit)
        #expect(terminal.screens[0].dump().contains("finding clusters"))
        #expect(!terminal.screens.last!.dump().contains("finding clusters"), "arrived on an idle tick")
        #expect(runner.state.clusters.clusters == [[0, 1]])
    }

    @Test func aSignalEndsTheLoop() {
        let runner = WorkbenchRunner(state: Screens.state(), terminal: ScriptedTerminal([.idle, .signal(1)]), effects: RecordingEffects())
        #expect(runner.run() == .signal(1))
    }
}
