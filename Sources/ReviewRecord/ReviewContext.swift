import Foundation
import ReviewModel

/// Which review a ledger is, as the record knows reviews: its State under review (canonical
/// name, whose own earlier answers come first) and its session (left out of its own precedent:
/// a review's answers are not precedent for itself).
public struct ReviewContext: Equatable, Sendable {
    public var stateUnderReview: String?
    public var session: Int?
    /// The UPR cycle, where the document says it or its session does: a State is reviewed once a
    /// cycle, so its record of that cycle is this review itself.
    public var cycle: Int?

    public init(stateUnderReview: String?, session: Int?, cycle: Int? = nil) {
        self.stateUnderReview = stateUnderReview
        self.session = session
        self.cycle = cycle ?? session.map(UPRSessions.cycle(ofSession:))
    }

    /// From a ledger's document: "Viet Nam", "Working Group, 18th session" → Viet Nam, 18.
    public init(_ document: DocumentInfo, states: StateDirectory?) {
        stateUnderReview = states?.resolve(document.stateUnderReview)?.name ?? document.stateUnderReview
        session = document.session.flatMap { text in
            text.split(whereSeparator: { !$0.isNumber }).first.flatMap { Int($0) }
        }
        cycle = document.cycle ?? session.map(UPRSessions.cycle(ofSession:))
    }

    /// Whether a review of the record is this one.
    func isThis(_ review: UPRRecord.Review, in record: UPRRecord) -> Bool {
        guard let name = stateUnderReview, record.stateNames[Int(review.state)] == name else { return false }
        if let session { return Int(review.session) == session }
        if let cycle { return UPRSessions.cycle(ofSession: Int(review.session)) == cycle }
        return false
    }
}

extension ReviewContext {
    /// Where the document does not say its session (a report cut to its recommendations), the
    /// record may hold this very review: the State's review in which most of these texts appear
    /// almost word for word (cosine 0.9; a sample of 40 is enough to tell).
    public func identified(in record: UPRRecord, texts: [String]) -> ReviewContext {
        guard session == nil, cycle == nil, let name = stateUnderReview, let own = record.stateNumber(name), !texts.isEmpty else { return self }
        let sample = stride(from: 0, to: texts.count, by: max(1, texts.count / 40)).map { texts[$0] }
        var found: [Int32: Int] = [:]
        for text in sample {
            let nearest = record.nearest(to: text, atLeast: 0.9, sameTreaties: false, limit: 1) { $0.state != own }
            if let ask = nearest.first?.ask { found[record.review(of: ask).session, default: 0] += 1 }
        }
        guard let best = found.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), best.value * 2 >= sample.count else { return self }
        return ReviewContext(stateUnderReview: name, session: Int(best.key))
    }
}

extension UPRRecord {
    public func precedent(of text: String, for review: ReviewContext, settings: PrecedentSettings = .standard) -> Precedent {
        precedent(of: text, stateUnderReview: review.stateUnderReview, settings: settings) { review.isThis($0, in: self) }
    }
}
