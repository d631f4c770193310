import Foundation
import ReviewModel

extension UPRRecord {
    /// Each named recommending State's profile in the record: its asks and how they were received,
    /// its commonest issues, and its earlier asks of the State under review (latest first). The
    /// review itself, where the record holds it, is left out: its answers are not yet given when the
    /// pack is read. States the record does not know are left out. One pass over the asks.
    public func profiles(of states: Set<String>, for review: ReviewContext, issues shown: Int = 3, earlier: Int = 6) -> [String: StateProfile] {
        let stateUnderReview = review.stateUnderReview ?? ""
        var wanted: [Int32: String] = [:]
        for name in states { if let n = stateNumber(name) { wanted[n] = name } }
        let target = stateNumber(stateUnderReview)
        struct Tally { var asks = 0, supported = 0, noted = 0; var reviewed = Set<Int32>(); var sessions: [Int] = []; var issues: [Int32: Int] = [:]; var toTarget: [Int] = [] }
        var tallies: [Int32: Tally] = [:]
        for ask in 0..<askCount {
            let asked = self.review(of: ask)
            if review.isThis(asked, in: self) { continue }
            for who in recommenders[ask] where wanted[who] != nil {
                var t = tallies[who, default: Tally()]
                t.asks += 1
                switch askResponse[ask] {
                case .supported: t.supported += 1
                case .noted: t.noted += 1
                case .unknown: break
                }
                t.reviewed.insert(asked.state)
                t.sessions.append(Int(asked.session))
                for issue in issues[ask] { t.issues[issue, default: 0] += 1 }
                if asked.state == target { t.toTarget.append(ask) }
                tallies[who] = t
            }
        }
        var out: [String: StateProfile] = [:]
        for (who, t) in tallies {
            let top = t.issues.sorted { ($0.value, issueNames[Int($1.key)]) > ($1.value, issueNames[Int($0.key)]) }.prefix(shown).map { issueNames[Int($0.key)] }
            let before = t.toTarget.sorted { (session($0), $0) > (session($1), $1) }.prefix(earlier).map {
                StateProfile.EarlierAsk(session: session($0), year: year($0), text: text($0), response: askResponse[$0].label)
            }
            let span = t.sessions.min().flatMap { low in t.sessions.max().map { low...$0 } }
            out[wanted[who]!] = StateProfile(asks: t.asks, statesAsked: t.reviewed.count, sessions: span, supported: t.supported, noted: t.noted,
                                             issues: Array(top), toThisState: Array(before))
        }
        return out
    }
}
