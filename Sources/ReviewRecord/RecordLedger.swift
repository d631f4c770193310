import Foundation
import ReviewModel

extension UPRRecord {
    /// The record as a ledger, one recommendation per ask, for `upr record` to open read-only with
    /// the usual keys: IDs `SESSION.N` (N counted over the session), the issues as themes, the
    /// response as the decision (supported → accepted, noted → rejected) so that the statistics by
    /// State and by theme read as how asks were received; with the facts `to:`, `session:` and
    /// `response:` filter on, by position.
    public func ledger() throws -> (Ledger, RecordFacts) {
        var recommendations: [Recommendation] = []
        recommendations.reserveCapacity(askCount)
        var decisions: [String: DecisionRecord] = [:]
        decisions.reserveCapacity(askCount)
        var countBySession: [Int32: Int] = [:]
        var reviewed: [Int32] = [], sessions: [Int32] = [], responses: [RecordFacts.Response] = []
        let issueNames = self.issueNames, stateNames = self.stateNames
        var dates: [Int32: Date] = [:]  // one per session: a Calendar per ask costs the first screen
        for ask in 0..<askCount {
            let review = reviews[Int(askReview[ask])]
            countBySession[review.session, default: 0] += 1
            let id = "\(review.session).\(countBySession[review.session]!)"
            recommendations.append(Recommendation(id: id, text: text(ask), states: recommenders[ask].map { stateNames[Int($0)] },
                                                  themes: issues[ask].map { issueNames[Int($0)] }))
            reviewed.append(review.state)
            sessions.append(review.session)
            if dates[review.session] == nil { dates[review.session] = Self.sessionDate(review.session) }
            let date = dates[review.session]!
            switch askResponse[ask] {
            case .supported:
                decisions[id] = DecisionRecord(decision: .accepted, by: "UPR Info", at: date)
                responses.append(.supported)
            case .noted:
                decisions[id] = DecisionRecord(decision: .rejected, by: "UPR Info", at: date)
                responses.append(.noted)
            case .unknown:
                responses.append(.none)
            }
        }
        let span = self.sessions.map { "sessions \($0.lowerBound)-\($0.upperBound)" } ?? "no sessions"
        let ledger = try Ledger(document: DocumentInfo(symbol: "UPR Info, \(span)", title: "The public UPR record (UPR Info database)",
                                                       stateUnderReview: "\(reviewedStateCount) States"),
                                recommendations: recommendations, decisions: decisions)
        return (ledger, RecordFacts(stateNames: stateNames, stateUnderReview: reviewed, session: sessions, response: responses))
    }

    /// 1 January of the session's year, 00:00 UTC: the record says the year, not the day.
    static func sessionDate(_ session: Int32) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: UPRSessions.year(ofSession: Int(session)), month: 1, day: 1))!
    }
}
