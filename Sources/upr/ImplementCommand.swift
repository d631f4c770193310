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

    @Option(help: "The lead ministry or agency (none: remove it).")
    var lead: String?

    @Option(name: .customLong("partner"), help: "A partner agency (repeat for each; replaces the list).")
    var partners: [String] = []

    @Option(name: .customLong("indicator"), help: "An indicator (repeat for each; replaces the list).")
    var indicators: [String] = []

    @Option(name: .customLong("sdg"), help: "A linked SDG target such as 16.3 (repeat for each; replaces the list; by default the thematic list's).")
    var sdgs: [String] = []

    var setsPlan: Bool { lead != nil || !partners.isEmpty || !indicators.isEmpty || !sdgs.isEmpty }

    func validate() throws {
        if ids.isEmpty { throw ValidationError("Give at least one recommendation ID.") }
        if let status, ImplementationStatus(parsing: status) == nil {
            throw ValidationError("Unknown status “\(status)”: use not-started, in-progress, partially-implemented or fully-implemented.")
        }
        if status == nil && (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !setsPlan {
            throw ValidationError("Give --status, --note, --lead, --partner, --indicator or --sdg.")
        }
        for sdg in sdgs where !Self.isTarget(sdg) {
            throw ValidationError("“\(sdg)” is not an SDG goal or target; write it as 16 or 16.3.")
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
                var touched = false
                if let status = status.flatMap(ImplementationStatus.init(parsing:)) {
                    touched = try ledger.setImplementationStatus(id, status, note: note, source: source, by: who, at: now, group: group) != nil
                } else if let note, !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    touched = try ledger.addProgressNote(id, note, source: source, by: who, at: now, group: group) != nil
                }
                if lead != nil || !partners.isEmpty {
                    let name = lead.map { $0.lowercased() == "none" ? "" : $0 } ?? ledger.implementation(of: id)?.lead
                    touched = try ledger.setImplementationLead(id, lead: name, partners: partners.isEmpty ? nil : partners, by: who, at: now, group: group) != nil || touched
                }
                if !indicators.isEmpty || !sdgs.isEmpty {
                    touched = try ledger.setIndicators(id, indicators: indicators.isEmpty ? nil : indicators, sdgs: sdgs.isEmpty ? nil : sdgs,
                                                       by: who, at: now, group: group) != nil || touched
                }
                if touched { changed += 1 }
            }
            try store.record(ledger)
        } catch let error as ImplementationError {
            throw fail("\(error) Nothing was recorded.")
        } catch {
            throw fail("\(error)")
        }
        let what = status.flatMap(ImplementationStatus.init(parsing:)).map { "Implementation \($0.label)" } ?? (note != nil ? "Progress noted" : "Plan updated")
        TerminalOutput.line("\(what): \(normalized.count) recommendation\(normalized.count == 1 ? "" : "s") (\(changed) changed): \(normalized.joined(separator: ", "))")
        if let problem = store.close() { tell([problem]) }
    }

    /// `16`, `16.3`, `16.a`.
    static func isTarget(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let goal = parts.first.flatMap({ Int($0) }), (1...17).contains(goal), parts.count <= 2 else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    }
}
