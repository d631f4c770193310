import Foundation
import ReviewModel

/// A small review built in code with what exports get wrong: diacritics, a joint recommendation,
/// a comma and quotes in a text, a text starting with `=`, `&` and `'` in a theme, a mark of
/// "already implemented", and recommendations still open.
enum ExportFixtures {
    static let document = DocumentInfo(symbol: "A/HRC/00/0 (test)", title: "Test report", stateUnderReview: "Viet Nam", cycle: 4)
    /// 2026-09-21T14:13:20Z
    static let date = Date(timeIntervalSince1970: 1_790_000_000)

    static func recommendations() -> [Recommendation] {
        [
            Recommendation(id: "140.1", text: "Ratify the Optional Protocol to the Convention against Torture", states: ["Chile", "France"], themes: ["International instruments"]),
            Recommendation(id: "140.2", text: "Consider ratifying OPCAT", states: ["Côte d'Ivoire"], themes: ["International instruments"]),
            Recommendation(id: "140.3", text: "Establish a moratorium on executions", states: ["France"], themes: ["Death penalty"]),
            Recommendation(id: "140.4", text: "Guarantee freedom of expression, online and offline", states: ["Türkiye"], themes: ["Freedom of expression"]),
            Recommendation(id: "140.5", text: "Continue poverty reduction in mountainous areas", states: ["Lao People's Democratic Republic"], themes: ["Poverty reduction"]),
            Recommendation(id: "140.10", text: "Strengthen \"legal aid\", for all", states: ["Germany"], themes: ["Legal system and justice"]),
            Recommendation(id: "140.11", text: "=Equal pay for women & men", states: ["Chile"], themes: ["Women's rights & equality"]),
        ]
    }

    /// 140.4 under consideration and 140.5 undecided: not ready for the addendum.
    static func openLedger() throws -> Ledger {
        var ledger = try Ledger(document: document, recommendations: recommendations())
        try ledger.decide("140.1", .accepted, by: "lan", at: date)
        try ledger.annotate("140.1", note: "Đã có trong luật", by: "lan", at: date)
        try ledger.decide("140.2", .accepted, by: "lan", at: date)
        try ledger.markImplemented("140.2", true, by: "lan", at: date)
        try ledger.decide("140.3", .rejected, by: "lan", at: date)
        try ledger.annotate("140.3", note: "Needs \"Penal Code\" change, later", by: "lan", at: date)
        try ledger.decide("140.4", .underConsideration, by: "minh", at: date)
        try ledger.decide("140.10", .accepted, by: "lan", at: date)
        try ledger.decide("140.11", .rejected, by: "minh", at: date)
        return ledger
    }

    /// Every recommendation decided: the addendum can be published.
    static func decidedLedger() throws -> Ledger {
        var ledger = try openLedger()
        try ledger.decide("140.4", .accepted, by: "minh", at: date)
        try ledger.decide("140.5", .rejected, by: "minh", at: date)
        return ledger
    }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("upr-export-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
