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
            if report.healthy {
                let pending = report.replayed > 0 ? " Its journal holds \(report.replayed) change\(report.replayed == 1 ? "" : "s") not yet folded into it; every start replays them, and `upr fold` writes them into it." : ""
                TerminalOutput.line("Nothing is damaged: \(options.url.path) opens as it is, and nothing was changed.\(pending)")
                tell(report.notes)
                return
            }
            TerminalOutput.line("Recovered \(options.url.path) from \(report.source); \(report.replayed) journal changes replayed.")
            for problem in report.problems { TerminalOutput.line("  journal line \(problem.line): \(problem.reason)") }
            if !report.droppedJournalLines.isEmpty {
                TerminalOutput.line("Journal lines that could not be applied and were left out: \(report.droppedJournalLines.map(String.init).joined(separator: ", "))")
            }
            if !report.keptAside.isEmpty { TerminalOutput.line("The damaged files are kept as: \(report.keptAside.joined(separator: ", "))") }
            let ledger = try LedgerStore.read(options.url)
            let counts = ledger.counts
            TerminalOutput.line("It holds \(ledger.recommendations.count) recommendations: \(counts.accepted) accepted, \(counts.underConsideration) under consideration, \(counts.rejected) rejected, \(counts.undecided) undecided.")
        } catch {
            throw fail("\(error)")
        }
    }
}
