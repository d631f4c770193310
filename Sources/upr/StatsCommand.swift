import ArgumentParser
import Foundation
import ReviewModel

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print how many recommendations are accepted, under consideration, rejected and undecided."
    )

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let ledger = try options.readLedger()
        let counts = ledger.counts
        func line(_ label: String, _ value: Int) -> String {
            let share = counts.total == 0 ? 0 : Double(value) * 100 / Double(counts.total)
            return label.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: "%5d  %5.1f%%", value, share)
        }
        TerminalOutput.line("\(ledger.document.stateUnderReview) · \(ledger.document.symbol)")
        TerminalOutput.line(line("accepted", counts.accepted))
        TerminalOutput.line(line("under consideration", counts.underConsideration))
        TerminalOutput.line(line("rejected", counts.rejected))
        TerminalOutput.line(line("undecided", counts.undecided))
        TerminalOutput.line(line("total", counts.total))
        let conflicts = ledger.conflictedIDs.count
        if conflicts > 0 {
            TerminalOutput.line(line("open merge conflicts", conflicts) + "  (each shown with the common base's decision until resolved: upr resolve)")
        }
    }
}
