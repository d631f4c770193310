import ArgumentParser
import Foundation
import ReviewModel

/// `upr implement ID... --status STATUS [--note TEXT]`: the implementation status of supported
/// recommendations (with the day it was reached) and a progress note, recorded as decisions are
/// (same lock, journal, one change group for undo).
struct ImplementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "implement",
        abstract: "Set the implementation status of supported recommendations, with a progress note.",
        discussion: """
        STATUS: not-started, in-progress, partially-implemented (partial), fully-implemented (full). \
        Only supported (accepted) recommendations are implemented; any other ID refuses the whole \
        command, nothing recorded. --status may be left out to add only the note.
        """
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "Recommendation IDs, e.g. 140.7.")
    var ids: [String]

    @Option(help: "not-started, in-progress, partially-implemented or fully-implemented.")
    var status: String?

    @Option(help: "A progress note: what was done (dated, with you as its author).")
    var note: String?

    @Option(help: "Where the progress note comes from (a report, a meeting, a ministry).")
    var source: String?

    func validate() throws {
        if ids.isEmpty { throw ValidationError("Give at least one recommendation ID.") }
        if let status, ImplementationStatus(parsing: status) == nil {
            throw ValidationError("Unknown status “\(status)”: use not-started, in-progress, partially-implemented or fully-implemented.")
        }
        if status == nil && (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("Give --status, --note, or both.")
        }
    }

    func run() throws {
        let store = try options.openStore()
        defer { store.close() }
        var ledger = store.saved
        let normalized = try options.knownIDs(ids, in: ledger)
        let now = Date(), group = ledger.nextGroup, who = options.analystName
        var changed = 0
        do {
            for id in normalized {
                let event = try status.flatMap(ImplementationStatus.init(parsing:)).map {
                    try ledger.setImplementationStatus(id, $0, note: note, source: source, by: who, at: now, group: group)
                } ?? ledger.addProgressNote(id, note ?? "", source: source, by: who, at: now, group: group)
                if event != nil { changed += 1 }
            }
            try store.record(ledger)
        } catch let error as ImplementationError {
            throw fail("\(error) Nothing was recorded.")
        } catch {
            throw fail("\(error)")
        }
        let what = status.flatMap(ImplementationStatus.init(parsing:)).map { "Implementation \($0.label)" } ?? "Progress noted"
        TerminalOutput.line("\(what): \(normalized.count) recommendation\(normalized.count == 1 ? "" : "s") (\(changed) changed): \(normalized.joined(separator: ", "))")
        if let problem = store.close() { tell([problem]) }
    }
}
