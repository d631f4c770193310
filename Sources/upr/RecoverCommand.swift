import ArgumentParser
import Foundation
import ReviewModel

/// `upr recover`: for a ledger that no longer opens.
struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Mend a ledger that does not open, from itself or its .bak and its journal; damaged files are kept aside."
    )

    @OptionGroup var options: LedgerOptions

    func run() throws {
        do {
            let report = try LedgerRecovery.recover(options.url, analyst: options.analystName)
            print("Recovered \(options.url.path) from \(report.source); \(report.replayed) journal changes replayed.")
            if !report.droppedJournalLines.isEmpty {
                print("Journal lines that could not be applied and were left out: \(report.droppedJournalLines.map(String.init).joined(separator: ", "))")
            }
            if !report.keptAside.isEmpty { print("The damaged files are kept as: \(report.keptAside.joined(separator: ", "))") }
            let ledger = try LedgerStore.read(options.url)
            let counts = ledger.counts
            print("It holds \(ledger.recommendations.count) recommendations: \(counts.accepted) accepted, \(counts.underConsideration) under consideration, \(counts.rejected) rejected, \(counts.undecided) undecided.")
        } catch {
            throw fail("\(error)")
        }
    }
}
