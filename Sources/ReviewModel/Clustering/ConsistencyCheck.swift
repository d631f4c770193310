import Foundation

/// The clusters of one ledger, and for each position the cluster holding it.
public struct ClusterMap: Equatable, Sendable {
    /// Positions into `ledger.recommendations`; only clusters of two or more.
    public let clusters: [[Int]]
    /// For each position, its cluster's number in `clusters`, or -1.
    public let clusterOf: [Int32]

    public init(clusters: [[Int]], count: Int) {
        self.clusters = clusters
        var of = [Int32](repeating: -1, count: count)
        for (number, members) in clusters.enumerated() {
            for position in members where position < count { of[position] = Int32(number) }
        }
        clusterOf = of
    }

    public static func empty(count: Int) -> ClusterMap { ClusterMap(clusters: [], count: count) }

    /// The members of the cluster holding `position` (itself included), or nil.
    public func cluster(of position: Int) -> [Int]? {
        guard position >= 0, position < clusterOf.count, clusterOf[position] >= 0 else { return nil }
        return clusters[Int(clusterOf[position])]
    }
}

/// The guard against deciding one ask two ways in the same review.
///
/// Judgement: only accepted against rejected is a CONFLICT (the published positions, supported
/// and noted, would contradict each other). Undecided members conflict with nothing: they are
/// work not done yet. "Under consideration" next to a final decision is reported apart as OPEN:
/// it is legitimate while the work goes on, but it must be settled the same way before the
/// addendum, so `upr check` lists it without failing.
public enum ConsistencyCheck {
    public enum Kind: String, Sendable { case conflict, open }

    public struct Finding: Equatable, Sendable {
        public var kind: Kind
        /// Positions of every member, decided or not.
        public var members: [Int]
    }

    public static func kind(of members: [Int], in ledger: Ledger) -> Kind? {
        // One bit per decision seen: the status line runs this over every cluster on every key.
        let accepted: UInt8 = 1, considering: UInt8 = 2, rejected: UInt8 = 4
        var seen: UInt8 = 0
        for position in members {
            switch ledger.statuses[position] {
            case .accepted: seen |= accepted
            case .underConsideration: seen |= considering
            case .rejected: seen |= rejected
            case nil: break
            }
        }
        if seen & (accepted | rejected) == accepted | rejected { return .conflict }
        if seen & considering != 0, seen != considering { return .open }
        return nil
    }

    /// Every cluster with members decided differently: conflicts first, then open ones.
    public static func findings(_ ledger: Ledger, clusters: ClusterMap) -> [Finding] {
        let all = clusters.clusters.compactMap { members in kind(of: members, in: ledger).map { Finding(kind: $0, members: members) } }
        return all.filter { $0.kind == .conflict } + all.filter { $0.kind == .open }
    }

    /// Positions in a cluster whose members were decided accepted and rejected.
    public static func conflictingPositions(_ ledger: Ledger, clusters: ClusterMap) -> Set<Int> {
        var out = Set<Int>()
        for members in clusters.clusters where kind(of: members, in: ledger) == .conflict { out.formUnion(members) }
        return out
    }

    public static func conflictCount(_ ledger: Ledger, clusters: ClusterMap) -> Int {
        clusters.clusters.reduce(0) { $0 + (kind(of: $1, in: ledger) == .conflict ? 1 : 0) }
    }
}
