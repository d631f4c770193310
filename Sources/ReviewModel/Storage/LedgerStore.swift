import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The ledger on disk: the JSON file plus its journal. Opened under an exclusive lock (or read-only
/// when another upr holds it); every change is appended to the journal and fsynced before it is
/// reported; the journal is folded into the file (atomically, keeping one `.bak`) by `fold`
/// (`upr fold`, imports), in the background by `beginFold` (the workbench, every `foldEvery`
/// changes), and on closing only where that is quick (`foldOnCloseUpTo`): never on a key.
public final class LedgerStore {
    /// The ledger file itself: a symlink given to `open` is followed to its target.
    public let url: URL
    /// Everything that is durable: the file with the journal applied.
    public internal(set) var saved: Ledger { didSet { savedChanges &+= 1 } }
    /// Counts the changes of `saved` (`separateInBackground`).
    private(set) var savedChanges = 0
    /// A copy of `saved` with lists of its own, being made (`LedgerStore+Separate`).
    var separating: SeparateCopy?
    /// Set when another upr holds the ledger: who, for the banner. Such a store never writes.
    public let heldBy: String?
    /// Set when the ledger's folder cannot be written (read-only mount or folder): why. Such a
    /// store never writes either.
    public let readOnlyReason: String?
    /// What opening found and mended (a torn journal line, a migration, a fold that could not be
    /// written), for the user to see: every command shows them.
    public private(set) var notes: [String] = []
    public var foldEvery = 500
    private let lock: LedgerLock?
    let journal: LedgerJournal
    var journalCount = 0
    /// The generation the journal's lines continue: the file's, or the one after it while the
    /// lines before a background fold's snapshot wait in `LEDGER.journal.folding`.
    var journalBase = 0
    /// The file's history, still being read where the store was opened with `deferHistory`.
    private var pendingHistory: LedgerFastDecoding.PendingHistory?
    /// The background fold under way, if any (`LedgerStore+Fold`).
    var folding: BackgroundFold?
    var retryFoldAt = 0

    public var isReadOnly: Bool { heldBy != nil || readOnlyReason != nil }
    /// Changes that are durable in the journal and not yet folded into the file.
    public var unfolded: Int { journalCount }
    public static func backupURL(for url: URL) -> URL { URL(fileURLWithPath: url.path + ".bak") }

    private init(url: URL, saved: Ledger, lock: LedgerLock?, heldBy: String? = nil, readOnlyReason: String? = nil) {
        self.url = url
        self.saved = saved
        self.lock = lock
        self.heldBy = heldBy
        self.readOnlyReason = readOnlyReason
        journal = LedgerJournal(ledger: url)
    }

    /// Opens the ledger at `url`. Where no file exists and `seed` is given, a new ledger is made
    /// from it and written at once. Where another upr holds the lock, or the folder cannot be
    /// written, opens read-only if `readOnlyIfLocked`, else throws `.locked` / `.readOnlyPlace`.
    /// A file that cannot be read is never overwritten.
    ///
    /// `deferHistory` (the workbench): a large ledger's history may still be being read when
    /// this returns; `completeHistory` waits for it, and nothing is written before.
    public static func open(
        _ given: URL, analyst: String, seed: (() throws -> Ledger)? = nil, readOnlyIfLocked: Bool = false, deferHistory: Bool = false
    ) throws -> (store: LedgerStore, created: Bool) {
        let url = LedgerFiles.resolved(given)
        let lock: LedgerLock
        do {
            lock = try LedgerLock(ledger: url, analyst: analyst)
            if access(url.deletingLastPathComponent().path, W_OK) != 0 {
                let reason = String(cString: strerror(errno))
                lock.release()
                throw LedgerError.readOnlyPlace(path: url.path, reason: "its folder cannot be written (\(reason))")
            }
            // A save replaces the file by rename, which would leave its other names on the old
            // contents: two ledgers, each with its own lock and journal.
            var info = stat()
            if stat(url.path, &info) == 0, info.st_nlink > 1 {
                lock.release()
                throw LedgerError.readOnlyPlace(path: url.path, reason: "it has \(info.st_nlink) hard links, and a save would split it into two ledgers (link it with ln -s instead)")
            }
        } catch LedgerError.locked(_, let holder) where readOnlyIfLocked {
            let loaded = try load(url, deferHistory: deferHistory)
            let store = LedgerStore(url: url, saved: loaded.ledger, lock: nil, heldBy: holder)
            store.notes = loaded.notes
            store.pendingHistory = loaded.pendingHistory
            return (store, false)
        } catch LedgerError.readOnlyPlace(_, let reason) where readOnlyIfLocked && FileManager.default.fileExists(atPath: url.path) {
            let loaded = try load(url, deferHistory: deferHistory)
            let store = LedgerStore(url: url, saved: loaded.ledger, lock: nil, readOnlyReason: reason)
            store.notes = loaded.notes
            store.pendingHistory = loaded.pendingHistory
            return (store, false)
        }
        LedgerFiles.removeLeftovers(for: url)
        guard FileManager.default.fileExists(atPath: url.path) else {
            guard let seed else { throw LedgerError.notFound(path: url.path) }
            // Changes of a ledger that was moved or deleted: a new one must not empty them away.
            let orphans = try LedgerJournal(ledger: url).read().entries.count
            guard orphans == 0 else {
                throw LedgerError.unreadable(path: url.path, reason: "it is gone, but its journal \(LedgerJournal.url(for: url).lastPathComponent) holds \(orphans) change\(orphans == 1 ? "" : "s"); put the ledger back (or its .bak and run `upr recover`), or move the journal away to start anew")
            }
            let store = LedgerStore(url: url, saved: try seed(), lock: lock)
            try store.journal.reset()
            try store.save(store.saved)
            return (store, true)
        }
        // (A file of an older schema is read whole: `LedgerCoding.decodeIfPlain` waits for its history.)
        let loaded = try load(url, deferHistory: deferHistory)
        let store = LedgerStore(url: url, saved: loaded.ledger, lock: lock)
        store.notes = loaded.notes
        store.pendingHistory = loaded.pendingHistory
        store.journal.continueAfter(loaded.journal)
        store.journalCount = loaded.replayed
        store.journalBase = loaded.base
        if let torn = loaded.journal.torn { store.setAside(torn) }
        let fileVersion = try LedgerCoding.schemaVersion(ofFileAt: url)
        if fileVersion < Ledger.currentSchemaVersion {
            let backup = URL(fileURLWithPath: url.path + ".v\(fileVersion).bak")
            do {
                try DurableFile.write(try Data(contentsOf: url), to: backup, mode: LedgerFiles.mode(of: url))
                try store.save(loaded.ledger)
                store.notes.append("Migrated \(url.lastPathComponent) to schemaVersion \(Ledger.currentSchemaVersion); the old file is kept as \(backup.lastPathComponent)")
            } catch {
                store.notes.append("NOT SAVED: \(url.lastPathComponent) could not be migrated to schemaVersion \(Ledger.currentSchemaVersion) (\(error)); it stays as it is and changes go to its journal")
            }
        } else {
            // Opening never folds (that is `upr fold`'s, or the workbench's in the background):
            // only lines folded already (a crash before the journal was emptied) are emptied.
            if !loaded.journal.entries.isEmpty && loaded.replayedFromJournal == 0 { try? store.journal.reset() }
            if loaded.foldingDone { LedgerStore.removeFoldedAside(url) }
        }
        return (store, false)
    }

    /// Where the ledger was opened with `deferHistory`: waits for the file's history and puts
    /// it before the journal's changes in `saved`; where that reading did not go as the file's
    /// layout promised, the whole file is read again as without `deferHistory` (and refused by
    /// name if damaged). Returns whether `saved` changed (the caller's copy is then to be
    /// replaced by it).
    public func completeHistory() throws -> Bool {
        guard let pending = pendingHistory else { return false }
        pendingHistory = nil
        if let history = pending.history() {
            saved.completeHistory(consume history)
        } else {
            saved = try LedgerStore.load(url).ledger
        }
        return true
    }

    /// Reads a ledger and applies its journal, without locking or writing: for export and
    /// statistics, and for a read-only workbench.
    public static func read(_ url: URL) throws -> Ledger { try load(LedgerFiles.resolved(url)).ledger }

    /// `read`, with what the user must be told (a torn last journal line).
    public static func readReporting(_ url: URL) throws -> (ledger: Ledger, notes: [String]) {
        let loaded = try load(LedgerFiles.resolved(url))
        return (loaded.ledger, loaded.notes)
    }

    /// A torn last line, already reported in `notes`, is kept aside and cut off, so that the next
    /// append starts on a line of its own and the dropped bytes can still be looked at.
    private func setAside(_ torn: (line: Int, offset: Int)) {
        guard let data = FileManager.default.contents(atPath: journal.url.path), torn.offset <= data.count else { return }
        let aside = URL(fileURLWithPath: journal.url.path + ".torn-" + Timestamp.iso(Date()).filter { $0.isNumber })
        let kept = (try? DurableFile.write(data.suffix(from: torn.offset), to: aside, mode: LedgerFiles.mode(of: url))) != nil
        do {
            try journal.cut(at: torn.offset)
            if kept, let last = notes.indices.last { notes[last] += " (its bytes are kept in \(aside.lastPathComponent))" }
        } catch {
            notes.append("NOT SAVED: the torn last line of \(journal.url.lastPathComponent) could not be cut off (\(error)); nothing can be recorded until it is")
        }
    }

    /// Makes the changes in `ledger` durable: the history entries it has beyond what is saved are
    /// appended to the journal and fsynced. Returns only once they are on disk.
    public func record(_ ledger: Ledger) throws {
        try refuseIfReadOnly()
        guard ledger.history.count >= saved.history.count else {
            throw LedgerError.writeFailed(path: url.path, step: "journal", reason: "the changes do not follow the saved history")
        }
        let new = Array(ledger.history[saved.history.count...])
        try journal.append(new, base: journalBase)
        if ledger.sameBesidesDecisions(as: saved) {
            // The store replays the changes on its own copy rather than keep the caller's: sharing
            // one copy would make the caller's next change copy every decision and the whole
            // history (milliseconds at 42,000 recommendations, tens at 420,000).
            for event in new { try saved.apply(event) }
        } else {
            var merged = ledger
            merged.generation = saved.generation
            saved = merged
        }
        journalCount += new.count
    }

    private func refuseIfReadOnly() throws {
        if let heldBy { throw LedgerError.locked(path: url.path, holder: heldBy) }
        if let readOnlyReason { throw LedgerError.readOnlyPlace(path: url.path, reason: readOnlyReason) }
    }

    /// Writes the whole ledger (for imports and migrations, which change more than decisions).
    public func save(_ ledger: Ledger) throws {
        try refuseIfReadOnly()
        guard !ledger.historyPending else { throw LedgerError.historyNotRead }
        waitForFold()
        collectFinishedFold()  // failed or not, this save writes every change
        let mode = LedgerFiles.mode(of: url)
        if FileManager.default.fileExists(atPath: url.path) {
            let onDisk = try LedgerCoding.generation(ofFileAt: url)
            guard onDisk == saved.generation else {
                throw LedgerError.writeFailed(path: url.path, step: "generation check", reason: "the file on disk is generation \(onDisk), this upr read \(saved.generation): it was changed by someone else, and saving would overwrite those changes")
            }
            // Copied a megabyte at a time: read whole, a 200 MB ledger was 200 MB more at the peak.
            try DurableFile.copy(url, to: LedgerStore.backupURL(for: url), mode: mode)
        }
        var next = ledger
        // Past the journal's generation too, so that the lines of both journals count as folded.
        next.generation = max(saved.generation, journalBase) + 1
        let encoded = try LedgerCoding.encode(next)
        let written: stat
        do {
            written = try DurableFile.write(encoded, to: url)
        } catch {
            // Failed after the rename (the folder's fsync): the new file is in place, and the
            // journal's lines must now count as folded, or the next ones would be read as such.
            if (try? LedgerCoding.generation(ofFileAt: url)) == next.generation { settle(next) }
            throw error
        }
        settle(next)
        // The cache of where each record's line is, for `LedgerQuickStore` (after the file: a
        // crash between the two leaves an index that no longer matches the file, never one that
        // seems to).
        if let identity = LedgerIndex.identity(of: url, written: written) {
            LedgerIndex.write(for: url, ledger: next, encoded: encoded, identity: identity)
        }
    }

    private func settle(_ next: Ledger) {
        saved = next
        journalCount = 0
        journalBase = next.generation
        // Left behind, the old lines are harmless: their generation is older than the file's.
        try? journal.reset()
        LedgerStore.removeFoldedAside(url)
    }

    /// Folds the journal into the file.
    public func fold() throws { try save(saved) }

    /// Lets go of the lock without folding, as a killed process would: for tests of recovery.
    func abandon() { lock?.release() }

    /// Up to this size the journal is folded on closing, which then takes milliseconds whatever
    /// the journal holds, so that a review's ledger (a few hundred recommendations: 200 KB) is
    /// whole in its file for git. Larger ones are left to the background folds and `upr fold`.
    public var foldOnCloseUpTo = LedgerStore.foldOnCloseDefault
    public static let foldOnCloseDefault = 1 << 20

    /// Lets go of the lock, after a background fold under way has finished. Folds only a small
    /// ledger (`foldOnCloseUpTo`): otherwise the changes stay durable in the journal, which the
    /// next start replays. Returns what the user must be told where a fold failed.
    @discardableResult
    public func close() -> String? {
        defer { lock?.release() }
        waitForFold()
        if let problem = collectFinishedFold() { return problem }
        var info = stat()
        // A history never completed (the workbench stopped first): the journal stays in charge.
        guard !isReadOnly, !saved.historyPending, journalCount > 0, stat(url.path, &info) == 0, Int(info.st_size) <= foldOnCloseUpTo else { return nil }
        do {
            try fold()
            return nil
        } catch {
            return "\(journalCount) change\(journalCount == 1 ? " is" : "s are") saved in \(journal.url.lastPathComponent) but could not be folded into \(url.lastPathComponent) (\(error)); the next start replays the journal"
        }
    }
}
