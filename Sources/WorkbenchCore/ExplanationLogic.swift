import Foundation
import ReviewModel

/// `A`: the note of the selected recommendation becomes the explanation the addendum prints with
/// it, or with every marked one (so that they are printed together under one heading, as
/// `140.11-14`). Pressed where they already carry that explanation, it withdraws it. One undo step.
enum ExplanationLogic {
    static func publishNote(_ state: inout WorkbenchState, now: Date) -> [Effect] {
        guard let selected = state.selected else { return [] }
        let note = state.ledger.record(for: selected.id)?.note ?? ""
        let positions = ProposalLogic.targets(state)
        let ids = positions.map { state.ledger.recommendations[$0].id }
        let published = Ledger.normalizedExplanation(note)
        let withdraw = !ids.isEmpty && ids.allSatisfy { id in
            state.ledger.record(for: id)?.explanation.map { note.isEmpty || $0 == published } ?? false
        }
        guard withdraw || !note.isEmpty else {
            state.message = .init("\(selected.id) has no note: write it with e, then A publishes it in the addendum", isError: true)
            return []
        }
        let group = state.ledger.nextGroup
        var changed = 0
        for id in ids where (try? state.ledger.explain(id, withdraw ? nil : note, by: state.analyst, at: now, group: group)) != nil {
            changed += 1
        }
        state.marked = []
        let count = "\(ids.count) recommendation\(ids.count == 1 ? "" : "s")"
        state.message = .init(withdraw ? "Addendum explanation withdrawn from \(count)" : "Note of \(selected.id) published as the addendum's explanation of \(count); u undoes")
        return changed > 0 ? [.save] : []
    }
}
