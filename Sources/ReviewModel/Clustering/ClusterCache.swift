import Foundation

/// The clusters of a ledger kept beside it in `LEDGER.clusters`, so that a large review is not
/// clustered again on every start. The file is keyed by a hash of every recommendation's ID and
/// text and of the settings: a different key, a damaged or unreadable file is simply recomputed
/// (and rewritten where the folder allows). It is a cache, never a source of truth.
///
/// It also names the ledger file it was checked against (`FileStamp`: device, inode, size and
/// time of change, taken before the ledger was read). While that file is the same, the clusters
/// hold without hashing a text: texts change only where the whole file is written anew (the
/// journal's lines change decisions, never a text), and every write is a new file. Where the
/// stamp differs (a fold, an import, an edit) the key is checked once and the stamp written again.
public enum ClusterCache {
    public static func url(for ledger: URL) -> URL { URL(fileURLWithPath: ledger.path + ".clusters") }

    /// `{"key":"…","clusters":[[0,5],[7,9,12]]}`, written and read without JSONDecoder: at
    /// 42,000 recommendations it is read on every start.
    struct Stored: Equatable {
        var key: String
        var clusters: [[Int]]
        /// The ledger file (`FileStamp.text`) and settings this key was last found true of.
        var file: String?

        init(key: String, clusters: [[Int]], file: String? = nil) {
            self.key = key
            self.clusters = clusters
            self.file = file
        }

        init(_ data: Data) throws {
            (key, clusters, file) = try data.withUnsafeBytes { raw in
                var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
                var key: String?, clusters: [[Int]]?, file: String?
                try scanner.beginObject()
                while let name = try scanner.nextKey() {
                    switch name {
                    case "key": key = try scanner.string()
                    case "file": file = try scanner.string()
                    case "clusters":
                        var all: [[Int]] = []
                        try scanner.beginArray()
                        while try scanner.nextElement() {
                            var members: [Int] = []
                            try scanner.beginArray()
                            while try scanner.nextElement() { members.append(try scanner.int()) }
                            all.append(members)
                        }
                        clusters = all
                    default: _ = try scanner.valueBytes()
                    }
                }
                try scanner.end()
                guard let key, let clusters else { throw JSONScanner.Mismatch() }
                return (key, clusters, file)
            }
        }

