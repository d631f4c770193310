import Foundation
import ReviewModel
import ReviewExport

/// The workbench's logic: `reduce` changes the state for an action and returns the effects to
/// perform. Pure but for `now`, which the caller passes.
public enum Workbench {
    public static func reduce(_ state: inout WorkbenchState, _ action: Action, now: Date) -> [Effect] {
        switch action {
        case .key(let key):
            if state.holdForSearchIndex(key) { return [] }
            if state.mode != .browse || key != .char("q") { state.quitConfirmPending = false }
            return handle(key, in: &state, now: now)
        case .resize(let size):
            state.size = size
            state.scrollToCursor()
            return []
        case .mouse(let event):
            guard state.mode == .browse else { return [] }
            // Keys typed before the click wait for the search index: moving now would put the
            // cursor under them somewhere else than where they were typed.
            guard state.keysWaitingForIndex.isEmpty else { return [] }
            let list = state.layout.list
            switch event {
            case .wheelUp: state.moveCursor(to: state.cursor - 3)
            case .wheelDown: state.moveCursor(to: state.cursor + 3)
            case .click(let row, let column):
                // A click on a row of the list selects it; elsewhere it does nothing.
                guard row >= list.row, row < list.row + list.height, column >= list.column, column < list.column + list.width else { return [] }
                let index = state.listTop + row - list.row
                if index < state.visible.count { state.moveCursor(to: index) }
            }
            return []
        case .saved:
            state.unsavedError = nil
            return []
        case .saveFailed(let reason):
            state.unsavedError = reason
            state.message = .init("NOT SAVED (kept in memory, retrying): \(reason)", isError: true)
            return []
        case .clustersReady(let clusters):
            state.search.index.clusters = clusters
            state.clustersPending = false
            // A filter on clusters (in:cluster, conflict:cluster) saw none until now.
            state.refilter(preferring: state.selectedPosition ?? 0)
            return []
        case .recordReady(let arrival):
            state.receive(arrival)
            return []
        case .searchIndexReady(let arrival):
            return state.receive(arrival)
        case .exported(let path, let count):
            state.message = .init("Exported \(count) recommendation\(count == 1 ? "" : "s") to \(path)")
            return []
        case .exportFailed(let reason):
            state.message = .init("Export failed: \(reason)", isError: true)
            return []
        }
    }

    static func handle(_ key: Key, in state: inout WorkbenchState, now: Date) -> [Effect] {
        var command = state.keys.command(for: key, in: state.mode.kind)
        // While the help's search is typed, keys edit its field.
        if state.helpSearch?.field != nil { command = state.keys.command(for: key, in: .prompt) }
        state.collectCount(key, command)
        if !state.quitConfirmPending { state.message = nil }
        switch state.mode {
        case .browse:
            guard let command else {
                state.message = .init("\(key.name) does nothing here; ? lists the keys")
                return []
            }
            return browse(command, &state, now: now)
        case .statePicker(var picker):
            return StatePickerLogic.handle(command, key, &picker, &state)
        case .noteEditor(var editor):
            return NoteEditorLogic.handle(command, key, &editor, &state, now: now)
        case .exportMenu:
            return exportMenu(command, &state)
        case .prompt(var prompt):
            if prompt.kind == .command { return CommandLineLogic.handle(command, key, &prompt, &state, now: now) }
            return QueryPromptLogic.handle(command, key, &prompt, &state)
        case .statistics, .help:
            return PagerLogic.handle(command, key, &state)
        }
    }

