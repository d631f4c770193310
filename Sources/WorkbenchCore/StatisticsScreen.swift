import ReviewModel

/// Where things stand, for the head of delegation: progress, counts and shares by decision, the
/// acceptance rate, and bars per recommending State and per theme (of the recommendations in view).
enum StatisticsScreen {
    static func lines(_ state: WorkbenchState, width: Int) -> [(String, Style)] {
        let positions = state.visible
        let counts = state.ledger.counts(of: positions)
        let total = max(1, counts.total)
        let decided = counts.accepted + counts.rejected
        var lines: [(String, Style)] = []
        let scope = state.filter.isEmpty ? "all \(counts.total) recommendations" : "\(counts.total) in view (\(state.filter.summary))"
        lines.append(("Statistics of \(scope)", .heading))
        lines.append(("", .plain))
        let barWidth = max(10, min(50, width - 40))
        lines.append(("Final position taken  " + bar(decided, of: total, width: barWidth) + " \(percent(decided, total)) (\(decided) of \(counts.total))", .plain))
        lines.append(("", .plain))
        for (label, value, tone) in [("accepted", counts.accepted, Style.Tone.accepted), ("under consideration", counts.underConsideration, .considering),
                                     ("rejected", counts.rejected, .rejected), ("undecided", counts.undecided, .normal)] {
            lines.append((pad(label, 21) + " " + bar(value, of: total, width: barWidth) + " \(percent(value, total)) \(value)", Style(tone: tone)))
        }
        lines.append(("", .plain))
        let rate = decided == 0 ? "no final position yet" : "\(percent(counts.accepted, decided)) of the decided are accepted"
        lines.append(("Acceptance rate: \(rate)", .heading))
        lines.append(("", .plain))
        lines += breakdown("By recommending State (most recommendations first)", positions, state, barWidth: barWidth, width: width) { $0.states }
        lines.append(("", .plain))
        lines += breakdown("By theme", positions, state, barWidth: barWidth, width: width) { $0.themes.isEmpty ? ["(no theme)"] : $0.themes }
        // Only where there is a plan: a triage ledger's statistics stay as they were.
        if state.ledger.hasImplementationRecords || state.planView { lines += PlanPane.statistics(state, barWidth: barWidth, width: width) }
        return lines
    }

    /// One line per group: accepted (✓), under consideration (?), rejected (✗), undecided (·) as a stacked bar.
    static func breakdown(_ title: String, _ positions: [Int], _ state: WorkbenchState, barWidth: Int, width: Int,
                          groups: (Recommendation) -> [String]) -> [(String, Style)] {
        var tally: [String: StatusCounts] = [:]
        for position in positions {
            let recommendation = state.ledger.recommendations[position]
            for group in Set(groups(recommendation)) { tally[group, default: StatusCounts()].add(state.ledger.status(of: recommendation.id)) }
        }
        let largest = tally.values.map(\.total).max() ?? 1
        // The names take what the bar and the count leave of the line, cut with `…` if need be.
        let nameWidth = max(12, min(40, width - barWidth - 8))
        var lines: [(String, Style)] = [(title + "   ✓ accepted ? considering ✗ rejected · undecided", .heading)]
        for (name, counts) in tally.sorted(by: { $0.value.total != $1.value.total ? $0.value.total > $1.value.total : $0.key < $1.key }) {
            let scale = { (value: Int) in Int((Double(value) / Double(largest) * Double(barWidth)).rounded()) }
            let stacked = String(repeating: "✓", count: scale(counts.accepted)) + String(repeating: "?", count: scale(counts.underConsideration))
                + String(repeating: "✗", count: scale(counts.rejected)) + String(repeating: "·", count: scale(counts.undecided))
            lines.append((pad(DisplayText.truncate(name, to: nameWidth, ellipsis: true), nameWidth + 1) + " " + pad(stacked, barWidth) + " \(counts.total)", .plain))
        }
        return lines
    }

    static func bar(_ value: Int, of total: Int, width: Int) -> String {
        let filled = Int((Double(value) / Double(total) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    static func percent(_ value: Int, _ total: Int) -> String {
        let share = total == 0 ? 0 : Double(value) * 100 / Double(total)
        let rounded = (share * 10).rounded() / 10
        return "\(rounded)%"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayText.width(of: text)))
    }

    /// The columns the lines are laid out for at this size.
    static func textWidth(_ size: Size) -> Int { max(4, size.width - 2) - 4 }

    static func draw(scroll: Int, _ state: WorkbenchState, _ layout: Layout, _ screen: inout ScreenBuffer) {
        let box = Overlays.box("Statistics: j/k PgDn/PgUp scroll, / searches, q closes", width: layout.size.width - 2, height: layout.size.height - 2, &screen)
        let all = lines(state, width: textWidth(layout.size))
        let rows = box.height - 2
        let top = min(scroll, max(0, all.count - rows))
        for (offset, line) in all.dropFirst(top).prefix(rows).enumerated() {
            screen.put(line.0, row: box.row + 1 + offset, column: box.column + 2, style: line.1, limit: box.innerLimit)
            Highlighter.apply(state.helpSearch?.term, text: line.0, row: box.row + 1 + offset, column: box.column + 2, limit: box.innerLimit, &screen)
        }
    }
}
