import Foundation
import ReviewModel
import ReviewExport

public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    /// SIGTERM, SIGHUP, SIGINT: leave cleanly, everything is already saved.
    case signal(Int32)
    /// Nothing happened for a while: a chance to retry a failed save.
    case idle
    case mouse(MouseEvent)
}

/// What the runner draws on and reads from. The ncurses backend is one; tests use a fake.
public protocol Terminal: AnyObject {
    var size: Size { get }
    func draw(_ screen: ScreenBuffer)
    func nextEvent() -> TerminalEvent
    /// The next `draw` repaints every cell, not only the differences (Ctrl-L).
    func redraw()
    /// Gives the terminal back to the shell and stops the process (Ctrl-Z) until it is
    /// continued (`fg`); returns then, with the terminal in the workbench's mode again.
    func suspend()
}

extension Terminal {
    public func redraw() {}
    public func suspend() {}
}

/// Where effects land: the ledger on disk and the export files.
public protocol WorkbenchEffects: AnyObject {
    func save(_ ledger: Ledger) throws
    func saveAll(_ ledger: Ledger) throws
    /// Writes a decision list; returns the path written.
    func export(_ ledger: Ledger, format: ExportFormat, positions: [Int], now: Date) throws -> String
    /// Between keys: starts folding the journal in the background where it has grown, never
    /// waiting for a fold; returns what the user must be told of one that failed.
    func foldIfDue() -> String?
}

extension WorkbenchEffects {
    public func foldIfDue() -> String? { nil }
}

/// The loop: draw, wait for an event, reduce, perform the effects (saving before the next draw),
/// until the user quits or a signal arrives.
public final class WorkbenchRunner {
    public private(set) var state: WorkbenchState
    private let terminal: Terminal
    private let effects: WorkbenchEffects
    private let clock: () -> Date
    private var lastRetry = Date.distantPast
    /// Set until a whole-ledger save went through.
    private var needsFullSave = false

    /// Called with the state before the process stops for Ctrl-Z (the resume point is kept then:
    /// a suspended session may never be continued).
    public var beforeSuspend: ((WorkbenchState) -> Void)?

    /// Called once the first screen is drawn, before any key is read: what the first screen did
    /// not need (a large ledger's history) is completed here. Its error ends the loop
    /// (`Ending.failed`, the error in `failure`), no key handled.
    public var afterFirstScreen: ((inout WorkbenchState) throws -> Void)?
    public private(set) var failure: (any Error)?

    public init(state: WorkbenchState, terminal: Terminal, effects: WorkbenchEffects, clock: @escaping () -> Date = Date.init) {
        self.state = state
        self.terminal = terminal
        self.effects = effects
        self.clock = clock
    }

    public enum Ending: Equatable { case quit, signal(Int32), failed }

    private let finished = Mailbox()

    /// Runs `work` on a thread of its own; its action is reduced on the loop's next turn (a key,
    /// or the terminal's idle tick, five times a second), never while a key is being handled.
    public func inBackground(_ work: @escaping @Sendable () -> Action) {
        let mailbox = finished
        Thread.detachNewThread { mailbox.post(work()) }
    }

    /// Actions finished in the background, waiting for the loop.
    private final class Mailbox: @unchecked Sendable {
        private let lock = NSLock()
        private var actions: [Action] = []
        func post(_ action: Action) { lock.withLock { actions.append(action) } }
        func take() -> [Action] { lock.withLock { defer { actions = [] }; return actions } }
    }

    public func run() -> Ending {
        _ = dispatch(.resize(terminal.size))
        if let afterFirstScreen {
            // Drawn again by the loop with what the hook completed.
            terminal.draw(Render.screen(state))
            do {
                try afterFirstScreen(&state)
            } catch {
                failure = error
                return .failed
            }
        }
        while true {
            terminal.draw(Render.screen(state))
            let event = terminal.nextEvent()
            // Unsaved changes are retried before anything else happens.
            let recovered = retrySaveIfNeeded(force: event != .idle)
            var quit = false
            switch event {
            case .key(let key): quit = dispatch(.key(key))
            case .resize(let size): quit = dispatch(.resize(size))
            case .mouse(let event): quit = dispatch(.mouse(event))
            case .signal(let number): return .signal(number)
            case .idle: break
            }
            for action in finished.take() { quit = dispatch(action) || quit }
            if let problem = effects.foldIfDue() { state.message = .init(problem) }
            if recovered && (state.message == nil || event == .idle) {
                state.message = .init("Saved: the changes kept in memory are now on disk")
            }
            if quit { return .quit }
        }
    }