    static func browse(_ command: Command, _ state: inout WorkbenchState, now: Date) -> [Effect] {
        if let effects = MotionLogic.handle(command, &state) { return effects }
        switch command {
        case .decide(let choice):
            guard state.mayWrite() else { return [] }
            return decide(choice, &state, now: now)
        case .undo, .redo:
            guard state.mayWrite() else { return [] }
            return undoOrRedo(command == .undo, &state, now: now)
        case .editNote:
            guard state.mayWrite() else { return [] }
            guard let selected = state.selected else { return nothingSelected(&state) }
            state.mode = .noteEditor(LineEditor(recommendationID: selected.id, text: state.ledger.record(for: selected.id)?.note ?? ""))
        case .pickState:
            state.mode = .statePicker(StatePicker(matches: Array(state.allStates.indices)))
        case .cycleStatusFilter:
            let order: [StatusSelection?] = [nil, .undecided, .accepted, .underConsideration, .rejected]
            let next = order[((order.firstIndex(of: state.filter.status) ?? 0) + 1) % order.count]
            state.setFilter(state.filter.with(status: next))
        case .clearFilters:
            state.setSearch(nil)
            state.setFilter(RecommendationFilter())
        case .toggleMark:
            guard let position = state.selectedPosition else { return nothingSelected(&state) }
            if state.marked.remove(position) == nil { state.marked.insert(position) }
            state.moveCursor(to: state.cursor + 1)
        case .markAllInView:
            state.marked.formUnion(state.visible)
            state.message = .init("\(state.marked.count) marked; a, c, r, x or e now act on all of them")
        case .clearMarks:
            state.message = .init(state.marked.isEmpty ? "No marks to clear" : "\(state.marked.count) marks cleared")
            state.marked = []
        case .cycleSort:
            state.sort = state.sort.next
            state.refilter(preferring: state.selectedPosition ?? 0)
            state.message = .init("Sorted by \(state.sort.rawValue)")
        case .openCommandLine: state.mode = .prompt(Prompt(kind: .command))
        case .showStatistics: state.mode = .statistics(scroll: 0)
        case .takeProposal: return ProposalLogic.take(&state, now: now)
        case .refuseProposal: return ProposalLogic.refuse(&state)
        case .acceptSuggestedThemes: return ThemeLogic.accept(all: false, &state)
        case .togglePlanView: return PlanLogic.toggleView(&state)
        case .nextImplementationStatus: return PlanLogic.nextStatus(&state, now: now)
        case .writeProgressNote: return PlanLogic.openProgressNote(&state)
        case .toggleImplemented:
            guard state.mayWrite() else { return [] }
            return toggleImplemented(&state, now: now)
        case .publishNote:
            guard state.mayWrite() else { return [] }
            return ExplanationLogic.publishNote(&state, now: now)
        case .decideClusterAlike:
            // One key: the whole cluster takes the selected recommendation's decision.
            guard let selected = state.selected, let status = state.ledger.status(of: selected.id) else {
                state.message = .init("Decide this one first (a, c or r), then C gives its whole cluster the same decision", isError: true)
                return []
            }
            let word = status == .accepted ? "accept" : status == .rejected ? "reject" : "consider"
            do {
                return try CommandLineLogic.decideCluster(word, &state, now: now)
            } catch let failure as CommandLineLogic.Failure {
                state.message = .init(failure.message, isError: true)
                return []
            } catch { return [] }
        case .takeOurs: return ConflictLogic.resolve(.ours, &state, now: now)
        case .takeTheirs: return ConflictLogic.resolve(.theirs, &state, now: now)
        case .openFilter:
            var prompt = Prompt(kind: .filter)
            prompt.field.replace(with: state.filter.queryText ?? "")
            prompt.note = "state: group: decision: theme: text: note: id: has:note changed: by:  and or not ( )"
            state.mode = .prompt(prompt)
        case .openSearch: state.mode = .prompt(Prompt(kind: .search))
        case .openViews:
            var prompt = Prompt(kind: .command)
            prompt.field.replace(with: "view ")
            let names = state.ledger.views.keys.sorted()
            CommandLineLogic.offer(names, replacing: "", in: &prompt, prefix: "view ", suffix: "")
            if names.isEmpty { prompt.note = "No saved views yet: filter (f, s, d), then :view save NAME" }
            state.mode = .prompt(prompt)
        case .openExport: state.mode = .exportMenu
        case .showHelp: state.mode = .help(scroll: 0)
        case .quit:
            if state.unsavedError != nil && !state.quitConfirmPending {
                state.quitConfirmPending = true
                state.message = .init("Changes are NOT saved: \(state.unsavedError!). Press q again to quit and lose them.", isError: true)
                return []
            }
            return [.quit]
        default: break
        }
        return []
    }

