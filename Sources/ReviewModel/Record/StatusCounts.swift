import Foundation

/// How many recommendations are in each state of work.
public struct StatusCounts: Equatable, Sendable {
    public var accepted = 0
    public var underConsideration = 0
    public var rejected = 0
    public var undecided = 0

    public init() {}

    public var total: Int { accepted + underConsideration + rejected + undecided }

    public mutating func remove(_ status: DecisionStatus?) {
        switch status {
        case .accepted: accepted -= 1
        case .underConsideration: underConsideration -= 1
        case .rejected: rejected -= 1
        case nil: undecided -= 1
        }
    }

    public mutating func add(_ status: DecisionStatus?) {
        switch status {
        case .accepted: accepted += 1
        case .underConsideration: underConsideration += 1
        case .rejected: rejected += 1
        case nil: undecided += 1
        }
    }

    public subscript(selection: StatusSelection) -> Int {
        switch selection {
        case .accepted: accepted
        case .underConsideration: underConsideration
        case .rejected: rejected
        case .undecided: undecided
        }
    }
}
