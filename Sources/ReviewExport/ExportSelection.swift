import Foundation
import ReviewModel

/// Which recommendations an export covers: the given positions (all by default), in document
/// order, cut down to one state of work where asked.
enum ExportSelection {
    static func positions(_ ledger: Ledger, status: StatusSelection?, positions: [Int]?) -> [Int] {
        let all = positions ?? Array(ledger.recommendations.indices)
        guard let status else { return all }
        return all.filter { status.matches(ledger.status(of: ledger.recommendations[$0].id)) }
    }
}
