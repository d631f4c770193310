import Foundation

/// Reading a ledger: the file through the one reader, then the lines of a background fold cut
/// short (`LEDGER.journal.folding`), then the journal's, each where it applies.
extension LedgerStore {
    struct Loaded {
        var ledger: Ledger
        /// Changes applied from both journals, and from the journal alone.
        var replayed = 0, replayedFromJournal = 0
        var journal: LedgerJournal.Contents
        var notes: [String] = []
        /// The generation the journal's lines continue.
        var base: Int
        /// A `.journal.folding` is there whose lines are all in the file: a fold done but for
        /// its removal.
        var foldingDone = false
        /// The file's history, still being read (`deferHistory`).
        var pendingHistory: LedgerFastDecoding.PendingHistory?
    }

    /// `deferHistory`: a large ledger's history may still be being read when this returns
    /// (`Loaded.pendingHistory`; the journal's changes are applied meanwhile).
    static func load(_ url: URL, deferHistory: Bool = false) throws -> Loaded {
        let plain = try LedgerCoding.decodeIfPlain(file: url.path, deferHistory: deferHistory)
        var ledger = try plain?.ledger ?? LedgerCoding.decode(try bytes(of: url), path: url.path)
        let fileGeneration = ledger.generation
        // The lines of a fold that had not finished come first; the journal's then continue the
        // generation after the file's.
        let aside = try LedgerJournal(ledger: url, folding: true).read()
        let fromAside = try replay(aside, onto: &ledger, generation: fileGeneration, journalPath: LedgerJournal.foldingURL(for: url).path, ledgerPath: url.path)
        let base = fromAside > 0 ? fileGeneration + 1 : fileGeneration
        let journalPath = LedgerJournal.url(for: url).path
        let contents = try LedgerJournal(ledger: url).read()
        let fromJournal = try replay(contents, onto: &ledger, generation: base, journalPath: journalPath, ledgerPath: url.path)
        var loaded = Loaded(ledger: ledger, replayed: fromAside + fromJournal, replayedFromJournal: fromJournal, journal: contents, base: base)
        loaded.pendingHistory = plain?.pending
        loaded.foldingDone = fromAside == 0 && FileManager.default.fileExists(atPath: LedgerJournal.foldingURL(for: url).path)
        loaded.notes = [aside.warning(path: LedgerJournal.foldingURL(for: url).path), contents.warning(path: journalPath)].compactMap { $0 }
        return loaded
    }

    /// The whole file, for the reading that explains what is wrong with it. Read, not mapped:
    /// a file another tool rewrites in place while it is read (`cp backup.json ledger.json`)
    /// would kill the process (SIGBUS) where a read gives torn bytes, refused by name.
    private static func bytes(of url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { throw LedgerError.notFound(path: url.path) }
            throw LedgerError.unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Applies a journal's lines of `generation` (older ones are folded already: the crash came
    /// before the journal was emptied); returns how many.
    private static func replay(_ contents: LedgerJournal.Contents, onto ledger: inout Ledger, generation: Int, journalPath: String, ledgerPath: String) throws -> Int {
        var replayed = 0
        for (index, entry) in contents.entries.enumerated() {
            if entry.base < generation { continue }
            let line = contents.entryLines[index]
            guard entry.base == generation else {
                throw LedgerError.unreadable(path: ledgerPath, reason: "\(journalPath):\(line) continues generation \(entry.base) but the file is generation \(ledger.generation): the file is older than its journal (restored from a backup?). Run `upr recover --ledger \(ledgerPath)`")
            }
            do {
                try ledger.apply(entry.event)
            } catch {
                throw LedgerError.damagedJournal(path: journalPath, problems: [JournalProblem(line: line, reason: "it changes \(entry.event.id), which is not a recommendation of the ledger: a line from another ledger's journal")])
            }
            replayed += 1
        }
        return replayed
    }
}
