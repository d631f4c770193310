import Foundation

/// Builds a record from its asks, in the order given (the importer gives them review by review,
/// as the exports list them).
public struct RecordBuilder {
    /// One ask as one review received it: State names canonical (`StateDirectory.resolve`).
    public struct Ask {
        public var stateUnderReview: String
        public var session: Int
        public var text: String
        public var recommendingStates: [String]
        public var issues: [String]
        public var response: UPRRecord.Response

        public init(stateUnderReview: String, session: Int, text: String, recommendingStates: [String], issues: [String], response: UPRRecord.Response) {
            self.stateUnderReview = stateUnderReview
            self.session = session
            self.text = text
            self.recommendingStates = recommendingStates
            self.issues = issues
            self.response = response
        }
    }

    private var stateNumbers: [String: Int32] = [:], stateNames: [String] = []
    private var issueNumbers: [String: Int32] = [:], issueNames: [String] = []
    private var reviewNumbers: [UPRRecord.Review: Int32] = [:], reviews: [UPRRecord.Review] = []
    private var askReview: [Int32] = [], askResponse: [UPRRecord.Response] = []
    private var texts: [String] = []
    private var recommenders = Ragged<Int32>(), issues = Ragged<Int32>()
    public var rowCount = 0

    public init() {}

    public mutating func add(_ ask: Ask) {
        let review = UPRRecord.Review(state: state(ask.stateUnderReview), session: Int32(ask.session))
        if reviewNumbers[review] == nil {
            reviewNumbers[review] = Int32(reviews.count)
            reviews.append(review)
        }
        askReview.append(reviewNumbers[review]!)
        askResponse.append(ask.response)
        texts.append(ask.text)
        recommenders.append(ask.recommendingStates.map { state($0) })
        issues.append(ask.issues.map { issue($0) })
    }

    private mutating func state(_ name: String) -> Int32 {
        if let known = stateNumbers[name] { return known }
        stateNumbers[name] = Int32(stateNames.count)
        stateNames.append(name)
        return Int32(stateNames.count - 1)
    }

    private mutating func issue(_ name: String) -> Int32 {
        if let known = issueNumbers[name] { return known }
        issueNumbers[name] = Int32(issueNames.count)
        issueNames.append(name)
        return Int32(issueNames.count - 1)
    }

    /// The record, with the vectors of every text (the slow part: tokenising).
    public func build() -> UPRRecord {
        UPRRecord(rowCount: rowCount, stateNames: stateNames, issueNames: issueNames, reviews: reviews,
                  askReview: askReview, askResponse: askResponse, texts: StringTable(texts),
                  recommenders: recommenders, issues: issues, vectors: RecordVectors(texts: texts))
    }
}
