import Foundation
import ReviewModel

/// Writes the decision lists and reports in every format; the workbench and `upr export` both
/// come here, so that the same ledger gives the same file whichever wrote it.
public enum DecisionExport {
    /// A text format as text. `positions`: which recommendations (indices into the ledger), in
    /// document order; all by default. `draft`: an addendum is written even while recommendations
    /// are open, saying so, instead of refused.
    public static func render(
        _ ledger: Ledger, format: ExportFormat, status: StatusSelection? = nil, positions: [Int]? = nil, draft: Bool = false
    ) throws -> String {
        let chosen = ExportSelection.positions(ledger, status: format.takesStatus ? status : nil, positions: positions)
        switch format {
        case .ids: return chosen.map { ledger.recommendations[$0].id + "\n" }.joined()
        case .csv: return CSVExport.text(ledger, chosen)
        case .json: return try JSONExport.text(ledger, chosen)
        case .addendum: return try AddendumDraft.text(ledger, positions: chosen, draft: draft)
        case .markdown: return MarkdownReport.text(ledger, chosen, directory: try StateDirectory.bundled())
        case .html: return HTMLReport.text(ledger, chosen, directory: try StateDirectory.bundled())
        case .perState: return PerStateExport.text(ledger, chosen, directory: try StateDirectory.bundled())
        case .xlsx, .ministry, .docx, .briefing, .plan, .midterm: throw ExportError.binary(format)
        }
    }

    /// Any format as the bytes of its file. `document`: what the Word documents need beyond the ledger.
    public static func data(
        _ ledger: Ledger, format: ExportFormat, status: StatusSelection? = nil, positions: [Int]? = nil, draft: Bool = false,
        document: DocumentOptions = DocumentOptions()
    ) throws -> Data {
        if format == .ministry { throw ExportError.needsMinistry }
        if let data = try ImplementationExport.data(ledger, format: format, fileExtension: document.fileExtension, consultation: document.consultation) { return data }
        if format == .docx || format == .briefing {
            // The whole review, as the addendum and the pack always are.
            let all = Array(ledger.recommendations.indices)
            return format == .docx ? try AddendumDocument.data(ledger, positions: all, draft: draft, options: document)
                : try BriefingDocument.data(ledger, positions: all, options: document, directory: try StateDirectory.bundled())
        }
        if format == .csv { return CSVExport.bytes(ledger, ExportSelection.positions(ledger, status: status, positions: positions)) }
        guard format == .xlsx else { return Data(try render(ledger, format: format, status: status, positions: positions, draft: draft).utf8) }
        let chosen = ExportSelection.positions(ledger, status: status, positions: positions)
        return try DecisionWorkbook.data(ledger, chosen, directory: try StateDirectory.bundled())
    }

    /// One workbook per line ministry with recommendations assigned, named after it.
    public static func ministryFiles(_ ledger: Ledger) throws -> [ExportFile] {
        let ministries = ledger.ministries
        let names = SafeFileName.names(for: ministries, fileExtension: "xlsx")
        return try zip(ministries, names).map { ExportFile(name: $1, data: try MinistryWorkbook.data(ledger, ministry: $0)) }
    }

    /// The workbook of one ministry, named as assigned or folded alike (`justice` is not enough:
    /// the whole name). Throws where no recommendation is assigned to it.
    public static func ministryData(_ ledger: Ledger, ministry: String) throws -> Data {
        guard let name = ledger.ministry(named: ministry) else {
            throw ExportError.noSuchMinistry(ministry, known: ledger.ministries)
        }
        return try MinistryWorkbook.data(ledger, ministry: name)
    }

    /// One Markdown file per recommending State, named after it.
    public static func perStateFiles(_ ledger: Ledger, status: StatusSelection? = nil, positions: [Int]? = nil) throws -> [ExportFile] {
        let chosen = ExportSelection.positions(ledger, status: status, positions: positions)
        return PerStateExport.files(ledger, chosen, directory: try StateDirectory.bundled())
    }
}
