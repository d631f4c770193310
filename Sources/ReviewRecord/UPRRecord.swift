import Foundation

/// The public UPR record (the UPR Info database: every review, every session): each ask as one
/// review received it, with who made it, the issues UPR Info gives it and the response, plus
/// the TF-IDF vectors (`ClusterText` tokens) that find the closest asks. Kept in one file outside
/// any ledger (`RecordFile`); read-only once built.
public struct UPRRecord: Sendable {
    public enum Response: UInt8, Sendable, CaseIterable {
        case unknown = 0, supported = 1, noted = 2

        public var label: String {
            switch self {
            case .unknown: "no response"
            case .supported: "supported"
            case .noted: "noted"
            }
        }
    }

    /// One review: a State under review in one UPR session.
    public struct Review: Equatable, Hashable, Sendable {
        /// Into `stateNames`.
        public var state: Int32
        public var session: Int32
    }

    /// Rows of the exports read (one per recommending State), for the import's report.
    public internal(set) var rowCount: Int
    /// Canonical names of every State (reviewed or recommending), referred to by number.
    public internal(set) var stateNames: [String]
    public internal(set) var issueNames: [String]
    public internal(set) var reviews: [Review]

    // One entry per ask (same text to the same review = one ask, however many States made it).
    public internal(set) var askReview: [Int32]
    public internal(set) var askResponse: [Response]
    public internal(set) var texts: StringTable
    public internal(set) var recommenders: Ragged<Int32>
    public internal(set) var issues: Ragged<Int32>
    public internal(set) var vectors: RecordVectors

    public var askCount: Int { askReview.count }

    public func text(_ ask: Int) -> String { texts[ask] }
    public func review(of ask: Int) -> Review { reviews[Int(askReview[ask])] }
    public func stateUnderReview(_ ask: Int) -> String { stateNames[Int(review(of: ask).state)] }
    public func session(_ ask: Int) -> Int { Int(review(of: ask).session) }
    public func year(_ ask: Int) -> Int { UPRSessions.year(ofSession: session(ask)) }
    public func recommendingStates(_ ask: Int) -> [String] { recommenders[ask].map { stateNames[Int($0)] } }
    public func issueLabels(_ ask: Int) -> [String] { issues[ask].map { issueNames[Int($0)] } }

    /// States under review, distinct.
    public var reviewedStateCount: Int { Set(reviews.map(\.state)).count }
    public var sessions: ClosedRange<Int>? {
        guard let low = reviews.map(\.session).min(), let high = reviews.map(\.session).max() else { return nil }
        return Int(low)...Int(high)
    }

    /// The number of a State's name, if the record knows it.
    public func stateNumber(_ name: String) -> Int32? {
        stateNames.firstIndex(of: name).map(Int32.init)
    }
}

/// Strings end to end in one UTF-8 buffer: made into `String`s only when shown, so that opening
/// the record for a review's detail pane never builds 40,000 strings.
public struct StringTable: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int32] = []

    public init() {}

    init(bytes: [UInt8], ends: [Int32]) {
        self.bytes = bytes
        self.ends = ends
    }

    public init(_ strings: [String]) {
        for string in strings { append(string) }
    }

    public var count: Int { ends.count }

    public subscript(index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }

    mutating func append(_ string: String) {
        bytes.append(contentsOf: string.utf8)
        ends.append(Int32(bytes.count))
    }

    var all: [String] { (0..<count).map { self[$0] } }

    var isWellFormed: Bool {
        zip([0] + ends, ends).allSatisfy { $0 <= $1 } && Int(ends.last ?? 0) == bytes.count
    }
}

/// The years of UPR Working Group sessions (three a year since April 2008; two in 2012 and 2020).
public enum UPRSessions {
    static let years: [Int] = [2008, 2008, 2008, 2009, 2009, 2009, 2010, 2010, 2010, 2011, 2011, 2011, 2012, 2012,
                               2013, 2013, 2013, 2014, 2014, 2014, 2015, 2015, 2015, 2016, 2016, 2016, 2017, 2017,
                               2018, 2018, 2018, 2019, 2019, 2019, 2020, 2020, 2021, 2021, 2021, 2022, 2022,
                               2023, 2023, 2023, 2024, 2024, 2024, 2025, 2025, 2025]

    /// 1–12 the first cycle, then 14 sessions a cycle (as `upr import` counts them).
    public static func cycle(ofSession session: Int) -> Int {
        session <= 12 ? 1 : (session - 13) / 14 + 2
    }

    public static func year(ofSession session: Int) -> Int {
        guard session >= 1 else { return 0 }
        return session <= years.count ? years[session - 1] : years.last! + (session - years.count + 2) / 3
    }
}
