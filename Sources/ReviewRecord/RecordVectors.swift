import Foundation
import ReviewModel

/// The TF-IDF vectors of every ask of the record, over the same treaty-aware tokens as the
/// clusters (`ClusterText`) and the same weighting: (1 + log tf) × idf, a treaty token `treatyBoost`
/// times its weight, L2-normalised. With an inverted index (built when read, never stored) a
/// new text finds its closest asks by probing its own tokens only.
public struct RecordVectors: Sendable {
    public static let treatyBoost: Float = 3

    /// Token strings by number (`t:cat` for a treaty).
    var vocabulary: [String]
    var numbers: [String: Int32]
    /// How many asks hold each token.
    var frequency: [Int32]
    /// Per ask: its tokens, sorted by number, and their weights alongside.
    var terms: Ragged<Int32>
    var weights: [Float]
    /// Per token: the asks that hold it and the weight there.
    var postingAsks: Ragged<Int32> = Ragged()
    var postingWeights: [Float] = []

    init(vocabulary: [String], frequency: [Int32], terms: Ragged<Int32>, weights: [Float]) {
        self.vocabulary = vocabulary
        self.frequency = frequency
        self.terms = terms
        self.weights = weights
        numbers = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        buildPostings()
    }

    /// Tokenises every text (on every core: seconds' work on one at 40,000).
    init(texts: [String]) {
        var tokenLists = [[String]](repeating: [], count: texts.count)
        let chunks = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)
        tokenLists.withUnsafeMutableBufferPointer { out in
            let buffer = UncheckedBox(out)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var index = chunk
                while index < texts.count {
                    buffer.value[index] = ClusterText.tokens(texts[index])
                    index += chunks
                }
            }
        }
        var numbers: [String: Int32] = [:], vocabulary: [String] = [], frequency: [Int32] = []
        var counted: [[(Int32, Int32)]] = []
        counted.reserveCapacity(texts.count)
        for tokens in tokenLists {
            var tally: [Int32: Int32] = [:]
            for token in tokens {
                let number: Int32
                if let known = numbers[token] { number = known } else {
                    number = Int32(vocabulary.count)
                    numbers[token] = number
                    vocabulary.append(token)
                    frequency.append(0)
                }
                tally[number, default: 0] += 1
            }
            let list = tally.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (token, _) in list { frequency[Int(token)] += 1 }
            counted.append(list)
        }
        var terms = Ragged<Int32>(), weights: [Float] = []
        let idf = Self.idf(frequency, documents: texts.count)
        for list in counted {
            let w = Self.normalised(list.map { token, count in Self.weight(count: count, idf: idf[Int(token)], treaty: vocabulary[Int(token)].hasPrefix("t:")) })
            terms.append(list.map(\.0))
            weights += w
        }
        self.init(vocabulary: vocabulary, frequency: frequency, terms: terms, weights: weights)
    }

    static func idf(_ frequency: [Int32], documents: Int) -> [Float] {
        let n = Double(max(documents, 1))
        return frequency.map { Float(log((n + 1) / (Double($0) + 1)) + 1) }
    }

    static func weight(count: Int32, idf: Float, treaty: Bool) -> Float {
        Float(1 + log(Double(count))) * idf * (treaty ? treatyBoost : 1)
    }

    static func normalised(_ w: [Float]) -> [Float] {
        let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? w.map { $0 / norm } : w
    }

    private mutating func buildPostings() {
        var counts = [Int32](repeating: 0, count: vocabulary.count + 1)
        for token in terms.values { counts[Int(token) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var next = counts
        var asks = [Int32](repeating: 0, count: terms.values.count)
        var postWeights = [Float](repeating: 0, count: terms.values.count)
        for ask in 0..<terms.count {
            for k in Int(terms.starts[ask])..<Int(terms.starts[ask + 1]) {
                let token = Int(terms.values[k])
                let slot = Int(next[token])
                asks[slot] = Int32(ask)
                postWeights[slot] = weights[k]
                next[token] += 1
            }
        }
        postingAsks = Ragged(values: asks, starts: counts)
        postingWeights = postWeights
    }

    /// A new text as a vector in the record's vocabulary: tokens the record never saw still count
    /// towards the norm (a text that is mostly new words is far from everything), with the IDF of
    /// a token held by no ask.
    func query(_ text: String) -> (terms: [Int32], weights: [Float], treaties: Set<String>) {
        let idf = Self.idf(frequency, documents: terms.count)
        let unseen = Self.idf([0], documents: terms.count)[0]
        var tally: [String: Int32] = [:]
        for token in ClusterText.tokens(text) { tally[token, default: 0] += 1 }
        var known: [(Int32, Float)] = [], all: [Float] = []
        for (token, count) in tally {
            let treaty = token.hasPrefix("t:")
            let number = numbers[token]
            let w = Self.weight(count: count, idf: number.map { idf[Int($0)] } ?? unseen, treaty: treaty)
            all.append(w)
            if let number { known.append((number, w)) }
        }
        let norm = all.reduce(0) { $0 + $1 * $1 }.squareRoot()
        known.sort { $0.0 < $1.0 }
        return (known.map(\.0), known.map { norm > 0 ? $0.1 / norm : 0 }, Set(tally.keys.filter { $0.hasPrefix("t:") }))
    }

    /// The treaty tokens of one ask.
    func treaties(of ask: Int) -> Set<String> {
        Set(terms[ask].lazy.map { vocabulary[Int($0)] }.filter { $0.hasPrefix("t:") })
    }
}

/// Lets the parallel tokeniser write disjoint slots of one buffer.
private struct UncheckedBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
