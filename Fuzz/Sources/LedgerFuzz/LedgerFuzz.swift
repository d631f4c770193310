import Foundation
@_spi(Fuzzing) import ReviewModel

/// libFuzzer entry: the ledger loader (its fast path checked against JSONDecoder), the syntax locator and the journal reader must reject any
/// input with an error, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func ledgerFuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    // The fast reader must never accept what JSONDecoder refuses, nor read it otherwise.
    guard LedgerCoding.fastPathAgrees(data) else { fatalError("the fast ledger reader and JSONDecoder disagree") }
    // A file is read a window at a time: any window, down to one byte, reads what the whole reads.
    guard LedgerCoding.windowsAgree(data, window: 1 + count % 61) else { fatalError("a ledger read a window at a time reads otherwise") }
    // The one reader of every command (export --format ids included): exactly what JSONDecoder
    // reads, or refused, with line and column where the JSON is bad. A line scan beside it, as
    // `export --format ids` had, would have to pass this too.
    if let problem = LedgerCoding.readerProblem(data) { fatalError(problem) }
    if let ledger = try? LedgerCoding.decode(data, path: "fuzz") {
        // Whatever loads must write back and load again to the same ledger.
        guard let again = try? LedgerCoding.decode(LedgerCoding.encode(ledger), path: "fuzz"), again == ledger else {
            fatalError("a loaded ledger did not survive a round trip")
        }
    }
    _ = JSONSyntaxLocator.firstError(in: data)
    // A journal that reads is one chain: as many changes as complete lines, each line once.
    if let journal = try? LedgerJournal.parse(data, path: "fuzz") {
        let complete = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count - 1
        guard journal.entries.count == complete else { fatalError("a journal read \(journal.entries.count) changes from \(complete) lines") }
    }
    return 0
}
