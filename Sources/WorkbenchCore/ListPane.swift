import ReviewModel

/// The list of recommendations in view: ID, decision marker, recommending States, start of text.
enum ListPane {
    static func draw(_ state: WorkbenchState, _ rect: Layout.Rect, _ screen: inout ScreenBuffer) {
        guard rect.width > 0, rect.height > 0 else { return }
        if state.planView && !state.visible.isEmpty { return PlanPane.draw(state, rect, &screen) }
        if state.visible.isEmpty {
            let what = state.filter.isEmpty ? "This ledger has no recommendations." : "Nothing matches \(state.filter.summary)."
            screen.put(" \(what)", row: rect.row, column: rect.column, limit: rect.column + rect.width)
            screen.put(" Esc clears the filter.", row: rect.row + 1, column: rect.column, style: .faint, limit: rect.column + rect.width)
            return
        }
        let idWidth = state.idColumnWidth
        let last = min(state.visible.count, state.listTop + rect.height)
        // The States take what the rows on screen need (up to a quarter of the row); the text the rest.
        let statesCap = min(30, rect.width / 4)
        let statesWidth = (state.listTop..<last).reduce(0) { widest, index in
            let states = state.ledger.recommendations[state.visible[index]].states
            return max(widest, DisplayText.width(of: statesLabel(states, width: statesCap)))
        }
        for (offset, index) in (state.listTop..<last).enumerated() {
            let row = rect.row + offset
            let recommendation = state.ledger.recommendations[state.visible[index]]
            let isSelected = index == state.cursor
            let base: Style = isSelected ? .selected : .plain
            let limit = rect.column + rect.width
            if isSelected { screen.fill(row: row, from: rect.column, to: limit, style: base) }
            let isMarked = state.marked.contains(state.visible[index])
            screen.put((isMarked ? "*" : " ") + recommendation.id, row: row, column: rect.column, style: base.with(bold: isSelected || isMarked), limit: limit)
            var x = rect.column + 1 + idWidth + 1
            let (mark, markStyle) = Render.marker(state.ledger.status(of: recommendation.id))
            screen.put(mark, row: row, column: x, style: isSelected ? base.with(bold: true) : markStyle, limit: limit)
            // ✎: this recommendation carries a note (has:note, note:WORD find them).
            if !(state.ledger.record(for: recommendation.id)?.note.isEmpty ?? true) {
                screen.put("✎", row: row, column: x + 1, style: isSelected ? base : Style(tone: .accent), limit: limit)
            }
            x += 3
            let states = statesLabel(recommendation.states, width: statesWidth)
            screen.put(states, row: row, column: x, style: isSelected ? base : Style(tone: .accent), limit: limit)
            x += statesWidth + 1
            if x < limit {
                screen.put(recommendation.text, row: row, column: x, style: base, limit: limit)
                Highlighter.apply(state.searchTerm, text: recommendation.text, row: row, column: x, limit: limit, &screen)
            }
        }
    }

    /// `France`, or `Chile +1` when co-recommenders do not fit, so a joint recommendation is never
    /// mistaken for one State's.
    static func statesLabel(_ states: [String], width: Int) -> String {
        let all = states.joined(separator: ", ")
        if DisplayText.width(of: all) <= width || states.count < 2 { return DisplayText.truncate(all, to: width, ellipsis: true) }
        let more = " +\(states.count - 1)"
        return DisplayText.truncate(states[0], to: max(0, width - more.count), ellipsis: true) + more
    }
}

extension Style {
    func with(bold: Bool) -> Style {
        var copy = self
        copy.bold = bold
        return copy
    }
}
