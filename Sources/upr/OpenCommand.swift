import ArgumentParser
import Foundation
import BundledResources
import NcursesBackend
import ReviewModel
import WorkbenchCore

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the workbench (the default). A missing ledger is started from the embedded illustrative sample."
    )

    @OptionGroup var options: LedgerOptions
    @OptionGroup var record: RecordOptions

    @Flag(name: .long, help: "Use the mouse: click a row to select it, the wheel to scroll (the terminal's own selection then needs Shift).")
    var mouse = false

    @Flag(name: .long, help: "Start clean: no filter, search or marks, at the first recommendation (instead of where you left off).")
    var fresh = false

    func run() throws {
        do {
            try NcursesTerminal.preflight()
        } catch {
            throw fail("\(error)", code: 2)
        }
        // Before the ledger is read: the clusters file names the file it was found true of.
        let stamp = ClusterCache.FileStamp(of: options.url)
        let store: LedgerStore, created: Bool
        do {
            // A large ledger's history is read while the first screen is drawn (it needs none).
            (store, created) = try LedgerStore.open(options.url, analyst: options.analystName, seed: Sample.ledger, readOnlyIfLocked: true, deferHistory: true)
        } catch {
            throw failOpening(error, options.url)
        }
        defer { store.close() }

        // Where this analyst left off (beside the ledger, not in it), unless --fresh. A filter or
        // a search to resume needs the search index (and the clusters) on the first screen; else,
        // for a large ledger, they come after it.
        let resumeURL = ResumeFile.url(forLedger: options.url, analyst: options.analystName)
        let resumed = Result { !fresh && !created ? try ResumeFile.load(resumeURL) : nil }
        let resumeNeedsIndex = (try? resumed.get())??.needsSearchIndex ?? false
        let indexLater = store.saved.recommendations.count > WorkbenchState.searchIndexLaterAbove && !resumeNeedsIndex
        // Read from LEDGER.clusters, or computed once and kept there. For a large ledger both
        // after the first screen (the file alone: 15 ms at 420,000; computing: seconds).
        let large = store.saved.recommendations.count > ClusterCache.synchronousLimit
        let stored = large && !resumeNeedsIndex ? nil : ClusterCache.stored(for: options.url, ledger: store.saved, stamp: stamp)
        let clustersLater = stored == nil && large
        let clusters = stored ?? (clustersLater ? nil : ClusterCache.computeAndStore(for: options.url, ledger: store.saved, stamp: stamp))
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(mouse: mouse || ProcessInfo.processInfo.environment["UPR_MOUSE"] == "1")
        } catch {
            throw fail("\(error)", code: 2)
        }
        var findings: (@Sendable () -> Action)?
        let environment = ProcessInfo.processInfo.environment
        let traced = KeyTimeTrace(FirstScreenTrace(terminal, path: environment["UPR_TRACE_FIRST_SCREEN"]), path: environment["UPR_TRACE_KEYS"])
        let runner = WorkbenchRunner(
            state: initialState(store, size: terminal.size, clusters: clusters, clustersLater: clustersLater, indexLater: indexLater, created: created, resumed: resumed, findings: &findings),
            terminal: traced, effects: LedgerEffects(store: store))
        if let findings { runner.inBackground(findings) }
        // The index first (keys may wait for it), then the clusters (seconds; nothing waits).
        let indexed = DispatchSemaphore(value: 0)
        if indexLater {
            let work = runner.state.searchIndexWork()
            // For the end-to-end tests: an index that takes this long, so that keys surely wait.
            let delay = ProcessInfo.processInfo.environment["UPR_TEST_SEARCH_INDEX_DELAY_MS"].flatMap(Double.init) ?? 0
            runner.inBackground {
                defer { indexed.signal() }
                if delay > 0 { Thread.sleep(forTimeInterval: delay / 1000) }
                return work()
            }
        } else {
            indexed.signal()
        }
        if clustersLater {
            // The recommendations alone: a thread holding the whole ledger for seconds would make
            // the next key's change copy every decision and change.
            let (url, recommendations) = (options.url, store.saved.recommendations)
            runner.inBackground {
                if let stored = ClusterCache.stored(for: url, recommendations: recommendations, stamp: stamp) { return .clustersReady(stored) }
                indexed.wait()
                return .clustersReady(ClusterCache.computeAndStore(for: url, recommendations: recommendations, stamp: stamp))
            }
        }
        let keepResumePoint = { (state: WorkbenchState) in
            do {
                try ResumeFile.save(ResumePoint(state), to: resumeURL, ledger: options.url)
            } catch {
                FileHandle.standardError.write(Data("upr: could not keep where you left off in \(resumeURL.path): \(error)\n".utf8))
            }
        }
        runner.beforeSuspend = keepResumePoint
        // Before any key: every change a key makes follows the whole history.
        runner.afterFirstScreen = { state in
            if try store.completeHistory() { state.historyCompleted(store.saved) }
            // The workbench's ledger and the store's share their lists: the first change would copy them.
            store.separateInBackground()
        }
        let ending = runner.run()
        terminal.close()
        if ending == .failed, let failure = runner.failure {
            throw failOpening(failure, options.url)
        }
        keepResumePoint(runner.state)
        let foldProblem = store.close()

        let counts = runner.state.ledger.counts
        let summary = "\(counts.accepted) accepted, \(counts.underConsideration) under consideration, \(counts.rejected) rejected, \(counts.undecided) undecided"
        // Saved means on disk: no failed save pending, and the store holds every change made.
        let notOnDisk = runner.state.ledger.history.count - store.saved.history.count
        if let unsaved = runner.state.unsavedError ?? (notOnDisk > 0 && !store.isReadOnly ? "\(notOnDisk) change\(notOnDisk == 1 ? "" : "s") never reached the journal" : nil) {
            throw fail("the last changes could NOT be saved to \(options.url.path): \(unsaved)")
        }
        if store.isReadOnly {
            print("Ledger \(options.url.path) (read-only): \(summary).")
        } else if let foldProblem {
            print("Ledger \(options.url.path): \(summary). \(foldProblem).")
        } else {
            print("Ledger \(options.url.path): \(summary). Every decision is saved.")
        }
        if case .signal(let number) = ending {
            throw ExitCode(128 + number)
        }
    }

    /// The workbench's state as it opens: what the store says, the keys file, where the analyst
    /// left off. Returned to be handed to the runner, never kept beside it (a second copy would
    /// share the ledger's lists, and the first change would copy every decision).
    private func initialState(
        _ store: LedgerStore, size: Size, clusters: ClusterMap?, clustersLater: Bool, indexLater: Bool, created: Bool,
        resumed: Result<ResumePoint?, any Error>, findings: inout (@Sendable () -> Action)?
    ) -> WorkbenchState {
        var state = WorkbenchState(ledger: store.saved, analyst: options.analystName, ledgerName: options.url.lastPathComponent, size: size, clusters: clusters, clustersPending: clustersLater, searchIndexLater: indexLater)
        state.readOnlyHolder = store.heldBy
        state.readOnlyReason = store.readOnlyReason
        findings = record.attach(to: &state)
        let (keys, keysProblem) = KeysFile.load()
        state.keys = keys
        if let keysProblem {
            state.message = .init(keysProblem, isError: true)
        } else if created {
            state.message = .init("New ledger \(options.url.lastPathComponent) started from the embedded illustrative sample. ? for help")
        } else if let holder = store.heldBy {
            state.message = .init("READ-ONLY: \(options.url.lastPathComponent) is open in another upr (\(holder)). You can read and export, not decide.", isError: true)
        } else if let reason = store.readOnlyReason {
            state.message = .init("READ-ONLY: \(reason). You can read, not decide.", isError: true)
        }
        if !store.notes.isEmpty, keysProblem == nil {
            // A torn journal line or a fold that could not be written is said, whatever else is.
            let notes = store.notes.joined(separator: " · ")
            let shown = state.message.map { "\($0.text) · \(notes)" } ?? notes
            state.message = .init(shown, isError: (state.message?.isError ?? false) || notes.contains("NOT SAVED") || notes.contains("cut off"))
        }
        if BundledResources.states() == nil {
            // The workbench still opens; States are then matched only as written.
            let missing = "the list of States was not found beside the binary: copy \(BundledResources.folderName) from .build/release beside upr (regions and other spellings of States are not known)"
            state.message = .init(state.message.map { "\($0.text) · \(missing)" } ?? missing, isError: true)
        }
        do {
            if let point = try resumed.get() {
                let problems = point.apply(to: &state)
                let summary = ResumePoint.summary(state)
                if state.message == nil || !problems.isEmpty {
                    let said = problems.isEmpty ? "" : " (left out: \(problems.joined(separator: "; ")))"
                    state.message = .init("Resumed where you left off\(summary.isEmpty ? "" : ": " + summary)\(said). upr --fresh starts clean.", isError: !problems.isEmpty)
                }
            }
        } catch {
            state.message = .init("\(error)", isError: true)
        }
        return state
    }
}
