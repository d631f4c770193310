import Foundation
import Testing
import ReviewModel
@testable import WorkbenchCore

/// A fold in progress never delays a key: the real store over a fake slow disk (every fold's
/// write stalls for two seconds), keys arriving meanwhile.
@Suite struct FoldWhileKeysTests {
    /// Hands out keys 30 ms apart and times each from its arrival to the next screen drawn.
    final class TimedTerminal: Terminal {
        var events: [TerminalEvent]
        var arrived: Date?
        var durations: [(seconds: Double, whileFolding: Bool)] = []
        let disk: SlowDisk
        init(_ events: [TerminalEvent], disk: SlowDisk) { self.events = events; self.disk = disk }
        var size: Size { Size(width: 100, height: 30) }
        func draw(_ screen: ScreenBuffer) {
            if let arrived { durations.append((Date().timeIntervalSince(arrived), disk.writing)) }
            arrived = nil
        }
        func nextEvent() -> TerminalEvent {
            Thread.sleep(forTimeInterval: 0.03)
            guard !events.isEmpty else { return .signal(15) }
            arrived = Date()
            return events.removeFirst()
        }
    }

    /// A disk whose writes of the whole ledger take `stall` seconds.
    final class SlowDisk: @unchecked Sendable {
        private let lock = NSLock()
        private var inside = 0, stalls = 0
        let stall: Double
        init(stall: Double) { self.stall = stall }
        var writing: Bool { lock.withLock { inside > 0 } }
        var folds: Int { lock.withLock { stalls } }
        func write() {
            lock.withLock { inside += 1; stalls += 1 }
            Thread.sleep(forTimeInterval: stall)
            lock.withLock { inside -= 1 }
        }
    }

    @Test func keysGoOnWhileTheLedgerIsFolded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-fold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ledger.json")
        let store = try LedgerStore.open(url, analyst: "lan", seed: Screens.ledger).store
        store.foldEvery = 3
        store.foldOnCloseUpTo = 0  // as a large ledger: only the background folds write the file
        let disk = SlowDisk(stall: 2)
        let effects = LedgerEffects(store: store)
        effects.slowDisk = { disk.write() }
        // Each decision moves to the next: three accepted, three rejected, then moves (which
        // still draw).
        let keys: [Character] = ["a", "a", "a", "r", "r", "r", "k", "k", "j", "j", "k", "j"]
        let terminal = TimedTerminal(keys.map { .key(.char($0)) }, disk: disk)
        let runner = WorkbenchRunner(state: Screens.state(), terminal: terminal, effects: effects, clock: { Screens.now })
        #expect(runner.run() == .signal(15))
        #expect(store.close() == nil, "closing waits for the fold under way, which succeeds")

        let duringFold = terminal.durations.filter(\.whileFolding)
        #expect(disk.folds >= 1)
        #expect(duringFold.count >= 4, "most keys came while the disk was stalled: \(terminal.durations)")
        // A key that waited for the fold would take two seconds; a loaded machine may take tenths.
        #expect(terminal.durations.map(\.seconds).max()! < 0.5, "\(terminal.durations)")

        let ledger = try LedgerStore.read(url)
        #expect(ledger.decisions.count == 6)
        #expect(["140.1", "140.2", "140.3"].map { ledger.status(of: $0) } == [.accepted, .accepted, .accepted])
        #expect(["140.4", "140.5", "140.6"].map { ledger.status(of: $0) } == [.rejected, .rejected, .rejected])
        #expect(try LedgerCoding.decode(Data(contentsOf: url), path: url.path).generation >= 2, "a fold was written")
    }
}
