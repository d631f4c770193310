import Foundation

extension Ledger {
    /// This ledger `copies` times over, with new IDs (paragraph 140 becomes 1140, 2140, … in the
    /// copies) and each copy decided as the original (decisions only: notes and history are not
    /// copied). A large ledger of known texts, for tests and measurements at scale.
    public func repeated(_ copies: Int) throws -> Ledger {
        let paragraphs = recommendations.map { Int($0.id.split(separator: ".", maxSplits: 1)[0]) ?? 0 }
        var step = 1000
        while step <= (paragraphs.max() ?? 0) { step *= 10 }
        var copied: [Recommendation] = []
        copied.reserveCapacity(recommendations.count * copies)
        for copy in 0..<copies {
            for (position, recommendation) in recommendations.enumerated() {
                var scaled = recommendation
                let rest = recommendation.id.split(separator: ".", maxSplits: 1).dropFirst().first ?? "0"
                scaled.id = "\(copy * step + paragraphs[position]).\(rest)"
                copied.append(scaled)
            }
        }
        var ledger = try Ledger(notice: notice, document: document, recommendations: copied)
        for (number, recommendation) in copied.enumerated() {
            guard let record = decisions[recommendations[number % recommendations.count].id], let status = record.decision else { continue }
            try ledger.decide(recommendation.id, status, by: record.by, at: record.at)
        }
        return ledger
    }
}
