import Foundation

/// Undo and redo over the ledger's history, so that they work after a restart too. The stacks are
/// not stored: they are replayed from the history, where an undo or redo is itself a change.
extension Ledger {
    /// Groups that can be undone (last on top) and redone (last on top).
    public var undoStacks: (undo: [Int], redo: [Int]) {
        var undo: [Int] = [], redo: [Int] = []
        var previous: (group: Int, kind: ChangeEvent.Kind)?
        for event in history where previous.map({ $0.group != event.group || $0.kind != event.kind }) ?? true {
            previous = (event.group, event.kind)
            switch event.kind {
            case .change:
                undo.append(event.group)
                redo.removeAll()
            case .undo:
                undo.removeAll { $0 == event.group }
                redo.append(event.group)
            case .redo:
                redo.removeAll { $0 == event.group }
                undo.append(event.group)
            }
        }
        return (undo, redo)
    }

    /// Reverts the last change group that is not undone yet. Returns the IDs it touched.
    @discardableResult
    public mutating func undo(by analyst: String, at date: Date) throws -> [String] {
        guard let group = undoStacks.undo.last else { return [] }
        let originals = lastEvents(of: group, kinds: [.change, .redo])
        for event in originals.reversed() {
            try apply(ChangeEvent(group: group, kind: .undo, id: event.id, before: decisions[event.id], after: event.before, by: analyst, at: date))
        }
        return originals.map(\.id)
    }

    /// Makes again the last change group that was undone.
    @discardableResult
    public mutating func redo(by analyst: String, at date: Date) throws -> [String] {
        guard let group = undoStacks.redo.last else { return [] }
        let undone = lastEvents(of: group, kinds: [.undo])
        for event in undone.reversed() {
            try apply(ChangeEvent(group: group, kind: .redo, id: event.id, before: decisions[event.id], after: event.before, by: analyst, at: date))
        }
        return undone.reversed().map(\.id)
    }

    /// The latest run of events of a group with one of the kinds, in the order they were made.
    private func lastEvents(of group: Int, kinds: Set<ChangeEvent.Kind>) -> [ChangeEvent] {
        var run: [ChangeEvent] = []
        for event in history.reversed() {
            if event.group == group && kinds.contains(event.kind) && (run.isEmpty || run.last!.kind == event.kind) {
                run.append(event)
            } else if !run.isEmpty {
                break
            }
        }
        return run.reversed()
    }
}
