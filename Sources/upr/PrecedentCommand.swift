import ArgumentParser
import Foundation
import ReviewModel
import ReviewRecord

/// `upr precedent ID`: how other States under review answered the same ask, from the record.
struct PrecedentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precedent",
        abstract: "How the world answered the same ask: the record's closest asks to a recommendation, and how they were received."
    )

    @OptionGroup var options: LedgerOptions
    @OptionGroup var record: RecordOptions

    @Argument(help: "The recommendation's ID, e.g. 143.9.")
    var id: String

    @Flag(name: .long, help: "Print JSON: the summary, the counts and every ask listed.")
    var json = false

    func run() throws {
        let uprRecord = try record.load()
        let ledger = try options.readLedger()
        let id = try options.knownIDs([id], in: ledger)[0]
        let recommendation = ledger.recommendation(id)!
        let context = ReviewContext(ledger.document, states: try? StateDirectory.bundled()).identified(in: uprRecord, texts: ledger.recommendations.map(\.text))
        let precedent = uprRecord.precedent(of: recommendation.text, for: context)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(PrecedentJSON(id: id, text: recommendation.text, precedent)), as: UTF8.self))
            return
        }
        TerminalOutput.line("\(id) \(recommendation.text)")
        TerminalOutput.line(precedent.summary + (precedent.isEmpty ? "" : " (\(precedent.supported) supported, \(precedent.noted) noted)"))
        let own = precedent.asks.filter { $0.stateUnderReview == precedent.ownState }
        if let state = precedent.ownState, !own.isEmpty {
            TerminalOutput.line("\(state)'s own earlier answers:")
            for ask in own { TerminalOutput.line("  \(ask.year) \(ask.response.label) — \(ask.text) (\(ask.recommendingStates.joined(separator: ", ")))") }
        }
        let others = precedent.asks.filter { $0.stateUnderReview != precedent.ownState }
        if !others.isEmpty { TerminalOutput.line(own.isEmpty ? "Closest asks:" : "Elsewhere:") }
        for ask in others {
            TerminalOutput.line("  \(ask.stateUnderReview) \(ask.year) \(ask.response.label) — \(ask.text) (\(ask.recommendingStates.joined(separator: ", ")))")
        }
    }
}

/// What `upr precedent --json` prints.
private struct PrecedentJSON: Encodable {
    struct Ask: Encodable {
        var stateUnderReview: String, session: Int, year: Int, response: String, text: String
        var recommendingStates: [String], issues: [String], similarity: Double
    }
    var id: String, text: String, summary: String
    var states: Int, supported: Int, noted: Int, supportShare: Int?
    var asks: [Ask]

    init(id: String, text: String, _ precedent: Precedent) {
        self.id = id
        self.text = text
        summary = precedent.summary
        states = precedent.stateCount
        supported = precedent.supported
        noted = precedent.noted
        supportShare = precedent.supportShare
        asks = precedent.asks.map {
            Ask(stateUnderReview: $0.stateUnderReview, session: $0.session, year: $0.year, response: $0.response == .unknown ? "none" : $0.response.label,
                text: $0.text, recommendingStates: $0.recommendingStates, issues: $0.issues, similarity: ($0.similarity * 1000).rounded() / 1000)
        }
    }
}
