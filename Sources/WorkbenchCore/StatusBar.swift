import ReviewModel

/// The status line (counts overall and in view, the filter, the position) and the footer (the
/// message of the moment, the note being typed, or the keys of the mode from the binding table).
enum StatusBar {
    static func counts(_ counts: StatusCounts) -> String {
        "✓\(counts.accepted) ?\(counts.underConsideration) ✗\(counts.rejected) ·\(counts.undecided)"
    }

    /// One part of the status line; at a narrow width the parts of least weight go first.
    struct Part {
        var text: String
        /// 0 is kept longest.
        var weight: Int
        /// What may be cut (with `…`) rather than lose the part: the filter's own words.
        var cuttable: String? = nil
    }

    static func parts(_ state: WorkbenchState) -> [Part] {
        let total = state.ledger.counts
        var parts: [Part] = []
        if state.unsavedError != nil { parts.append(Part(text: "NOT SAVED", weight: 0)) }
        parts.append(Part(text: "All \(total.total): \(counts(total))", weight: 0))
        if !state.filter.isEmpty {
            let summary = state.filter.summary
            parts.append(Part(text: "\(summary): \(state.visible.count) shown \(counts(state.ledger.counts(of: state.visible)))", weight: 1, cuttable: summary))
        }
        if let place = state.searchPlace, place.cursor == state.cursor, let text = state.searchText {
            parts.append(Part(text: "“\(text)” match \(place.ordinal) of \(place.inView)", weight: 1))
        }
        if state.planView { parts.append(Part(text: PlanPane.statusPart(state), weight: 1)) }
        if let count = state.pendingCount { parts.append(Part(text: "count \(count)", weight: 0)) }
        if !state.marked.isEmpty { parts.append(Part(text: "\(state.marked.count) marked", weight: 2)) }
        if !state.ledger.proposals.isEmpty { parts.append(Part(text: "\(state.ledger.proposals.count) proposals", weight: 3)) }
        if state.clustersPending {
            parts.append(Part(text: "finding clusters of the same ask…", weight: 3))
        } else if !state.clusters.clusters.isEmpty {
            let twoWays = ConsistencyCheck.conflictCount(state.ledger, clusters: state.clusters)
            if twoWays > 0 { parts.append(Part(text: "\(twoWays) cluster\(twoWays == 1 ? "" : "s") decided two ways", weight: 2)) }
        }
        if state.sort != .document { parts.append(Part(text: "by \(state.sort.rawValue)", weight: 4)) }
        if state.detailHidden { parts.append(Part(text: "detail hidden (w shows it)", weight: 4)) }
        return parts
    }

    /// The parts joined, leaving out those of least weight (the last first) until the line fits.
    static func fitted(_ parts: [Part], legend: String?, width: Int) -> String {
        var kept = parts
        func line() -> String { " " + kept.map(\.text).joined(separator: " │ ") }
        if let legend, DisplayText.width(of: line() + legend) <= width { return line() + legend }
        while DisplayText.width(of: line()) > width, let weight = kept.map(\.weight).max(), weight > 1,
              let last = kept.lastIndex(where: { $0.weight == weight }) {
            kept.remove(at: last)
        }
        // Still too long: the filter's words are cut (its count stays), then the other parts go.
        for index in kept.indices.reversed() where DisplayText.width(of: line()) > width {
            guard let words = kept[index].cuttable else { continue }
            let excess = DisplayText.width(of: line()) - width
            let cut = DisplayText.truncate(words, to: max(12, DisplayText.width(of: words) - excess), ellipsis: true)
            kept[index].text = cut + kept[index].text.dropFirst(words.count)
        }
        while DisplayText.width(of: line()) > width, let last = kept.lastIndex(where: { $0.weight > 0 }) {
            kept.remove(at: last)
        }
        return line()
    }

    /// The footer's message in lines of the screen's width (at most three): a long one takes
    /// rows above the footer, and the status line moves up above it rather than be covered.
    static func messageLines(_ state: WorkbenchState, width: Int) -> [String] {
        guard let message = state.message, state.helpSearch?.field == nil else { return [] }
        switch state.mode {
        case .noteEditor, .prompt: return []
        default: break
        }
        let cleaned = DisplayText.clean(message.text)
        var lines = DisplayText.width(of: cleaned) <= width - 1 ? [cleaned] : DisplayText.wrap(cleaned, to: width - 2)
        if lines.count > 3 { lines = Array(lines.prefix(2)) + [lines.dropFirst(2).joined(separator: " ")] }
        return lines
    }

