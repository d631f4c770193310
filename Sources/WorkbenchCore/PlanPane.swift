import ReviewModel

/// What the implementation view draws: a row per supported recommendation (status, lead, next
/// due action, `OVERDUE`), the plan in the detail pane, the progress in the statistics.
enum PlanPane {
    static func draw(_ state: WorkbenchState, _ rect: Layout.Rect, _ screen: inout ScreenBuffer) {
        let idWidth = state.idColumnWidth
        let last = min(state.visible.count, state.listTop + rect.height)
        let limit = rect.column + rect.width
        let leadWidth = max(8, min(24, rect.width / 5))
        for (offset, index) in (state.listTop..<last).enumerated() {
            let row = rect.row + offset
            let position = state.visible[index]
            let recommendation = state.ledger.recommendations[position]
            let record = state.ledger.record(for: recommendation.id)
            let plan = record?.implementation
            let isSelected = index == state.cursor
            let base: Style = isSelected ? .selected : .plain
            if isSelected { screen.fill(row: row, from: rect.column, to: limit, style: base) }
            let isMarked = state.marked.contains(position)
            screen.put((isMarked ? "*" : " ") + recommendation.id, row: row, column: rect.column, style: base.with(bold: isSelected || isMarked), limit: limit)
            var x = rect.column + 1 + idWidth + 1
            screen.put(pad(shortStatus(plan?.status), 12), row: row, column: x, style: isSelected ? base : statusStyle(plan?.status), limit: limit)
            x += 13
            let lead = plan?.lead ?? record?.ministry ?? "—"
            screen.put(DisplayText.truncate(lead, to: leadWidth, ellipsis: true), row: row, column: x, style: isSelected ? base : Style(tone: .accent), limit: limit)
            x += leadWidth + 1
            let overdue = plan?.isOverdue(today: state.today) ?? false
            if overdue {
                screen.put("OVERDUE", row: row, column: x, style: isSelected ? base.with(bold: true) : .alarm, limit: limit)
                x += 8
            }
            if x < limit {
                screen.put(nextActionLabel(plan), row: row, column: x, style: base, limit: limit)
            }
        }
    }

    /// `PLAN: 3 supported, 1 overdue (P leaves)`, for the status line while the view is on.
    static func statusPart(_ state: WorkbenchState) -> String {
        let overdue = state.visible.filter { PlanLogic.isOverdue($0, state) }.count
        return "PLAN: \(state.visible.count) supported\(overdue > 0 ? ", \(overdue) overdue" : "") (P leaves)"
    }

    /// `next: 2026-06-30 Draft the law`, or what there is instead.
    static func nextActionLabel(_ plan: Implementation?) -> String {
        guard let plan, !plan.actions.isEmpty else { return "no actions yet (:action add)" }
        guard let next = plan.nextAction else { return plan.actions.count == 1 ? "its one action done" : "all \(plan.actions.count) actions done" }
        return "next: \(next.action.due ?? "no date") \(next.action.text)"
    }

    static func shortStatus(_ status: ImplementationStatus?) -> String {
        switch status {
        case nil: "—"
        case .notStarted?: "not started"
        case .inProgress?: "in progress"
        case .partiallyImplemented?: "partially"
        case .fullyImplemented?: "fully"
        }
    }

    static func statusStyle(_ status: ImplementationStatus?) -> Style {
        switch status {
        case .fullyImplemented?: Style(tone: .accepted)
        case .partiallyImplemented?, .inProgress?: Style(tone: .considering)
        case .notStarted?, nil: .faint
        }
    }

