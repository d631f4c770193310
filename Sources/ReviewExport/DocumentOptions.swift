import Foundation
import ReviewModel

/// What the Word documents (the addendum, the briefing pack) need beyond the ledger.
public struct DocumentOptions: Equatable, Sendable {
    /// Lists of IDs compressed to ranges (`140.1-6, 9`) instead of each ID written in full, as
    /// most States write them (`140.1, 140.2, …`).
    public var ranges = false
    /// The Council session's dates for the heading block (`16 June–11 July 2025`); left out when nil.
    public var sessionDates: String?
    /// The date of issue in the heading block; by default the day of the latest decision.
    public var issued: Date?
    /// Briefing pack: only these recommending States (as the list of States names them); all when empty.
    public var states: [String] = []
    /// Briefing pack: each recommending State's profile in the public UPR record, where there is one.
    public var profiles: [String: StateProfile] = [:]
    /// The plan and the mid-term report: the file's extension picks Word, XLSX or HTML.
    public var fileExtension: String?
    /// The mid-term report: print the consultation's comments under each recommendation (the
    /// export's choice; they are never mixed with the government's account).
    public var consultation = false

    public init(ranges: Bool = false, sessionDates: String? = nil, issued: Date? = nil, states: [String] = []) {
        self.ranges = ranges
        self.sessionDates = sessionDates
        self.issued = issued
        self.states = states
    }
}

/// Words the heading blocks of UN documents use.
enum DocumentWords {
    /// `8 April 2025`, whatever the locale.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }

    /// `59` → `Fifty-ninth`.
    static func ordinal(_ number: Int) -> String {
        let ones = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
        let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        let tensOrdinal = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]
        let word: String
        switch number {
        case 1..<20: word = ones[number]
        case 20..<100: word = number % 10 == 0 ? tensOrdinal[number / 10] : tens[number / 10] + "-" + ones[number % 10]
        case 100..<200: word = number == 100 ? "one hundredth" : "one hundred and " + ordinal(number - 100).lowercased()
        default: return "\(number)th"
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// The Council session of a symbol such as `A/HRC/59/15` (59), if it has one.
    static func councilSession(_ symbol: String) -> Int? {
        let parts = symbol.split(separator: "/")
        guard parts.count >= 3, parts[1] == "HRC" else { return nil }
        return Int(parts[2]).flatMap { $0 > 0 ? $0 : nil }
    }
}
