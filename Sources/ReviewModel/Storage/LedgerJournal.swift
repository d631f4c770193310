import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The append-only journal beside the ledger (`LEDGER.journal`): one line per change, appended
/// and fsynced before the change is shown, so that a decision is durable in a time that does not
/// grow with the ledger. Each line names the ledger generation it applies to; folding writes the
/// ledger in full with the next generation and empties the journal.
public final class LedgerJournal {
    struct Line: Codable {
        var base: Int
        var event: ChangeEvent
    }

    public let url: URL
    private var fd: Int32 = -1

    public static func url(for ledger: URL) -> URL { URL(fileURLWithPath: ledger.path + ".journal") }

    public init(ledger: URL) { url = LedgerJournal.url(for: ledger) }

    deinit { if fd >= 0 { close(fd) } }

    /// The changes on disk, in order. A torn last line (a crash mid-append) is dropped with a
    /// warning; damage before the last line is refused with its line number.
    public func read() throws -> (entries: [(base: Int, event: ChangeEvent)], warning: String?) {
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { return ([], nil) }
        return try LedgerJournal.parse(data, path: url.path)
    }

    /// Reads journal text; `path` names it in messages.
    public static func parse(_ data: Data, path: String) throws -> (entries: [(base: Int, event: ChangeEvent)], warning: String?) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.decoding
        var entries: [(base: Int, event: ChangeEvent)] = []
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, bytes) in lines.enumerated() where !bytes.isEmpty {
            // Appends end with a newline and are fsynced before they are reported; a last line
            // without one was cut off by a crash and was never reported saved.
            if index == lines.count - 1 {
                return (entries, "\(path):\(index + 1): the last change was cut off by a crash before it was saved; it was dropped")
            }
            do {
                let line = try decoder.decode(Line.self, from: Data(bytes))
                entries.append((line.base, line.event))
            } catch {
                throw LedgerError.syntax(path: path, line: index + 1, column: nil, reason: "a journal line is damaged: \(LedgerCoding.describe(error, data: Data(bytes), path: path))")
            }
        }
        return (entries, nil)
    }

    /// Appends changes and fsyncs; returns once they are on disk. Nothing is written half: a
    /// failed append is cut back to where it started.
    public func append(_ events: [ChangeEvent], base: Int) throws {
        guard !events.isEmpty else { return }
        let encoder = LedgerCoding.lineEncoder()
        var text = ""
        for event in events {
            text += String(decoding: try encoder.encode(Line(base: base, event: event)), as: UTF8.self) + "\n"
        }
        try openIfNeeded()
        let start = lseek(fd, 0, SEEK_END)
        do {
            try DurableFile.writeAll(Data(text.utf8), to: fd, path: url.path)
            try DurableFile.sync(fd, step: .fsync, path: url.path)
        } catch {
            if start >= 0 { ftruncate(fd, start) }
            throw error
        }
    }

    /// Empties the journal after a fold.
    public func reset() throws {
        try openIfNeeded()
        guard ftruncate(fd, 0) == 0 else { throw DurableFile.failure(url.path, "emptying the journal") }
        try DurableFile.sync(fd, step: .fsync, path: url.path)
    }

    private func openIfNeeded() throws {
        guard fd < 0 else { return }
        let created = !FileManager.default.fileExists(atPath: url.path)
        fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DurableFile.failure(url.path, "opening the journal") }
        // A new journal's name must survive a crash too.
        if created { try DurableFile.syncFolder(url.deletingLastPathComponent().path, for: url.path) }
    }
}
