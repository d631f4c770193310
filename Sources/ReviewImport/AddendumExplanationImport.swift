import Foundation
import ReviewModel

extension AddendumExplanations {
    /// Keeps each explanation an addendum gives as the published explanation of the decisions it
    /// names, in the undo step of the addendum's positions (the last one, where it names this
    /// file). An explanation the analysts wrote differently is kept unless `overwrite`. Returns the
    /// report lines.
    static func apply(_ explanations: [AddendumExplanation], to ledger: inout Ledger, file: String,
                      overwrite: Bool, analyst: String, at date: Date) throws -> (report: [String], warnings: [ImportWarning]) {
        guard !explanations.isEmpty else { return ([], []) }
        let source = "published position in \(URL(fileURLWithPath: file).lastPathComponent)"
        let group = ledger.history.last.flatMap { $0.source == source ? $0.group : nil } ?? ledger.nextGroup
        var applied = 0, kept = 0
        var warnings: [ImportWarning] = []
        for explanation in explanations {
            for id in explanation.ids {
                guard ledger.contains(id) else {
                    warnings.append(ImportWarning(file: file, line: explanation.line, message: "explanation for \(id), which is not a recommendation of the ledger"))
                    continue
                }
                let current = ledger.record(for: id)?.explanation
                if let current, current != explanation.text, !overwrite { kept += 1; continue }
                if try ledger.explain(id, explanation.text, by: analyst, at: date, group: group, source: source) != nil { applied += 1 }
            }
        }
        let ids = explanations.reduce(0) { $0 + $1.ids.count }
        var line = "  explanations: \(explanations.count) (for \(ids) recommendations), kept with \(applied)"
        if kept > 0 { line += "; \(kept) differ from explanations already written (kept; --overwrite replaces them)" }
        return ([line], warnings)
    }
}
