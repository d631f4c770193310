import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Mends a ledger that no longer opens: from the file itself where it still reads (leaving out
/// damaged journal lines), else from `.bak`, replaying what the journal holds for it. The
/// damaged files are kept beside it, renamed, never deleted. A ledger that opens is left alone,
/// and a ledger of a newer schema is never replaced by an older backup.
public enum LedgerRecovery {
    public struct Report: Equatable, Sendable {
        /// Nothing was damaged: the ledger opens as it is and nothing was changed.
        public var healthy = false
        public var source: String
        public var replayed: Int
        public var droppedJournalLines: [Int]
        /// Why lines were left out or looked wrong (missing, repeated, out of order, damaged).
        public var problems: [JournalProblem] = []
        public var keptAside: [String]
        public var notes: [String] = []
    }

    public static func recover(_ given: URL, analyst: String, now: Date = Date()) throws -> Report {
        let url = LedgerFiles.resolved(given)
        let lock = try LedgerLock(ledger: url, analyst: analyst)
        defer { lock.release() }
        if let loaded = try? LedgerStore.load(url) {
            return Report(healthy: true, source: url.lastPathComponent, replayed: loaded.replayed, droppedJournalLines: [], keptAside: [], notes: loaded.notes)
        }
        let backup = LedgerStore.backupURL(for: url)
        var base: Ledger
        var source: String
        switch readable(url) {
        case .success(let ledger):
            base = ledger
            source = url.lastPathComponent
        case .failure(let error):
            if case .newerSchema = error { throw refusal(url, error) }
            switch readable(backup) {
            case .success(let ledger):
                base = ledger
                source = backup.lastPathComponent + " (the changes folded after it are lost unless the journal holds them)"
            case .failure(let backupError):
                if case .newerSchema = backupError { throw refusal(url, backupError) }
                throw LedgerError.unreadable(path: url.path, reason: "neither it nor \(backup.lastPathComponent) can be read; nothing was changed")
            }
        }
        let journal = LedgerJournal.url(for: url)
        // The lines of a background fold cut short come before the journal's.
        let folding = LedgerJournal.foldingURL(for: url)
        let before = replay(folding, onto: &base)
        let after = replay(journal, onto: &base)
        let (replayed, dropped, problems) = (before.replayed + after.replayed, after.dropped, before.problems + after.problems)
        let stamp = Timestamp.iso(now).filter { $0.isNumber }
        var aside: [String] = []
        for file in [url, folding, journal] where FileManager.default.fileExists(atPath: file.path) {
            let target = file.path + ".broken-\(stamp)"
            guard rename(file.path, target) == 0 else { throw DurableFile.failure(file.path, "keeping the damaged file aside") }
            aside.append(URL(fileURLWithPath: target).lastPathComponent)
        }
        base.generation += 1
        try DurableFile.write(try LedgerCoding.encode(base), to: url, mode: LedgerFiles.mode(of: URL(fileURLWithPath: url.path + ".broken-\(stamp)")))
        return Report(source: source, replayed: replayed, droppedJournalLines: dropped, problems: problems, keptAside: aside)
    }

    private static func readable(_ url: URL) -> Result<Ledger, LedgerError> {
        do {
            return .success(try LedgerCoding.decode(Data(contentsOf: url), path: url.path))
        } catch let error as LedgerError {
            return .failure(error)
        } catch {
            return .failure(.unreadable(path: url.path, reason: error.localizedDescription))
        }
    }

    private static func refusal(_ url: URL, _ error: LedgerError) -> LedgerError {
        .unreadable(path: url.path, reason: "\(error) Recovering would replace it with an older schema's file; nothing was changed")
    }

    /// Every line that reads, in the order of its numbers, once each, where it applies; the rest
    /// are left out and named.
    private static func replay(_ journal: URL, onto ledger: inout Ledger) -> (replayed: Int, dropped: [Int], problems: [JournalProblem]) {
        let data = FileManager.default.contents(atPath: journal.path) ?? Data()
        var problems: [JournalProblem] = []
        do { _ = try LedgerJournal.parse(data, path: journal.path) } catch LedgerError.damagedJournal(_, let found) { problems = found } catch {}
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.decoding
        var lines: [(number: Int, order: Int, line: LedgerJournal.Line)] = []
        var dropped: [Int] = []
        // A line edited after it was written, or added by another hand, is not replayed: its
        // change is not the one an analyst made.
        let untrusted = Set(problems.filter { $0.kind == .untrusted }.map(\.line))
        for (index, bytes) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() where !bytes.isEmpty {
            guard !untrusted.contains(index + 1), let line = try? decoder.decode(LedgerJournal.Line.self, from: Data(bytes)) else {
                dropped.append(index + 1)
                continue
            }
            lines.append((index + 1, line.seq ?? index + 1, line))
        }
        var seen = Set<Int>()
        var replayed = 0
        for entry in lines.sorted(by: { ($0.order, $0.number) < ($1.order, $1.number) }) {
            guard seen.insert(entry.order).inserted, entry.line.base >= ledger.generation,
                  (try? ledger.apply(entry.line.event)) != nil else {
                dropped.append(entry.number)
                continue
            }
            replayed += 1
        }
        return (replayed, dropped.sorted(), problems)
    }
}
