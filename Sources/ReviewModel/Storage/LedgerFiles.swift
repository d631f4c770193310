import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files beside a ledger (`.journal`, `.lock`, `.bak`, `.clusters`, migration backups, files
/// kept aside), which hold the same text as the ledger and so take its permissions; the real
/// file behind a symlinked ledger; and the temp files a crash can leave behind.
public enum LedgerFiles {
    /// The suffixes of the files upr keeps beside `LEDGER`, for `git-setup` and the clean-up.
    public static let workingSuffixes = [".bak", ".journal", ".lock", ".clusters", ".journal.folding", ".index"]

    /// The file a ledger path names: symlinks followed to their target (which may not exist
    /// yet), so that the lock, the journal and the writes all go to one file whatever the path.
    public static func resolved(_ url: URL) -> URL {
        var path = url.standardizedFileURL.path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { break }
            let folder = (path as NSString).deletingLastPathComponent
            path = target.hasPrefix("/") ? target : folder + "/" + target
            path = URL(fileURLWithPath: path).standardizedFileURL.path
        }
        // The folder too, so that two paths to the same folder lock the same file.
        let folder = (path as NSString).deletingLastPathComponent
        if let real = realpath(folder, nil) {
            defer { free(real) }
            path = String(cString: real) + "/" + (path as NSString).lastPathComponent
        }
        return URL(fileURLWithPath: path)
    }

    /// The permissions the files beside the ledger take: the ledger's own (0644 before it exists).
    public static func mode(of ledger: URL) -> mode_t {
        var info = stat()
        return stat(ledger.path, &info) == 0 ? info.st_mode & 0o666 : 0o644
    }

    /// Gives an existing file beside the ledger the ledger's permissions (files of older versions
    /// were 0644 whatever the ledger was).
    static func matchMode(_ path: String, ledger: URL) {
        let wanted = mode(of: ledger)
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o7777 != wanted { chmod(path, wanted) }
    }

    /// Removes the temp files that an interrupted write of the ledger or of a file beside it left
    /// (`.NAME.tmp-PID`, `.NAME.bak.tmp-PID`, …), unless the process that writes it still runs.
    /// Call only while holding the ledger's lock.
    public static func removeLeftovers(for url: URL) {
        let folder = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        let prefixes = ([""] + workingSuffixes + [".v1.bak"]).map { DurableFile.temporaryPrefix(forName: name + $0) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // Also the analysts' own files beside it (`.NAME.lan.resume.tmp-PID`).
        let own = "." + name + "."
        for candidate in names {
            let prefix = prefixes.first(where: { candidate.hasPrefix($0) })
                ?? (candidate.hasPrefix(own) ? candidate.range(of: ".tmp-", options: .backwards).map { String(candidate[..<$0.upperBound]) } : nil)
            guard let prefix, let pid = Int32(candidate.dropFirst(prefix.count)) else { continue }
            if pid != getpid() && kill(pid, 0) == 0 { continue }  // still being written
            unlink(folder.appendingPathComponent(candidate).path)
        }
    }
}
