import Foundation

/// How close two recommendations must be to count as the same ask.
public struct ClusterSettings: Equatable, Sendable, Codable {
    /// Cosine similarity of TF-IDF vectors at or above which two recommendations are linked.
    /// Chosen on Viet Nam's 2nd cycle (see ClusterEvaluationTests): lower and "ratify CAT" joins
    /// "ratify ICCPR" through their shared verbs; higher and reworded asks fall apart.
    public var threshold: Double = 0.5
    /// A treaty token (`t:cat`) weighs this many times its TF-IDF weight: which treaty is asked
    /// for is the ask, the verbs around it are not.
    public var treatyBoost: Double = 3.0
    /// Single link: a cluster is every recommendation reachable by links at the threshold.
    /// Average link would resist chaining but costs more. Instead, with `sameTreaties`, a merge
    /// is refused when both sides name treaties and not the same ones: "ratify CAT" never joins
    /// "ratify CAT and its Optional Protocol" (a different ask, often decided differently), and
    /// a vague "ratify the core treaties" joins at most one treaty's cluster.
    public var sameTreaties: Bool = true

    public init(threshold: Double = 0.5, treatyBoost: Double = 3.0, sameTreaties: Bool = true) {
        self.threshold = threshold
        self.treatyBoost = treatyBoost
        self.sameTreaties = sameTreaties
    }

    public static let standard = ClusterSettings()
}

/// Groups recommendations that make the same ask in different words.
public enum Clustering {
    /// Positions into `ledger.recommendations`, each cluster in document order, clusters by their
    /// first member; only clusters of two or more.
    public static func clusters(_ ledger: Ledger, settings: ClusterSettings = .standard) -> [[Int]] {
        clusters(texts: ledger.recommendations.map(\.text), settings: settings)
    }

    public static func clusters(texts: [String], settings: ClusterSettings = .standard) -> [[Int]] {
        // The same text twice is the same ask: each distinct text is clustered once, and its
        // copies follow it (a joint text repeated, a ledger merged from copies).
        var firstOf: [String: Int] = [:]
        var unique: [String] = [], uniqueOf: [Int] = []
        uniqueOf.reserveCapacity(texts.count)
        for text in texts {
            if let known = firstOf[text] { uniqueOf.append(known); continue }
            firstOf[text] = unique.count
            uniqueOf.append(unique.count)
            unique.append(text)
        }
        let groups = distinctClusters(texts: unique, settings: settings)
        var clusterOfUnique = [Int](repeating: -1, count: unique.count)
        for (number, members) in groups.enumerated() { for m in members { clusterOfUnique[m] = number } }
        var byKey: [Int: [Int]] = [:]  // key: cluster number, or -(unique + 1) for a text alone
        for (position, u) in uniqueOf.enumerated() {
            byKey[clusterOfUnique[u] >= 0 ? clusterOfUnique[u] : -(u + 1), default: []].append(position)
        }
        return byKey.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    static func distinctClusters(texts: [String], settings: ClusterSettings) -> [[Int]] {
        let vectors = Vectors(texts: texts, treatyBoost: settings.treatyBoost)
        let count = texts.count
        var parent = Array(0..<count)
        var treaties: [Set<Int32>] = vectors.treaties
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        // Every pair at the threshold, strongest first, so that the treaty rule keeps the best links.
        var links = vectors.pairs(atLeast: settings.threshold)
        links.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && ($0.a, $0.b) < ($1.a, $1.b)) }
        for link in links {
            let a = find(Int(link.a)), b = find(Int(link.b))
            guard a != b else { continue }
            if settings.sameTreaties, !treaties[a].isEmpty, !treaties[b].isEmpty, treaties[a] != treaties[b] { continue }
            let joined = treaties[a].union(treaties[b])
            let (root, child) = a < b ? (a, b) : (b, a)
            parent[child] = root
            treaties[root] = joined
        }
        var groups: [Int: [Int]] = [:]
        for position in 0..<count { groups[find(position), default: []].append(position) }
        return groups.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    /// The tokens and weights of every text, L2-normalised, tokens sorted by number.
    struct Vectors {
        var terms: [[Int32]] = []
        var weights: [[Float]] = []
        var treaties: [Set<Int32>] = []
        /// Document frequency by token number.
        var frequency: [Int32] = []

