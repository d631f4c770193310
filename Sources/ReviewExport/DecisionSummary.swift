import Foundation
import ReviewModel

/// The counts the reports and the XLSX summary show: overall, by recommending State, by regional
/// group and by theme. A joint recommendation counts once for each of its States, each of their
/// groups and each of its themes, so those tables add up to more than the total.
struct DecisionSummary {
    struct Line: Equatable {
        var name: String
        var counts: StatusCounts
    }

    var overall = StatusCounts()
    var byState: [Line] = []
    var byGroup: [Line] = []
    var byTheme: [Line] = []

    static let noTheme = "(no theme)"
    static let unknownState = "Not in the list of States"

    init(_ ledger: Ledger, positions: [Int], directory: StateDirectory?) {
        var states: [String: StatusCounts] = [:], groups: [String: StatusCounts] = [:], themes: [String: StatusCounts] = [:]
        for position in positions {
            let recommendation = ledger.recommendations[position]
            let status = ledger.status(of: recommendation.id)
            overall.add(status)
            for state in Set(recommendation.states) { states[state, default: .init()].add(status) }
            for group in Set(recommendation.states.map { Self.groupName(of: $0, in: directory) }) { groups[group, default: .init()].add(status) }
            for theme in Set(recommendation.themes.isEmpty ? [Self.noTheme] : recommendation.themes) { themes[theme, default: .init()].add(status) }
        }
        byState = Self.byCount(states)
        let order = RegionalGroup.allCases.map(groupLabel) + [Self.unknownState]
        byGroup = groups.map { Line(name: $0.key, counts: $0.value) }
            .sorted { (order.firstIndex(of: $0.name) ?? order.count) < (order.firstIndex(of: $1.name) ?? order.count) }
        byTheme = Self.byCount(themes)
    }

    /// The three tables every report shows, with their titles and the name of their first column.
    var breakdowns: [(title: String, column: String, lines: [Line])] {
        [("By recommending State", "State", byState), ("By regional group", "Regional group", byGroup), ("By theme", "Theme", byTheme)]
    }

    static func groupName(of state: String, in directory: StateDirectory?) -> String {
        directory?.group(of: state).map(groupLabel) ?? unknownState
    }

    /// Most recommendations first; equal counts by name, so that output is stable.
    static func byCount(_ tally: [String: StatusCounts]) -> [Line] {
        tally.map { Line(name: $0.key, counts: $0.value) }.sorted {
            $0.counts.total != $1.counts.total ? $0.counts.total > $1.counts.total
                : $0.name.localizedStandardCompare($1.name) == .orderedAscending
        }
    }
}

/// `Asia-Pacific`; observers and non-State names are in no group.
func groupLabel(_ group: RegionalGroup) -> String {
    group == .none ? "No regional group (observers, others)" : group.rawValue
}