        var data: Data {
            let lists = clusters.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }
            let named = file.map { ",\"file\":\"\($0)\"" } ?? ""
            return Data("{\"key\":\"\(key)\"\(named),\"clusters\":[\(lists.joined(separator: ","))]}\n".utf8)
        }
    }

    /// Which ledger file a key was checked against: it changes with every write of the file.
    public struct FileStamp: Equatable, Sendable {
        public let text: String

        /// The stamp of the file `ledgerURL` names (its target, where it is a symlink); nil where
        /// it cannot be read.
        public init?(of ledgerURL: URL) {
            var info = stat()
            guard stat(LedgerFiles.resolved(ledgerURL).path, &info) == 0 else { return nil }
            text = "\(info.st_dev)-\(info.st_ino)-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
        }

        /// With the settings: other settings, other clusters.
        func naming(_ settings: ClusterSettings) -> String {
            "\(text) \(ClusterCache.version) \(settings.threshold) \(settings.treatyBoost) \(settings.sameTreaties)"
        }
    }

    static let version = "clusters-v2"


    /// Larger ledgers without a stored answer are clustered after the first screen (seconds at
    /// 40,000 distinct texts); smaller ones before it (milliseconds).
    public static let synchronousLimit = 2_000

    /// The clusters of `ledger`, from the sidecar of `ledgerURL` when its key matches, else
    /// computed and written back (a failed write is ignored: the next start computes again).
    public static func load(for ledgerURL: URL, ledger: Ledger, settings: ClusterSettings = .standard, stamp: FileStamp? = nil) -> ClusterMap {
        stored(for: ledgerURL, ledger: ledger, settings: settings, stamp: stamp) ?? computeAndStore(for: ledgerURL, ledger: ledger, settings: settings, stamp: stamp)
    }

    /// The clusters kept beside `ledgerURL`, if they are the answer for this ledger and settings.
    /// `stamp`: the ledger file's, taken BEFORE `ledger` was read from it; where the clusters file
    /// names the same, no text is hashed. Without one, or where it differs, the key is checked
    /// (and, where it holds and a stamp is given, the stamp written for the next start).
    public static func stored(for ledgerURL: URL, ledger: Ledger, settings: ClusterSettings = .standard, stamp: FileStamp? = nil) -> ClusterMap? {
        stored(for: ledgerURL, recommendations: ledger.recommendations, settings: settings, stamp: stamp)
    }

    /// The same over the recommendations alone: work in the background holds no more of the
    /// ledger than it reads (the decisions and changes it held were copied by the next key).
    public static func stored(for ledgerURL: URL, recommendations: [Recommendation], settings: ClusterSettings = .standard, stamp: FileStamp? = nil) -> ClusterMap? {
        let count = recommendations.count
        let ledgerFile = LedgerFiles.resolved(ledgerURL)
        guard let data = try? Data(contentsOf: url(for: ledgerFile)), let stored = try? Stored(data),
              stored.clusters.allSatisfy({ $0.count > 1 && $0.allSatisfy { $0 >= 0 && $0 < count } }) else { return nil }
        let named = stamp?.naming(settings)
        if named == nil || stored.file != named {
            guard stored.key == key(recommendations, settings: settings) else { return nil }
            if let named {
                var restamped = stored
                restamped.file = named
                try? DurableFile.write(restamped.data, to: url(for: ledgerFile), mode: LedgerFiles.mode(of: ledgerFile))
            }
        }
        return ClusterMap(clusters: stored.clusters, count: count)
    }

    /// Clusters `ledger` and keeps the answer beside `ledgerURL` where the folder allows, naming
    /// `stamp` (the ledger file's, taken before `ledger` was read) where given.
    public static func computeAndStore(for ledgerURL: URL, ledger: Ledger, settings: ClusterSettings = .standard, stamp: FileStamp? = nil) -> ClusterMap {
        computeAndStore(for: ledgerURL, recommendations: ledger.recommendations, settings: settings, stamp: stamp)
    }

    public static func computeAndStore(for ledgerURL: URL, recommendations: [Recommendation], settings: ClusterSettings = .standard, stamp: FileStamp? = nil) -> ClusterMap {
        let clusters = Clustering.clusters(texts: recommendations.map(\.text), settings: settings)
        // Beside the ledger, with its permissions (the texts are in it).
        let ledgerFile = LedgerFiles.resolved(ledgerURL)
        let stored = Stored(key: key(recommendations, settings: settings), clusters: clusters, file: stamp?.naming(settings))
        try? DurableFile.write(stored.data, to: url(for: ledgerFile), mode: LedgerFiles.mode(of: ledgerFile))
        return ClusterMap(clusters: clusters, count: recommendations.count)
    }

    /// A hash over the IDs, texts and settings, eight bytes at a step (checked before the first
    /// screen: FNV-1a a byte at a time took 100 ms at 420,000, this a tenth of it), each field
    /// closed by its length; also names the version of the tokenizer, so that a change to the
    /// rules invalidates old files.
    public static func key(_ ledger: Ledger, settings: ClusterSettings) -> String { key(ledger.recommendations, settings: settings) }

    static func key(_ recommendations: [Recommendation], settings: ClusterSettings) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func feed(_ text: String) {
            var text = text
            text.withUTF8 { mix(&hash, UnsafeRawBufferPointer($0)) }
        }
        feed(version)
        feed("\(settings.threshold) \(settings.treatyBoost) \(settings.sameTreaties)")
        for recommendation in recommendations {
            feed(recommendation.id)
            feed(recommendation.text)
        }
        return String(hash, radix: 16)
    }

    private static func mix(_ hash: inout UInt64, _ bytes: UnsafeRawBufferPointer) {
        let prime: UInt64 = 0x9e37_79b9_7f4a_7c15
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail ^ (UInt64(bytes.count) << 56)) &* prime
        hash ^= hash >> 29
    }
}
