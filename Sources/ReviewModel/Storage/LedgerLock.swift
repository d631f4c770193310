import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a second `upr` from writing the same ledger: an exclusive `flock` on `LEDGER.lock`,
/// beside the file a symlinked ledger points to (`LedgerFiles.resolved`), so that every path to
/// one ledger takes one lock. The kernel drops the lock when the process ends, even by
/// `kill -9`, so it never goes stale. The lock file says who holds it, for the message the
/// second instance shows.
public final class LedgerLock {
    public let path: String
    private var fd: Int32

    public static func lockPath(for ledger: URL) -> String { ledger.path + ".lock" }

    /// Throws `.locked` naming the holder, or `.readOnlyPlace` where the folder cannot be written.
    public init(ledger: URL, analyst: String) throws {
        path = LedgerLock.lockPath(for: ledger)
        let mode = LedgerFiles.mode(of: ledger)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode)
        guard fd >= 0 else {
            let code = errno
            if [EROFS, EACCES, EPERM].contains(code) {
                throw LedgerError.readOnlyPlace(path: ledger.path, reason: "the lock file \(path) cannot be created (\(String(cString: strerror(code)))): the folder is read-only")
            }
            throw LedgerError.writeFailed(path: ledger.path, step: "creating the lock file \(path)", reason: String(cString: strerror(code)))
        }
        fchmod(fd, mode)
        // A holder that has just taken the lock writes its name a moment later, and one letting
        // go empties the file a moment before: wait a little for either rather than say "unknown".
        var holder: String?
        for attempt in 0..<25 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { holder = nil; break }
            holder = Self.holder(of: path)
            if holder != nil && attempt >= 2 { break }
            usleep(20_000)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw LedgerError.locked(path: ledger.path, holder: holder ?? Self.processHolding(path) ?? "holder unknown")
        }
        let host = ProcessInfo.processInfo.hostName
        let who = "\(analyst) on \(host), pid \(getpid()), since \(Timestamp.iso(Date()))\n"
        ftruncate(fd, 0)
        _ = who.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    private static func holder(of path: String) -> String? {
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The process the kernel says holds a lock on the file (Linux: /proc/locks), where the lock
    /// file does not say (written by something else than upr, or emptied).
    static func processHolding(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        for line in locks.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK" else { continue }
            let place = fields[5].split(separator: ":")
            // MAJOR:MINOR:INODE; the inode is enough to tell the file among the few locks held.
            guard place.count == 3, UInt64(place[2]) == UInt64(info.st_ino), let pid = Int32(fields[4]) else { continue }
            let command = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            return "pid \(pid)\(command.map { " (\($0))" } ?? "")"
        }
        return nil
    }

    public func release() {
        guard fd >= 0 else { return }
        ftruncate(fd, 0)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
