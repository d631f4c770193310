import Foundation
import ReviewModel

/// The lists an addendum publishes (supported; supported and considered already implemented;
/// noted) and what has no final position yet, each in document order. Every recommendation is in
/// exactly one of them.
struct AddendumGroups {
    var all: [String] = []
    var supported: [String] = []
    var implemented: [String] = []
    var noted: [String] = []
    var underConsideration: [String] = []
    var undecided: [String] = []

    init(_ ledger: Ledger, positions: [Int]) {
        for position in positions {
            let id = ledger.recommendations[position].id
            let record = ledger.record(for: id)
            all.append(id)
            switch record?.decision {
            case .accepted? where record?.implemented == true: implemented.append(id)
            case .accepted?: supported.append(id)
            case .rejected?: noted.append(id)
            case .underConsideration?: underConsideration.append(id)
            case nil: undecided.append(id)
            }
        }
    }

    var openCount: Int { underConsideration.count + undecided.count }

    var open: [ExportError.OpenGroup] {
        [.init(selection: .underConsideration, ids: underConsideration), .init(selection: .undecided, ids: undecided)]
            .filter { !$0.ids.isEmpty }
    }

    /// Reads the written lists back: every ID must appear exactly once, each list must hold as many
    /// IDs as its heading says, and the totals must add up to the recommendations examined.
    static func check(written: [(count: Int, ranges: String)], expected: [String]) throws {
        var seen: [String: Int] = [:]
        for list in written {
            let ids = IDRanges.expand(list.ranges)
            guard ids.count == list.count else {
                throw ExportError.checkFailed("a list headed \(list.count) holds \(ids.count) IDs: \(list.ranges)")
            }
            for id in ids { seen[id, default: 0] += 1 }
        }
        if let repeated = expected.first(where: { (seen[$0] ?? 0) > 1 }) {
            throw ExportError.checkFailed("\(repeated) is listed more than once")
        }
        if let missing = expected.first(where: { seen[$0] == nil }) {
            throw ExportError.checkFailed("\(missing) is not listed")
        }
        let known = Set(expected)
        if let stray = seen.keys.sorted().first(where: { !known.contains($0) }) {
            throw ExportError.checkFailed("\(stray) is listed but is not among the recommendations")
        }
        let total = written.reduce(0) { $0 + $1.count }
        guard total == expected.count else {
            throw ExportError.checkFailed("the totals add up to \(total), not \(expected.count)")
        }
    }
}
