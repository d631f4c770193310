import Foundation
import ReviewExport
import ReviewModel

/// The `:` command line: commands by name, with completion of the command and of its argument,
/// and a history browsed with ↑/↓. An error stays above the prompt with the line kept for fixing.
enum CommandLineLogic {
    struct Spec: Sendable {
        var name: String
        var argument: String
        var help: String
        var candidates: @Sendable (WorkbenchState) -> [String]
    }

    static let specs: [Spec] = [
        Spec(name: "goto", argument: "ID", help: "select a recommendation by ID") { state in state.ledger.recommendations.map(\.id) },
        Spec(name: "filter", argument: "EXPRESSION", help: "filter: state:France decision:undecided text:torture") { _ in QueryPromptLogic.keys },
        Spec(name: "view", argument: "NAME | save NAME | delete NAME", help: "recall a saved view, or save the current filter under a name") { state in
            state.ledger.views.keys.sorted() + ["save", "delete"]
        },
        Spec(name: "views", argument: "", help: "list the saved views") { _ in [] },
        Spec(name: "assign", argument: "MINISTRY|none", help: "assign the marked (or this) recommendation to a ministry") { state in
            Set(state.ledger.decisions.values.compactMap(\.ministry)).sorted() + ["none"]
        },
        Spec(name: "proposals", argument: "", help: "show and mark what ministries proposed") { _ in [] },
        Spec(name: "take", argument: "", help: "take the proposals (marked, or this one)") { _ in [] },
        Spec(name: "refuse", argument: "", help: "refuse the proposals (marked, or this one)") { _ in [] },
        Spec(name: "conflicts", argument: "", help: "show the open merge conflicts (has:conflict)") { _ in [] },
        Spec(name: "ours", argument: "", help: "resolve this merge conflict: take our side") { _ in [] },
        Spec(name: "theirs", argument: "", help: "resolve this merge conflict: take their side") { _ in [] },
        Spec(name: "keep", argument: "", help: "resolve this merge conflict: keep the decision as it now stands") { _ in [] },
        Spec(name: "cluster", argument: "accept|reject|consider", help: "decide every recommendation of this one's cluster (one undo step)") { _ in
            ["accept", "reject", "consider"]
        },
        Spec(name: "themes", argument: "accept [all]", help: "accept the themes suggested from the UPR record (marked, this one, or all)") { _ in ["accept", "accept all"] },
        Spec(name: "action", argument: "add TEXT [due:DATE] [lead:NAME] | done N", help: "the plan's actions of this supported recommendation") { _ in ["add", "done", "undone"] },
        Spec(name: "state", argument: "STATE", help: "filter by recommending State") { state in state.allStates.map(\.name) },
        Spec(name: "decision", argument: "STATUS", help: "filter by decision") { _ in ["undecided", "accepted", "under-consideration", "rejected", "all"] },
        Spec(name: "sort", argument: "ORDER", help: "sort the list") { _ in ["id", "state", "decision", "theme"] },
        Spec(name: "mark", argument: "all|none", help: "mark every recommendation in view, or none") { _ in ["all", "none"] },
        Spec(name: "export", argument: "FORMAT", help: "write a decision list beside the ledger") { _ in ExportFormat.allCases.filter { $0 != .perState && $0 != .ministry }.map(\.rawValue) },
        Spec(name: "clear", argument: "", help: "clear the filters") { _ in [] },
        Spec(name: "undo", argument: "", help: "undo the last change") { _ in [] },
        Spec(name: "redo", argument: "", help: "redo what was undone") { _ in [] },
        Spec(name: "help", argument: "", help: "the keys") { _ in [] },
        Spec(name: "stats", argument: "", help: "the statistics screen") { _ in [] },
        Spec(name: "quit", argument: "", help: "quit") { _ in [] },
    ]

    static func handle(_ command: Command?, _ key: Key, _ prompt: inout Prompt, _ state: inout WorkbenchState, now: Date) -> [Effect] {
        switch command {
        case .fieldCancel:
            state.mode = .browse
            return []
        case .fieldAccept:
            let line = prompt.field.string.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { state.mode = .browse; return [] }
            if state.commandHistory.last != line { state.commandHistory.append(line) }
            state.mode = .browse
            do {
                return try run(line, &state, now: now)
            } catch let failure as Failure {
                prompt.note = failure.message
                prompt.noteIsError = true
                prompt.historyIndex = nil
                prompt.selected = true
                state.mode = .prompt(prompt)
                return []
            } catch {
                return []
            }
        case .fieldComplete:
            prompt.selected = false
            complete(&prompt, state)
        case .fieldUp, .fieldDown:
            prompt.selected = false
            browseHistory(up: command == .fieldUp, &prompt, state)
        default:
            if prompt.edit(command, key) { prompt.note = nil }
        }
        state.mode = .prompt(prompt)
        return []
    }

    struct Failure: Error { var message: String }

