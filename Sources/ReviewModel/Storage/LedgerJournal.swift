import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The append-only journal beside the ledger (`LEDGER.journal`): one line per change, appended
/// and fsynced before the change is shown, so that a decision is durable in a time that does not
/// grow with the ledger. Each line names the ledger generation it applies to (`base`), its own
/// number (`seq`, its line number), a hash of the line before it (`prev`) and one of itself
/// (`check`, taken with its own value as zeros), so that a line
/// missing, repeated, moved, edited or brought from another journal is found
/// (`JournalChain`). Folding writes the ledger in full with the next generation and empties it.
public final class LedgerJournal {
    struct Line: Codable {
        var base: Int
        var event: ChangeEvent
        /// Absent in journals of upr before the chain (read as they are, see `JournalChain`).
        var seq: Int?
        var prev: String?
        var check: String?
    }

    /// What the journal holds: the changes in order, a last line cut off by a crash, and where
    /// the next line continues the chain.
    public struct Contents {
        public var entries: [(base: Int, event: ChangeEvent)] = []
        /// The line number of each entry, for messages.
        public var entryLines: [Int] = []
        /// The line number of a last line without its newline, and the byte where it starts.
        public var torn: (line: Int, offset: Int)?
        var lines = 0
        var lastHash: UInt64?

        /// The message every command shows about a torn last line.
        public func warning(path: String) -> String? {
            torn.map { "\(path):\($0.line): the last change was cut off by a crash (never reported saved); it is left out" }
        }
    }

    public let url: URL
    private var fd: Int32 = -1
    private var mode: mode_t = 0o644
    /// Lines on disk and the hash of the last: where the next append continues the chain.
    private var lines = 0
    private var lastHash: UInt64?
    var lineCount: Int { lines }

    public static func url(for ledger: URL) -> URL { URL(fileURLWithPath: ledger.path + ".journal") }
    /// The journal being folded in the background: the lines before the fold's snapshot, renamed
    /// aside so that new lines start a journal of the next generation (see `LedgerStore+Fold`).
    public static func foldingURL(for ledger: URL) -> URL { URL(fileURLWithPath: ledger.path + ".journal.folding") }

    public init(ledger: URL, folding: Bool = false) {
        url = folding ? LedgerJournal.foldingURL(for: ledger) : LedgerJournal.url(for: ledger)
        mode = LedgerFiles.mode(of: ledger)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The changes on disk, in order. A torn last line (a crash mid-append) is reported in
    /// `torn`; damage before it is refused, each damaged line with its number.
    public func read() throws -> Contents {
        guard FileManager.default.fileExists(atPath: url.path) else { return Contents() }
        // A journal that is there but cannot be read holds changes nobody may fold away.
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LedgerError.unreadable(path: url.path, reason: "the journal cannot be read (\((error as NSError).localizedFailureReason ?? error.localizedDescription)); it may hold changes not yet in the ledger, so nothing was opened")
        }
        guard !data.isEmpty else { return Contents() }
        return try LedgerJournal.parse(data, path: url.path)
    }

    /// Reads journal text; `path` names it in messages.
    public static func parse(_ data: Data, path: String) throws -> Contents {
        var chain = JournalChain()
        var contents = Contents()
        var start = data.startIndex, number = 0
        while start < data.endIndex {
            number += 1
            guard let newline = Self.newline(in: data, from: start) else {
                // Appends end with a newline and are fsynced before they are reported; a last
                // line without one was cut off by a crash.
                contents.torn = (number, start - data.startIndex)
                break
            }
            chain.add(Data(data[start..<newline]), number: number)
            start = newline + 1
        }
        let problems = chain.problems()
        guard problems.isEmpty else { throw LedgerError.damagedJournal(path: path, problems: problems) }
        contents.entries = chain.entries
        contents.entryLines = chain.entryLines
        contents.lines = chain.count
        contents.lastHash = chain.lastHash
        return contents
    }

    /// The index of the next line break at or after `start` (memchr: Data's generic search costs a
    /// call per byte, and `upr decide` reads the journal whole).
    private static func newline(in data: Data, from start: Data.Index) -> Data.Index? {
        data.withUnsafeBytes { raw -> Data.Index? in
            let offset = start - data.startIndex
            guard let base = raw.baseAddress, offset < raw.count,
                  let found = memchr(base + offset, 0x0A, raw.count - offset) else { return nil }
            return data.startIndex + (UnsafeRawPointer(found) - base)
        }
    }

    /// Where appends continue: after the lines `contents` read.
    func continueAfter(_ contents: Contents) {
        lines = contents.lines
        lastHash = contents.lastHash
    }

    /// Appends changes and fsyncs; returns once they are on disk. Nothing is written half: a
    /// failed append is cut back to where it started.
    public func append(_ events: [ChangeEvent], base: Int) throws {
        guard !events.isEmpty else { return }
        let encoder = LedgerCoding.lineEncoder()
        var text = Data()
        var (count, hash) = (lines, lastHash)
        for event in events {
            count += 1
            let line = Line(base: base, event: event, seq: count, prev: JournalChain.link(after: hash, base: base), check: JournalChain.unchecked)
            let bytes = JournalChain.checked(try encoder.encode(line))
            hash = JournalChain.hash(bytes)
            text.append(bytes)
            text.append(UInt8(ascii: "\n"))
        }
        try openIfNeeded()
        let start = lseek(fd, 0, SEEK_END)
        do {
            try DurableFile.writeAll(text, to: fd, path: url.path)
            try DurableFile.sync(fd, step: .fsync, path: url.path)
        } catch {
            if start >= 0 { ftruncate(fd, start) }
            throw error
        }
        (lines, lastHash) = (count, hash)
    }

    /// Empties the journal after a fold.
    public func reset() throws {
        try openIfNeeded()
        guard ftruncate(fd, 0) == 0 else { throw DurableFile.failure(url.path, "emptying the journal") }
        try DurableFile.sync(fd, step: .fsync, path: url.path)
        (lines, lastHash) = (0, nil)
    }

    /// Cuts a torn last line off (after it was reported and kept aside), so that the next append
    /// starts a line of its own.
    func cut(at offset: Int) throws {
        try openIfNeeded()
        guard ftruncate(fd, off_t(offset)) == 0 else { throw DurableFile.failure(url.path, "cutting off the torn last line") }
        try DurableFile.sync(fd, step: .fsync, path: url.path)
    }

    /// Renames the journal to `aside` (durably) and starts an empty one: the lines appended next
    /// begin a chain of their own.
    func rotate(to aside: URL) throws {
        if fd >= 0 { close(fd); fd = -1 }
        guard rename(url.path, aside.path) == 0 else { throw DurableFile.failure(url.path, "setting the journal aside for a fold") }
        try DurableFile.syncFolder(url.deletingLastPathComponent().path, for: aside.path)
        (lines, lastHash) = (0, nil)
    }

    private func openIfNeeded() throws {
        guard fd < 0 else { return }
        let created = !FileManager.default.fileExists(atPath: url.path)
        fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode)
        guard fd >= 0 else { throw DurableFile.failure(url.path, "opening the journal") }
        // It holds the notes too: no more readable than the ledger (older versions made it 0644).
        fchmod(fd, mode)
        // A new journal's name must survive a crash too.
        if created { try DurableFile.syncFolder(url.deletingLastPathComponent().path, for: url.path) }
    }
}
