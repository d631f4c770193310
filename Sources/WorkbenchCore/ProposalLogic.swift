import Foundation
import ReviewModel

/// The workbench's side of the ministry round trip: assigning recommendations to ministries, and
/// taking or refusing what ministries proposed. Each acts on the marked recommendations, or on
/// the selected one when none is marked, as one undo step.
enum ProposalLogic {
    /// The recommendations an action applies to.
    static func targets(_ state: WorkbenchState) -> [Int] {
        state.marked.isEmpty ? (state.selectedPosition.map { [$0] } ?? []) : state.marked.sorted()
    }

    static func assign(_ name: String, _ state: inout WorkbenchState, now: Date) -> [Effect] {
        guard state.mayWrite() else { return [] }
        let ministry = name.lowercased() == "none" ? nil : (state.ledger.ministry(named: name) ?? name)
        let group = state.ledger.nextGroup
        var changed = 0
        let positions = targets(state)
        for position in positions {
            let id = state.ledger.recommendations[position].id
            if (try? state.ledger.assign(id, ministry: ministry, by: state.analyst, at: now, group: group)) != nil { changed += 1 }
        }
        state.marked = []
        state.refilter(preferring: state.selectedPosition ?? 0)
        state.message = .init("\(ministry.map { "Assigned to \($0)" } ?? "Unassigned"): \(positions.count) recommendation\(positions.count == 1 ? "" : "s") (\(changed) changed)")
        return changed > 0 ? [.save] : []
    }

    static func take(_ state: inout WorkbenchState, now: Date) -> [Effect] {
        guard state.mayWrite() else { return [] }
        let group = state.ledger.nextGroup
        var taken = 0
        for position in targets(state) {
            let id = state.ledger.recommendations[position].id
            guard state.ledger.proposals[id] != nil else { continue }
            _ = try? state.ledger.takeProposal(id, by: state.analyst, at: now, group: group)
            taken += 1
        }
        return finish(taken, verb: "Took", &state)
    }

    static func refuse(_ state: inout WorkbenchState) -> [Effect] {
        guard state.mayWrite() else { return [] }
        var refused = 0
        for position in targets(state) where state.ledger.refuseProposal(state.ledger.recommendations[position].id) != nil {
            refused += 1
        }
        return finish(refused, verb: "Refused", &state)
    }

    /// Proposals live in the ledger file, not the journal: a whole-ledger save.
    static func finish(_ count: Int, verb: String, _ state: inout WorkbenchState) -> [Effect] {
        let left = state.ledger.proposals.count
        return state.finishWholeLedgerBatch(count, nothingHere: "No proposal here. :proposals shows the ones waiting",
                                            done: "\(verb) \(count) proposal\(count == 1 ? "" : "s"); \(left) still waiting")
    }

    /// `:proposals`: the recommendations with a proposal waiting, all marked, ready to take or refuse.
    static func review(_ state: inout WorkbenchState) throws {
        guard !state.ledger.proposals.isEmpty else {
            state.message = .init("No proposal waiting. Import a ministry's sheet with upr import FILE.xlsx")
            return
        }
        try QueryPromptLogic.applyFilter("has:proposal", &state, replacing: true)
        state.marked = Set(state.visible)
        state.message = .init("\(state.visible.count) proposals marked: t takes them, X refuses them, Space unmarks one")
    }
}

extension WorkbenchState {
    /// After acting on the marked (or selected) recommendations where the change lives in the
    /// ledger file (proposals, merge conflicts): clears the marks, refreshes the view, says what
    /// happened, and asks for a whole-ledger save; or says why nothing happened.
    mutating func finishWholeLedgerBatch(_ count: Int, nothingHere: String, done: String) -> [Effect] {
        guard count > 0 else {
            message = .init(nothingHere, isError: true)
            return []
        }
        marked = []
        refilter(preferring: selectedPosition ?? 0)
        message = .init(done)
        return [.saveAll]
    }
}
