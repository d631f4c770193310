import Benchmark
import Foundation
import ReviewModel
import WorkbenchCore

// Benchmarks of the work behind each thing the analyst waits for. Run in release:
//   swift run -c release upr-bench
// Figures are medians-friendly (see the "time" column); compare ratios within one run.

let sample = try! Sample.ledger()
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-bench-\(getpid())")
try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let ledgerURL = folder.appendingPathComponent("bench-ledger.json")
let (store, _) = try! LedgerStore.open(ledgerURL, analyst: "bench", seed: { sample })
let encoded = try! LedgerCoding.encode(sample)
let now = Date(timeIntervalSince1970: 1_790_000_000)

/// Keeps the optimiser from discarding a result.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

var decisionCount = 0
benchmark("decision durable: save of the 320-recommendation ledger (fsync)") {
    var ledger = store.saved
    decisionCount += 1
    try ledger.decide("140.\(decisionCount % 320 + 1)", decisionCount % 2 == 0 ? .accepted : .rejected, by: "bench", at: now)
    try store.save(ledger)
}

benchmark("encode ledger (320)") {
    blackHole(try LedgerCoding.encode(sample))
}

benchmark("decode ledger (320)") {
    blackHole(try LedgerCoding.decode(encoded, path: "bench"))
}

var state = WorkbenchState(ledger: sample, analyst: "bench", size: Size(width: 100, height: 30))
benchmark("key j to rendered screen, 100x30 (320)") {
    _ = Workbench.reduce(&state, .key(.char("j")), now: now)
    blackHole(Render.screen(state))
}

var filtering = WorkbenchState(ledger: sample, analyst: "bench", size: Size(width: 100, height: 30))
benchmark("key d (decision filter) to rendered screen (320)") {
    _ = Workbench.reduce(&filtering, .key(.char("d")), now: now)
    blackHole(Render.screen(filtering))
}

var deciding = WorkbenchState(ledger: sample, analyst: "bench", size: Size(width: 100, height: 30))
benchmark("key a to state, save excluded (320)") {
    _ = Workbench.reduce(&deciding, .key(deciding.cursor + 1 >= deciding.visible.count ? .char("g") : .char("a")), now: now)
}

Benchmark.main()
store.close()
try? FileManager.default.removeItem(at: folder)
