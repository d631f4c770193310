import ReviewModel
import ReviewRecord

/// Accepting the themes suggested from the record (`T`, `:themes accept`): they become the
/// recommendations' themes in the ledger, saved whole, so that `theme:` and the statistics by
/// theme work the day a report without themes arrives. Until then they are only shown, apart
/// from the document's own.
enum ThemeLogic {
    /// `all`: every suggestion; else the marked recommendations, or the selected one.
    static func accept(all: Bool, _ state: inout WorkbenchState) -> [Effect] {
        guard state.mayWrite() else { return [] }
        guard let box = state.record, box.review != nil else {
            state.message = .init("No suggested themes: there is no UPR record (upr record import FILE.csv…)", isError: true)
            return []
        }
        let positions = (all ? Array(box.suggestions.keys) : ProposalLogic.targets(state)).filter { box.suggestions[$0] != nil }.sorted()
        guard !positions.isEmpty else {
            state.message = .init(all || state.marked.isEmpty ? "No suggested themes here (only recommendations without themes get them)" : "None of the marked has suggested themes", isError: true)
            return []
        }
        // Replacing the recommendations keeps decisions, history, views, open merge conflicts and the earlier cycle.
        var recommendations = state.ledger.recommendations
        for position in positions { recommendations[position].themes = box.suggestions[position]! }
        guard let replaced = try? state.ledger.reimporting(recommendations, dropGoneDecisions: false), replaced.applied else {
            state.message = .init("The themes could not be accepted", isError: true)
            return []
        }
        state.replaceRecommendations(with: replaced.ledger)
        for position in positions { state.record?.suggestions[position] = nil }
        let one = recommendations[positions[0]]
        state.message = .init(positions.count == 1
            ? "Themes of \(one.id) accepted: \(one.themes.joined(separator: "; "))"
            : "Suggested themes accepted for \(positions.count) recommendations (theme: and the statistics now use them)")
        return [.saveAll]
    }
}

extension WorkbenchState {
    /// The same recommendations with other themes: the search index is built again (themes are
    /// indexed), keeping what was found for it.
    mutating func replaceRecommendations(with ledger: Ledger) {
        let old = search.index
        var index = SearchIndex(ledger, states: search.states)
        index.clusters = old.clusters
        index.memory = old.memory
        index.record = old.record
        index.precedent = old.precedent
        self.ledger = ledger
        search.index = index
        refilter(preferring: selectedPosition ?? 0)
    }
}
