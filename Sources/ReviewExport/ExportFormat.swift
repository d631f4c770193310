import Foundation

/// What `upr export` and the workbench can write.
public enum ExportFormat: String, CaseIterable, Sendable {
    case ids, csv, json, addendum, xlsx, markdown, html
    case perState = "per-state"
    /// One XLSX per line ministry, for it to propose decisions in (`MinistryWorkbook`).
    case ministry
    /// The addendum as a Word document (`AddendumDocument`), and the briefing pack per recommending State.
    case docx, briefing
    /// After the review: the national plan matrix (XLSX, or Word as FILE.docx) and the mid-term
    /// report (Word, or HTML as FILE.html): `ImplementationExport`.
    case plan, midterm

    public var fileExtension: String {
        switch self {
        case .ids, .addendum: "txt"
        case .csv: "csv"
        case .json: "json"
        case .xlsx, .ministry: "xlsx"
        case .markdown, .perState: "md"
        case .html: "html"
        case .docx, .briefing, .midterm: "docx"
        case .plan: "xlsx"
        }
    }

    /// Bytes that make no sense on a terminal: written to a file only.
    public var isBinary: Bool { self == .xlsx || self == .ministry || self == .docx || self == .briefing || self == .plan || self == .midterm }

    /// Lists that can be cut down to one decision. The addendum and the reports always cover the
    /// whole review: a partial one would read as complete.
    public var takesStatus: Bool {
        switch self {
        case .ids, .csv, .json, .xlsx, .perState: true
        case .addendum, .markdown, .html, .ministry, .docx, .briefing, .plan, .midterm: false
        }
    }
}
