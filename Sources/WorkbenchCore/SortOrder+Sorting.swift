import ReviewModel

extension SortOrder {
    /// Positions in this order; ties keep document order, so the list never jumps about.
    static func sorted(_ positions: [Int], by order: SortOrder, in ledger: Ledger) -> [Int] {
        switch order {
        case .document:
            return positions
        case .state:
            return stable(positions) { ledger.recommendations[$0].states.first ?? "" }
        case .decision:
            let rank: (DecisionStatus?) -> Int = { status in
                switch status {
                case nil: 0
                case .underConsideration: 1
                case .accepted: 2
                case .rejected: 3
                }
            }
            return stable(positions) { String(rank(ledger.status(of: ledger.recommendations[$0].id))) }
        case .theme:
            return stable(positions) { ledger.recommendations[$0].themes.first ?? "~" }
        }
    }

    private static func stable(_ positions: [Int], key: (Int) -> String) -> [Int] {
        positions.map { (key($0), $0) }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1)
    }
}
