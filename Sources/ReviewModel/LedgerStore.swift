import Foundation

/// The ledger on disk: opened under an exclusive lock, saved durably after every change.
public final class LedgerStore {
    public let url: URL
    public private(set) var saved: Ledger
    private let lock: LedgerLock

    private init(url: URL, saved: Ledger, lock: LedgerLock) {
        self.url = url
        self.saved = saved
        self.lock = lock
    }

    /// Opens (and locks) the ledger at `url`. Where no file exists and `seed` is given, a new
    /// ledger is made from it and written at once. A file that cannot be read is never overwritten.
    public static func open(
        _ url: URL, analyst: String, seed: (() throws -> Ledger)? = nil
    ) throws -> (store: LedgerStore, created: Bool) {
        let lock = try LedgerLock(ledger: url, analyst: analyst)
        DurableFile.removeLeftovers(for: url)
        if FileManager.default.fileExists(atPath: url.path) {
            let ledger = try read(url)
            return (LedgerStore(url: url, saved: ledger, lock: lock), false)
        }
        guard let seed else { throw LedgerError.notFound(path: url.path) }
        let ledger = try seed()
        let store = LedgerStore(url: url, saved: ledger, lock: lock)
        try store.save(ledger)
        return (store, true)
    }

    /// Reads a ledger without locking it: for export and statistics, which never write.
    public static func read(_ url: URL) throws -> Ledger {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { throw LedgerError.notFound(path: url.path) }
            throw LedgerError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try LedgerCoding.decode(data, path: url.path)
    }

    /// Writes the whole ledger durably; returns only once it is on disk.
    public func save(_ ledger: Ledger) throws {
        try DurableFile.write(try LedgerCoding.encode(ledger), to: url)
        saved = ledger
    }

    public func close() { lock.release() }
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
