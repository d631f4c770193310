import Foundation

/// What a line ministry sent back for one recommendation: a decision it proposes (or none, where
/// it only comments) and a note, with the file and spreadsheet row it came from. Not a decision
/// until an analyst takes it (`Ledger.takeProposal`).
public struct Proposal: Codable, Equatable, Sendable {
    public var id: String
    public var decision: DecisionStatus?
    public var note: String
    public var ministry: String
    /// The file's name (not its path: the ledger travels) and the row in it (1 is the header).
    public var file: String
    public var line: Int
    /// When it was imported (UTC, whole seconds).
    public var at: Date
    /// Progress on the plan, from the sheet's implementation columns (`ProgressProposal`).
    public var progress: ProgressProposal?

    public init(id: String, decision: DecisionStatus?, note: String = "", ministry: String, file: String, line: Int, at: Date,
                progress: ProgressProposal? = nil) {
        self.progress = progress.flatMap { $0.isEmpty ? nil : $0 }
        self.id = id
        self.decision = decision
        self.note = note
        self.ministry = ministry
        self.file = file
        self.line = line
        self.at = Timestamp.wholeSeconds(at)
    }

    /// `proposal of Ministry of Justice (moj.xlsx:14)`: what the history says a taken change came from.
    public var source: String { "proposal of \(ministry) (\(file):\(line))" }

    /// `accepted, note: "…"`.
    public var summary: String {
        var parts = [decision?.label ?? "no decision"]
        if !note.isEmpty { parts.append("note: \(note)") }
        if let progress { parts.append(progress.summary) }
        return parts.joined(separator: ", ")
    }
}

/// The spoken forms a ministry may write in the Proposed decision cell.
public enum ProposedDecision {
    /// nil where the word is none of the known ones; an empty cell is `.some(nil)`.
    public static func parse(_ text: String) -> DecisionStatus?? {
        let folded = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .split(separator: " ").joined(separator: " ")
        switch folded {
        case "": return .some(nil)
        case "accepted", "supported", "accept", "support", "yes": return .some(.accepted)
        case "rejected", "noted", "reject", "no": return .some(.rejected)
        case "under consideration", "uc", "consider", "considering": return .some(.underConsideration)
        default: return nil
        }
    }

    public static let accepted = "accepted/supported/accept/yes, rejected/noted/reject/no, under consideration/uc/consider, or empty"
}

/// The layout of the sheet a ministry receives and sends back, shared by the export (ReviewExport)
/// and the import (ReviewImport) so that they cannot drift apart.
public enum MinistrySheetLayout {
    public static let columns = ["ID", "Recommending States", "Recommendation", "Current decision", "Proposed decision", "Note", "Checksum"]
    public static let idColumn = 0, textColumn = 2, proposedColumn = 4, noteColumn = 5, checksumColumn = 6
    /// The second sheet, naming the ministry (a CSV saved from the first sheet loses it).
    public static let aboutSheet = "About"
    public static let ministryLabel = "Ministry"

    /// Whether a header row is that of a ministry sheet (the first six titles, case-insensitive).
    public static func isHeader(_ row: [String]) -> Bool {
        let wanted = columns.prefix(6).map { $0.lowercased() }
        let found = row.prefix(6).map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        return Array(found) == wanted
    }

    /// FNV-1a (64 bits) over the ID, a unit separator and the text, as 16 hex digits: binds a row's
    /// ID to its text, so that an edited ID or text is told apart from a recommendation re-imported
    /// since the export. Not a secret and not a signature: it catches slips, not forgery.
    public static func checksum(id: String, text: String) -> String {
        FNV1a.hex(FNV1a.hash((id + "\u{1F}" + normalized(text)).utf8))
    }

    /// Spreadsheets may turn line ends into CRLF and trim the cell: compared without those.
    public static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
