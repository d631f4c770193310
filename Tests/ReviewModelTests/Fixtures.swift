import Foundation
@testable import ReviewModel

/// A small ledger built in code: joint recommendations, diacritics, and a repeated ask.
enum Fixtures {
    static let document = DocumentInfo(symbol: "A/HRC/00/0 (test)", title: "Test report", stateUnderReview: "Viet Nam", cycle: 4)

    static func ledger() -> Ledger {
        try! Ledger(document: document, recommendations: [
            Recommendation(id: "140.1", text: "Ratify the Optional Protocol to the Convention against Torture", states: ["Chile", "France"], themes: ["International instruments"]),
            Recommendation(id: "140.2", text: "Consider ratifying OPCAT", states: ["Côte d'Ivoire"], themes: ["International instruments"]),
            Recommendation(id: "140.3", text: "Establish a moratorium on executions", states: ["France"], themes: ["Death penalty"]),
            Recommendation(id: "140.4", text: "Guarantee freedom of expression, online and offline", states: ["Türkiye"], themes: ["Freedom of expression"]),
            Recommendation(id: "140.5", text: "Continue poverty reduction in mountainous areas", states: ["Lao People's Democratic Republic"], themes: ["Poverty reduction"]),
            Recommendation(id: "140.10", text: "Strengthen \"legal aid\", for all", states: ["Germany"], themes: ["Legal system and justice"]),
        ])
    }

    static let date = Date(timeIntervalSince1970: 1_790_000_000.75)

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("upr-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
