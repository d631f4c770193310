import ArgumentParser
import Foundation
import ReviewModel
import WorkbenchCore

/// `upr history ID`: who decided what, when, and how it changed.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every change of a recommendation (or of all, without an ID): who, when, from and to, and the note."
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "Recommendation IDs (all changes when none is given).")
    var ids: [String] = []

    func run() throws {
        let ledger = try options.readLedger()
        let wanted = Set(ids.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })
        if let unknown = wanted.first(where: { !ledger.contains($0) }) {
            throw fail("no recommendation with ID \(unknown) in \(options.url.path)")
        }
        let events = ledger.history.filter { wanted.isEmpty || wanted.contains($0.id) }
        if events.isEmpty { TerminalOutput.line("No changes recorded\(wanted.isEmpty ? "" : " for \(ids.joined(separator: ", "))").") }
        for event in events {
            // The analyst's zone and an ISO date (`2026-12-01 21:37 +07`); the ledger keeps UTC.
            TerminalOutput.line("\(LocalTime.format(event.at))  \(event.id)  \(event.by)  \(ChangeDescription.text(event))")
        }
    }
}
