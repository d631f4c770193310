import Foundation
import ReviewModel

/// The implementation view (`P`): the supported recommendations with their status, lead, next
/// due action and overdue marks; `p` moves the status on, `l` writes a dated progress note,
/// `:action add` and `:action done` keep the plan's actions. Each change is saved (journal)
/// before the screen says so, and undone with `u` like a decision.
enum PlanLogic {
    static func toggleView(_ state: inout WorkbenchState) -> [Effect] {
        state.planView.toggle()
        state.refilter(preferring: state.selectedPosition ?? 0)
        if state.planView {
            let overdue = state.visible.filter { isOverdue($0, state) }.count
            state.message = .init("Implementation view: \(state.visible.count) supported recommendation\(state.visible.count == 1 ? "" : "s")\(overdue > 0 ? ", \(overdue) overdue" : "") (p status, l progress note, :action add; P leaves)")
        } else {
            state.message = .init("Back to the triage list")
        }
        return []
    }

    /// `p`: not started → in progress → partially → fully implemented → not started, on the marked
    /// (or this) supported recommendations, as one undo step.
    static func nextStatus(_ state: inout WorkbenchState, now: Date) -> [Effect] {
        guard state.mayWrite() else { return [] }
        let positions = supportedTargets(state)
        guard let first = positions.first else { return notSupported(&state) }
        let all = ImplementationStatus.allCases
        let current = state.ledger.implementation(of: state.ledger.recommendations[first].id)?.status
        let next = current.map { all[(all.firstIndex(of: $0)! + 1) % all.count] } ?? .inProgress
        let group = state.ledger.nextGroup
        var changed = 0
        for position in positions {
            let id = state.ledger.recommendations[position].id
            if (try? state.ledger.setImplementationStatus(id, next, by: state.analyst, at: now, group: group)) != nil { changed += 1 }
        }
        state.marked = []
        let what = positions.count == 1 ? state.ledger.recommendations[first].id : "\(positions.count) recommendations"
        state.message = .init("\(what): \(next.label)")
        return changed > 0 ? [.save] : []
    }

    /// `l`: the note editor, for a progress note on this supported recommendation.
    static func openProgressNote(_ state: inout WorkbenchState) -> [Effect] {
        guard state.mayWrite() else { return [] }
        guard let position = state.selectedPosition else { return Workbench.nothingSelected(&state) }
        guard state.ledger.status(of: state.ledger.recommendations[position].id) == .accepted else { return notSupported(&state) }
        var editor = LineEditor(recommendationID: state.ledger.recommendations[position].id, text: "")
        editor.isProgressNote = true
        state.mode = .noteEditor(editor)
        return []
    }

    /// Enter in the progress note editor: the note, dated, with the analyst as its author.
    static func saveProgressNote(_ editor: LineEditor, _ state: inout WorkbenchState, now: Date) -> [Effect] {
        state.mode = .browse
        let text = editor.string.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            state.message = .init("No progress note written on \(editor.recommendationID)")
            return []
        }
        do {
            try state.ledger.addProgressNote(editor.recommendationID, text, by: state.analyst, at: now)
        } catch {
            state.message = .init("\(error)", isError: true)
            return []
        }
        state.message = .init("Progress note on \(editor.recommendationID) saved")
        return [.save]
    }

    /// `:action add TEXT [due:YYYY-MM-DD] [lead:"MINISTRY"]`, `:action done N`, `:action undone N`.
    static func command(_ argument: String, _ state: inout WorkbenchState, now: Date) throws -> [Effect] {
        guard state.mayWrite() else { return [] }
        guard let position = state.selectedPosition else { return Workbench.nothingSelected(&state) }
        let id = state.ledger.recommendations[position].id
        let verb = String(argument.prefix { $0 != " " })
        let rest = argument.dropFirst(verb.count).trimmingCharacters(in: .whitespaces)
        do {
            switch verb {
            case "add":
                let parsed = ActionWords(rest)
                guard !parsed.text.isEmpty else { throw CommandLineLogic.Failure(message: ":action add TEXT [due:2026-06-30] [lead:\"Ministry of Justice\"]") }
                try state.ledger.addAction(id, parsed.text, due: parsed.due, lead: parsed.lead, by: state.analyst, at: now)
                let number = state.ledger.implementation(of: id)?.actions.count ?? 0
                state.message = .init("Action \(number) added to \(id)\(parsed.due.map { ", due \($0)" } ?? "")")
            case "done", "undone":
                guard let number = Int(rest) else { throw CommandLineLogic.Failure(message: ":action \(verb) N (the action's number, from 1)") }
                guard try state.ledger.markAction(id, number, done: verb == "done", by: state.analyst, at: now) != nil else {
                    state.message = .init("Action \(number) of \(id) was already \(verb == "done" ? "done" : "not done")")
                    return []
                }
                state.message = .init("Action \(number) of \(id) \(verb == "done" ? "done" : "not done")")
            default:
                throw CommandLineLogic.Failure(message: ":action add TEXT [due:DATE] [lead:NAME] | done N | undone N")
            }
        } catch let error as ImplementationError {
            throw CommandLineLogic.Failure(message: error.description)
        }
        state.refilter(preferring: position)
        return [.save]
    }

    static func supportedTargets(_ state: WorkbenchState) -> [Int] {
        ProposalLogic.targets(state).filter { state.ledger.status(of: state.ledger.recommendations[$0].id) == .accepted }
    }

    static func isOverdue(_ position: Int, _ state: WorkbenchState) -> Bool {
        state.ledger.implementation(of: state.ledger.recommendations[position].id)?.isOverdue(today: state.today) ?? false
    }

    private static func notSupported(_ state: inout WorkbenchState) -> [Effect] {
        state.message = .init("Only a supported (accepted) recommendation has an implementation plan", isError: true)
        return []
    }
}

/// `Draft the law due:2026-06-30 lead:"Ministry of Justice"`: the text, with `due:` and `lead:`
/// taken out wherever they are.
struct ActionWords {
    var text = ""
    var due: String?
    var lead: String?

    init(_ line: String) {
        var words: [String] = []
        var rest = Substring(line)
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            guard !rest.isEmpty else { break }
            var word: String
            if rest.hasPrefix("lead:\"") {
                let body = rest.dropFirst(6)
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                lead = String(body[..<end])
                rest = end < body.endIndex ? body[body.index(after: end)...] : ""
                continue
            }
            word = String(rest.prefix { $0 != " " })
            rest = rest.dropFirst(word.count)
            if word.hasPrefix("due:") { due = String(word.dropFirst(4)) } else if word.hasPrefix("lead:") { lead = String(word.dropFirst(5)) } else { words.append(word) }
        }
        text = words.joined(separator: " ")
    }
}
