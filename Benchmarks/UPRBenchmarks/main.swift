import Benchmark
import Foundation
import ReviewExport
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

// The whole record (about 42,000) and ten times it: see ScaledLedgers for what they hold.
let record = try! ScaledLedgers.record()
let recordCount = record.recommendations.count
let tenfold = try! record.repeated(10)
FileHandle.standardError.write(Data("42,000: \(recordCount) recommendations from \(ScaledLedgers.source); 420,000: \(tenfold.recommendations.count)\n".utf8))

/// The queries and searches below must find something at every size, or they measure nothing.
let benchFilter = "state:France decision:undecided text:death", benchSearch = "torture"
for (label, ledger) in [("320", sample), ("42,000", record), ("420,000", tenfold)] {
    let states = try! StateDirectory.bundled()
    let index = SearchIndex(ledger, states: states)
    let filtered = try! FilterQuery.parse(benchFilter, states: states).positions(in: ledger, index: index).count
    let searched = index.positions(matching: benchSearch).count
    FileHandle.standardError.write(Data("\(label): “\(benchFilter)” matches \(filtered), “\(benchSearch)” \(searched)\n".utf8))
    precondition(filtered > 0 && searched > 0, "a benchmark query matches nothing at \(label)")
}

/// `UPR_BENCH_WRITE=DIR upr-bench` writes the two ledgers (ledger-42000.json, ledger-420000.json)
/// for Benchmarks/scale.sh to measure the real binary on, and stops.
if let target = ProcessInfo.processInfo.environment["UPR_BENCH_WRITE"] {
    for (name, ledger) in [("42000", record), ("420000", tenfold)] {
        let url = URL(fileURLWithPath: target).appendingPathComponent("ledger-\(name).json")
        try! DurableFile.write(try! LedgerCoding.encode(ledger), to: url)
        print("wrote \(url.path): \(ledger.recommendations.count) recommendations")
    }
    store.close()
    try? FileManager.default.removeItem(at: folder)
    exit(0)
}

let bigURL = folder.appendingPathComponent("bench-ledger-42000.json")
let (bigStore, _) = try! LedgerStore.open(bigURL, analyst: "bench", seed: { record })
bigStore.foldEvery = .max  // measure the journal append alone; folding happens on quit
let recordData = try! LedgerCoding.encode(record)

var decisionCount = 0
benchmark("full save (fold) of the 320-recommendation ledger") {
    try store.fold()
}

// The workbench's own ledger (its state) is changed in place, then handed to the store.
var bigCount = 0
var working = store.saved
benchmark("decision durable: journal append, 320-recommendation ledger") {
    decisionCount += 1
    try working.decide("140.\(decisionCount % 320 + 1)", (decisionCount + decisionCount / 320) % 2 == 0 ? .accepted : .rejected, by: "bench", at: now)
    try store.record(working)
}

var bigWorking = bigStore.saved
benchmark("decision durable: journal append, 42,000-recommendation ledger") {
    bigCount += 1
    try bigWorking.decide(bigWorking.recommendations[bigCount % recordCount].id, (bigCount + bigCount / recordCount) % 2 == 0 ? .accepted : .rejected, by: "bench", at: now)
    try bigStore.record(bigWorking)
}

benchmark("encode ledger (320)") {
    blackHole(try LedgerCoding.encode(sample))
}

benchmark("decode ledger (320)") {
    blackHole(try LedgerCoding.decode(encoded, path: "bench"))
}

