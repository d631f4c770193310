import Foundation
import ReviewExport
import ReviewModel
import ReviewRecord

extension WorkbenchState {
    /// The whole public record as a read-only workbench (`upr record`): every ask a recommendation,
    /// the response its decision, the usual keys and filters plus `to:`, `session:`, `response:`,
    /// `issue:`; the detail pane shows how other reviews answered the same ask.
    public static func recordView(_ record: UPRRecord, analyst: String, size: Size) throws -> WorkbenchState {
        let (ledger, facts) = try record.ledger()
        var state = WorkbenchState(ledger: ledger, analyst: analyst, ledgerName: "UPR record", size: size)
        state.search.index.record = facts
        state.record = RecordBox(record: record, review: nil)
        state.readOnlyHolder = "the UPR record"
        return state
    }

    /// The record's own view (nothing in it can be decided).
    var isRecordView: Bool { record != nil && record?.review == nil }
}

/// The record's view writes nothing but exports, into `folder`.
public final class RecordViewEffects: WorkbenchEffects {
    private let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func save(_ ledger: Ledger) throws { throw RecordViewError.readOnly }
    public func saveAll(_ ledger: Ledger) throws { throw RecordViewError.readOnly }

    public func export(_ ledger: Ledger, format: ExportFormat, positions: [Int], now: Date) throws -> String {
        let bytes = try DecisionExport.data(ledger, format: format, positions: positions, draft: true)
        let stamp = Timestamp.iso(now).filter { $0.isNumber }
        var url = folder.appendingPathComponent("upr-record-\(format.rawValue)-\(stamp).\(format.fileExtension)")
        var attempt = 2
        while FileManager.default.fileExists(atPath: url.path) {
            url = folder.appendingPathComponent("upr-record-\(format.rawValue)-\(stamp)-\(attempt).\(format.fileExtension)")
            attempt += 1
        }
        try DurableFile.write(bytes, to: url)
        return url.path
    }

    enum RecordViewError: Error, CustomStringConvertible {
        case readOnly
        var description: String { "the UPR record is read-only" }
    }
}
