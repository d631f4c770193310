import Foundation

/// The threads that read a large ledger's decisions and history while the first reads its
/// recommendations, and make the positions of the IDs once those are read.
extension LedgerFastDecoding {
    /// The decisions and the history of a large ledger, each read on a thread of its own while
    /// the first reads the recommendations: with them, they are nearly all of the file. Each
    /// starts where the survey found the ledger's own layout puts it, on a line
    /// `  "decisions": {` or `  "history": [`; what it read is used only if the reading of the
    /// whole file arrives at that very byte, so a file laid out otherwise reads the same as
    /// without them. The survey is made first, on the decisions' thread (their section is the
    /// shortest); the history's thread waits for it, the first thread only looks.
    final class Early: @unchecked Sendable {
        let decisions = EarlySection<Decisions?>()
        let history = EarlySection<[ChangeEvent]?>()
        let positions = EarlyPositions()
        private let surveyed = DispatchGroup()
        private let decisionsRead = DispatchSemaphore(value: 0)
        private var surveyMade: LedgerSurvey?

        /// `historyLater`: the history is not waited for (`PendingHistory`), so its thread
        /// begins once the decisions are read: until then two threads read what the first
        /// screen needs, and a third would take a share of the two cores from them. (Not by a
        /// lower priority: SCHED_IDLE or nice 19 starve it while anything else keeps the cores
        /// busy, a clustering or another program, and an unprivileged process cannot raise it
        /// again when its history is waited for.)
        init(_ source: JSONSource, historyLater: Bool = false) {
            surveyed.enter()
            Thread.detachNewThread { [self] in
                surveyMade = try? LedgerSurvey(source)
                surveyed.leave()
                let expected = surveyMade?.items(of: .decisions) ?? 0, room = surveyMade?.items(of: .recommendations) ?? 0
                decisions.run(source, at: surveyMade?.start(of: .decisions)) { try LedgerFastDecoding.readDecisions($0, expected: expected, room: room) }
                decisionsRead.signal()
                positions.make()
            }
            Thread.detachNewThread { [self] in
                surveyed.wait()
                if historyLater { decisionsRead.wait() }
                let expected = surveyMade?.items(of: .history) ?? 0
                history.run(source, at: surveyMade?.start(of: .history)) { try LedgerFastDecoding.readHistory($0, expected: expected) }
            }
        }

        /// The survey, if it is done; never waits.
        func survey() -> LedgerSurvey? {
            surveyed.wait(timeout: .now()) == .success ? surveyMade : nil
        }

        func wait() {
            waitAllButHistory()
            history.wait()
        }

        /// Where the history is left to a `PendingHistory`.
        func waitAllButHistory() {
            // A reading that ended early (a Mismatch) gives no list: the thread must not wait for one.
            positions.give(nil)
            decisions.wait()
            positions.wait()
        }
    }

    /// The position of each ID of the recommendations the reading gives, made on one of
    /// `Early`'s threads once they are read.
    final class EarlyPositions: @unchecked Sendable {
        private var list: [Recommendation]?
        private var result: IDIndex?
        private var given = false, waited = false
        private let handed = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)

        /// From the reading thread, once (later calls are ignored).
        func give(_ list: [Recommendation]?) {
            guard !given else { return }
            given = true
            self.list = list
            handed.signal()
        }

        /// On an `Early` thread: waits for the list, then makes the positions.
        func make() {
            handed.wait()
            if let list { result = LedgerFastDecoding.positions(of: list) }
            list = nil
            done.signal()
        }

        func wait() {
            guard !waited else { return }
            done.wait()
            waited = true
        }

        /// The positions, nil where an ID is there twice (or no list was given).
        func made() -> IDIndex? {
            wait()
            return result
        }
    }

    final class EarlySection<Value>: @unchecked Sendable {
        private var start = -1
        private var read: (value: Value, end: Int)?
        private let done = DispatchSemaphore(value: 0)
        private var waited = false

        /// Reads the section from `start`, on the calling thread (one of `Early`'s).
        func run(_ source: JSONSource, at start: Int?, _ reader: (JSONWindow) throws -> Value) {
            defer { done.signal() }
            guard let start else { return }
            self.start = start
            let window = source.window(at: start)
            read = (try? reader(window)).map { ($0, window.offset) }
        }

        func wait() {
            guard !waited else { return }
            done.wait()
            waited = true
        }

        /// What was read and where it ends, if the reading here starts at `position`: moved out
        /// (asked once), so that the caller's is the only reference to it.
        func result(from position: Int) -> (value: Value, end: Int)? {
            wait()
            defer { read = nil }
            return position == start ? read : nil
        }
    }
}
