import Foundation

/// The fast reader's part for journal lines: every start replays the journal, and `upr decide`
/// reads it whole before it appends, so at hundreds of lines JSONDecoder's 25 µs a line were most
/// of a decision's time. As for the ledger, JSONDecoder stays the authority: a line this does not
/// read exactly as expected (nil) goes to it, which reads it or says what is wrong.
extension LedgerFastDecoding {
    private static let lineKeys = JSONKeys("base", "event", "seq", "prev", "check")

    static func journalLine(_ bytes: Data) -> LedgerJournal.Line? {
        bytes.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            return try? journalLine(&scanner)
        }
    }

    private static func journalLine(_ scanner: inout JSONScanner) throws -> LedgerJournal.Line {
        var base: Int?, event: ChangeEvent?, seq: Int?, prev: String?, check: String?
        var seen: UInt8 = 0
        try scanner.beginObject()
        while let key = try scanner.nextKey(of: lineKeys) {
            guard key == lineKeys.count || seen & (1 << key) == 0 else { throw Mismatch() }
            if key < lineKeys.count { seen |= 1 << key }
            switch key {
            case 0: base = try scanner.int()
            case 1: event = try Self.event(&scanner)
            case 2: seq = try scanner.null() ? nil : scanner.int()
            case 3: prev = try scanner.null() ? nil : scanner.string()
            case 4: check = try scanner.null() ? nil : scanner.string()
            default: _ = try scanner.valueBytes()
            }
        }
        try scanner.end()
        guard let base, let event else { throw Mismatch() }
        return LedgerJournal.Line(base: base, event: event, seq: seq, prev: prev, check: check)
    }
}
