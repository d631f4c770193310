import Foundation

/// Filter terms that read what the public UPR record says (`upr record`, precedent): who was
/// under review, in which session, the response, and the share of the same ask supported
/// elsewhere. Kept apart from `FilterTerm`'s own cases so the record's terms live in one place.
public enum RecordTerm: Equatable, Sendable {
    /// The State under review is this one (canonical name): `to:Viet Nam`.
    case to(String)
    /// The UPR Working Group session: `session:18`.
    case session(Int)
    /// The response the State under review gave: `response:supported` / `response:noted`.
    case response(RecordFacts.Response)
    /// The record holds the same ask (`has:precedent`).
    case hasPrecedent
    /// The same ask was supported elsewhere by more (`>`), fewer (`<`) or exactly (`=`) this
    /// percentage: `precedent:>50`.
    case precedent(Comparison, Int)

    public enum Comparison: String, Equatable, Sendable { case above = ">", below = "<", atLeast = ">=", atMost = "<=", equal = "=" }

    /// The candidates that pass: a State's number found once, not once per position.
    func select(within candidates: PositionSet, _ index: SearchIndex) -> PositionSet {
        guard case let .to(name) = self else { return candidates.filter { matches($0, index) } }
        guard let facts = index.record, let number = facts.stateNames.firstIndex(of: name).map(Int32.init) else {
            return PositionSet(count: candidates.count, full: false)
        }
        return facts.stateUnderReview.withUnsafeBufferPointer { states in candidates.filter { states[$0] == number } }
    }

    func matches(_ position: Int, _ index: SearchIndex) -> Bool {
        switch self {
        case let .to(name):
            guard let facts = index.record, let number = facts.stateNames.firstIndex(of: name) else { return false }
            return facts.stateUnderReview[position] == Int32(number)
        case let .session(number): return index.record.map { $0.session[position] == Int32(number) } ?? false
        case let .response(response): return index.record.map { $0.response[position] == response } ?? false
        case .hasPrecedent: return index.precedent.share(at: position) != nil
        case let .precedent(comparison, percent):
            guard let share = index.precedent.share(at: position) else { return false }
            switch comparison {
            case .above: return share > percent
            case .below: return share < percent
            case .atLeast: return share >= percent
            case .atMost: return share <= percent
            case .equal: return share == percent
            }
        }
    }

    var description: String {
        switch self {
        case let .to(name): "to:" + (name.contains(where: { $0.isWhitespace || "()\"".contains($0) }) ? "\"\(name)\"" : name)
        case let .session(number): "session:\(number)"
        case let .response(response): "response:\(response.rawValue)"
        case .hasPrecedent: "has:precedent"
        case let .precedent(comparison, percent): "precedent:\(comparison.rawValue)\(percent)"
        }
    }

    /// Reads `to:`, `session:`, `response:` and `precedent:` values; nil for other keys.
    static func read(key: String, value: String, states: StateDirectory, failure: (String) -> FilterSyntaxError) throws -> FilterTerm? {
        switch key {
        case "to":
            guard let entry = states.resolve(value) else { throw failure("unknown State '\(value)'") }
            return .record(.to(entry.name))
        case "session":
            guard let number = Int(value), number > 0, number <= 999 else { throw failure("expected a session number like 18, got '\(value)'") }
            return .record(.session(number))
        case "response":
            switch value.lowercased() {
            case "supported", "accepted": return .record(.response(.supported))
            case "noted", "rejected": return .record(.response(.noted))
            case "none": return .record(.response(.none))
            default: throw failure("unknown response '\(value)'; known: supported, noted, none")
            }
        case "precedent":
            for comparison in [Comparison.atLeast, .atMost, .above, .below, .equal] where value.hasPrefix(comparison.rawValue) {
                let number = value.dropFirst(comparison.rawValue.count).replacingOccurrences(of: "%", with: "")
                guard let percent = Int(number), (0...100).contains(percent) else { break }
                return .record(.precedent(comparison, percent))
            }
            if let percent = Int(value.replacingOccurrences(of: "%", with: "")), (0...100).contains(percent) { return .record(.precedent(.atLeast, percent)) }
            throw failure("expected a share of the same ask supported elsewhere, like precedent:>50 or precedent:<30, got '\(value)'")
        default:
            return nil
        }
    }
}

/// What the record says of each position of a ledger made from it (`upr record`).
public struct RecordFacts: Sendable {
    public enum Response: String, Sendable { case supported, noted, none }
    public var stateNames: [String]
    /// By position: into `stateNames`.
    public var stateUnderReview: [Int32]
    public var session: [Int32]
    public var response: [Response]

    public init(stateNames: [String], stateUnderReview: [Int32], session: [Int32], response: [Response]) {
        self.stateNames = stateNames
        self.stateUnderReview = stateUnderReview
        self.session = session
        self.response = response
    }
}

/// By position: the share (percent) of the same ask supported in the record, where it was asked.
public struct PrecedentShares: Sendable, Equatable {
    /// -1: not asked before in the record (or not yet computed).
    var shares: [Int8]

    public init(_ shares: [Int?]) {
        self.shares = shares.map { $0.map { Int8(max(0, min(100, $0))) } ?? -1 }
    }

    public static func empty(count: Int) -> PrecedentShares { PrecedentShares(none: count) }

    private init(none count: Int) { shares = [Int8](repeating: -1, count: count) }

    public func share(at position: Int) -> Int? {
        shares.indices.contains(position) && shares[position] >= 0 ? Int(shares[position]) : nil
    }

    public var count: Int { shares.count }
}
