import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing `LEDGER.index` after the ledger file was written in full, from the bytes written: the
/// layout `LedgerCoding.encode` gives puts one recommendation, and one decision, per line (JSON
/// never holds a raw newline inside a string), in document order, so the lines are walked and
/// paired with the ledger's recommendations without parsing them. A file not in that layout gets
/// no index (the full reader is used, as before).
extension LedgerIndex {
    /// Smaller ledgers are folded on closing and read whole (`LedgerQuickStore` leaves them
    /// alone), so they get no index; tests lower it.
    nonisolated(unsafe) static var writtenAbove = LedgerStore.foldOnCloseDefault

    /// Writes the index for `ledger`, whose file holds `encoded` and is `identity` now; where
    /// anything fails, removes any index there was (it is a cache: nothing else depends on it).
    static func write(for url: URL, ledger: Ledger, encoded: Data, identity: Identity) {
        let target = LedgerIndex.url(for: url)
        guard encoded.count > writtenAbove, identity.size == encoded.count,
              let bytes = encoded.withUnsafeBytes({ build(ledger, $0, identity) }),
              (try? DurableFile.write(Data(bytes), to: target, mode: LedgerFiles.mode(of: url))) != nil else {
            unlink(target.path)
            return
        }
    }

    /// The identity of the file just written, where it is still what `written` (the temp file's
    /// `fstat` before the rename) was; nil where anything touched it in between.
    static func identity(of url: URL, written: stat) -> Identity? {
        var now = stat()
        guard stat(url.path, &now) == 0, now.st_ino == written.st_ino, now.st_dev == written.st_dev, now.st_size == written.st_size,
              now.st_mtim.tv_sec == written.st_mtim.tv_sec, now.st_mtim.tv_nsec == written.st_mtim.tv_nsec else { return nil }
        return Identity(now)
    }

    private static func build(_ ledger: Ledger, _ file: UnsafeRawBufferPointer, _ identity: Identity) -> [UInt8]? {
        var walk = LineWalk(file)
        // The header lines, the document's last of them.
        guard walk.next() == "{" else { return nil }
        var documentLine: Range<Int>?
        while let line = walk.nextRange() {
            if walk.starts(line, with: "  \"document\": ") { documentLine = line }
            if walk.text(line) == "  \"recommendations\": [" { break }
        }
        // `  "document": {…},`
        guard let document = documentLine, file[document.upperBound - 1] == UInt8(ascii: ",") else { return nil }
        let documentStart = document.lowerBound + "  \"document\": ".utf8.count
        let headLength = document.upperBound + 1
        let head = Array(file[0..<headLength])

        let recommendations = ledger.recommendations
        var places: [(rec: Range<Int>, dec: Range<Int>?)] = []
        places.reserveCapacity(recommendations.count)
        for (number, _) in recommendations.enumerated() {
            guard let line = walk.nextRange(), walk.starts(line, with: "    {") else { return nil }
            let end = number == recommendations.count - 1 ? line.upperBound : line.upperBound - 1
            guard end > line.lowerBound + 4, file[end - 1] == UInt8(ascii: "}") else { return nil }
            places.append((line.lowerBound + 4 ..< end, nil))
        }
        guard walk.next() == "  ],", walk.next() == "  \"decisions\": {" else { return nil }
        let decided = recommendations.indices.filter { ledger.decisions[recommendations[$0].id] != nil }
        for (number, position) in decided.enumerated() {
            let id = recommendations[position].id
            guard let line = walk.nextRange() else { return nil }
            let end = number == decided.count - 1 ? line.upperBound : line.upperBound - 1
            guard isPlain(id) else { continue }
            let key = "    \"\(id)\": "
            guard walk.starts(line, with: key), end > line.lowerBound + key.utf8.count, file[end - 1] == UInt8(ascii: "}") else { return nil }
            places[position].dec = line.lowerBound + key.utf8.count ..< end
        }
        guard walk.next() == "  }," else { return nil }
        // Saved views, then the history: its last line holds the group the next change follows.
        var line = walk.nextRange()
        if let views = line, walk.text(views) == "  \"views\": {" {
            for _ in 0..<ledger.views.count { _ = walk.nextRange() }
            guard walk.next() == "  }," else { return nil }
            line = walk.nextRange()
        }
        guard let historyLine = line, walk.text(historyLine) == "  \"history\": [" else { return nil }
        var lastChange = 0 ..< 0
        for number in ledger.history.indices {
            guard let change = walk.nextRange(), walk.starts(change, with: "    {") else { return nil }
            lastChange = change.lowerBound ..< (number == ledger.history.count - 1 ? change.upperBound : change.upperBound - 1)
        }
        guard let end = walk.nextRange(), walk.starts(end, with: "  ]") else { return nil }

        // The entries, sorted by the hash of their ID, then the IDs.
        var pool: [UInt8] = []
        var entries: [[UInt64]] = []
        entries.reserveCapacity(recommendations.count)
        for (position, recommendation) in recommendations.enumerated() where isPlain(recommendation.id) {
            let name = Array(recommendation.id.utf8)
            let (rec, dec) = places[position]
            var words: [UInt64] = [hash(name), UInt64(pool.count) | UInt64(name.count) << 48,
                                   UInt64(rec.lowerBound), UInt64(rec.count),
                                   UInt64(dec?.lowerBound ?? 0), UInt64(dec?.count ?? 0),
                                   dec.map { hash(UnsafeRawBufferPointer(rebasing: file[$0])) } ?? 0, 0]
            words.append(entryCheck(words[0..<8], id: name))
            entries.append(words)
            pool += name
        }
        guard pool.count < 1 << 40, entries.allSatisfy({ $0[1] & 0xffff_ffff_ffff < 1 << 40 && $0[1] >> 48 < 1 << 15 }) else { return nil }
        entries.sort { $0[0] < $1[0] }

        let header = Header(identity: identity, generation: ledger.generation, schemaVersion: ledger.schemaVersion,
                            lastGroup: ledger.history.last?.group ?? 0, headLength: headLength, headHash: hash(head),
                            documentOffset: documentStart, documentLength: document.upperBound - 1 - documentStart,
                            count: entries.count, poolSize: pool.count, lastChangeOffset: lastChange.lowerBound,
                            lastChangeLength: lastChange.count, lastChangeHash: hash(UnsafeRawBufferPointer(rebasing: file[lastChange])))
        var out = bytes(of: [magic, version] + header.words)
        out += bytes(of: [hash(out)])
        out.reserveCapacity(out.count + entries.count * Entry.wordCount * 8 + pool.count)
        for entry in entries { out += bytes(of: entry) }
        out += pool
        return out
    }
}

/// The lines of a file in memory, each without its newline; a last line without one is not a line.
private struct LineWalk {
    let file: UnsafeRawBufferPointer
    var position = 0
    init(_ file: UnsafeRawBufferPointer) { self.file = file }

    mutating func nextRange() -> Range<Int>? {
        guard position < file.count, let base = file.baseAddress,
              let found = memchr(base + position, 0x0a, file.count - position) else { return nil }
        let end = base.distance(to: UnsafeRawPointer(found))
        defer { position = end + 1 }
        return position ..< end
    }

    mutating func next() -> String? { nextRange().map(text) }

    func text(_ line: Range<Int>) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: file[line]), as: UTF8.self) }

    func starts(_ line: Range<Int>, with prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        guard line.count >= bytes.count else { return false }
        return bytes.indices.allSatisfy { file[line.lowerBound + $0] == bytes[$0] }
    }
}
