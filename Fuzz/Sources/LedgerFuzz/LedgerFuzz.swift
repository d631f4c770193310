import Foundation
@_spi(Fuzzing) import ReviewModel

/// libFuzzer entry: the ledger loader (its fast path checked against JSONDecoder), the syntax locator and the journal reader must reject any
/// input with an error, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func ledgerFuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    // The fast reader must never accept what JSONDecoder refuses, nor read it otherwise.
    guard LedgerCoding.fastPathAgrees(data) else { fatalError("the fast ledger reader and JSONDecoder disagree") }
    if let ledger = try? LedgerCoding.decode(data, path: "fuzz") {
        // Whatever loads must write back and load again to the same ledger.
        guard let again = try? LedgerCoding.decode(LedgerCoding.encode(ledger), path: "fuzz"), again == ledger else {
            fatalError("a loaded ledger did not survive a round trip")
        }
    }
    _ = JSONSyntaxLocator.firstError(in: data)
    _ = try? LedgerJournal.parse(data, path: "fuzz")
    return 0
}
