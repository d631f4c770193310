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
store.foldEvery = .max  // measure the journal append alone; folding is measured on its own
let encoded = try! LedgerCoding.encode(sample)
let now = Date(timeIntervalSince1970: 1_790_000_000)

/// Keeps the optimiser from discarding a result.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

/// The sample repeated with new IDs (paragraphs 1000, 1001, …) up to `count` recommendations.
func scaledLedger(_ count: Int) throws -> Ledger {
    var recommendations: [Recommendation] = []
    recommendations.reserveCapacity(count)
    var copy = 0
    while recommendations.count < count {
        for recommendation in sample.recommendations where recommendations.count < count {
            var scaled = recommendation
            scaled.id = "\(1000 + copy).\(recommendation.id.split(separator: ".").last!)"
            recommendations.append(scaled)
        }
        copy += 1
    }
    return try Ledger(document: sample.document, recommendations: recommendations)
}

/// `UPR_BENCH_WRITE=DIR upr-bench` writes the scaled ledgers (42,000 and 420,000, a third
/// decided) for Benchmarks/scale.sh to measure the real binary on, and stops.
if let target = ProcessInfo.processInfo.environment["UPR_BENCH_WRITE"] {
    for count in [42_000, 420_000] {
        var ledger = try! scaledLedger(count)
        for position in stride(from: 0, to: count, by: 3) {
            try! ledger.decide(ledger.recommendations[position].id, position % 2 == 0 ? .accepted : .rejected, by: "bench", at: now)
        }
        let url = URL(fileURLWithPath: target).appendingPathComponent("ledger-\(count).json")
        try! DurableFile.write(try! LedgerCoding.encode(ledger), to: url)
        print("wrote \(url.path)")
    }
    store.close()
    try? FileManager.default.removeItem(at: folder)
    exit(0)
}

let bigURL = folder.appendingPathComponent("bench-ledger-42000.json")
let big = try! scaledLedger(42_000)
let (bigStore, _) = try! LedgerStore.open(bigURL, analyst: "bench", seed: { big })
bigStore.foldEvery = .max  // measure the journal append alone; folding happens on quit

var decisionCount = 0
benchmark("full save (fold) of the 320-recommendation ledger") {
    try store.fold()
}

var bigCount = 0
benchmark("decision durable: journal append, 320-recommendation ledger") {
    var ledger = store.saved
    decisionCount += 1
    try ledger.decide("140.\(decisionCount % 320 + 1)", (decisionCount + decisionCount / 320) % 2 == 0 ? .accepted : .rejected, by: "bench", at: now)
    try store.record(ledger)
}

benchmark("decision durable: journal append, 42,000-recommendation ledger") {
    var ledger = bigStore.saved
    bigCount += 1
    try ledger.decide(ledger.recommendations[bigCount % 42_000].id, (bigCount + bigCount / 42_000) % 2 == 0 ? .accepted : .rejected, by: "bench", at: now)
    try bigStore.record(ledger)
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

// Filtering and searching at 42,000: the index is built once per ledger (measured on its own);
// each key re-parses the filter and evaluates it over every recommendation. Target: < 8 ms.
let directory = try! StateDirectory.bundled()
var decidedBig = big
for position in stride(from: 0, to: 42_000, by: 3) {
    // A third decided, so that decision terms read real records.
    try! decidedBig.decide(decidedBig.recommendations[position].id, position % 2 == 0 ? .accepted : .rejected, by: "bench", at: now)
}
let bigIndex = SearchIndex(decidedBig, states: directory)

benchmark("search index build on 42,000") {
    blackHole(SearchIndex(decidedBig, states: directory))
}

// Clusters of the same ask over 42,000 (320 texts copied): an inverted index of each text's
// rarest tokens, never all pairs. Target: seconds, once per ledger (then LEDGER.clusters).
benchmark("clusters of 42,000") {
    blackHole(Clustering.clusters(big))
}

benchmark("filter query on 42,000") {
    let query = try FilterQuery.parse("state:France decision:undecided text:death", states: directory)
    blackHole(query.positions(in: decidedBig, index: bigIndex))
}

benchmark("filter query on 42,000, text over every recommendation") {
    let query = try FilterQuery.parse("(\"freedom of\" or theme:torture or \"viet nam\") -decision:rejected -group:EEG", states: directory)
    blackHole(query.positions(in: decidedBig, index: bigIndex))
}

benchmark("search on 42,000") {
    blackHole(bigIndex.positions(matching: "viet nam"))
}

// A key press to the rendered screen at 42,000, through the same reducer and render as the
// workbench (the terminal's own drawing excluded). Target: < 8 ms of work per key.
var bigMoving = WorkbenchState(ledger: decidedBig, analyst: "bench", size: Size(width: 100, height: 30))
benchmark("42,000: key j to rendered screen") {
    _ = Workbench.reduce(&bigMoving, .key(.char("j")), now: now)
    blackHole(Render.screen(bigMoving))
}

var bigStateFilter = WorkbenchState(ledger: decidedBig, analyst: "bench", size: Size(width: 100, height: 30))
var stateToggle = false
benchmark("42,000: State picker Enter (filter by France) to rendered screen") {
    stateToggle.toggle()
    let keys: [Key] = stateToggle ? [.char("s"), .char("f"), .char("r"), .char("a"), .char("n"), .char("c"), .char("e")] : [.escape, .escape, .char("s"), .char("c"), .char("h"), .char("i")]
    for key in keys { _ = Workbench.reduce(&bigStateFilter, .key(key), now: now) }
    _ = Workbench.reduce(&bigStateFilter, .key(.enter), now: now)
    blackHole(Render.screen(bigStateFilter))
}

var bigFiltering = WorkbenchState(ledger: decidedBig, analyst: "bench", size: Size(width: 100, height: 30))
benchmark("42,000: filter prompt Enter (state:France decision:undecided text:death) to rendered screen") {
    for key in [Key.char("f")] + "state:France decision:undecided text:death".map({ Key.char($0) }) { _ = Workbench.reduce(&bigFiltering, .key(key), now: now) }
    _ = Workbench.reduce(&bigFiltering, .key(.enter), now: now)
    blackHole(Render.screen(bigFiltering))
    _ = Workbench.reduce(&bigFiltering, .key(.escape), now: now)
}

var bigSearching = WorkbenchState(ledger: decidedBig, analyst: "bench", size: Size(width: 100, height: 30))
benchmark("42,000: search n (next match of “viet nam”) to rendered screen") {
    if bigSearching.searchTerm == nil {
        for key in [Key.char("/")] + "viet nam".map({ Key.char($0) }) + [.enter] { _ = Workbench.reduce(&bigSearching, .key(key), now: now) }
    }
    _ = Workbench.reduce(&bigSearching, .key(.char("n")), now: now)
    blackHole(Render.screen(bigSearching))
}

Benchmark.main()
store.close()
bigStore.close()
try? FileManager.default.removeItem(at: folder)
