import Foundation
import ReviewModel

/// The selected recommendation in full: text, every recommending State, themes, decision, who and
/// when, and the note.
enum DetailPane {
    static func draw(_ state: WorkbenchState, _ rect: Layout.Rect, _ screen: inout ScreenBuffer) {
        guard rect.width > 2, rect.height > 0, let recommendation = state.selected else { return }
        let width = rect.width - 2
        var lines: [(String, Style)] = []
        func add(_ text: String, _ style: Style = .plain, indent: String = "") {
            for (index, line) in DisplayText.wrap(text, to: width - DisplayText.width(of: indent)).enumerated() {
                lines.append(((index == 0 ? "" : indent) + line, style))
            }
        }
        let record = state.ledger.record(for: recommendation.id)
        let (mark, markStyle) = Render.marker(record?.decision)
        lines.append(("\(recommendation.id)  \(mark) \((record?.decision?.label ?? "undecided").uppercased())", markStyle.with(bold: true)))
        lines.append(("", .plain))
        add(recommendation.text)
        lines.append(("", .plain))
        add("Recommended by: " + recommendation.states.joined(separator: "; "), Style(tone: .accent), indent: "  ")
        // The report's own spelling, where a name of the time was mapped to today's State.
        if !recommendation.statesAsWritten.isEmpty {
            add("As written: " + recommendation.statesAsWritten.joined(separator: "; "), .faint, indent: "  ")
        }
        if !recommendation.asRead.isEmpty { add("As read during the dialogue: " + recommendation.asRead, .faint, indent: "  ") }
        if !recommendation.themes.isEmpty { add("Themes: " + recommendation.themes.joined(separator: "; "), .faint, indent: "  ") }
        if record?.implemented == true && record?.decision == .accepted { add("Already implemented (addendum)", Style(tone: .accepted), indent: "  ") }
        if let ministry = record?.ministry { add("Ministry: " + ministry, Style(tone: .accent), indent: "  ") }
        for line in PlanPane.detailLines(state, recommendation.id) { add(line.0, line.1, indent: "    ") }
        if let proposal = state.ledger.proposals[recommendation.id] {
            let what = proposal.decision?.label ?? "no decision"
            add("PROPOSAL of \(proposal.ministry): \(what)\(proposal.note.isEmpty ? "" : " — \(proposal.note)")\(proposal.progress.map { "; \($0.summary)" } ?? "") (t takes, X refuses)", Style(tone: .considering, bold: true), indent: "  ")
        }
        if let (earlier, _) = state.memory.earlier(at: state.selectedPosition ?? -1) {
            // "Earlier: noted in A/HRC/26/6, 143.12 — Ratify CAT": last time's answer to the same ask.
            let how = earlier.position.map { "\($0.rawValue) in" } ?? "in"
            let noting = earlier.position == .supported && record?.decision != .accepted
            add("Earlier: \(how) \(earlier.symbol), \(earlier.id) — \(DisplayText.excerpt(earlier.text, words: 60))",
                noting ? Style(tone: .considering, bold: true) : Style(tone: .accent), indent: "  ")
            if let done = earlier.implementation {
                add("Then \(done.label)\(earlier.progress.map { ": \($0)" } ?? "")", Style(tone: done == .fullyImplemented ? .accepted : .considering), indent: "    ")
            }
        }
        for line in PrecedentSection.lines(state) { add(line.text, line.style, indent: "    ") }
        for line in ConflictLogic.detailLines(state.ledger, recommendation.id) {
            add(line.text, line.bold ? Style(tone: .considering, bold: true) : Style(tone: .considering), indent: "  ")
        }
        let changes = state.ledger.history(of: recommendation.id)
        if record != nil {
            // Who decided, and (apart) who last wrote the note: a note edit is not a decision.
            let decided = changes.last(where: ChangeDescription.changesDecision)
            if record?.decision != nil, let decided {
                add("Decided by \(decided.by), \(LocalTime.format(decided.at, in: state.timeZone))\(decided.source.map { " (from \($0))" } ?? "")", .faint, indent: "  ")
            } else if record?.decision != nil, let record {
                add("Decided by \(record.by), \(LocalTime.format(record.at, in: state.timeZone))", .faint, indent: "  ")
            }
            // The note's author apart where it is not the same person at the same minute.
            if !(record?.note.isEmpty ?? true), let noted = changes.last(where: { ($0.before?.note ?? "") != ($0.after?.note ?? "") }),
               record?.decision == nil || decided.map({ $0.by != noted.by || abs($0.at.timeIntervalSince(noted.at)) >= 60 }) ?? true {
                add("Note by \(noted.by), \(LocalTime.format(noted.at, in: state.timeZone))", .faint, indent: "  ")
            }
        }
        lines.append(("", .plain))
        if case .noteEditor(let editor) = state.mode, editor.isProgressNote {
            add("Progress note (editing below; Enter saves, Esc cancels):", .heading)
            add(editor.string.isEmpty ? " " : editor.string)
        } else if case .noteEditor(let editor) = state.mode {
            add("Note (editing below; Enter saves, Esc cancels):", .heading)
            add(editor.string.isEmpty ? " " : editor.string)
        } else if let note = record?.note, !note.isEmpty {
            add("Note: " + note, .plain, indent: "  ")
        } else {
            add("Note: none yet (e to write why)", .faint)
        }
        if let explanation = record?.explanation { add("Addendum explanation: " + explanation, Style(tone: .accepted), indent: "  ") }
        // The consultation apart from the government's note: who said it, and when.
        for comment in state.ledger.comments(on: recommendation.id) {
            add("Consultation, \(comment.organization)\(comment.date.map { ", \($0)" } ?? ""): \(comment.comment)", .faint, indent: "  ")
        }
        if changes.count > 0 {
            lines.append(("", .plain))
            add("History (\(changes.count) change\(changes.count == 1 ? "" : "s"), latest first):", .heading)
            for change in changes.suffix(5).reversed() {
                add("\(LocalTime.format(change.at, in: state.timeZone)) \(change.by): \(ChangeDescription.text(change))", .faint, indent: "  ")
            }
        }
        if let notice = state.ledger.notice {
            lines.append(("", .plain))
            add(notice, .faint)
        }
        // Last, so that the note, the history and the notice keep their place on a short screen.
        if let members = state.clusters.cluster(of: state.selectedPosition ?? -1) {
            let others = members.filter { $0 != state.selectedPosition }
            let conflict = ConsistencyCheck.kind(of: members, in: state.ledger) == .conflict
            lines.append(("", .plain))
            add("Same ask (\(others.count) other\(others.count == 1 ? "" : "s")\(conflict ? ", DECIDED TWO WAYS" : "")):", conflict ? .alarm : .heading)
            for other in others.prefix(8) {
                let r = state.ledger.recommendations[other]
                add("\(r.id) \(state.ledger.status(of: r.id)?.label ?? "undecided") — \(r.states.joined(separator: ", ")): \(DisplayText.excerpt(r.text, words: 90))", .faint, indent: "    ")
            }
            if others.count > 8 { add("… \(others.count - 8) more (:filter in:cluster)", .faint) }
        }
        for line in PrecedentSection.hint(state) { add(line.text, line.style) }
        let scroll = min(state.detailScroll, max(0, lines.count - rect.height))
        for (offset, line) in lines.dropFirst(scroll).prefix(rect.height).enumerated() {
            screen.put(line.0, row: rect.row + offset, column: rect.column + 1, style: line.1, limit: rect.column + rect.width)
            Highlighter.apply(state.searchTerm, text: line.0, row: rect.row + offset, column: rect.column + 1, limit: rect.column + rect.width, &screen)
        }
    }
}
