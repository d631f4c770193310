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

extension UPRRecord {
    public func precedent(of text: String, for review: ReviewContext, settings: PrecedentSettings = .standard) -> Precedent {
        precedent(of: text, stateUnderReview: review.stateUnderReview, settings: settings) { review.isThis($0, in: self) }
    }
}
