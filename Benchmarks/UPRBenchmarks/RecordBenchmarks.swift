import Benchmark
import Foundation
import ReviewImport
import ReviewModel
import ReviewRecord
import WorkbenchCore

/// The public UPR record (issue 17), against its targets: import of the five files under 2 s;
/// a review's first screen at most 50 ms slower with the record; precedent per move under 3 ms;
/// `upr record` first screen under 300 ms, keys under 5 ms; suggested themes for 320 under 1 s.
///   swift run -c release upr-bench --filter record
/// Needs ../shared/upr-data/uprinfo (run from the repository root); without it, nothing is added.
func recordBenchmarks(sample: Ledger, now: Date) {
    guard let folder = ScaledLedgers.uprInfoFolder else { return }
    let files = (try! FileManager.default.contentsOfDirectory(atPath: folder.path)).filter { $0.hasSuffix(".csv") }.sorted()
        .map { folder.appendingPathComponent($0) }
    let directory = try! StateDirectory.bundled()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("upr-bench-record-\(getpid())")
    try! FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let url = scratch.appendingPathComponent("record.uprrec")
    try! RecordFile.write(try! RecordImport.record(from: files, states: directory).0, to: url)
    let record = try! RecordFile.read(url)
    let size = Size(width: 100, height: 30)

    benchmark("record: import of the five UPR Info files (read, group, tokenise, write)", settings: Iterations(5), WarmupIterations(1)) {
        try RecordFile.write(try RecordImport.record(from: files, states: directory).0, to: url)
    }

    benchmark("record: read the record file") {
        blackHole(try RecordFile.read(url))
    }

    // The review's first screen: state and render, without and with the record (read and
    // attached: precedent of every recommendation and themes suggested for those without).
    benchmark("record: review first screen (320) without the record") {
        let state = WorkbenchState(ledger: sample, analyst: "bench", size: size)
        blackHole(Render.screen(state))
    }
    // As `upr` does: the record is read after the first screen, on a thread of its own.
    benchmark("record: review first screen (320) with a record to read after it") {
        var state = WorkbenchState(ledger: sample, analyst: "bench", size: size)
        state.expectRecord()
        blackHole(Render.screen(state))
    }
    let work = WorkbenchState(ledger: sample, analyst: "bench", size: size).recordWork { try RecordFile.read(url) }
    benchmark("record: after the first screen, read the record and find every precedent and suggestion (background)") {
        blackHole(work())
    }
    let review = ReviewContext(sample.document, states: directory)
    benchmark("record: after the first screen, precedent of all 320 and suggested themes (background)") {
        blackHole(RecordFindings.find(record, for: sample, review: review))
    }

    var moving = WorkbenchState(ledger: sample, analyst: "bench", size: size)
    if let work = moving.attach(record: record) { _ = Workbench.reduce(&moving, work(), now: now) }
    benchmark("record: review (320) key j with precedent to rendered screen") {
        _ = Workbench.reduce(&moving, .key(.char(moving.cursor + 1 >= moving.visible.count ? "g" : "j")), now: now)
        blackHole(Render.screen(moving))
    }

    let texts = sample.recommendations.map(\.text)
    benchmark("record: suggested themes for the 320 of the sample") {
        blackHole(texts.map { record.suggestedThemes(for: $0) })
    }

    // `upr record`: the record file to its first screen, then keys.
    benchmark("record: upr record first screen (read, ledger, state, render)", settings: Iterations(10)) {
        let state = try WorkbenchState.recordView(try RecordFile.read(url), analyst: "bench", size: size)
        blackHole(Render.screen(state))
    }
    benchmark("record: upr record first screen, part: the record as a ledger", settings: Iterations(10)) {
        blackHole(try record.ledger())
    }
    let (recordLedger, _) = try! record.ledger()
    benchmark("record: upr record first screen, part: the workbench state of that ledger", settings: Iterations(10)) {
        blackHole(WorkbenchState(ledger: recordLedger, analyst: "bench", size: size))
    }
    var view = try! WorkbenchState.recordView(record, analyst: "bench", size: size)
    benchmark("record: upr record key j (with precedent) to rendered screen") {
        _ = Workbench.reduce(&view, .key(.char("j")), now: now)
        blackHole(Render.screen(view))
    }
    var filtering = try! WorkbenchState.recordView(record, analyst: "bench", size: size)
    benchmark("record: upr record filter prompt Enter (to:\"Viet Nam\" response:noted) to rendered screen") {
        for key in [Key.char("f")] + "to:\"Viet Nam\" response:noted".map({ Key.char($0) }) { _ = Workbench.reduce(&filtering, .key(key), now: now) }
        _ = Workbench.reduce(&filtering, .key(.enter), now: now)
        blackHole(Render.screen(filtering))
        _ = Workbench.reduce(&filtering, .key(.escape), now: now)
    }
    var searching = try! WorkbenchState.recordView(record, analyst: "bench", size: size)
    benchmark("record: upr record search n (“torture”) to rendered screen") {
        if searching.searchTerm == nil {
            for key in [Key.char("/")] + "torture".map({ Key.char($0) }) + [.enter] { _ = Workbench.reduce(&searching, .key(key), now: now) }
        }
        _ = Workbench.reduce(&searching, .key(.char("n")), now: now)
        blackHole(Render.screen(searching))
    }
}