    /// Returns true when the reducer asked to quit.
    func dispatch(_ action: Action) -> Bool {
        let requested = Workbench.reduce(&state, action, now: clock())
        var quit = false
        for effect in requested {
            switch effect {
            case .save:
                quit = dispatch(save()) || quit
            case .saveAll:
                needsFullSave = true
                quit = dispatch(save()) || quit
            case .export(let format, let positions):
                do {
                    let path = try effects.export(state.ledger, format: format, positions: positions, now: clock())
                    quit = dispatch(.exported(path: path, count: positions.count)) || quit
                } catch {
                    quit = dispatch(.exportFailed("\(error)")) || quit
                }
            case .quit:
                quit = true
            case .redraw:
                terminal.redraw()
            case .suspend:
                beforeSuspend?(state)
                terminal.suspend()
                // The window may have changed size while the shell had it.
                quit = dispatch(.resize(terminal.size)) || quit
                terminal.redraw()
            case .replay(let keys):
                // Each key with its effects, as when typed: a save before the next key.
                for key in keys where !quit { quit = dispatch(.key(key)) }
            }
        }
        return quit
    }

    private func save() -> Action {
        do {
            if needsFullSave {
                try effects.saveAll(state.ledger)
                needsFullSave = false
            } else {
                try effects.save(state.ledger)
            }
            return .saved
        } catch {
            return .saveFailed("\(error)")
        }
    }

    /// Unsaved changes are retried before every key, and every few seconds when idle. Returns
    /// true when this retry saved them.
    private func retrySaveIfNeeded(force: Bool) -> Bool {
        guard state.unsavedError != nil else { return false }
        let now = clock()
        guard force || now.timeIntervalSince(lastRetry) >= 3 else { return false }
        lastRetry = now
        _ = dispatch(save())
        return state.unsavedError == nil
    }
}

/// The real effects: the locked ledger store, and export files written beside the ledger.
public final class LedgerEffects: WorkbenchEffects {
    private let store: LedgerStore

    public init(store: LedgerStore) { self.store = store }

    /// Appends the new changes to the journal and fsyncs: constant time whatever the ledger's size.
    public func save(_ ledger: Ledger) throws { try store.record(ledger) }

    public func saveAll(_ ledger: Ledger) throws { try store.save(ledger) }

    /// The fold's write happens on a thread of its own (`LedgerStore.beginFold`); `slowDisk` is
    /// for tests.
    public var slowDisk: (@Sendable () -> Void)?

    public func foldIfDue() -> String? {
        store.adoptSeparateCopy()
        if let problem = store.collectFinishedFold() { return problem }
        guard store.foldIsDue else { return nil }
        do { try store.beginFold(slowDisk: slowDisk) } catch {
            return "The journal could not be set aside for a fold (\(error)); every change is saved in it all the same"
        }
        return nil
    }

    public func export(_ ledger: Ledger, format: ExportFormat, positions: [Int], now: Date) throws -> String {
        // The workbench's addendum is a working draft: it says what is open rather than refusing.
        let bytes = try DecisionExport.data(ledger, format: format, positions: positions, draft: true)
        let folder = store.url.deletingLastPathComponent()
        let stamp = Timestamp.iso(now).filter { $0.isNumber }
        var url = folder.appendingPathComponent("upr-export-\(format.rawValue)-\(stamp).\(format.fileExtension)")
        var attempt = 2
        while FileManager.default.fileExists(atPath: url.path) {
            url = folder.appendingPathComponent("upr-export-\(format.rawValue)-\(stamp)-\(attempt).\(format.fileExtension)")
            attempt += 1
        }
        try DurableFile.write(bytes, to: url, mode: LedgerFiles.mode(of: store.url))  // notes in it: as private as the ledger
        return url.path
    }
}
