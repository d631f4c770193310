import Foundation

/// The ledger on disk: the JSON file plus its journal. Opened under an exclusive lock (or read-only
/// when another upr holds it); every change is appended to the journal and fsynced before it is
/// reported; the journal is folded into the file (atomically, keeping one `.bak`) on close and
/// every `foldEvery` changes.
public final class LedgerStore {
    public let url: URL
    /// Everything that is durable: the file with the journal applied.
    public private(set) var saved: Ledger
    /// Set when another upr holds the ledger: who, for the banner. Such a store never writes.
    public let heldBy: String?
    /// What opening found and mended (a torn journal line, a migration), for the user to see.
    public private(set) var notes: [String] = []
    public var foldEvery = 500
    private let lock: LedgerLock?
    private let journal: LedgerJournal
    private var journalCount = 0

    public var isReadOnly: Bool { heldBy != nil }
    public static func backupURL(for url: URL) -> URL { URL(fileURLWithPath: url.path + ".bak") }

    private init(url: URL, saved: Ledger, lock: LedgerLock?, heldBy: String?) {
        self.url = url
        self.saved = saved
        self.lock = lock
        self.heldBy = heldBy
        journal = LedgerJournal(ledger: url)
    }

    /// Opens the ledger at `url`. Where no file exists and `seed` is given, a new ledger is made
    /// from it and written at once. Where another upr holds the lock, opens read-only if
    /// `readOnlyIfLocked`, else throws `.locked`. A file that cannot be read is never overwritten.
    public static func open(
        _ url: URL, analyst: String, seed: (() throws -> Ledger)? = nil, readOnlyIfLocked: Bool = false
    ) throws -> (store: LedgerStore, created: Bool) {
        let lock: LedgerLock
        do {
            lock = try LedgerLock(ledger: url, analyst: analyst)
        } catch LedgerError.locked(_, let holder) where readOnlyIfLocked {
            let (ledger, _, _) = try load(url)
            return (LedgerStore(url: url, saved: ledger, lock: nil, heldBy: holder), false)
        }
        DurableFile.removeLeftovers(for: url)
        guard FileManager.default.fileExists(atPath: url.path) else {
            guard let seed else { throw LedgerError.notFound(path: url.path) }
            let store = LedgerStore(url: url, saved: try seed(), lock: lock, heldBy: nil)
            try store.journal.reset()
            try store.save(store.saved)
            return (store, true)
        }
        let (ledger, replayed, notes) = try load(url)
        let store = LedgerStore(url: url, saved: ledger, lock: lock, heldBy: nil)
        store.notes = notes
        let fileVersion = try LedgerCoding.schemaVersion(ofFileAt: url)
        if fileVersion < Ledger.currentSchemaVersion {
            let backup = URL(fileURLWithPath: url.path + ".v\(fileVersion).bak")
            try DurableFile.write(try Data(contentsOf: url), to: backup)
            store.notes.append("Migrated \(url.lastPathComponent) to schemaVersion \(Ledger.currentSchemaVersion); the old file is kept as \(backup.lastPathComponent)")
            try store.save(ledger)
        } else if replayed > 0 {
            store.journalCount = replayed
            try store.fold()
        }
        return (store, false)
    }

    /// Reads a ledger and applies its journal, without locking or writing: for export and
    /// statistics, and for a read-only workbench.
    public static func read(_ url: URL) throws -> Ledger { try load(url).ledger }

    static func load(_ url: URL) throws -> (ledger: Ledger, replayed: Int, notes: [String]) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { throw LedgerError.notFound(path: url.path) }
            throw LedgerError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        var ledger = try LedgerCoding.decode(data, path: url.path)
        let (entries, warning) = try LedgerJournal(ledger: url).read()
        var replayed = 0
        for entry in entries {
            if entry.base < ledger.generation { continue }  // folded already; the crash came before the journal was emptied
            guard entry.base == ledger.generation else {
                throw LedgerError.unreadable(path: url.path, reason: "its journal continues generation \(entry.base) but the file is generation \(ledger.generation): the file is older than its journal (restored from a backup?). Run `upr recover --ledger \(url.path)`")
            }
            try ledger.apply(entry.event)
            replayed += 1
        }
        return (ledger, replayed, warning.map { [$0] } ?? [])
    }

    /// Makes the changes in `ledger` durable: the history entries it has beyond what is saved are
    /// appended to the journal and fsynced. Returns only once they are on disk.
    public func record(_ ledger: Ledger) throws {
        guard !isReadOnly else { throw LedgerError.locked(path: url.path, holder: heldBy ?? "another upr") }
        guard ledger.history.count >= saved.history.count else {
            throw LedgerError.writeFailed(path: url.path, step: "journal", reason: "the changes do not follow the saved history")
        }
        let new = Array(ledger.history[saved.history.count...])
        try journal.append(new, base: saved.generation)
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
        if journalCount >= foldEvery { try? fold() }  // the changes are durable in the journal either way
    }

    /// Writes the whole ledger (for imports and migrations, which change more than decisions).
    public func save(_ ledger: Ledger) throws {
        guard !isReadOnly else { throw LedgerError.locked(path: url.path, holder: heldBy ?? "another upr") }
        if FileManager.default.fileExists(atPath: url.path) {
            let onDisk = try LedgerCoding.generation(ofFileAt: url)
            guard onDisk == saved.generation else {
                throw LedgerError.writeFailed(path: url.path, step: "generation check", reason: "the file on disk is generation \(onDisk), this upr read \(saved.generation): it was changed by someone else, and saving would overwrite those changes")
            }
            try DurableFile.write(try Data(contentsOf: url), to: LedgerStore.backupURL(for: url))
        }
        var next = ledger
        next.generation = saved.generation + 1
        try DurableFile.write(try LedgerCoding.encode(next), to: url)
        try journal.reset()
        saved = next
        journalCount = 0
    }

    /// Folds the journal into the file.
    public func fold() throws { try save(saved) }

    /// Lets go of the lock without folding, as a killed process would: for tests of recovery.
    func abandon() { lock?.release() }

    public func close() {
        if !isReadOnly && journalCount > 0 { try? fold() }
        lock?.release()
    }
}

/// Who is deciding: `--analyst`, else `UPR_ANALYST`, else the login name.
public enum Analyst {
    public static func current(_ override: String? = nil) -> String {
        if let name = override?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        let environment = ProcessInfo.processInfo.environment
        for key in ["UPR_ANALYST", "USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        return NSUserName().isEmpty ? "analyst" : NSUserName()
    }
}