        init(texts: [String], treatyBoost: Double) {
            var numbers: [String: Int32] = [:]
            var isTreaty: [Bool] = []
            var counts: [[(Int32, Int32)]] = []
            counts.reserveCapacity(texts.count)
            var memo: [String: [(Int32, Int32)]] = [:]  // copies of a text are tokenised once
            for text in texts {
                if let known = memo[text] { counts.append(known); for (t, _) in known { frequency[Int(t)] += 1 }; continue }
                var tally: [Int32: Int32] = [:]
                for token in ClusterText.tokens(text) {
                    let number: Int32
                    if let known = numbers[token] { number = known } else {
                        number = Int32(numbers.count)
                        numbers[token] = number
                        frequency.append(0)
                        isTreaty.append(token.hasPrefix("t:"))
                    }
                    tally[number, default: 0] += 1
                }
                let list = tally.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                for (t, _) in list { frequency[Int(t)] += 1 }
                memo[text] = list
                counts.append(list)
            }
            let n = Double(max(texts.count, 1))
            let idf = frequency.map { log((n + 1) / (Double($0) + 1)) + 1 }
            for list in counts {
                var w = list.map { t, c in Float((1 + log(Double(c))) * idf[Int(t)] * (isTreaty[Int(t)] ? treatyBoost : 1)) }
                let norm = sqrt(w.reduce(0) { $0 + $1 * $1 })
                if norm > 0 { w = w.map { $0 / norm } }
                terms.append(list.map(\.0))
                weights.append(w)
                treaties.append(Set(list.map(\.0).filter { isTreaty[Int($0)] }))
            }
        }

        /// Pairs with cosine ≥ `threshold`, without comparing all pairs: each text's PREFIX (its
        /// rarest tokens, up to where the rest weighs less than the threshold) goes into an
        /// inverted index. Two unit vectors with x·y ≥ t must share a token of x's prefix (the
        /// suffix alone gives less than t), so probing with all of y's tokens finds every pair.
        func pairs(atLeast threshold: Double) -> [(a: Int32, b: Int32, similarity: Float)] {
            let t = Float(threshold)
            var postings = [[Int32]](repeating: [], count: frequency.count)
            var out: [(a: Int32, b: Int32, similarity: Float)] = []
            var seen = [Int32](repeating: -1, count: terms.count)
            for doc in terms.indices {
                let tokens = terms[doc], w = weights[doc]
                guard !tokens.isEmpty else { continue }
                // Probe: documents before this one whose prefix holds one of our tokens.
                for token in tokens {
                    for other in postings[Int(token)] where seen[Int(other)] != Int32(doc) {
                        seen[Int(other)] = Int32(doc)
                        let s = Self.dot(tokens, w, terms[Int(other)], weights[Int(other)])
                        if s >= t { out.append((other, Int32(doc), s)) }
                    }
                }
                // Index our prefix: rarest first, until the remaining weight cannot reach t.
                let order = tokens.indices.sorted { frequency[Int(tokens[$0])] < frequency[Int(tokens[$1])] }
                var rest = w.reduce(0) { $0 + $1 * $1 }
                for i in order {
                    if rest.squareRoot() < t { break }
                    postings[Int(tokens[i])].append(Int32(doc))
                    rest -= w[i] * w[i]
                }
            }
            return out
        }

        static func dot(_ ta: [Int32], _ wa: [Float], _ tb: [Int32], _ wb: [Float]) -> Float {
            var i = 0, j = 0, sum: Float = 0
            while i < ta.count, j < tb.count {
                if ta[i] == tb[j] { sum += wa[i] * wb[j]; i += 1; j += 1 } else if ta[i] < tb[j] { i += 1 } else { j += 1 }
            }
            return sum
        }
    }
}
