import Foundation

/// The workbench's ledger and the store's `saved` begin as one value sharing its lists (as do
/// `saved` and a background fold's snapshot): the first change on either side would then copy
/// every decision and change on a key (a tenth of a second at 420,000). So `saved` gets lists of
/// its own, copied on a thread of its own and taken on the loop's next turn where nothing was
/// recorded meanwhile (otherwise that change has copied them already).
extension LedgerStore {
    public func separateInBackground() {
        let copy = SeparateCopy(of: saved, changes: savedChanges)
        separating = copy
        Thread.detachNewThread { copy.make() }
    }

    /// On the loop's turns (`LedgerEffects.foldIfDue`): takes the copy if it is made.
    public func adoptSeparateCopy() {
        guard let copy = separating, let made = copy.take() else { return }
        separating = nil
        guard copy.changes == savedChanges else { return }
        saved = made
    }

    final class SeparateCopy: @unchecked Sendable {
        private let lock = NSLock()
        private var source: Ledger?
        private var made: Ledger?
        /// `savedChanges` when the copy was begun.
        let changes: Int

        init(of ledger: Ledger, changes: Int) {
            source = ledger
            self.changes = changes
        }

        func make() {
            let copy: Ledger?
            do {
                let original = lock.withLock { source }
                copy = original?.unshared()
            }
            // The original let go first: the workbench's lists are then its own alone.
            lock.withLock {
                source = nil
                made = copy
            }
        }

        func take() -> Ledger? { lock.withLock { made } }
    }
}