    static func decide(_ choice: StatusChoice, _ state: inout WorkbenchState, now: Date) -> [Effect] {
        let status: DecisionStatus? = switch choice {
        case .accepted: .accepted
        case .underConsideration: .underConsideration
        case .rejected: .rejected
        case .clear: nil
        }
        if !state.marked.isEmpty { return decideMarked(status, &state, now: now) }
        guard let position = state.selectedPosition else { return nothingSelected(&state) }
        let id = state.ledger.recommendations[position].id
        let changed = state.ledger.status(of: id) != status
        if changed {
            try? state.ledger.decide(id, status, by: state.analyst, at: now)
        }
        // Deciding moves on; clearing stays. The filter may drop the decided one from view.
        let advance = choice != .clear && state.cursor + 1 < state.visible.count
        state.refilter(preferring: advance ? state.visible[state.cursor + 1] : position)
        state.message = .init(status.map { "\(id) \($0.label)" } ?? "\(id) decision cleared")
        return changed ? [.save] : []
    }

    /// A decision on every marked recommendation: one change group, so one undo reverts it.
    static func decideMarked(_ status: DecisionStatus?, _ state: inout WorkbenchState, now: Date) -> [Effect] {
        let group = state.ledger.nextGroup
        var changed = 0
        for position in state.marked.sorted() {
            let id = state.ledger.recommendations[position].id
            if (try? state.ledger.decide(id, status, by: state.analyst, at: now, group: group)) != nil { changed += 1 }
        }
        let count = state.marked.count
        state.marked = []
        state.refilter(preferring: state.selectedPosition ?? 0)
        state.message = .init("\(status?.label.capitalized ?? "Cleared"): \(count) marked recommendations (\(changed) changed); u undoes them together")
        return changed > 0 ? [.save] : []
    }

    /// The addendum's "supported and considered already implemented": accepted ones only; marked
    /// recommendations together, as one undo step.
    static func toggleImplemented(_ state: inout WorkbenchState, now: Date) -> [Effect] {
        let positions = ProposalLogic.targets(state).filter { state.ledger.status(of: state.ledger.recommendations[$0].id) == .accepted }
        guard !positions.isEmpty else {
            state.message = .init("Only an accepted recommendation can be marked as already implemented", isError: true)
            return []
        }
        let first = state.ledger.recommendations[positions[0]].id
        let mark = !(state.ledger.record(for: first)?.implemented ?? false)
        let group = state.ledger.nextGroup
        for position in positions {
            _ = try? state.ledger.markImplemented(state.ledger.recommendations[position].id, mark, by: state.analyst, at: now, group: group)
        }
        state.marked = []
        state.message = .init("\(positions.count) accepted recommendation\(positions.count == 1 ? "" : "s") \(mark ? "marked" : "no longer marked") as already implemented")
        return [.save]
    }

    static func undoOrRedo(_ isUndo: Bool, _ state: inout WorkbenchState, now: Date) -> [Effect] {
        let ids = (try? isUndo ? state.ledger.undo(by: state.analyst, at: now) : state.ledger.redo(by: state.analyst, at: now)) ?? []
        guard let first = ids.first else {
            state.message = .init(isUndo ? "Nothing to undo" : "Nothing to redo")
            return []
        }
        let current = state.selectedPosition
        state.refilter(preferring: state.ledger.indexByID[first] ?? current ?? 0)
        // A step may change one recommendation twice (an addendum's position and its explanation).
        let count = Set(ids).count
        let what = count == 1 ? first : "\(count) recommendations"
        state.message = .init("\(isUndo ? "Undid" : "Redid") the change to \(what)")
        return [.save]
    }

