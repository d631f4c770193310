import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Folding in the background, so that no key waits for the whole ledger to be written.
///
/// `beginFold` (between two keys) renames the journal to `LEDGER.journal.folding` and starts an
/// empty one whose lines continue the next generation; a thread of its own then writes the
/// ledger as it stood at the rename (the file and the lines set aside: `saved`, a value) as that
/// next generation (keeping `.bak`, copied a megabyte at a time) and removes the aside. It used to
/// read the file and the aside again through the one reader: a second ledger in memory, 1.3 GB
/// more at 420,000 recommendations. An aside left by a fold cut short is still folded from the
/// disk, and so is a file whose generation is not the one `saved` was read at. Keys go on appending to the new journal meanwhile. At every
/// moment the files on disk read as the same ledger: before the rename the aside's lines apply to
/// the file and the journal's after them; after it the aside's are older than the file and left
/// out. A fold cut short (a crash, a full disk) leaves the aside, which every start replays and
/// the next fold takes up again.
extension LedgerStore {
    /// Whether the journal has grown enough for the workbench to fold it.
    public var foldIsDue: Bool { !isReadOnly && folding == nil && journalCount >= max(foldEvery, retryFoldAt) }

    /// Whether a background fold is under way.
    public var isFolding: Bool { folding != nil }

    /// Starts folding the journal in the background (`slowDisk`, for tests, runs on the fold's
    /// thread before it writes). Returns at once; `collectFinishedFold` takes up its outcome.
    public func beginFold(slowDisk: (@Sendable () -> Void)? = nil) throws {
        guard !isReadOnly, folding == nil, journalCount > 0 else { return }
        let aside = LedgerJournal.foldingURL(for: url)
        var changes = journalCount
        var snapshot: Ledger?
        if FileManager.default.fileExists(atPath: aside.path) {
            // An aside left by a fold cut short is folded first; the journal goes on as it is.
            changes -= journal.lineCount
        } else {
            try journal.rotate(to: aside)
            journalBase = saved.generation + 1
            // Every line set aside is in `saved`, and no line after them.
            snapshot = saved
            // The snapshot shares `saved`'s lists while it is written: the next change would copy them.
            separateInBackground()
        }
        let (ledgerURL, counted, taken) = (url, changes, snapshot)
        let fold = BackgroundFold()
        folding = fold
        Thread.detachNewThread {
            slowDisk?()
            fold.finish(Result { try taken.map { try LedgerStore.write($0, asFoldOf: ledgerURL) } ?? LedgerStore.foldAside(of: ledgerURL) }, changes: counted)
        }
    }

    /// Waits for a background fold under way to finish.
    func waitForFold() { folding?.wait() }

    /// Takes up a finished background fold: the file's generation, and what the user must be
    /// told where it failed (the changes are safe in the journals all the same).
    @discardableResult
    public func collectFinishedFold() -> String? {
        guard let fold = folding, let outcome = fold.outcome else { return nil }
        folding = nil
        switch outcome.result {
        case .success(let generation):
            saved.generation = generation
            // The changes since the snapshot are in the journal, continuing this generation.
            journalCount = max(0, journalCount - outcome.changes)
            retryFoldAt = 0
            return nil
        case .failure(let error):
            retryFoldAt = journalCount + foldEvery  // not again on the next key
            // Cut short after the rename (the folder's fsync): the new file is in place.
            if let onDisk = try? LedgerCoding.generation(ofFileAt: url), onDisk == saved.generation + 1, onDisk == journalBase {
                saved.generation = onDisk
            }
            return "The journal could not be folded into \(url.lastPathComponent) (\(error)); every change is saved in \(LedgerJournal.foldingURL(for: url).lastPathComponent) and \(journal.url.lastPathComponent), replayed at every start, and the fold is tried again later"
        }
    }

    /// Writes the file with the aside's lines applied as the next generation and removes the
    /// aside. Reads only the disk: the workbench's ledger in memory is never shared with it.
    static func foldAside(of url: URL) throws -> Int {
        let data = try Data(contentsOf: url)
        var ledger = try LedgerCoding.decode(data, path: url.path)
        let aside = try LedgerJournal(ledger: url, folding: true).read()
        let generation = ledger.generation
        var applied = 0
        for entry in aside.entries where entry.base == generation {
            try ledger.apply(entry.event)
            applied += 1
        }
        if applied > 0 {
            let mode = LedgerFiles.mode(of: url)
            try DurableFile.write(data, to: LedgerStore.backupURL(for: url), mode: mode)
            ledger.generation = generation + 1
            let encoded = try LedgerCoding.encode(ledger)
            let written = try DurableFile.write(encoded, to: url)
            if let identity = LedgerIndex.identity(of: url, written: written) {
                LedgerIndex.write(for: url, ledger: ledger, encoded: encoded, identity: identity)
            }
        }
        removeFoldedAside(url)
        return ledger.generation
    }

    /// Writes `snapshot` (the file's generation with the aside's lines applied) as the next
    /// generation and removes the aside; folds from the disk where the file is not of the
    /// snapshot's generation.
    static func write(_ snapshot: Ledger, asFoldOf url: URL) throws -> Int {
        guard try LedgerCoding.generation(ofFileAt: url) == snapshot.generation else { return try foldAside(of: url) }
        var next = snapshot
        next.generation = snapshot.generation + 1
        let encoded = try LedgerCoding.encode(next)
        try DurableFile.copy(url, to: LedgerStore.backupURL(for: url), mode: LedgerFiles.mode(of: url))
        let written = try DurableFile.write(encoded, to: url)
        if let identity = LedgerIndex.identity(of: url, written: written) {
            LedgerIndex.write(for: url, ledger: next, encoded: encoded, identity: identity)
        }
        removeFoldedAside(url)
        return next.generation
    }

    /// Removes an aside whose lines are all in the file (left in place, it is harmless: its
    /// lines are older than the file).
    static func removeFoldedAside(_ url: URL) {
        let aside = LedgerJournal.foldingURL(for: url)
        guard unlink(aside.path) == 0 else { return }
        try? DurableFile.syncFolder(url.deletingLastPathComponent().path, for: aside.path)
    }
}

/// One fold on its thread: its outcome once done, and a way to wait for it.
final class BackgroundFold: @unchecked Sendable {
    private let condition = NSCondition()
    private var done: (result: Result<Int, Error>, changes: Int)?

    var outcome: (result: Result<Int, Error>, changes: Int)? { condition.withLock { done } }

    func finish(_ result: Result<Int, Error>, changes: Int) {
        condition.withLock {
            done = (result, changes)
            condition.broadcast()
        }
    }

    func wait() {
        condition.withLock {
            while done == nil { condition.wait() }
        }
    }
}
