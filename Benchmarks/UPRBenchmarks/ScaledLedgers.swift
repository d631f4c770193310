import Foundation
import ReviewImport
import ReviewModel

/// The ledgers the scale figures are measured on. At 42,000: every recommendation of UPR sessions
/// 1 to 20 (the UPR Info exports in ../shared/upr-data/uprinfo), one review after another, with
/// the positions then published as decisions; where that folder is absent, the embedded sample
/// repeated with new IDs (same size, but 320 texts over and over, so clustering and search see far
/// less variety: the figures say which). At 420,000: the 42,000 ten times, with new IDs.
enum ScaledLedgers {
    static let when = Date(timeIntervalSince1970: 1_790_000_000)

    /// The UPR Info folder beside the repository, if there is one (run from the repository root).
    static var uprInfoFolder: URL? {
        let folder = URL(fileURLWithPath: "../shared/upr-data/uprinfo")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".csv") } ?? []
        return files.isEmpty ? nil : folder
    }

    /// What the 42,000 are, for the figures' headings.
    static var source: String {
        uprInfoFolder == nil ? "the illustrative sample repeated (../shared/upr-data/uprinfo absent)" : "UPR Info, sessions 1–20 (../shared/upr-data/uprinfo)"
    }

    /// About 42,000 recommendations, decided as published (UPR Info) but one in ten left
    /// undecided, as in a ledger being worked on (so that `decision:undecided` finds some), or a
    /// third decided (sample).
    static func record() throws -> Ledger {
        guard let folder = uprInfoFolder else { return try decided(Sample.ledger().repeated(131)) }
        let directory = try StateDirectory.bundled()
        var rows: [UPRInfoRow] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".csv") }).sorted() {
            rows += try UPRInfoCSV.rows(folder.appendingPathComponent(file)).rows
        }
        // One review is a State under review in a session; the importer groups its rows into
        // recommendations (joint ones together). IDs are `SESSION.N`, N counted over the session.
        var reviews: [String: [UPRInfoRow]] = [:], order: [String] = []
        for row in rows {
            let key = "\(row.session ?? 0)|\(row.stateUnderReview)"
            if reviews[key] == nil { order.append(key) }
            reviews[key, default: []].append(row)
        }
        var recommendations: [Recommendation] = [], positions: [DecisionStatus?] = []
        var countBySession: [Int: Int] = [:]
        for key in order {
            let first = reviews[key]![0]
            let document = UPRInfoCSV.document(reviews[key]!, stateUnderReview: first.stateUnderReview, session: first.session, file: "bench")
            for imported in document.recommendations {
                let session = first.session ?? 0
                countBySession[session, default: 0] += 1
                let states = imported.states.map { directory.resolve($0)?.name ?? $0 }
                recommendations.append(Recommendation(id: "\(session).\(countBySession[session]!)", text: imported.text, states: states, themes: imported.themes))
                positions.append(imported.position?.decision)
            }
        }
        var ledger = try Ledger(document: DocumentInfo(symbol: "UPR Info", title: "UPR sessions 1–20 (benchmark)", stateUnderReview: "every State"), recommendations: recommendations)
        for (position, status) in positions.enumerated() where position % 10 != 9 {
            guard let status else { continue }
            try ledger.decide(recommendations[position].id, status, by: "bench", at: when)
        }
        return ledger
    }

    /// A third of the recommendations decided, for a ledger without decisions (the sample).
    static func decided(_ ledger: Ledger) throws -> Ledger {
        var ledger = ledger
        for position in stride(from: 0, to: ledger.recommendations.count, by: 3) {
            try ledger.decide(ledger.recommendations[position].id, position % 2 == 0 ? .accepted : .rejected, by: "bench", at: when)
        }
        return ledger
    }
}
