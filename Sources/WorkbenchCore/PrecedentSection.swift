import ReviewModel
import ReviewRecord

/// The detail pane's lines about the public record: how the world answered the same ask, and the
/// themes suggested for a recommendation that came without them.
enum PrecedentSection {
    /// How many asks the pane lists (the State's own earlier answers first); `upr precedent` lists all.
    static let shown = 4

    /// Without a record, last in the pane: how to add one.
    static func hint(_ state: WorkbenchState) -> [(text: String, style: Style)] {
        state.record == nil && !state.recordPending ? [("", .plain), ("Precedent: no UPR record yet (upr record import FILE.csv…, see README)", .faint)] : []
    }

    static func lines(_ state: WorkbenchState) -> [(text: String, style: Style)] {
        guard let box = state.record else { return state.recordPending ? [("Precedent: reading the UPR record…", .faint)] : [] }
        var lines: [(String, Style)] = []
        if let themes = box.suggestions[state.selectedPosition ?? -1] {
            lines.append(("Suggested themes (from the record, not the document): " + themes.joined(separator: "; ") + " (T accepts)", Style(tone: .considering)))
        }
        guard let precedent = state.selectedPrecedent() else { return lines }
        guard !precedent.isEmpty else {
            lines.append(("Precedent: not asked before in the record", .faint))
            return lines
        }
        lines.append(("Precedent: " + precedent.summary, Style(tone: .accent, bold: true)))
        for ask in precedent.asks.prefix(shown) {
            // At most about two lines of the pane each.
            lines.append(("› " + Precedent.line(ask, width: 44), ask.stateUnderReview == precedent.ownState ? Style(tone: .accent) : .faint))
        }
        if precedent.asks.count > shown, let id = state.selected?.id {
            lines.append(("… \(precedent.asks.count - shown) more (upr precedent \(id))", .faint))
        }
        return lines
    }
}
