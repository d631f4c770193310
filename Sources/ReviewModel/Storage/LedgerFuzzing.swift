import Foundation

/// The checks `ledger-fuzz` (Fuzz/) makes on every input, kept beside the reader they check.
extension LedgerCoding {
    /// For `ledger-fuzz`: false where the fast path accepts bytes that JSONDecoder refuses or
    /// reads otherwise (never, if the fast path is right).
    @_spi(Fuzzing) public static func fastPathAgrees(_ data: Data) -> Bool {
        guard let fast = try? LedgerFastDecoding.contents(data) else { return true }
        // A newer schema is refused after either reading (JSONDecoder's refuses it up front).
        guard fast.schemaVersion <= Ledger.currentSchemaVersion else { return true }
        return (try? decodeWithFoundation(data, path: "fuzz")) == fast
    }

    /// For `ledger-fuzz`: false where reading the bytes a few at a time, as a file is read
    /// (`JSONSource.windowed`, a window of `window` bytes grown as values need), reads otherwise
    /// than reading them whole.
    @_spi(Fuzzing) public static func windowsAgree(_ data: Data, window: Int) -> Bool {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return (try? LedgerFastDecoding.contents(.windowed(bytes, window: window))) == (try? LedgerFastDecoding.contents(.whole(bytes)))
        }
    }

    /// For `ledger-fuzz`: what is wrong, if anything, with the reader every command uses
    /// (`decode`, behind `LedgerStore.read` and `open`) on these bytes: it must read exactly
    /// what JSONDecoder reads or refuse, and a refusal of bad JSON must say where.
    @_spi(Fuzzing) public static func readerProblem(_ data: Data) -> String? {
        let authority = (try? decodeWithFoundation(data, path: "fuzz")).flatMap { contents in
            contents.schemaVersion <= Ledger.currentSchemaVersion ? try? LedgerMigration.ledger(from: contents) : nil
        }
        do {
            let ledger = try decode(data, path: "fuzz")
            guard let authority else { return "the reader accepts what JSONDecoder refuses" }
            return ledger == authority ? nil : "the reader reads otherwise than JSONDecoder"
        } catch LedgerError.syntax(_, let line, let column, let reason) {
            if authority != nil { return "the reader refuses what JSONDecoder reads" }
            return line == nil || column == nil ? "bad JSON refused without line and column: \(reason)" : nil
        } catch {
            return authority != nil ? "the reader refuses what JSONDecoder reads: \(error)" : nil
        }
    }
}
