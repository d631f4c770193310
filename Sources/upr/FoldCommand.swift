import ArgumentParser
import Foundation
import ReviewModel

/// Writes the journal's changes into the ledger file. No other command does on its way out (a
/// decision is an append, whatever the ledger's size); the workbench folds in the background.
struct FoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fold",
        abstract: "Write the changes kept in the journal into the ledger file.",
        discussion: "Every decision is saved in LEDGER.journal the moment it is made and replayed at every start; folding writes them into the ledger itself (keeping LEDGER.bak) and empties the journal. The workbench does this in the background every 500 changes; run this after many changes from scripts, or before committing the ledger to git."
    )

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let store = try options.openStore()
        defer { store.close() }
        let count = store.unfolded
        guard count > 0 else {
            // A file copied or written by an older upr: the index `upr decide` reads it by.
            if store.writeIndexIfMissing() {
                TerminalOutput.line("Wrote \(options.url.lastPathComponent).index, where upr decide finds the lines it changes")
            }
            TerminalOutput.line("Nothing to fold: \(options.url.lastPathComponent) holds every change")
            return
        }
        do {
            try store.fold()
        } catch {
            throw fail("\(error); every change is still saved in \(LedgerJournal.url(for: store.url).lastPathComponent), which every start replays")
        }
        TerminalOutput.line("Folded \(count) change\(count == 1 ? "" : "s") into \(options.url.lastPathComponent)")
    }
}
