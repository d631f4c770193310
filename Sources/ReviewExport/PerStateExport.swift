import Foundation
import ReviewModel

/// For each recommending State, its recommendations and our decisions, in Markdown: one document
/// with a section per State, or one file per State (to send each delegation its own).
enum PerStateExport {
    static func text(_ ledger: Ledger, _ positions: [Int], directory: StateDirectory?) -> String {
        let states = recommenders(ledger, positions)
        var lines = ["# Recommendations to \(Markdown.escape(ledger.document.stateUnderReview)) by recommending State", ""]
        lines += preamble(ledger)
        lines.append("\(states.count) recommending States.")
        for (state, mine) in states {
            lines += [""] + section(ledger, state: state, positions: mine, level: "##", directory: directory)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One file per State, named after it (`Côte d'Ivoire` → `Cote-d-Ivoire.md`).
    static func files(_ ledger: Ledger, _ positions: [Int], directory: StateDirectory?) -> [ExportFile] {
        let states = recommenders(ledger, positions)
        let names = SafeFileName.names(for: states.map(\.state), fileExtension: "md")
        return zip(states, names).map { entry, name in
            var lines = ["# \(Markdown.escape(entry.state)): recommendations to \(Markdown.escape(ledger.document.stateUnderReview)) and our decisions", ""]
            lines += preamble(ledger)
            lines += section(ledger, state: entry.state, positions: entry.positions, level: nil, directory: directory)
            return ExportFile(name: name, data: Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }

    static func preamble(_ ledger: Ledger) -> [String] {
        var lines = ["\(Markdown.escape(ledger.document.symbol)): \(Markdown.escape(ledger.document.title))", ""]
        if let notice = ledger.notice { lines += ["> NOTE: \(Markdown.escape(notice))", ""] }
        return lines
    }

    /// Every State that made (or joined) one of the chosen recommendations, by name, with the
    /// positions of its recommendations in document order.
    static func recommenders(_ ledger: Ledger, _ positions: [Int]) -> [(state: String, positions: [Int])] {
        var byState: [String: [Int]] = [:]
        for position in positions {
            for state in Set(ledger.recommendations[position].states) { byState[state, default: []].append(position) }
        }
        return byState.map { ($0.key, $0.value) }.sorted { $0.state.localizedStandardCompare($1.state) == .orderedAscending }
    }

    static func section(_ ledger: Ledger, state: String, positions: [Int], level: String?, directory: StateDirectory?) -> [String] {
        var counts = StatusCounts()
        let rows = positions.map { ExportRow(ledger, position: $0) }
        rows.forEach { counts.add($0.status) }
        let tally = DecisionColumn.allCases.filter { counts[$0.selection] > 0 }.map { "\(counts[$0.selection]) \($0.title.lowercased())" }
        var lines: [String] = []
        if let level { lines += ["\(level) \(Markdown.escape(state))", ""] }
        lines.append("Regional group: \(Markdown.escape(DecisionSummary.groupName(of: state, in: directory))). "
            + "\(rows.count) recommendation\(rows.count == 1 ? "" : "s"): \(tally.joined(separator: ", ")).")
        lines.append("")
        lines += Markdown.table(["ID", "Recommendation", "Also recommended by", "Decision", "Note"], rows.map { row in
            let others = row.states.filter { $0 != state }.joined(separator: ", ")
            return [row.id, row.text, others, row.decision + (row.implemented ? " (already implemented)" : ""), row.note]
        })
        return lines
    }
}

/// A file an export writes into a folder.
public struct ExportFile: Equatable, Sendable {
    public var name: String
    public var data: Data
}
