import ArgumentParser
import Foundation
import ReviewModel
import ReviewExport

/// Writes the explanation the addendum prints with recommendations, as the workbench's `A` does:
/// recommendations given one explanation are printed together under it (`140.11-14`).
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Give recommendations the explanation the addendum publishes with them.",
        discussion: """
        IDs may be ranges as addenda write them: upr explain 140.11-14 --text "The Convention was ratified in 2025." \
        Recommendations with the same explanation are printed under one heading by `upr export --format docx`. \
        --from-note publishes each recommendation's own note; --clear removes the explanation. One undo step.
        """
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "Recommendation IDs or ranges: 140.7, 140.11-14, '140.82-85, 87'.")
    var ids: [String]

    @Option(name: .long, help: "The explanation (paragraphs separated by a blank line).")
    var text: String?

    @Flag(name: .long, help: "Publish each recommendation's note as its explanation.")
    var fromNote = false

    @Flag(name: .long, help: "Remove the explanation.")
    var clear = false

    func validate() throws {
        if ids.isEmpty { throw ValidationError("Give at least one recommendation ID.") }
        if [text != nil, fromNote, clear].filter({ $0 }).count != 1 { throw ValidationError("Give one of --text TEXT, --from-note or --clear.") }
        if let text, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--text is empty; use --clear to remove an explanation.") }
    }

    func run() throws {
        let store = try options.openStore()
        defer { store.close() }
        var ledger = store.saved
        let expanded = ids.flatMap { IDRanges.expand($0.replacingOccurrences(of: ",", with: ", ").replacingOccurrences(of: ",  ", with: ", ")) }
        let normalized = try options.knownIDs(expanded, in: ledger)
        let now = Date()
        let group = ledger.nextGroup
        var changed = 0
        for id in normalized {
            let explanation = clear ? nil : fromNote ? ledger.record(for: id)?.note : text
            if fromNote, (explanation ?? "").isEmpty { throw fail("\(id) has no note to publish; nothing was recorded.") }
            if try ledger.explain(id, explanation, by: options.analystName, at: now, group: group) != nil { changed += 1 }
        }
        do {
            try store.record(ledger)
        } catch {
            throw fail("\(error)")
        }
        let what = clear ? "Removed the explanation of" : "Recorded the explanation of"
        print("\(what) \(normalized.count) recommendation\(normalized.count == 1 ? "" : "s") (\(changed) changed): \(IDRanges.compress(normalized))")
    }
}
