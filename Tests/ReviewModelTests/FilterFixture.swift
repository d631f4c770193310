import Foundation
@testable import ReviewModel

/// A small ledger for filters: co-recommenders, diacritics, IDs 140.9 and 140.10, notes, analysts
/// and dates on both sides of 2026-11-01.
enum FilterFixture {
    static func day(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "T00:00:00Z")! }

    static func ledger() throws -> Ledger {
        var ledger = try Ledger(document: Fixtures.document, recommendations: [
            Recommendation(id: "140.1", text: "Ratify the Optional Protocol to the Convention against Torture", states: ["Chile", "France"], themes: ["International instruments"]),
            Recommendation(id: "140.2", text: "End torture in Việt Nam’s prisons", states: ["Côte d'Ivoire"], themes: ["Torture and ill-treatment"]),
            Recommendation(id: "140.3", text: "Establish a moratorium on executions with a view to abolishing the death penalty", states: ["France"], themes: ["Death penalty"]),
            Recommendation(id: "140.4", text: "Guarantee freedom of expression, online and offline", states: ["Türkiye"], themes: ["Freedom of expression"]),
            Recommendation(id: "140.9", text: "Continue poverty reduction in mountainous areas", states: ["Lao People's Democratic Republic", "Brazil"], themes: ["Poverty reduction"]),
            Recommendation(id: "140.10", text: "Strengthen legal aid for ethnic minorities in VIỆT NAM", states: ["Germany", "Russian Federation"], themes: ["Legal system and justice"]),
            Recommendation(id: "140.20", text: "Protect human rights defenders", states: ["Norway"]),
            Recommendation(id: "141.1", text: "Abolish the death penalty", states: ["Mexico"], themes: ["Death penalty"]),
        ])
        try ledger.decide("140.1", .accepted, by: "lan", at: day("2026-10-15"))
        try ledger.decide("140.3", .rejected, by: "Minh", at: day("2026-11-02").addingTimeInterval(8 * 3600))
        try ledger.annotate("140.3", note: "Sensitive", by: "Minh", at: day("2026-11-02").addingTimeInterval(9 * 3600))
        try ledger.annotate("140.10", note: "Check the wording", by: "lan", at: day("2026-11-01"))
        try ledger.decide("140.4", .underConsideration, by: "Đức", at: day("2026-11-05"))
        return ledger
    }
}
