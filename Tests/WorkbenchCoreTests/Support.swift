import Foundation
import ReviewModel
@testable import WorkbenchCore

/// A small review with what the screen must survive: joint recommendations, diacritics, a wide
/// (CJK) character, and a text that tries to send escape sequences to the terminal.
enum Screens {
    static func ledger() -> Ledger {
        try! Ledger(
            notice: "Test data, not an official text.",
            document: DocumentInfo(symbol: "A/HRC/00/0", title: "Test", stateUnderReview: "Việt Nam"),
            recommendations: [
                Recommendation(id: "140.1", text: "Ratify the Optional Protocol to the Convention against Torture", states: ["Chile", "France"], themes: ["International instruments"]),
                Recommendation(id: "140.2", text: "Consider ratifying OPCAT", states: ["Côte d'Ivoire"], themes: ["International instruments"]),
                Recommendation(id: "140.3", text: "Establish a moratorium on executions", states: ["France"], themes: ["Death penalty"]),
                Recommendation(id: "140.4", text: "Guarantee freedom of expression \u{1B}[2J\u{1B}]0;pwned\u{07}online and offline", states: ["Türkiye"], themes: ["Freedom of expression"]),
                Recommendation(id: "140.5", text: "Continue poverty reduction 中文 in mountainous areas", states: ["Lao People's Democratic Republic"], themes: ["Poverty reduction"]),
                Recommendation(id: "140.6", text: "Strengthen legal aid", states: ["Germany"], themes: ["Legal system and justice"]),
            ])
    }

    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func state(width: Int = 80, height: Int = 24) -> WorkbenchState {
        var state = WorkbenchState(ledger: ledger(), analyst: "lan", ledgerName: "test.json", size: Size(width: width, height: height))
        state.timeZone = TimeZone(identifier: "UTC")!
        return state
    }

    /// Sends keys through the reducer; returns every effect asked for.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout WorkbenchState) -> [Effect] {
        keys.flatMap { Workbench.reduce(&state, .key($0), now: now) }
    }

    static func type(_ text: String) -> [Key] { text.map { Key.char($0) } }
}
