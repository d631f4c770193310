import Foundation

/// Undo and redo over the ledger's history, so that they work after a restart too. The stacks are
/// not stored: they are replayed from the history, where an undo or redo is itself a change.
extension Ledger {
    /// Groups that can be undone (last on top) and redone (last on top).
    public var undoStacks: (undo: [Int], redo: [Int]) { (undo.undo, undo.redo) }

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

/// The undo and redo stacks a history gives, kept a change at a time: each run of changes of one
/// group and kind is one step.
struct UndoStacks: Equatable, Sendable {
    private(set) var undo: [Int] = [], redo: [Int] = []
    private var previous: (group: Int, kind: ChangeEvent.Kind)?

    init() {}

    init(_ history: [ChangeEvent]) {
        undo.reserveCapacity(history.count)
        history.withUnsafeBufferPointer { events in
            for index in events.indices { step(group: events[index].group, kind: events[index].kind) }
        }
    }

    mutating func step(_ event: ChangeEvent) { step(group: event.group, kind: event.kind) }

    private mutating func step(group: Int, kind: ChangeEvent.Kind) {
        guard previous.map({ $0.group != group || $0.kind != kind }) ?? true else { return }
        previous = (group, kind)
        switch kind {
        case .change:
            undo.append(group)
            redo.removeAll()
        case .undo:
            Self.remove(group, from: &undo)
            redo.append(group)
        case .redo:
            Self.remove(group, from: &redo)
            undo.append(group)
        }
    }

    /// Usually the last one: looked for from the end.
    private static func remove(_ group: Int, from stack: inout [Int]) {
        if stack.last == group { stack.removeLast() }
        if stack.contains(group) { stack.removeAll { $0 == group } }
    }

    func unshared() -> UndoStacks {
        var copy = self
        copy.undo.reserveCapacity(undo.count + 4_096)
        copy.redo.reserveCapacity(redo.count)
        return copy
    }

    static func == (left: UndoStacks, right: UndoStacks) -> Bool { left.undo == right.undo && left.redo == right.redo }
}