    /// The detail pane's lines for a recommendation's plan (none where it has none).
    static func detailLines(_ state: WorkbenchState, _ id: String) -> [(String, Style)] {
        guard let plan = state.ledger.implementation(of: id) else {
            return state.planView && state.ledger.status(of: id) == .accepted ? [("Plan: none yet (p sets a status, l a progress note, :action add)", .faint)] : []
        }
        var lines: [(String, Style)] = []
        let when = plan.status.flatMap { plan.date(reached: $0) }.map { " since \(LocalTime.format($0, in: state.timeZone))" } ?? ""
        lines.append(("Implementation: \(plan.status?.label ?? "no status")\(when)", statusStyle(plan.status).with(bold: true)))
        if let lead = plan.lead { lines.append(("Lead: \(lead)" + (plan.partners.isEmpty ? "" : "; partners: \(plan.partners.joined(separator: ", "))"), Style(tone: .accent))) }
        for (number, action) in plan.actions.enumerated() {
            let late = !action.done && (action.due.map { $0 < state.today } ?? false)
            let box = action.done ? "[x]" : "[ ]"
            lines.append(("\(box) \(number + 1). \(action.text)\(action.due.map { " — due \($0)" } ?? "")\(action.lead.map { " (\($0))" } ?? "")\(late ? " OVERDUE" : "")",
                          late ? .alarm : .plain))
        }
        if !plan.indicators.isEmpty { lines.append(("Indicators: " + plan.indicators.joined(separator: "; "), .faint)) }
        let sdgs = state.ledger.sdgTargets(of: id)
        if !sdgs.isEmpty { lines.append(("SDG: " + sdgs.joined(separator: ", "), .faint)) }
        for note in plan.progress.suffix(3).reversed() {
            lines.append(("Progress, \(LocalTime.format(note.at, in: state.timeZone)), \(note.author)\(note.source.map { " (\($0))" } ?? ""): \(note.text)", .plain))
        }
        if plan.progress.count > 3 { lines.append(("… \(plan.progress.count - 3) earlier progress notes (upr history \(id))", .faint)) }
        return lines
    }

    /// The statistics' part on the plan: by status, by lead ministry, by theme (supported in view).
    static func statistics(_ state: WorkbenchState, barWidth: Int, width: Int) -> [(String, Style)] {
        let supported = state.visible.filter { state.ledger.statuses[$0] == .accepted }
        guard !supported.isEmpty else { return [] }
        func status(_ position: Int) -> ImplementationStatus? { state.ledger.implementation(of: state.ledger.recommendations[position].id)?.status }
        var lines: [(String, Style)] = [("", .plain), ("Implementation of the \(supported.count) supported", .heading)]
        let overdue = supported.filter { PlanLogic.isOverdue($0, state) }.count
        for (label, value) in [("no status", nil)] + ImplementationStatus.allCases.map({ ($0.label, Optional($0)) }) {
            let count = supported.filter { status($0) == value }.count
            lines.append((StatisticsScreen.pad(label, 21) + " " + StatisticsScreen.bar(count, of: supported.count, width: barWidth)
                          + " \(StatisticsScreen.percent(count, supported.count)) \(count)", statusStyle(value)))
        }
        lines.append(("Overdue (an action past its day): \(overdue)", overdue > 0 ? .alarm : .plain))
        for (title, groups) in [("By lead ministry", { (p: Int) -> [String] in
            let record = state.ledger.record(for: state.ledger.recommendations[p].id)
            return [record?.implementation?.lead ?? record?.ministry ?? "(no lead)"]
        }), ("By theme", { (p: Int) -> [String] in
            let themes = state.ledger.recommendations[p].themes
            return themes.isEmpty ? ["(no theme)"] : themes
        })] {
            var tally: [String: (done: Int, total: Int)] = [:]
            for position in supported {
                for group in Set(groups(position)) {
                    tally[group, default: (0, 0)].total += 1
                    if status(position) == .fullyImplemented { tally[group]!.done += 1 }
                }
            }
            lines.append(("", .plain))
            lines.append(("\(title): fully implemented of supported", .heading))
            let nameWidth = max(12, min(40, width - barWidth - 12))
            for (name, counts) in tally.sorted(by: { $0.value.total != $1.value.total ? $0.value.total > $1.value.total : $0.key < $1.key }) {
                lines.append((StatisticsScreen.pad(DisplayText.truncate(name, to: nameWidth, ellipsis: true), nameWidth + 1) + " "
                              + StatisticsScreen.bar(counts.done, of: counts.total, width: barWidth) + " \(counts.done) of \(counts.total)", .plain))
            }
        }
        return lines
    }

    private static func pad(_ text: String, _ width: Int) -> String { StatisticsScreen.pad(text, width) }
}
