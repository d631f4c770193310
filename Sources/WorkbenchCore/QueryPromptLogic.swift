import Foundation
import ReviewModel

/// The filter prompt (`f`) and the search prompt (`/`). A filter that does not parse shows its
/// error and column above the prompt and the previous filter stays in force.
enum QueryPromptLogic {
    static let keys = ["state:", "group:", "decision:", "theme:", "text:", "id:", "has:note", "note:", "has:earlier", "was:supported", "in:cluster", "conflict:cluster", "changed:", "by:", "and", "or", "not"]

    static func handle(_ command: Command?, _ key: Key, _ prompt: inout Prompt, _ state: inout WorkbenchState) -> [Effect] {
        switch command {
        case .fieldCancel:
            state.mode = .browse
            return []
        case .fieldAccept:
            let text = prompt.field.string.trimmingCharacters(in: .whitespaces)
            state.mode = .browse
            if prompt.kind == .search {
                if !text.isEmpty && state.searchHistory.last != text { state.searchHistory.append(text) }
                search(text, &state)
                return []
            }
            if !text.isEmpty && state.filterHistory.last != text { state.filterHistory.append(text) }
            do {
                try applyFilter(text, &state)
            } catch let error as FilterSyntaxError {
                prompt.note = "Error at column \(error.offset + 1): \(error.message). The previous filter stays."
                prompt.noteIsError = true
                prompt.selected = true
                state.mode = .prompt(prompt)
            } catch {}
            return []
        case .fieldComplete where prompt.kind == .filter:
            prompt.selected = false
            complete(&prompt, state)
        case .fieldUp, .fieldDown:
            prompt.selected = false
            let history = prompt.kind == .search ? state.searchHistory : state.filterHistory
            guard !history.isEmpty else { break }
            var index = prompt.historyIndex ?? history.count
            index = command == .fieldUp ? max(0, index - 1) : min(history.count, index + 1)
            prompt.historyIndex = index
            prompt.field.replace(with: index < history.count ? history[index] : "")
        default:
            if prompt.edit(command, key) { prompt.note = nil }
        }
        state.mode = .prompt(prompt)
        return []
    }

    /// Applies a typed filter, with the State picker's and decision filter's choices, or
    /// `replacing` them (a saved view holds all of it in its text).
    static func applyFilter(_ text: String, _ state: inout WorkbenchState, replacing: Bool = false) throws {
        guard let directory = state.search.states else { return }
        let query = try FilterQuery.parse(text, states: directory)
        let base = replacing ? RecommendationFilter() : state.filter
        state.setFilter(base.with(query: query, text: text.isEmpty ? nil : text))
    }

    static func search(_ text: String, _ state: inout WorkbenchState) {
        state.setSearch(text)
        guard !text.isEmpty else { return }
        jumpToMatch(forward: true, from: state.cursor - 1, &state)
    }

    /// Selects the next (or previous) recommendation in view that matches the search, wrapping,
    /// and says which match it is: “Việt Nam”: match 2 of 4 (the term as typed).
    static func jumpToMatch(forward: Bool, from start: Int, _ state: inout WorkbenchState) {
        state.refreshSearchMatches()
        guard let typed = state.searchText, let matches = state.searchMatches else {
            state.message = .init("No search yet: / searches")
            return
        }
        let count = state.visible.count, total = matches.memberCount
        guard count > 0 else { return }
        for step in 1...count {
            let index = ((start + (forward ? step : -step)) % count + count) % count
            if matches.contains(state.visible[index]) {
                state.moveCursor(to: index)
                var inView = 0, ordinal = 0
                for (row, position) in state.visible.enumerated() where matches.contains(position) {
                    inView += 1
                    if row == index { ordinal = inView }
                }
                state.searchPlace = SearchPlace(cursor: index, ordinal: ordinal, inView: inView)
                state.message = .init("“\(typed)”: match \(ordinal) of \(inView) in view\(total > inView ? ", \(total - inView) more outside the filter" : "")")
                return
            }
        }
        state.message = .init("No match for “\(typed)” in view\(total == 0 ? "" : " (\(total) outside the filter)")")
    }

    /// Completes the word before the cursor: a key, or the State or theme after `state:`/`theme:`.
    static func complete(_ prompt: inout Prompt, _ state: WorkbenchState) {
        let line = prompt.field.string
        let start = line.lastIndex(where: { $0 == " " || $0 == "(" }).map { line.index(after: $0) } ?? line.startIndex
        let head = String(line[..<start]), word = String(line[start...])
        let quoted = { (value: String) in value.contains(" ") ? "\"\(value)\"" : value }
        let candidates: [String]
        if word.hasPrefix("state:") {
            let typed = TextFolding.fold(String(word.dropFirst(6)).replacingOccurrences(of: "\"", with: ""))
            candidates = state.allStates.filter { $0.folded.hasPrefix(typed) }.map { "state:" + quoted($0.name) }
        } else if word.hasPrefix("theme:") {
            let typed = TextFolding.fold(String(word.dropFirst(6)).replacingOccurrences(of: "\"", with: ""))
            let themes = Set(state.ledger.recommendations.flatMap(\.themes)).sorted()
            candidates = themes.filter { TextFolding.fold($0).hasPrefix(typed) }.map { "theme:" + quoted($0) }
        } else if word.hasPrefix("decision:") {
            candidates = ["decision:undecided", "decision:accepted", "decision:under-consideration", "decision:rejected"].filter { $0.hasPrefix(word) }
        } else {
            candidates = keys.filter { $0.hasPrefix(word.lowercased()) }
        }
        CommandLineLogic.offer(candidates, replacing: word, in: &prompt, prefix: head, suffix: "")
    }
}
