import Foundation

/// Mends a ledger that no longer opens: from the file itself where it still reads (dropping damaged
/// journal lines), else from `.bak`, replaying what the journal holds for it. The damaged files are
/// kept beside it, renamed, never deleted.
public enum LedgerRecovery {
    public struct Report: Equatable, Sendable {
        public var source: String
        public var replayed: Int
        public var droppedJournalLines: [Int]
        public var keptAside: [String]
    }

    public static func recover(_ url: URL, analyst: String, now: Date = Date()) throws -> Report {
        let lock = try LedgerLock(ledger: url, analyst: analyst)
        defer { lock.release() }
        let backup = LedgerStore.backupURL(for: url)
        var base: Ledger
        var source: String
        if let ledger = try? LedgerCoding.decode(Data(contentsOf: url), path: url.path) {
            base = ledger
            source = url.lastPathComponent
        } else if let ledger = try? LedgerCoding.decode(Data(contentsOf: backup), path: backup.path) {
            base = ledger
            source = backup.lastPathComponent + " (the changes folded after it are lost unless the journal holds them)"
        } else {
            throw LedgerError.unreadable(path: url.path, reason: "neither it nor \(backup.lastPathComponent) can be read; nothing was changed")
        }
        // Replay the journal line by line, keeping what applies and noting what does not.
        let journal = LedgerJournal.url(for: url)
        var dropped: [Int] = []
        var replayed = 0
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.decoding
        let lines = (FileManager.default.contents(atPath: journal.path) ?? Data()).split(separator: UInt8(ascii: "\n"))
        for (index, bytes) in lines.enumerated() {
            guard let line = try? decoder.decode(LedgerJournal.Line.self, from: Data(bytes)), line.base >= base.generation,
                  (try? base.apply(line.event)) != nil else {
                dropped.append(index + 1)
                continue
            }
            replayed += 1
        }
        let stamp = Timestamp.iso(now).filter { $0.isNumber }
        var aside: [String] = []
        for file in [url, journal] where FileManager.default.fileExists(atPath: file.path) {
            let target = file.path + ".broken-\(stamp)"
            guard rename(file.path, target) == 0 else { throw DurableFile.failure(file.path, "keeping the damaged file aside") }
            aside.append(URL(fileURLWithPath: target).lastPathComponent)
        }
        base.generation += 1
        try DurableFile.write(try LedgerCoding.encode(base), to: url)
        return Report(source: source, replayed: replayed, droppedJournalLines: dropped, keptAside: aside)
    }
}
