/// Moving through the list: lines, pages, half pages, the ends, the next undecided or match,
/// each taken `count` times where digits were typed first (`5j`, `3]`, `40G` goes to row 40).
enum MotionLogic {
    /// The effects of a motion, or nil when `command` is not one.
    static func handle(_ command: Command, _ state: inout WorkbenchState) -> [Effect]? {
        if command == .count { return [] }
        let count = state.takeCount()
        if count != nil && command == .clearFilters { return [] }
        let page = state.layout.listRows
        let times = count ?? 1
        switch command {
        case .moveDown: state.moveCursor(to: state.cursor + times)
        case .moveUp: state.moveCursor(to: state.cursor - times)
        case .pageDown: state.moveCursor(to: state.cursor + page * times)
        case .pageUp: state.moveCursor(to: state.cursor - page * times)
        case .halfPageDown: state.moveCursor(to: state.cursor + max(1, page / 2) * times)
        case .halfPageUp: state.moveCursor(to: state.cursor - max(1, page / 2) * times)
        case .top: state.moveCursor(to: (count ?? 1) - 1)
        case .bottom: state.moveCursor(to: count.map { $0 - 1 } ?? state.visible.count - 1)
        case .detailDown: state.detailScroll += times
        case .detailUp: state.detailScroll = max(0, state.detailScroll - times)
        case .nextUndecided, .previousUndecided:
            for _ in 0..<times { state.jumpToUndecided(forward: command == .nextUndecided) }
        case .nextMatch, .previousMatch:
            for _ in 0..<times { QueryPromptLogic.jumpToMatch(forward: command == .nextMatch, from: state.cursor, &state) }
        case .toggleDetail:
            state.detailHidden.toggle()
            state.scrollToCursor()
            state.message = .init(state.detailHidden ? "The list takes the whole width; w shows the detail pane again" : "Detail pane shown")
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        default:
            return nil
        }
        return []
    }
}

extension WorkbenchState {
    /// Digits before a motion make a count; any other key uses it up (Esc only cancels it).
    mutating func collectCount(_ key: Key, _ command: Command?) {
        guard mode == .browse else { pendingCount = nil; return }
        guard command == .count, case .char(let c) = key, let digit = c.wholeNumberValue else {
            if command == nil { pendingCount = nil }
            return
        }
        if pendingCount == nil && digit == 0 { return }
        pendingCount = min(99_999, (pendingCount ?? 0) * 10 + digit)
    }

    /// The count typed before this key, which it uses up.
    mutating func takeCount() -> Int? {
        defer { pendingCount = nil }
        return pendingCount
    }
}
