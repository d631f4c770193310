import ArgumentParser
import Foundation
import ReviewModel

/// `upr assign MINISTRY ID...`: makes a line ministry responsible for recommendations, recorded
/// exactly as `upr decide` records decisions (same lock, journal, one change group for undo).
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Make a line ministry responsible for one or more recommendations (none: unassign).",
        discussion: """
        A name already in use, written with other case or accents, is taken as that ministry. \
        `upr export --format ministry -o FOLDER` then writes one workbook per ministry.
        """
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The ministry's name (quote it), or none to clear the assignment.")
    var ministry: String

    @Argument(help: "Recommendation IDs, e.g. 140.7 (a trailing dot is ignored).")
    var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("Give at least one recommendation ID.") }
        if ministry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("Name the ministry, or none to clear.") }
    }

    func run() throws {
        let store = try options.openStore()
        defer { store.close() }
        var ledger = store.saved
        let normalized = try options.knownIDs(ids, in: ledger)
        let trimmed = ministry.trimmingCharacters(in: .whitespacesAndNewlines)
        let name: String? = trimmed.lowercased() == "none" ? nil : ledger.ministry(named: trimmed) ?? trimmed
        let now = Date()
        let group = ledger.nextGroup
        var changed = 0
        for id in normalized where try ledger.assign(id, ministry: name, by: options.analystName, at: now, group: group) != nil {
            changed += 1
        }
        do {
            try store.record(ledger)
        } catch {
            throw fail("\(error)")
        }
        let what = name.map { "Assigned to \($0)" } ?? "Unassigned"
        TerminalOutput.line("\(what): \(normalized.count) recommendation\(normalized.count == 1 ? "" : "s") (\(changed) changed): \(normalized.joined(separator: ", "))")
        // Durable in the journal already, which every start replays; `upr fold` or the workbench folds it.
        if let problem = store.close() { tell([problem]) }
    }
}
