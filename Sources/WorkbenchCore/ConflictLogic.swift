import Foundation
import ReviewModel

/// The workbench's side of merged ledgers: the open merge conflicts (`:conflicts`), both sides in
/// the detail pane, and `:ours` / `:theirs` to settle the marked (or the selected) ones as one undo
/// step. Conflicts live in the ledger file, not the journal: settling is a whole-ledger save.
enum ConflictLogic {
    /// The lines the detail pane shows for an open conflict: a heading, then each side.
    static func detailLines(_ ledger: Ledger, _ id: String) -> [(text: String, bold: Bool)] {
        guard let sides = ledger.conflicts[id] else { return [] }
        var lines: [(String, Bool)] = [("MERGE CONFLICT (shown: the common base's decision): < takes ours, > theirs; or decide anew and :keep", true)]
        for side in sides { lines.append(("  " + side.summary, false)) }
        return lines
    }

    /// `:conflicts`: the recommendations with an open conflict, filtered.
    static func review(_ state: inout WorkbenchState) throws {
        guard !state.ledger.conflicts.isEmpty else {
            state.message = .init("No open merge conflicts")
            return
        }
        try QueryPromptLogic.applyFilter("has:conflict", &state, replacing: true)
        state.message = .init("\(state.visible.count) merge conflict\(state.visible.count == 1 ? "" : "s"): :ours or :theirs resolves the selected (or the marked)")
    }

    /// `keepCurrent`: the third way, the decision as it now stands (after a, c, r or e).
    static func resolve(_ choice: ConflictChoice?, _ state: inout WorkbenchState, now: Date) -> [Effect] {
        guard state.mayWrite() else { return [] }
        let group = state.ledger.nextGroup
        var resolved = 0
        for position in ProposalLogic.targets(state) {
            let id = state.ledger.recommendations[position].id
            guard state.ledger.conflicts[id] != nil else { continue }
            let take = choice ?? .custom(state.ledger.record(for: id) ?? DecisionRecord(decision: nil, by: state.analyst, at: now))
            if (try? state.ledger.resolveConflict(id, take: take, by: state.analyst, at: now, group: group)) != nil { resolved += 1 }
        }
        let left = state.ledger.conflicts.count
        return state.finishWholeLedgerBatch(resolved, nothingHere: "No merge conflict here. :conflicts shows the open ones",
                                            done: "Resolved \(resolved) merge conflict\(resolved == 1 ? "" : "s"); \(left) left")
    }
}
