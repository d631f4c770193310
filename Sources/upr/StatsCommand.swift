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
        print("\(ledger.document.stateUnderReview) · \(ledger.document.symbol)")
        print(line("accepted", counts.accepted))
        print(line("under consideration", counts.underConsideration))
        print(line("rejected", counts.rejected))
        print(line("undecided", counts.undecided))
        print(line("total", counts.total))
    }
}
