import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A change to a few recommendations of a large ledger without reading all of it: under the same
/// lock as `LedgerStore`, their lines are read where `LEDGER.index` says they are, the journal is
/// read whole (it is small: folded every 500 changes by the workbench, or by `upr fold`), and the
/// changes are appended to it as `LedgerStore.record` appends them. Used only where the ledger is
/// over `foldOnCloseUpTo` (a smaller one is folded on closing, which needs all of it) and
/// everything matches: the file is the one the index was written for (`LedgerIndex.Identity`),
/// the lines read are the ones it hashed, no fold is under way or cut short, the journal is whole,
/// continues the file's generation and changes only recommendations of it. Anything else gives
/// nil, and the command takes the full path, which stays the authority.
public final class LedgerQuickStore {
    public let url: URL
    /// The asked recommendations only, with their records as the full reading gives them (the
    /// file's, then the journal's changes), and no history: never saved, only `record`ed.
    public let ledger: Ledger
    /// The group the next change takes, as `Ledger.nextGroup` of the whole ledger gives it.
    public let nextGroup: Int
    private let lock: LedgerLock
    private let journal: LedgerJournal
    private let base: Int

    private init(url: URL, ledger: Ledger, nextGroup: Int, lock: LedgerLock, journal: LedgerJournal, base: Int) {
        (self.url, self.ledger, self.nextGroup, self.lock, self.journal, self.base) = (url, ledger, nextGroup, lock, journal, base)
    }

    /// Opens the ledger at `given` for changes to `ids` (as typed, without a trailing dot), or
    /// returns nil where the full path must be taken (a small ledger, no index or a stale one,
    /// an ID not in it, the lock held, anything unexpected).
    public static func open(_ given: URL, analyst: String, ids: [String], above threshold: Int = LedgerStore.foldOnCloseDefault) -> LedgerQuickStore? {
        let url = LedgerFiles.resolved(given)
        var info = stat()
        guard !ids.isEmpty, access(LedgerIndex.url(for: url).path, R_OK) == 0,
              stat(url.path, &info) == 0, Int(info.st_size) > threshold else { return nil }
        guard let lock = try? LedgerLock(ledger: url, analyst: analyst) else { return nil }
        guard access(url.deletingLastPathComponent().path, W_OK) == 0 else { lock.release(); return nil }
        LedgerFiles.removeLeftovers(for: url)
        guard let store = try? make(url, ids: ids, threshold: threshold, lock: lock) else { lock.release(); return nil }
        return store
    }

