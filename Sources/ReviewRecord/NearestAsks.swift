import Foundation

extension UPRRecord {
    /// The asks of the record closest to `text` by cosine of TF-IDF vectors, closest first.
    /// `sameTreaties`: where either text names a treaty, both must name the same ones ("ratify
    /// CAT" is not "ratify CAT and its Optional Protocol", nor "ratify ICCPR"). `skip` leaves out
    /// reviews (the review being decided, or the one held out in an evaluation).
    public func nearest(to text: String, atLeast threshold: Double, sameTreaties: Bool, limit: Int = .max,
                        skip: (Review) -> Bool = { _ in false }) -> [(ask: Int, similarity: Double)] {
        let query = vectors.query(text)
        guard !query.terms.isEmpty else { return [] }
        var sums = [Float](repeating: 0, count: askCount)
        var touched: [Int32] = []
        vectors.postingAsks.values.withUnsafeBufferPointer { asks in
            vectors.postingWeights.withUnsafeBufferPointer { weights in
                let starts = vectors.postingAsks.starts
                for (token, weight) in zip(query.terms, query.weights) {
                    for k in Int(starts[Int(token)])..<Int(starts[Int(token) + 1]) {
                        let ask = Int(asks[k])
                        if sums[ask] == 0 { touched.append(asks[k]) }
                        sums[ask] += weight * weights[k]
                    }
                }
            }
        }
        let bar = Float(threshold)
        var found: [(ask: Int, similarity: Double)] = []
        for ask in touched.lazy.map(Int.init) where sums[ask] >= bar {
            if skip(reviews[Int(askReview[ask])]) { continue }
            if sameTreaties, vectors.treaties(of: ask) != query.treaties { continue }
            found.append((ask, Double(sums[ask])))
        }
        // Closest first; between equals, the record's order (by session, then as exported).
        found.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.ask < $1.ask) }
        return found.count > limit ? Array(found.prefix(limit)) : found
    }
}
