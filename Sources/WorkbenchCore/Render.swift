import ReviewModel

/// Draws the whole screen for a state: header, list, detail, status line, footer, and whatever
/// overlay the mode calls for. Pure: the same state and size always give the same buffer.
public enum Render {
    public static func screen(_ state: WorkbenchState) -> ScreenBuffer {
        var screen = ScreenBuffer(size: state.size)
        let layout = state.layout
        if layout.tooSmall {
            tooSmall(&screen)
            return screen
        }
        header(state, &screen)
        ListPane.draw(state, layout.list, &screen)
        separator(layout, &screen)
        DetailPane.draw(state, layout.detail, &screen)
        StatusBar.drawStatus(state, layout, &screen)
        StatusBar.drawFooter(state, layout, &screen)
        switch state.mode {
        case .browse, .noteEditor, .prompt: break
        case .statePicker(let picker): Overlays.statePicker(picker, state, &screen)
        case .exportMenu: Overlays.exportMenu(state, &screen)
        case .help(let scroll): Overlays.help(scroll: scroll, state, layout, &screen)
        case .statistics(let scroll): StatisticsScreen.draw(scroll: scroll, state, layout, &screen)
        }
        return screen
    }

    static func tooSmall(_ screen: inout ScreenBuffer) {
        let size = screen.size
        let lines = ["Window too small (\(size.width)×\(size.height)).",
                     "upr needs \(Layout.minimum.width)×\(Layout.minimum.height).",
                     "Enlarge it, or q to quit."]
        for (row, line) in lines.enumerated() where row < size.height {
            screen.put(line, row: row, column: 0, style: row == 0 ? .alarm : .plain)
        }
    }

    static func header(_ state: WorkbenchState, _ screen: inout ScreenBuffer) {
        let width = screen.size.width
        screen.fill(row: 0, style: .title.with(reverse: true))
        let document = state.ledger.document
        let name = state.ledgerName.isEmpty ? "" : " │ \(state.ledgerName)"
        let end = screen.put(" UPR Workbench │ \(document.stateUnderReview) · \(document.symbol)\(name)",
                             row: 0, column: 0, style: .title.with(reverse: true))
        if state.readOnlyHolder != nil || state.readOnlyReason != nil {
            let tag = " READ-ONLY "
            let tagWidth = DisplayText.width(of: tag)
            if end + 1 + tagWidth <= width { screen.put(tag, row: 0, column: width - tagWidth, style: .alarm.with(reverse: true)) }
        } else if state.ledger.notice != nil {
            for tag in [" ILLUSTRATIVE SAMPLE, NOT THE OFFICIAL TEXT ", " SAMPLE "] {
                let tagWidth = DisplayText.width(of: tag)
                if end + 1 + tagWidth <= width {
                    screen.put(tag, row: 0, column: width - tagWidth, style: .alarm.with(reverse: true))
                    break
                }
            }
        }
    }

    static func separator(_ layout: Layout, _ screen: inout ScreenBuffer) {
        if layout.detailHidden { return }
        if layout.sideBySide {
            for row in layout.list.row..<(layout.list.row + layout.list.height) {
                screen.put("│", row: row, column: layout.list.width, style: .faint)
            }
        } else {
            let row = layout.list.row + layout.list.height
            screen.put(String(repeating: "─", count: layout.size.width), row: row, column: 0, style: .faint)
        }
    }

    static func marker(_ status: DecisionStatus?) -> (String, Style) {
        switch status {
        case .accepted: ("✓", Style(tone: .accepted, bold: true))
        case .underConsideration: ("?", Style(tone: .considering, bold: true))
        case .rejected: ("✗", Style(tone: .rejected, bold: true))
        case nil: ("·", .faint)
        }
    }
}

extension Style {
    func with(reverse: Bool) -> Style {
        var copy = self
        copy.reverse = reverse
        return copy
    }
}