    static func run(_ line: String, _ state: inout WorkbenchState, now: Date) throws -> [Effect] {
        let name = String(line.prefix { $0 != " " })
        let argument = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard let spec = specs.first(where: { $0.name == name }) ?? uniquePrefix(name) else {
            throw Failure(message: "Unknown command “\(name)”. Commands: \(specs.map(\.name).joined(separator: ", ")) (Tab completes)")
        }
        if !spec.argument.isEmpty && argument.isEmpty { throw Failure(message: ":\(spec.name) \(spec.argument): \(spec.help)") }
        switch spec.name {
        case "goto":
            let id = argument.hasSuffix(".") ? String(argument.dropLast()) : argument
            guard let position = state.ledger.indexByID[id] else { throw Failure(message: "No recommendation with ID \(id)") }
            if !state.visible.contains(position) { state.setFilter(RecommendationFilter()) }
            state.moveCursor(to: state.visible.firstIndex(of: position) ?? 0)
        case "filter":
            do {
                try QueryPromptLogic.applyFilter(argument, &state)
            } catch let error as FilterSyntaxError {
                throw Failure(message: "Filter: \(error.message) (at column \(error.offset + 1))")
            }
        case "view":
            return try view(argument, &state)
        case "assign": return ProposalLogic.assign(argument, &state, now: now)
        case "action": return try PlanLogic.command(argument, &state, now: now)
        case "proposals":
            try ProposalLogic.review(&state)
        case "take": return ProposalLogic.take(&state, now: now)
        case "refuse": return ProposalLogic.refuse(&state)
        case "conflicts": try ConflictLogic.review(&state)
        case "ours": return ConflictLogic.resolve(.ours, &state, now: now)
        case "theirs": return ConflictLogic.resolve(.theirs, &state, now: now)
        case "keep": return ConflictLogic.resolve(nil, &state, now: now)
        case "cluster": return try decideCluster(argument, &state, now: now)
        case "themes":
            guard ["accept", "accept all"].contains(argument.lowercased()) else { throw Failure(message: ":themes accept [all]: accept the suggested themes") }
            return ThemeLogic.accept(all: argument.lowercased() == "accept all", &state)
        case "views":
            let names = state.ledger.views.keys.sorted()
            state.message = .init(names.isEmpty ? "No saved views yet: :view save NAME saves the current filter" : "Saved views: " + names.map { "\($0) (\(state.ledger.views[$0]!))" }.joined(separator: " · "))
        case "state":
            let folded = TextFolding.fold(argument)
            guard let match = state.allStates.first(where: { $0.folded == folded }) ?? state.allStates.first(where: { $0.folded.hasPrefix(folded) }) else {
                throw Failure(message: "No recommending State matches “\(argument)”")
            }
            state.setFilter(state.filter.with(state: match.name))
        case "decision":
            let status = argument == "all" ? nil : StatusSelection(parsing: argument)
            guard argument == "all" || status != nil else { throw Failure(message: "Decision is undecided, accepted, under-consideration, rejected or all") }
            state.setFilter(state.filter.with(status: status))
        case "sort":
            let orders: [String: SortOrder] = ["id": .document, "state": .state, "decision": .decision, "theme": .theme]
            guard let order = orders[argument.lowercased()] else { throw Failure(message: "Sort by id, state, decision or theme") }
            state.sort = order
            state.refilter(preferring: state.selectedPosition ?? 0)
        case "mark":
            guard argument == "all" || argument == "none" else { throw Failure(message: ":mark all or :mark none") }
            state.marked = argument == "all" ? state.marked.union(state.visible) : []
            state.message = .init("\(state.marked.count) marked")
        case "export":
            guard let format = ExportFormat(rawValue: argument), format != .perState, format != .ministry else {
                throw Failure(message: "Export as \(ExportFormat.allCases.filter { $0 != .perState && $0 != .ministry }.map(\.rawValue).joined(separator: ", "))")
            }
            return [.export(format, positions: format == .addendum ? Array(state.ledger.recommendations.indices) : state.visible)]
        case "clear": state.setFilter(RecommendationFilter())
        case "undo", "redo":
            guard state.mayWrite() else { return [] }
            return Workbench.undoOrRedo(spec.name == "undo", &state, now: now)
        case "help": state.mode = .help(scroll: 0)
        case "stats": state.mode = .statistics(scroll: 0)
        case "quit": return Workbench.browse(.quit, &state, now: now)
        default: break
        }
        return []
    }

