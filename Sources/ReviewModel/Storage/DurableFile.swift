import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file's contents so that after a crash at any moment the file holds either the old
/// contents or the new, never a mix: temp file in the same folder, write, fsync, rename, fsync the
/// folder. Keeps the old file's permissions. (Foundation's `.atomic` write on Linux does not sync
/// the folder, resets permissions and leaves temp files after a crash.)
public enum DurableFile {
    /// The steps of a save, where tests inject faults.
    public enum Step: String, CaseIterable, Sendable { case write, fsync, rename, folderFsync = "fsync of the folder" }

    /// Test hook: return an errno to make that step fail as the system would.
    nonisolated(unsafe) public static var faultInjection: ((Step, String) -> Int32?)?

    public static func temporaryPrefix(for url: URL) -> String { temporaryPrefix(forName: url.lastPathComponent) }
    static func temporaryPrefix(forName name: String) -> String { ".\(name).tmp-" }

    /// `mode`: the permissions the file gets (a file beside a ledger takes the ledger's); without
    /// it, an existing file keeps its own and a new one is 0644. Returns the new file's `fstat`
    /// as written (before the rename), for `LedgerIndex` to tell it from any later change.
    @discardableResult
    public static func write(_ data: Data, to url: URL, mode forced: mode_t? = nil) throws -> stat {
        try replace(url, mode: forced) { fd in try writeAll(data, to: fd, path: url.path) }
    }

    /// Copies the file at `source` to `url` as `write` writes, a megabyte at a time: a copy of a
    /// 200 MB ledger (its `.bak`) without 200 MB in memory.
    @discardableResult
    public static func copy(_ source: URL, to url: URL, mode forced: mode_t? = nil) throws -> stat {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw failure(source.path, "opening it to copy") }
        defer { close(input) }
        return try replace(url, mode: forced) { fd in
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { chunk.deallocate() }
            while true {
                let count = read(input, chunk.baseAddress, chunk.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw failure(source.path, "reading it to copy")
                }
                if count == 0 { return }
                try writeAll(Data(bytesNoCopy: chunk.baseAddress!, count: count, deallocator: .none), to: fd, path: url.path)
            }
        }
    }

    /// Temp file, `fill`, fsync, rename, fsync of the folder; the new file's `fstat` as written.
    private static func replace(_ url: URL, mode forced: mode_t?, fill: (Int32) throws -> Void) throws -> stat {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        let temp = folder + "/" + temporaryPrefix(for: url) + "\(getpid())"
        var mode: mode_t = forced ?? 0o644
        var info = stat()
        if forced == nil, stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }

        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(path, "creating \(temp)") }
        var cleanUp = true
        defer { if cleanUp { unlink(temp) } }
        var written = stat()
        do {
            defer { close(fd) }
            fchmod(fd, mode)
            try fill(fd)
            try sync(fd, step: .fsync, path: path)
            fstat(fd, &written)
        }
        try inject(.rename, path)
        guard rename(temp, path) == 0 else { throw failure(path, Step.rename.rawValue) }
        cleanUp = false
        try syncFolder(folder, for: path)
        return written
    }

    static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try inject(.write, path)
        try data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure(path, Step.write.rawValue)
                }
                done += n
            }
        }
    }

    static func sync(_ fd: Int32, step: Step, path: String) throws {
        try inject(step, path)
        guard fsync(fd) == 0 else { throw failure(path, step.rawValue) }
    }

    static func syncFolder(_ folder: String, for path: String) throws {
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirfd >= 0 else { throw failure(path, "opening the folder to sync it") }
        defer { close(dirfd) }
        try sync(dirfd, step: .folderFsync, path: path)
    }

    static func inject(_ step: Step, _ path: String) throws {
        if let code = faultInjection?(step, path) {
            errno = code
            throw failure(path, step.rawValue)
        }
    }

    static func failure(_ path: String, _ step: String) -> LedgerError {
        .writeFailed(path: path, step: step, reason: String(cString: strerror(errno)))
    }
}
