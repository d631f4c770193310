import Foundation
import ReviewModel

/// Reads a consultation sheet (xlsx, or CSV): a header with ID, Organization, Comment and Date
/// (in any order, case ignored; Date may be left out), then a comment per row. Every row is
/// checked: an unknown ID, an empty organization or comment, a date that is not a day are
/// reported with the file and row, and such a row gives no comment.
public enum ConsultationImport {
    public struct Result: Equatable, Sendable {
        public var comments: [Entry]
        public var problems: [String]
    }

    public struct Entry: Equatable, Sendable {
        public var id: String
        public var comment: ConsultationComment
    }

    public static func read(_ url: URL, ledger: Ledger) throws -> Result {
        let file = url.lastPathComponent
        let table = try MinistrySheetImport.table(url)
        guard let header = table.rows.first else { throw ImportError.empty(file: file) }
        let titles = header.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        func column(_ names: [String]) -> Int? { titles.firstIndex { names.contains($0) } }
        guard let idColumn = column(["id", "recommendation id", "recommendation"]),
              let organizationColumn = column(["organization", "organisation", "from", "author"]),
              let commentColumn = column(["comment", "comments"]) else {
            throw ImportError.notRecognized(file: file, reason: "not a consultation sheet: the first row should name the columns ID, Organization, Comment (and Date)")
        }
        let dateColumn = column(["date", "day"])
        var comments: [Entry] = [], problems: [String] = []
        for row in table.rows.dropFirst() where row.cells.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            func cell(_ index: Int?) -> String {
                guard let index, index < row.cells.count else { return "" }
                return MinistrySheetLayout.normalized(row.cells[index])
            }
            let place = "\(file):\(row.number)"
            var id = cell(idColumn)
            if id.hasSuffix(".") { id.removeLast() }
            let organization = cell(organizationColumn), text = cell(commentColumn), day = cell(dateColumn)
            var found: [String] = []
            if !ledger.contains(id) { found.append(id.isEmpty ? "the ID is empty" : "unknown ID \(id): no such recommendation in the ledger") }
            if organization.isEmpty { found.append("the organization is empty (write who commented, or \"individual\")") }
            if text.isEmpty { found.append("the comment is empty") }
            let date = day.isEmpty ? nil : String(day.prefix(10))
            if let date, !Ledger.isCalendarDay(date) { found.append("'\(day)' is not a date; write it as 2026-03-15") }
            problems += found.map { "\(place): \($0)" }
            guard found.isEmpty else { continue }
            comments.append(Entry(id: id, comment: ConsultationComment(organization: organization, comment: text, date: date, file: file, line: row.number)))
        }
        return Result(comments: comments, problems: problems)
    }
}