    static func exportMenu(_ command: Command?, _ state: inout WorkbenchState) -> [Effect] {
        switch command {
        case .export(let choice):
            state.mode = .browse
            let format: ExportFormat = switch choice {
            case .ids: .ids
            case .csv: .csv
            case .json: .json
            case .addendum: .addendum
            case .xlsx: .xlsx
            case .html: .html
            case .docx: .docx
            case .briefing: .briefing
            }
            let positions = [.addendum, .docx, .briefing].contains(format) ? Array(state.ledger.recommendations.indices) : state.visible
            return [.export(format, positions: positions)]
        case .fieldCancel:
            state.mode = .browse
        default: break
        }
        return []
    }

    static func nothingSelected(_ state: inout WorkbenchState) -> [Effect] {
        state.message = .init("No recommendation in view. Esc clears the filter.", isError: true)
        return []
    }
}

extension WorkbenchState {
    /// A read-only workbench says why instead of changing anything.
    mutating func mayWrite() -> Bool {
        if let reason = readOnlyReason {
            message = .init("Read-only: \(reason)", isError: true)
            return false
        }
        guard let holder = readOnlyHolder else { return true }
        message = .init(isRecordView ? "Read-only: the UPR record is for reading; decide in a review's ledger" : "Read-only: the ledger is open in another upr (\(holder))", isError: true)
        return false
    }

    mutating func moveCursor(to index: Int) {
        cursor = max(0, min(index, visible.count - 1))
        detailScroll = 0
        scrollToCursor()
    }

    /// Keeps the cursor on screen and the list from scrolling past its end.
    mutating func scrollToCursor() {
        let rows = layout.listRows
        if cursor < listTop { listTop = cursor }
        if cursor >= listTop + rows { listTop = cursor - rows + 1 }
        listTop = max(0, min(listTop, visible.count - rows))
    }

    /// A new filter keeps the selected recommendation where it still passes, else starts at the top.
    mutating func setFilter(_ newFilter: RecommendationFilter) {
        filter = newFilter
        let current = selectedPosition
        refilter(preferring: current ?? 0)
        if let current, selectedPosition != current { moveCursor(to: 0) }
        if visible.isEmpty {
            message = .init("Nothing matches \(filter.summary). Esc clears the filter.")
        }
    }

    /// Recomputes the view and selects `preferred`, or (in document order) the nearest
    /// recommendation after it; in another order, the same row.
    mutating func refilter(preferring preferred: Int) {
        // A query reached before the index arrived (the keys that set one wait for it, but not
        // every way to a query is a key): the index is built here, once, rather than read empty.
        if filter.query != nil, searchIndexPending { install(SearchArrival.build(ledger, states: search.states)) }
        // Only a query reads the notes (`note:`, `text:`); brought up to date when one is asked.
        if filter.query != nil { refreshNotedPositions() }
        visible = SortOrder.sorted(filter.positions(in: ledger, index: search.index), by: sort, in: ledger)
        if planView { visible = visible.filter { ledger.statuses[$0] == .accepted } }
        searchPlace = nil
        let previousCursor = cursor
        if sort == .document {
            let after = visible.partitioningIndex { $0 >= preferred }
            moveCursor(to: after < visible.count ? after : visible.count - 1)
        } else {
            moveCursor(to: visible.firstIndex(of: preferred) ?? cursor)
        }
        if cursor != previousCursor { detailScroll = 0 }
    }

    /// Moves to the next (or previous) undecided recommendation in view, wrapping around.
    mutating func jumpToUndecided(forward: Bool) {
        guard !visible.isEmpty else { return }
        for step in 1...visible.count {
            let index = (cursor + (forward ? step : -step) + visible.count * 2) % visible.count
            if ledger.status(of: ledger.recommendations[visible[index]].id) == nil {
                moveCursor(to: index)
                return
            }
        }
        message = .init("No undecided recommendation in view")
    }
}

extension Array where Element: Comparable {
    /// First index whose element satisfies `predicate`, for a predicate false then true along the array.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
