import Foundation
import ReviewModel
import ReviewRecord

/// `upr record import`: every row of UPR Info exports (every review, every session) into one
/// `UPRRecord`, read by the same `UPRInfoCSV` as `upr import` and grouped the same way (one
/// review's rows with the same text are one ask), every State name through the `StateDirectory`.
public enum RecordImport {
    public struct Report: Sendable {
        public var rows = 0
        public var asks = 0
        public var reviews = 0
        public var statesUnderReview = 0
        public var recommendingStates = 0
        public var sessions: ClosedRange<Int>?
        /// Names the directory does not know (kept as spelled), each with its first `file:line`.
        public var unmapped: [ImportWarning] = []
        public var warnings: [ImportWarning] = []

        public var summary: String {
            let span = sessions.map { " (sessions \($0.lowerBound)-\($0.upperBound))" } ?? ""
            return "\(rows) rows read: \(asks) recommendations in \(reviews) reviews\(span) of \(statesUnderReview) States, made by \(recommendingStates) States"
        }
    }

    public static func record(from files: [URL], states directory: StateDirectory) throws -> (UPRRecord, Report) {
        var rows: [(row: UPRInfoRow, file: String)] = []
        var report = Report()
        for url in files {
            let read = try UPRInfoCSV.rows(url)
            guard !read.rows.isEmpty else { throw ImportError.empty(file: url.lastPathComponent) }
            rows += read.rows.map { ($0, url.lastPathComponent) }
            report.warnings += read.warnings
        }
        var seenUnmapped = Set<String>()
        var resolved: [String: String] = [:]
        func canonical(_ name: String, _ file: String, _ line: Int) -> String {
            if let known = resolved[name] { return known }
            let entry = directory.resolve(name)
            if entry == nil, seenUnmapped.insert(name).inserted {
                report.unmapped.append(ImportWarning(file: file, line: line, message: "State “\(name)” matches no State of the list; kept as spelled"))
            }
            resolved[name] = entry?.name ?? name
            return resolved[name]!
        }
        // One review is a State under review in one session, its rows wherever they are.
        var byReview: [String: [(row: UPRInfoRow, file: String)]] = [:], order: [String] = []
        for item in rows {
            let key = "\(item.row.session ?? 0)|\(canonical(item.row.stateUnderReview, item.file, item.row.line))"
            if byReview[key] == nil { order.append(key) }
            byReview[key, default: []].append(item)
        }
        var builder = RecordBuilder()
        builder.rowCount = rows.count
        var recommending = Set<String>()
        // The grouping of `upr import`: same text, same review → one recommendation. A review at a
        // time on every core (folding the texts is a third of the import), then in order.
        let groups = order.map { byReview[$0]! }
        var documents = [ImportedDocument?](repeating: nil, count: groups.count)
        documents.withUnsafeMutableBufferPointer { out in
            let slots = SendableSlots(out)
            DispatchQueue.concurrentPerform(iterations: groups.count) { index in
                let first = groups[index][0]
                slots.base[index] = UPRInfoCSV.document(groups[index].map(\.row), stateUnderReview: first.row.stateUnderReview,
                                                        session: first.row.session, file: first.file)
            }
        }
        for (items, document) in zip(groups, documents.map { $0! }) {
            let first = items[0]
            let state = canonical(first.row.stateUnderReview, first.file, first.row.line)
            let session = first.row.session ?? 0
            for imported in document.recommendations {
                let states = imported.states.map { canonical($0, first.file, imported.line) }
                recommending.formUnion(states)
                let response: UPRRecord.Response = switch imported.position {
                case .supported?, .supportedImplemented?: .supported
                case .noted?: .noted
                case nil: .unknown
                }
                builder.add(.init(stateUnderReview: state, session: session, text: imported.text, recommendingStates: states,
                                  issues: imported.themes, response: response))
            }
            report.warnings += document.warnings
        }
        let record = builder.build()
        report.rows = rows.count
        report.asks = record.askCount
        report.reviews = record.reviews.count
        report.statesUnderReview = record.reviewedStateCount
        report.recommendingStates = recommending.count
        report.sessions = record.sessions
        return (record, report)
    }
}

/// Lets the parallel grouping write disjoint slots of one buffer.
private struct SendableSlots<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T>
    init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
}
