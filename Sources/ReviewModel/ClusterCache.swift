import Foundation

/// The clusters of a ledger kept beside it in `LEDGER.clusters`, so that a large review is not
/// clustered again on every start. The file is keyed by a hash of every recommendation's ID and
/// text and of the settings: a different key, a damaged or unreadable file is simply recomputed
/// (and rewritten where the folder allows). It is a cache, never a source of truth.
public enum ClusterCache {
    public static func url(for ledger: URL) -> URL { URL(fileURLWithPath: ledger.path + ".clusters") }

    struct Stored: Codable {
        var key: String
        var clusters: [[Int]]
    }

    /// The clusters of `ledger`, from the sidecar of `ledgerURL` when its key matches, else
    /// computed and written back (a failed write is ignored: the next start computes again).
    public static func load(for ledgerURL: URL, ledger: Ledger, settings: ClusterSettings = .standard) -> ClusterMap {
        let key = self.key(ledger, settings: settings)
        let file = url(for: ledgerURL)
        let count = ledger.recommendations.count
        if let data = try? Data(contentsOf: file), let stored = try? JSONDecoder().decode(Stored.self, from: data),
           stored.key == key, stored.clusters.allSatisfy({ $0.count > 1 && $0.allSatisfy { $0 >= 0 && $0 < count } }) {
            return ClusterMap(clusters: stored.clusters, count: count)
        }
        let clusters = Clustering.clusters(ledger, settings: settings)
        if let data = try? JSONEncoder().encode(Stored(key: key, clusters: clusters)) {
            try? data.write(to: file, options: .atomic)
        }
        return ClusterMap(clusters: clusters, count: count)
    }

    /// FNV-1a (64 bits) over the IDs, texts and settings, with separators; also names the version
    /// of the tokenizer, so that a change to the rules invalidates old files.
    public static func key(_ ledger: Ledger, settings: ClusterSettings) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func feed(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1f) &* 0x100_0000_01b3
        }
        feed("clusters-v1")
        feed("\(settings.threshold) \(settings.treatyBoost) \(settings.sameTreaties)")
        for recommendation in ledger.recommendations {
            feed(recommendation.id)
            feed(recommendation.text)
        }
        return String(hash, radix: 16)
    }
}