    private static func make(_ url: URL, ids: [String], threshold: Int, lock: LedgerLock) throws -> LedgerQuickStore? {
        let fd = Glibc.open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_nlink == 1, Int(info.st_size) > threshold,
              !FileManager.default.fileExists(atPath: LedgerJournal.foldingURL(for: url).path) else { return nil }
        let identity = LedgerIndex.Identity(info)
        guard let index = LedgerIndex(for: url, identity: identity) else { return nil }
        defer { index.closeFile() }
        let header = index.header
        guard header.schemaVersion == Ledger.currentSchemaVersion,
              let head = LedgerIndex.read(fd, at: 0, count: header.headLength), LedgerIndex.hash(head) == header.headHash,
              header.documentOffset + header.documentLength < header.headLength else { return nil }
        // The file's last change, whose group the next change follows.
        if header.lastChangeLength > 0 {
            guard let last = item(fd, header.lastChangeOffset + 4, header.lastChangeLength - 4, after: "    ", size: identity.size),
                  LedgerIndex.hash(Array("    ".utf8) + last) == header.lastChangeHash,
                  (try? JSONDecoder.withTimestamps.decode(ChangeEvent.self, from: Data(last)))?.group == header.lastGroup else { return nil }
        } else if header.lastGroup != 0 {
            return nil
        }
        let headText = String(decoding: head, as: UTF8.self)
        guard LedgerCoding.headerNumber("schemaVersion", in: headText) == header.schemaVersion,
              LedgerCoding.headerNumber("generation", in: headText) == header.generation else { return nil }

        // The journal as the full reading takes it; every line continuing this generation.
        let contents = try LedgerJournal(ledger: url).read()
        guard contents.torn == nil, contents.entries.allSatisfy({ $0.base == header.generation }) else { return nil }
        var known = Set<String>()
        for entry in contents.entries where !known.contains(entry.event.id) {
            guard index.entry(for: entry.event.id) != nil else { return nil }
            known.insert(entry.event.id)
        }

        let decoder = JSONDecoder.withTimestamps
        let document = try decoder.decode(DocumentInfo.self, from: Data(head[header.documentOffset ..< header.documentOffset + header.documentLength]))
        var recommendations: [Recommendation] = [], decisions: [String: DecisionRecord] = [:], read = Set<String>()
        for id in ids where read.insert(id).inserted {
            guard let entry = index.entry(for: id),
                  let line = item(fd, entry.recommendationOffset, entry.recommendationLength, after: "    ", size: identity.size) else { return nil }
            let recommendation = try decoder.decode(Recommendation.self, from: Data(line))
            guard recommendation.id == id else { return nil }
            recommendations.append(recommendation)
            if entry.decisionLength > 0 {
                guard let line = item(fd, entry.decisionOffset, entry.decisionLength, after: "    \"\(id)\": ", size: identity.size),
                      LedgerIndex.hash(line) == entry.decisionHash else { return nil }
                decisions[id] = try decoder.decode(DecisionRecord.self, from: Data(line))
            }
            // The journal's changes come after the file's record, the last one standing.
            if let last = contents.entries.last(where: { $0.event.id == id }) {
                decisions[id] = last.event.after.flatMap { $0.isEmpty ? nil : $0 }
            }
        }
        // Nothing changed the file while it was read.
        var after = stat()
        guard fstat(fd, &after) == 0, LedgerIndex.Identity(after) == identity else { return nil }

        let ledger = try Ledger(document: document, recommendations: recommendations, decisions: decisions, generation: header.generation)
        let journal = LedgerJournal(ledger: url)
        journal.continueAfter(contents)
        let nextGroup = (contents.entries.last?.event.group ?? header.lastGroup) + 1
        return LedgerQuickStore(url: url, ledger: ledger, nextGroup: nextGroup, lock: lock, journal: journal, base: header.generation)
    }

    /// The item of a line-per-item section at `offset`: the line must be `prefix` + `length`
    /// bytes + an optional comma, alone on its line.
    private static func item(_ fd: Int32, _ offset: Int, _ length: Int, after prefix: String, size: Int) -> [UInt8]? {
        let lead = Array(("\n" + prefix).utf8)
        let start = offset - lead.count
        guard length > 0, start >= 0, offset + length < size,
              var bytes = LedgerIndex.read(fd, at: start, count: lead.count + length + 2) ?? LedgerIndex.read(fd, at: start, count: lead.count + length + 1),
              bytes.starts(with: lead) else { return nil }
        let tail = bytes[(lead.count + length)...]
        guard tail.first == UInt8(ascii: "\n") || (tail.first == UInt8(ascii: ",") && tail.dropFirst().first == UInt8(ascii: "\n")) else { return nil }
        bytes = Array(bytes[lead.count ..< lead.count + length])
        return bytes
    }

    /// Appends the changes `changed` holds (all of its history: this store's ledger has none) to
    /// the journal and fsyncs, as `LedgerStore.record` does; returns once they are on disk.
    public func record(_ changed: Ledger) throws {
        try journal.append(changed.history, base: base)
    }

    /// Lets go of the lock (nothing to fold: the ledger is over `foldOnCloseUpTo`).
    public func close() { lock.release() }
}

private extension JSONDecoder {
    static var withTimestamps: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.decoding
        return decoder
    }
}