    /// `:cluster accept|reject|consider`: the same decision on every member of the selected
    /// recommendation's cluster, as one change group (one undo reverts it).
    static func decideCluster(_ argument: String, _ state: inout WorkbenchState, now: Date) throws -> [Effect] {
        let choices: [String: DecisionStatus] = ["accept": .accepted, "reject": .rejected, "consider": .underConsideration]
        guard let status = choices[argument.lowercased()] ?? StatusSelection(parsing: argument)?.status else {
            throw Failure(message: ":cluster accept, :cluster reject or :cluster consider")
        }
        guard let position = state.selectedPosition else { throw Failure(message: "No recommendation selected") }
        let id = state.ledger.recommendations[position].id
        guard !state.clustersPending else {
            throw Failure(message: "The clusters of the same ask are still being found (the status line says when); try again in a moment")
        }
        guard let members = state.clusters.cluster(of: position) else {
            throw Failure(message: "\(id) is in no cluster: no other recommendation makes the same ask")
        }
        guard state.mayWrite() else { return [] }
        let group = state.ledger.nextGroup
        var changed = 0
        for member in members {
            let memberID = state.ledger.recommendations[member].id
            if (try? state.ledger.decide(memberID, status, by: state.analyst, at: now, group: group)) != nil { changed += 1 }
        }
        state.refilter(preferring: position)
        state.message = .init("\(status.label.capitalized): the \(members.count) recommendations of \(id)'s cluster (\(changed) changed); u undoes them together")
        return changed > 0 ? [.save] : []
    }

    /// `:view NAME` recalls, `:view save NAME` keeps the current filter, `:view delete NAME` forgets.
    static func view(_ argument: String, _ state: inout WorkbenchState) throws -> [Effect] {
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first {
        case "save", "delete":
            guard words.count == 2 else { throw Failure(message: ":view \(words[0]) NAME") }
            guard state.mayWrite() else { return [] }
            if words[0] == "save" {
                guard !state.filter.isEmpty else { throw Failure(message: "No filter to save: filter first (f, s, d), then :view save NAME") }
                state.ledger.views[words[1]] = state.filter.text
                state.message = .init("View “\(words[1])” saved: \(state.filter.text)")
            } else {
                guard state.ledger.views.removeValue(forKey: words[1]) != nil else { throw Failure(message: "No view named “\(words[1])”") }
                state.message = .init("View “\(words[1])” deleted")
            }
            return [.saveAll]
        default:
            guard let text = state.ledger.views[argument] else {
                throw Failure(message: "No view named “\(argument)”. Saved views: \(state.ledger.views.keys.sorted().joined(separator: ", "))")
            }
            do {
                try QueryPromptLogic.applyFilter(text, &state, replacing: true)
            } catch let error as FilterSyntaxError {
                throw Failure(message: "View “\(argument)” no longer parses: \(error)")
            }
            state.message = .init("View “\(argument)”: \(text)")
            return []
        }
    }

    static func uniquePrefix(_ name: String) -> Spec? {
        let matches = specs.filter { $0.name.hasPrefix(name) }
        return matches.count == 1 && !name.isEmpty ? matches[0] : nil
    }

    /// Completes the word before the cursor: the command, then its argument.
    static func complete(_ prompt: inout Prompt, _ state: WorkbenchState) {
        let line = prompt.field.string
        guard let space = line.firstIndex(of: " ") else {
            offer(specs.map(\.name).filter { $0.hasPrefix(line) }, replacing: line, in: &prompt, prefix: "", suffix: " ")
            return
        }
        let name = String(line[..<space])
        let argument = String(line[line.index(after: space)...]).trimmingCharacters(in: .whitespaces)
        guard let spec = specs.first(where: { $0.name == name }) else {
            prompt.note = "Unknown command “\(name)”"
            prompt.noteIsError = true
            return
        }
        let folded = TextFolding.fold(argument)
        let all = spec.candidates(state)
        let starting = all.filter { TextFolding.fold($0).hasPrefix(folded) }
        let candidates = starting.isEmpty ? all.filter { TextFolding.fold($0).contains(folded) } : starting
        offer(candidates, replacing: argument, in: &prompt, prefix: name + " ", suffix: "")
    }

    static func offer(_ candidates: [String], replacing typed: String, in prompt: inout Prompt, prefix: String, suffix: String) {
        prompt.noteIsError = false
        switch candidates.count {
        case 0:
            prompt.note = "Nothing to complete “\(typed)”"
            prompt.noteIsError = true
        case 1:
            prompt.field.replace(with: prefix + candidates[0] + suffix)
            prompt.note = nil
        default:
            var common = candidates[0]
            for candidate in candidates.dropFirst() { common = String(common.commonPrefix(with: candidate)) }
            if common.count > typed.count { prompt.field.replace(with: prefix + common) }
            let shown = candidates.prefix(12).joined(separator: "  ")
            prompt.note = shown + (candidates.count > 12 ? "  … \(candidates.count - 12) more" : "")
        }
    }

    static func browseHistory(up: Bool, _ prompt: inout Prompt, _ state: WorkbenchState) {
        guard !state.commandHistory.isEmpty else { return }
        let count = state.commandHistory.count
        var index = prompt.historyIndex ?? count
        index = up ? max(0, index - 1) : min(count, index + 1)
        prompt.historyIndex = index
        prompt.field.replace(with: index < count ? state.commandHistory[index] : "")
        prompt.note = nil
    }
}
