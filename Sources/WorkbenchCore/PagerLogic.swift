import ReviewModel

/// The help and the statistics screens: pages of lines to scroll (lines, pages, half pages, the
/// ends) and to search (`/`, then `n` and `N`, with "match 2 of 5").
enum PagerLogic {
    static func handle(_ command: Command?, _ key: Key, _ state: inout WorkbenchState) -> [Effect] {
        if let field = state.helpSearch?.field {
            typeSearch(command, key, field, &state)
            return []
        }
        let rows = self.rows(state)
        let last = max(0, lines(state).count - rows)
        let scroll = self.scroll(state)
        switch command {
        case .detailDown: setScroll(min(last, scroll + 1), &state)
        case .detailUp: setScroll(max(0, scroll - 1), &state)
        case .pageDown: setScroll(min(last, scroll + rows), &state)
        case .pageUp: setScroll(max(0, scroll - rows), &state)
        case .halfPageDown: setScroll(min(last, scroll + max(1, rows / 2)), &state)
        case .halfPageUp: setScroll(max(0, scroll - max(1, rows / 2)), &state)
        case .top: setScroll(0, &state)
        case .bottom: setScroll(last, &state)
        case .openSearch: state.helpSearch = HelpSearch(field: TextField(), term: state.helpSearch?.term, text: state.helpSearch?.text)
        case .nextMatch, .previousMatch: jump(forward: command == .nextMatch, from: scroll, &state)
        case .redraw: return [.redraw]
        case .closeHelp:
            state.mode = .browse
            state.helpSearch = nil
        default: break
        }
        return []
    }

    static func typeSearch(_ command: Command?, _ key: Key, _ field: TextField, _ state: inout WorkbenchState) {
        var field = field
        switch command {
        case .fieldAccept:
            let text = field.string.trimmingCharacters(in: .whitespaces)
            state.helpSearch = text.isEmpty ? nil : HelpSearch(field: nil, term: TextFolding.fold(text), text: text)
            if !text.isEmpty { jump(forward: true, from: scroll(state) - 1, &state) }
        case .fieldCancel:
            state.helpSearch?.field = nil
        default:
            _ = field.edit(command, key)
            state.helpSearch?.field = field
        }
    }

    /// Scrolls so that the next (or previous) line holding the term is at the top, wrapping.
    static func jump(forward: Bool, from top: Int, _ state: inout WorkbenchState) {
        guard let search = state.helpSearch, let term = search.term else {
            state.message = .init("No search yet: / searches this screen")
            return
        }
        let all = lines(state)
        let matching = all.indices.filter { TextFolding.fold(all[$0].0).contains(term) }
        guard !matching.isEmpty else {
            state.message = .init("No match for “\(search.text ?? term)” on this screen")
            return
        }
        let from = search.current ?? top
        let next = forward ? matching.first { $0 > from } ?? matching[0] : matching.last { $0 < from } ?? matching[matching.count - 1]
        setScroll(next, &state)
        state.helpSearch?.current = next
        let ordinal = matching.firstIndex(of: next)! + 1
        state.message = .init("“\(search.text ?? term)”: match \(ordinal) of \(matching.count)")
    }

    static func scroll(_ state: WorkbenchState) -> Int {
        switch state.mode {
        case .help(let scroll), .statistics(let scroll): scroll
        default: 0
        }
    }

    /// The first line shown, kept where the screen ends: a match near the end is shown at the
    /// bottom rather than past it.
    static func setScroll(_ value: Int, _ state: inout WorkbenchState) {
        let clamped = max(0, min(value, lines(state).count - rows(state)))
        switch state.mode {
        case .help: state.mode = .help(scroll: clamped)
        case .statistics: state.mode = .statistics(scroll: clamped)
        default: break
        }
    }

    /// Lines the box shows at once: the screen less the box's frame and a row above and below.
    static func rows(_ state: WorkbenchState) -> Int { max(1, state.size.height - 4) }

    static func lines(_ state: WorkbenchState) -> [(String, Style)] {
        if case .statistics = state.mode { return StatisticsScreen.lines(state, width: StatisticsScreen.textWidth(state.size)) }
        return Overlays.helpLines(state.keys, width: Overlays.helpTextWidth(state.size))
    }
}
