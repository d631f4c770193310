import Foundation
import ReviewModel

/// Recommendations that share one explanation, printed under it together (`140.11-14` and the
/// text), in document order of their first ID.
struct ExplanationGroup: Equatable {
    var ids: [String]
    var text: String

    /// `140.11-14`, `140.82-85, 87`: the heading, compressed as addenda write it.
    var heading: String { IDRanges.compress(ids) }

    static func groups(_ ledger: Ledger, positions: [Int]) -> [ExplanationGroup] {
        var order: [String] = []
        var byText: [String: [String]] = [:]
        for position in positions {
            let id = ledger.recommendations[position].id
            guard let text = ledger.record(for: id)?.explanation, !text.isEmpty else { continue }
            if byText[text] == nil { order.append(text) }
            byText[text, default: []].append(id)
        }
        return order.map { ExplanationGroup(ids: byText[$0]!, text: $0) }
    }

    /// Each ID in one group at most, and every one among the recommendations.
    static func check(_ groups: [ExplanationGroup], expected: [String]) throws {
        let known = Set(expected)
        var seen: Set<String> = []
        for group in groups {
            let ids = IDRanges.expand(group.heading)
            guard ids == group.ids else { throw ExportError.checkFailed("the explanation headed \(group.heading) reads back as \(ids.count) IDs, not \(group.ids.count)") }
            for id in ids {
                guard known.contains(id) else { throw ExportError.checkFailed("\(id) is explained but is not among the recommendations") }
                guard seen.insert(id).inserted else { throw ExportError.checkFailed("\(id) has two explanations") }
            }
        }
    }
}
