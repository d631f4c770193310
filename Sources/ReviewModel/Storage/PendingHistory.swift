import Foundation

extension LedgerFastDecoding {
    /// A large ledger's history, still being read on its own thread when the rest of the file is
    /// read: the workbench draws its first screen meanwhile, and takes the history before any
    /// key (`LedgerStore.completeHistory`). The reading goes on past the history at the line
    /// where the survey found it closes; the history counts only if its own reading ends at that
    /// very byte, and anything else is read again by the whole strict reading.
    final class PendingHistory: @unchecked Sendable {
        private let section: EarlySection<[ChangeEvent]?>
        private let start: Int, end: Int
        private var descriptor: Int32?
        private var taken = false

        init(_ section: EarlySection<[ChangeEvent]?>, start: Int, end: Int) {
            self.section = section
            self.start = start
            self.end = end
        }

        /// Where the history value starting at `start` ends, if the file is laid out as upr
        /// writes it (the history's thread began there, and its closing line, `  ]`, was found);
        /// else nil, and the history is read in turn.
        static func end(of early: Early, from start: Int, in window: JSONWindow) throws -> Int? {
            guard let survey = early.survey(), survey.start(of: .history) == start, let close = survey.close(of: .history),
                  close > start, try window.source.bytes(at: close, count: 3) == Array("  ]".utf8) else { return nil }
            return close + 3
        }

        /// The file the thread reads, closed once it is done.
        func closeWhenRead(_ descriptor: Int32) { self.descriptor = descriptor }

        /// Waits for the thread; the history where its reading went well and ended where the
        /// rest of the file's reading went on, else nil. Once.
        func history() -> [ChangeEvent]? {
            precondition(!taken, "a pending history is taken once")
            taken = true
            let read = section.result(from: start)
            closeFile()
            guard let read, read.end == end, let history = read.value else { return nil }
            return history
        }

        private func closeFile() {
            if let descriptor { close(descriptor) }
            descriptor = nil
        }

        deinit {
            // Not taken (the workbench did not start): the thread still reads through the file.
            section.wait()
            closeFile()
        }
    }
}