    static func drawStatus(_ state: WorkbenchState, _ layout: Layout, _ screen: inout ScreenBuffer) {
        let row = layout.statusRow - max(0, messageLines(state, width: layout.size.width).count - 1)
        // Enter (or Tab) waits for the search index with the prompt still open: say so there.
        if case .prompt = state.mode, !state.keysWaitingForIndex.isEmpty, let waiting = state.message {
            drawWrapped(waiting.text, endingAt: row, style: Style(reverse: true), filled: true, layout, &screen)
            return
        }
        if case .prompt(let prompt) = state.mode, let note = prompt.note {
            let style: Style = prompt.noteIsError ? .alarm.with(reverse: true) : Style(reverse: true)
            drawWrapped(note, endingAt: row, style: style, filled: true, layout, &screen)
            return
        }
        let alarm = state.unsavedError != nil
        let style: Style = alarm ? .alarm.with(reverse: true) : Style(reverse: true)
        screen.fill(row: row, style: style)
        let legend = state.filter.isEmpty && state.marked.isEmpty && state.sort == .document && state.searchPlace == nil
            ? " (accepted, under consideration, rejected, undecided)" : nil
        let position = state.visible.isEmpty ? "0/0" : "\(state.cursor + 1)/\(state.visible.count)"
        let positionWidth = DisplayText.width(of: position) + 1
        let room = layout.size.width - positionWidth - 1
        screen.put(fitted(parts(state), legend: legend, width: room), row: row, column: 0, style: style, limit: room)
        screen.put(position, row: row, column: layout.size.width - positionWidth, style: style)
    }

    /// A text too long for one line wraps upwards, over the rows above `row` (at most three
    /// lines); what still does not fit ends in `…`.
    static func drawWrapped(_ text: String, endingAt row: Int, style: Style, filled: Bool, _ layout: Layout, _ screen: inout ScreenBuffer) {
        let width = layout.size.width
        let cleaned = DisplayText.clean(text)
        var lines = DisplayText.width(of: cleaned) <= width - 1 ? [cleaned] : DisplayText.wrap(cleaned, to: width - 2)
        if lines.count > 3 { lines = Array(lines.prefix(2)) + [lines.dropFirst(2).joined(separator: " ")] }
        drawLines(lines, endingAt: row, style: style, filled: filled, width: width, &screen)
    }

    static func drawLines(_ lines: [String], endingAt row: Int, style: Style, filled: Bool, width: Int, _ screen: inout ScreenBuffer) {
        for (offset, line) in lines.enumerated() {
            let y = row - (lines.count - 1) + offset
            if filled { screen.fill(row: y, style: style) } else { screen.fill(row: y, style: .plain) }
            screen.put(" " + line, row: y, column: 0, style: style)
        }
    }

    static func drawFooter(_ state: WorkbenchState, _ layout: Layout, _ screen: inout ScreenBuffer) {
        let row = layout.footerRow
        if case .noteEditor(let editor) = state.mode {
            drawField(editor.field, prompt: " Note \(editor.recommendationID): ", row: row, width: layout.size.width, &screen)
            return
        }
        if case .prompt(let prompt) = state.mode {
            drawField(prompt.field, prompt: prompt.kind.rawValue, row: row, width: layout.size.width, selected: prompt.selected, &screen)
            return
        }
        if let field = state.helpSearch?.field {
            drawField(field, prompt: "/", row: row, width: layout.size.width, &screen)
            return
        }
        if let message = state.message {
            let lines = messageLines(state, width: layout.size.width)
            drawLines(lines, endingAt: row, style: message.isError ? .alarm : .heading, filled: false, width: layout.size.width, &screen)
            return
        }
        screen.put(" " + state.keys.footer(for: state.mode.kind, width: layout.size.width - 2), row: row, column: 0, style: .faint)
    }

    /// `Note 140.3: text` with the caret shown as a reversed cell; scrolls so the caret stays visible.
    /// `selected`: the whole text shows selected (after an error, typing replaces it).
    static func drawField(_ editor: TextField, prompt: String, row: Int, width: Int, selected: Bool = false, _ screen: inout ScreenBuffer) {
        let start = screen.put(prompt, row: row, column: 0, style: .heading)
        let room = max(1, width - start - 1)
        var first = 0
        while DisplayText.width(of: String(editor.text[first..<editor.cursor])) >= room { first += 1 }
        var x = start
        for index in first...editor.text.count {
            let character: Character = index < editor.text.count ? editor.text[index] : " "
            let style: Style = index == editor.cursor || (selected && index < editor.text.count) ? .selected : .plain
            let next = screen.put(String(character), row: row, column: x, style: style, limit: width)
            if next == x && DisplayText.width(of: character) > 0 { break }
            x = next
        }
    }
}
