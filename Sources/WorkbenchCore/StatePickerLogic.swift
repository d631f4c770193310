import Foundation
import ReviewModel

/// The State picker: type to narrow (case- and accent-insensitive, names starting with the text
/// first), move, Enter to filter by the State, Esc to leave the filter as it was.
enum StatePickerLogic {
    static func handle(_ command: Command?, _ key: Key, _ picker: inout StatePicker, _ state: inout WorkbenchState) -> [Effect] {
        switch command {
        case .fieldAccept:
            guard picker.matches.indices.contains(picker.selection) else {
                state.message = .init("No State matches “\(picker.query)”", isError: true)
                return []
            }
            state.mode = .browse
            state.setFilter(state.filter.with(state: state.allStates[picker.matches[picker.selection]].name))
            return []
        case .fieldCancel:
            state.mode = .browse
            return []
        case .fieldDown:
            picker.selection = min(picker.selection + 1, max(0, picker.matches.count - 1))
        case .fieldUp:
            picker.selection = max(0, picker.selection - 1)
        case .fieldBackspace:
            if !picker.query.isEmpty { picker.query.removeLast() }
            narrow(&picker, in: state)
        default:
            guard let character = key.typedCharacter else { break }
            picker.query.append(character)
            narrow(&picker, in: state)
        }
        state.mode = .statePicker(picker)
        return []
    }

    static func narrow(_ picker: inout StatePicker, in state: WorkbenchState) {
        let query = TextFolding.fold(picker.query).trimmingCharacters(in: .whitespaces)
        picker.selection = 0
        guard !query.isEmpty else {
            picker.matches = Array(state.allStates.indices)
            return
        }
        let hits = state.allStates.indices.filter { state.allStates[$0].folded.contains(query) }
        let starting = hits.filter { state.allStates[$0].folded.hasPrefix(query) }
        picker.matches = starting + hits.filter { !state.allStates[$0].folded.hasPrefix(query) }
    }
}

/// The one-line note editor.
enum NoteEditorLogic {
    static func handle(_ command: Command?, _ key: Key, _ editor: inout LineEditor, _ state: inout WorkbenchState, now: Date) -> [Effect] {
        switch command {
        case .fieldAccept where editor.isProgressNote:
            return PlanLogic.saveProgressNote(editor, &state, now: now)
        case .fieldAccept:
            state.mode = .browse
            let note = editor.string.trimmingCharacters(in: .whitespaces)
            let id = editor.recommendationID
            guard note != (state.ledger.record(for: id)?.note ?? "") else {
                state.message = .init("Note on \(id) unchanged")
                return []
            }
            try? state.ledger.annotate(id, note: note, by: state.analyst, at: now)
            state.message = .init(note.isEmpty ? "Note on \(id) removed" : "Note on \(id) saved")
            return [.save]
        case .fieldCancel:
            state.mode = .browse
            state.message = .init(editor.isProgressNote ? "No progress note written on \(editor.recommendationID)" : "Note on \(editor.recommendationID) not changed")
            return []
        default:
            _ = editor.field.edit(command, key)
        }
        state.mode = .noteEditor(editor)
        return []
    }
}
