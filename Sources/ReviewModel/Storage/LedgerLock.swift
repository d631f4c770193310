import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a second `upr` from writing the same ledger: an exclusive `flock` on `LEDGER.lock`.
/// The kernel drops the lock when the process ends, even by `kill -9`, so it never goes stale.
/// The lock file says who holds it, for the message the second instance shows.
public final class LedgerLock {
    public let path: String
    private var fd: Int32

    public static func lockPath(for ledger: URL) -> String { ledger.path + ".lock" }

    public init(ledger: URL, analyst: String) throws {
        path = LedgerLock.lockPath(for: ledger)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw LedgerError.writeFailed(path: ledger.path, step: "creating the lock file \(path)", reason: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            throw LedgerError.locked(path: ledger.path, holder: holder.flatMap { $0.isEmpty ? nil : $0 } ?? "holder unknown")
        }
        let host = ProcessInfo.processInfo.hostName
        let who = "\(analyst) on \(host), pid \(getpid()), since \(Timestamp.iso(Date()))\n"
        ftruncate(fd, 0)
        _ = who.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    public func release() {
        guard fd >= 0 else { return }
        ftruncate(fd, 0)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
