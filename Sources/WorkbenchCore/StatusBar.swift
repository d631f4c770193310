import ReviewModel

/// The status line (counts overall and in view, the filter, the position) and the footer (the
/// message of the moment, the note being typed, or the keys of the mode from the binding table).
enum StatusBar {
    static func counts(_ counts: StatusCounts) -> String {
        "✓\(counts.accepted) ?\(counts.underConsideration) ✗\(counts.rejected) ·\(counts.undecided)"
    }

    static func drawStatus(_ state: WorkbenchState, _ layout: Layout, _ screen: inout ScreenBuffer) {
        let row = layout.statusRow
        if case .prompt(let prompt) = state.mode, let note = prompt.note {
            screen.fill(row: row, style: prompt.noteIsError ? .alarm.with(reverse: true) : Style(reverse: true))
            screen.put(" " + note, row: row, column: 0, style: prompt.noteIsError ? .alarm.with(reverse: true) : Style(reverse: true))
            return
        }
        let alarm = state.unsavedError != nil
        let style: Style = alarm ? .alarm.with(reverse: true) : Style(reverse: true)
        screen.fill(row: row, style: style)
        let total = state.ledger.counts
        var text = (alarm ? " NOT SAVED │" : "") + " All \(total.total): \(counts(total))"
        if !state.filter.isEmpty {
            text += " │ \(state.filter.summary): \(state.visible.count) shown \(counts(state.ledger.counts(of: state.visible)))"
        }
        if !state.marked.isEmpty { text += " │ \(state.marked.count) marked" }
        if !state.ledger.proposals.isEmpty { text += " │ \(state.ledger.proposals.count) proposals" }
        if state.clustersPending {
            text += " │ finding clusters of the same ask…"
        } else if !state.clusters.clusters.isEmpty {
            let twoWays = ConsistencyCheck.conflictCount(state.ledger, clusters: state.clusters)
            if twoWays > 0 { text += " │ \(twoWays) cluster\(twoWays == 1 ? "" : "s") decided two ways" }
        }
        if state.sort != .document { text += " │ by \(state.sort.rawValue)" }
        if state.filter.isEmpty && state.marked.isEmpty && state.sort == .document {
            text += " (accepted, under consideration, rejected, undecided)"
        }
        let position = state.visible.isEmpty ? "0/0" : "\(state.cursor + 1)/\(state.visible.count)"
        let positionWidth = DisplayText.width(of: position) + 1
        screen.put(text, row: row, column: 0, style: style, limit: layout.size.width - positionWidth - 1)
        screen.put(position, row: row, column: layout.size.width - positionWidth, style: style)
    }

    static func drawFooter(_ state: WorkbenchState, _ layout: Layout, _ screen: inout ScreenBuffer) {
        let row = layout.footerRow
        if case .noteEditor(let editor) = state.mode {
            drawField(editor.field, prompt: " Note \(editor.recommendationID): ", row: row, width: layout.size.width, &screen)
            return
        }
        if case .prompt(let prompt) = state.mode {
            drawField(prompt.field, prompt: prompt.kind.rawValue, row: row, width: layout.size.width, &screen)
            return
        }
        if let message = state.message {
            screen.put(" " + message.text, row: row, column: 0, style: message.isError ? .alarm : .heading)
            return
        }
        screen.put(" " + state.keys.footer(for: state.mode.kind, width: layout.size.width - 2), row: row, column: 0, style: .faint)
    }

    /// `Note 140.3: text` with the caret shown as a reversed cell; scrolls so the caret stays visible.
    static func drawField(_ editor: TextField, prompt: String, row: Int, width: Int, _ screen: inout ScreenBuffer) {
        let start = screen.put(prompt, row: row, column: 0, style: .heading)
        let room = max(1, width - start - 1)
        var first = 0
        while DisplayText.width(of: String(editor.text[first..<editor.cursor])) >= room { first += 1 }
        var x = start
        for index in first...editor.text.count {
            let character: Character = index < editor.text.count ? editor.text[index] : " "
            let style: Style = index == editor.cursor ? .selected : .plain
            let next = screen.put(String(character), row: row, column: x, style: style, limit: width)
            if next == x && DisplayText.width(of: character) > 0 { break }
            x = next
        }
    }
}