benchmark("decode ledger (42,000)") {
    blackHole(try LedgerCoding.decode(recordData, path: "bench"))
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

// Filtering and searching: the index is built once per ledger (measured on its own); each key
// re-parses the filter and evaluates it over every recommendation. Targets: 8 ms at 42,000,
// 50 ms at 420,000.
let directory = try! StateDirectory.bundled()
let recordIndex = SearchIndex(record, states: directory)

benchmark("search index build on 42,000") {
    blackHole(SearchIndex(record, states: directory))
}

// Clusters of the same ask: an inverted index of each text's rarest tokens, never all pairs.
// Once per ledger, then kept in LEDGER.clusters.
benchmark("clusters of 42,000") {
    blackHole(Clustering.clusters(record))
}

benchmark("filter query on 42,000") {
    let query = try FilterQuery.parse(benchFilter, states: directory)
    blackHole(query.positions(in: record, index: recordIndex))
}

benchmark("filter query on 42,000, text over every recommendation") {
    let query = try FilterQuery.parse("(\"freedom of\" or theme:torture or \"viet nam\") -decision:rejected -group:EEG", states: directory)
    blackHole(query.positions(in: record, index: recordIndex))
}

// `text:` at 420,000, by scanning every text and over the index of words (built on the second
// core in the workbench); the same answers (WordPostingsTests).
// The workbench keeps which recommendations carry a note, as here.
var tenfoldScanning = SearchIndex(tenfold, states: directory)
tenfoldScanning.notedPositions = NoteSearch.notedPositions(in: tenfold)
var tenfoldIndexed = SearchIndex(tenfold, states: directory)
tenfoldIndexed.notedPositions = tenfoldScanning.notedPositions
tenfoldIndexed.buildWordPostingsNow()
let tortureQuery = try! FilterQuery.parse("text:torture -decision:rejected", states: directory)
FileHandle.standardError.write(Data("text:torture -decision:rejected matches \(tortureQuery.positions(in: tenfold, index: tenfoldIndexed).count) of 420,000\n".utf8))

benchmark("text filter on 420,000 (text:torture -decision:rejected), scanning every text") {
    blackHole(tortureQuery.positions(in: tenfold, index: tenfoldScanning))
}

benchmark("text filter on 420,000 (text:torture -decision:rejected), over the index of words") {
    blackHole(tortureQuery.positions(in: tenfold, index: tenfoldIndexed))
}

benchmark("index of words of 420,000 (on the second core, after the first screen)") {
    SearchIndex(tenfold, states: directory).buildWordPostingsNow()
}

// What a start with LEDGER.clusters present does before the first screen: the file's key.
benchmark("clusters file key of 420,000 (checked before the first screen)") {
    blackHole(ClusterCache.key(tenfold, settings: .standard))
}

benchmark("search on 42,000") {
    blackHole(recordIndex.positions(matching: benchSearch))
}

/// A key press to the rendered screen, through the same reducer and render as the workbench
/// (the terminal's own drawing excluded), at one size of ledger.
func keyBenchmarks(_ label: String, _ ledger: Ledger) {
    // Built here, as the workbench builds it at start: with the clusters, which the status line
    // checks on every key.
    let clusters = ClusterMap(clusters: Clustering.clusters(ledger), count: ledger.recommendations.count)
    func fresh() -> WorkbenchState {
        WorkbenchState(ledger: ledger, analyst: "bench", size: Size(width: 100, height: 30), clusters: clusters)
    }
    var moving = fresh()
    benchmark("\(label): key j to rendered screen") {
        _ = Workbench.reduce(&moving, .key(.char("j")), now: now)
        blackHole(Render.screen(moving))
    }

    var stateFilter = fresh()
    var stateToggle = false
    benchmark("\(label): State picker Enter (filter by France) to rendered screen") {
        stateToggle.toggle()
        let keys: [Key] = stateToggle ? [.char("s"), .char("f"), .char("r"), .char("a"), .char("n"), .char("c"), .char("e")] : [.escape, .escape, .char("s"), .char("c"), .char("h"), .char("i")]
        for key in keys { _ = Workbench.reduce(&stateFilter, .key(key), now: now) }
        _ = Workbench.reduce(&stateFilter, .key(.enter), now: now)
        blackHole(Render.screen(stateFilter))
    }

    var filtering = fresh()
    benchmark("\(label): filter prompt Enter (\(benchFilter)) to rendered screen") {
        for key in [Key.char("f")] + benchFilter.map({ Key.char($0) }) { _ = Workbench.reduce(&filtering, .key(key), now: now) }
        _ = Workbench.reduce(&filtering, .key(.enter), now: now)
        blackHole(Render.screen(filtering))
        _ = Workbench.reduce(&filtering, .key(.escape), now: now)
    }

    var searching = fresh()
    benchmark("\(label): search n (next match of “\(benchSearch)”) to rendered screen") {
        if searching.searchTerm == nil {
            for key in [Key.char("/")] + benchSearch.map({ Key.char($0) }) + [.enter] { _ = Workbench.reduce(&searching, .key(key), now: now) }
        }
        _ = Workbench.reduce(&searching, .key(.char("n")), now: now)
        blackHole(Render.screen(searching))
    }
}
keyBenchmarks("320", sample)
keyBenchmarks("42,000", record)
keyBenchmarks("420,000", tenfold)
recordBenchmarks(sample: sample, now: now)

// The documents a ministry sends (a draft where decisions are still open), at 42,000.
benchmark("export the Word addendum (docx) of 42,000") { blackHole(try! DecisionExport.data(record, format: .docx, draft: true)) }
benchmark("export the decision workbook (xlsx) of 42,000") { blackHole(try! DecisionExport.data(record, format: .xlsx)) }

Benchmark.main()
store.close()
bigStore.close()
try? FileManager.default.removeItem(at: folder)
