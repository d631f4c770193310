import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `LEDGER.index`: where each recommendation's lines are in the ledger file, so that a command
/// changing a few records (`LedgerQuickStore`) reads those lines instead of the whole file. A
/// cache, never the authority: it names the file it describes (device, inode, size, modification
/// and change times as written) and hashes of the lines it points at, and anything that does not
/// match sends the command to the full reader. It may be deleted at any time.
///
/// Layout (little-endian 64-bit words): magic, version, the header words (`Header.words`), a
/// check of all before it; then one entry per plainly written ID (9 words, its own check last),
/// sorted by the hash of the ID; then the IDs' bytes.
struct LedgerIndex {
    static let magic: UInt64 = 0x5845_444E_4952_5055  // "UPRINDEX"
    static let version: UInt64 = 2

    static func url(for ledger: URL) -> URL { URL(fileURLWithPath: ledger.path + ".index") }

    /// The ledger file as the kernel sees it: changed in any way (even by `cp -p`, which keeps
    /// the modification time), it no longer matches, as the change time is the kernel's own.
    struct Identity: Equatable {
        var words: [UInt64]
        init(_ info: stat) {
            words = [UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size),
                     UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(info.st_mtim.tv_nsec),
                     UInt64(bitPattern: Int64(info.st_ctim.tv_sec)), UInt64(info.st_ctim.tv_nsec)]
        }
        init(words: [UInt64]) { self.words = words }
        var size: Int { Int(words[2]) }
    }

    struct Header: Equatable {
        var identity: Identity
        var generation: Int
        var schemaVersion: Int
        /// The group of the file's last history entry (0 for none): the next change's follows it.
        var lastGroup: Int
        /// The header lines up to and including the document's (`headLength` bytes from 0).
        var headLength: Int
        var headHash: UInt64
        /// The document line (for the record of the few recommendations read).
        var documentOffset: Int, documentLength: Int
        var count: Int, poolSize: Int
        /// The last history line (length 0: no history), whose group `lastGroup` is.
        var lastChangeOffset: Int, lastChangeLength: Int, lastChangeHash: UInt64

        static let wordCount = 7 + 12
        var words: [UInt64] {
            identity.words + [generation, schemaVersion, lastGroup, headLength].map { UInt64(bitPattern: Int64($0)) }
                + [headHash] + [documentOffset, documentLength, count, poolSize, lastChangeOffset, lastChangeLength].map { UInt64($0) }
                + [lastChangeHash]
        }
        init(identity: Identity, generation: Int, schemaVersion: Int, lastGroup: Int, headLength: Int, headHash: UInt64,
             documentOffset: Int, documentLength: Int, count: Int, poolSize: Int,
             lastChangeOffset: Int, lastChangeLength: Int, lastChangeHash: UInt64) {
            (self.identity, self.generation, self.schemaVersion, self.lastGroup) = (identity, generation, schemaVersion, lastGroup)
            (self.headLength, self.headHash, self.documentOffset, self.documentLength) = (headLength, headHash, documentOffset, documentLength)
            (self.count, self.poolSize) = (count, poolSize)
            (self.lastChangeOffset, self.lastChangeLength, self.lastChangeHash) = (lastChangeOffset, lastChangeLength, lastChangeHash)
        }
        init?(words w: [UInt64]) {
            guard w.count == Self.wordCount, w[7...10].allSatisfy({ $0 < 1 << 62 }), w[12...17].allSatisfy({ $0 < 1 << 40 }) else { return nil }
            self.init(identity: Identity(words: Array(w[0..<7])), generation: Int(w[7]), schemaVersion: Int(w[8]), lastGroup: Int(w[9]),
                      headLength: Int(w[10]), headHash: w[11], documentOffset: Int(w[12]), documentLength: Int(w[13]),
                      count: Int(w[14]), poolSize: Int(w[15]), lastChangeOffset: Int(w[16]), lastChangeLength: Int(w[17]), lastChangeHash: w[18])
        }
        static var byteCount: Int { (2 + wordCount + 1) * 8 }
    }

    /// Where one recommendation's lines are: its JSON in `recommendations` and, where it has a
    /// record, the record's JSON in `decisions` (`decisionLength` 0: none) with its hash.
    struct Entry: Equatable {
        var recommendationOffset: Int, recommendationLength: Int
        var decisionOffset: Int, decisionLength: Int
        var decisionHash: UInt64
        static let wordCount = 9
    }

    let header: Header
    private let fd: Int32
    /// The file mapped read-only, where that worked: a lookup is a binary search of some twenty
    /// probes, and `upr decide` looks up every ID of the journal (a call to pread each was most
    /// of a decision's time with a few hundred lines pending). The index is replaced by rename,
    /// never cut in place, so the mapping cannot lose its pages under the reader.
    private let mapped: UnsafeRawBufferPointer?

    /// FNV-1a, as the journal's chain uses.
    static func hash<Bytes: Sequence>(_ bytes: Bytes, from start: UInt64 = FNV1a.offsetBasis) -> UInt64 where Bytes.Element == UInt8 {
        FNV1a.hash(bytes, from: start)
    }

    static func bytes(of words: [UInt64]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(words.count * 8)
        for word in words { for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) } }
        return out
    }

    static func words(of bytes: [UInt8]) -> [UInt64] {
        stride(from: 0, to: bytes.count - bytes.count % 8, by: 8).map { start in
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << UInt64($1 * 8) }
        }
    }

    /// An ID the encoder writes as it is between quotes (printable ASCII but `"` and `\`): only
    /// such IDs are indexed, so that a line's key can be checked byte for byte.
    static func isPlain(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { (0x20...0x7e).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    static func entryCheck(_ words: ArraySlice<UInt64>, id: some Sequence<UInt8>) -> UInt64 {
        hash(id, from: hash(bytes(of: Array(words))))
    }

    // MARK: Reading

    /// Opens the index beside `ledger` where it describes the file as it is now (`identity`),
    /// else nil. The entries are read one at a time, when asked for.
    init?(for ledger: URL, identity: Identity) {
        let path = LedgerIndex.url(for: ledger).path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, let head = LedgerIndex.read(fd, at: 0, count: Header.byteCount) else { close(fd); return nil }
        let words = LedgerIndex.words(of: head)
        guard words[0] == LedgerIndex.magic, words[1] == LedgerIndex.version,
              LedgerIndex.hash(head.prefix(head.count - 8)) == words[words.count - 1],
              let header = Header(words: Array(words[2..<(2 + Header.wordCount)])),
              Int(info.st_size) == Header.byteCount + header.count * Entry.wordCount * 8 + header.poolSize,
              header.identity == identity else { close(fd); return nil }
        self.header = header
        let size = Int(info.st_size)
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        mapped = address == MAP_FAILED || address == nil ? nil : UnsafeRawBufferPointer(start: address, count: size)
    }

    func closeFile() {
        if let mapped { munmap(UnsafeMutableRawPointer(mutating: mapped.baseAddress), mapped.count) }
        close(fd)
    }

    /// Exactly `count` bytes at `offset` of the index, or nil.
    private func bytes(at offset: Int, count: Int) -> [UInt8]? {
        guard let mapped else { return LedgerIndex.read(fd, at: offset, count: count) }
        guard count >= 0, offset >= 0, offset + count <= mapped.count else { return nil }
        return Array(UnsafeRawBufferPointer(rebasing: mapped[offset..<(offset + count)]))
    }

    /// The entry for `id`, checked against its own hash; nil where it is not there (or does not
    /// check), which sends the command to the full reader.
    func entry(for id: String) -> Entry? {
        let key = Array(id.utf8), wanted = LedgerIndex.hash(key)
        let entries = Header.byteCount, size = Entry.wordCount * 8
        func words(at index: Int) -> [UInt64]? {
            bytes(at: entries + index * size, count: size).map(LedgerIndex.words(of:))
        }
        // The first entry whose ID's hash is not below the wanted one.
        var (low, high) = (0, header.count)
        while low < high {
            let middle = (low + high) / 2
            guard let entry = words(at: middle) else { return nil }
            if entry[0] < wanted { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < header.count, let entry = words(at: index), entry[0] == wanted {
            index += 1
            let (offset, length) = (Int(entry[1] & 0xffff_ffff_ffff), Int(entry[1] >> 48))
            guard offset + length <= header.poolSize,
                  let name = bytes(at: entries + header.count * size + offset, count: length),
                  name == key else { continue }
            guard LedgerIndex.entryCheck(entry[0..<8], id: name) == entry[8] else { return nil }
            return Entry(recommendationOffset: Int(entry[2]), recommendationLength: Int(entry[3]),
                         decisionOffset: Int(entry[4]), decisionLength: Int(entry[5]), decisionHash: entry[6])
        }
        return nil
    }

    /// Exactly `count` bytes at `offset`, or nil.
    static func read(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard count >= 0, offset >= 0 else { return nil }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return out
    }
}
