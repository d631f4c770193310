import ArgumentParser
import Foundation
import ReviewModel

/// Records decisions from a script exactly as the workbench does: same ledger, same lock, same
/// durable save, same who and when.
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Record a decision on one or more recommendations.",
        discussion: "STATUS is accepted, under-consideration, rejected, or undecided (clears the decision)."
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "accepted, under-consideration, rejected or undecided.")
    var status: StatusSelection

    @Argument(help: "Recommendation IDs, e.g. 140.7 (a trailing dot is ignored).")
    var ids: [String]

    @Option(name: .long, help: "A note saying why (replaces the existing note).")
    var note: String?

    @Flag(inversion: .prefixedNo, help: "accepted only: mark as (or no longer as) supported and considered already implemented, for the addendum.")
    var implemented: Bool?

    func validate() throws {
        if ids.isEmpty { throw ValidationError("Give at least one recommendation ID.") }
        if implemented == true && status != .accepted {
            throw ValidationError("--implemented goes with accepted: only a supported recommendation can be already implemented.")
        }
    }

    func run() throws {
        // A large ledger with a fresh index: only these recommendations' lines are read.
        let asked = ids.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        if let quick = LedgerQuickStore.open(options.url, analyst: options.analystName, ids: asked) {
            defer { quick.close() }
            var ledger = quick.ledger
            let normalized = try options.knownIDs(ids, in: ledger)
            try change(&ledger, normalized, group: quick.nextGroup)
            do {
                try quick.record(ledger)
            } catch {
                throw fail("\(error)")
            }
            return report(normalized)
        }
        let store = try options.openStore()
        defer { store.close() }
        var ledger = store.saved
        let normalized = try options.knownIDs(ids, in: ledger)
        try change(&ledger, normalized, group: ledger.nextGroup)  // one step for undo, however many IDs
        do {
            try store.record(ledger)
        } catch {
            throw fail("\(error)")
        }
        report(normalized)
        // Durable in the journal already, which every start replays; `upr fold` or the workbench folds it.
        if let problem = store.close() { tell([problem]) }
    }

    private func change(_ ledger: inout Ledger, _ normalized: [String], group: Int) throws {
        let now = Date()
        for id in normalized {
            try ledger.decide(id, status.status, by: options.analystName, at: now, group: group)
            if let note { try ledger.annotate(id, note: note, by: options.analystName, at: now, group: group) }
            if let implemented { try ledger.markImplemented(id, implemented, by: options.analystName, at: now, group: group) }
        }
    }

    private func report(_ normalized: [String]) {
        TerminalOutput.line("Recorded \(status.label) on \(normalized.count) recommendation\(normalized.count == 1 ? "" : "s"): \(normalized.joined(separator: ", "))")
    }
}
