import Foundation
import ReviewModel

/// Reads back the workbook a line ministry filled in (`upr export --format ministry`), as .xlsx
/// (rewritten by Excel or LibreOffice or not) or saved as CSV, and turns each row with a proposed
/// decision or a note into a `Proposal`, after checking the sheet against the ledger: rows deleted,
/// IDs changed or unknown, texts changed, decisions misspelled, IDs twice. A row with a problem
/// gives no proposal; every problem is reported with the file and row.
public enum MinistrySheetImport {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var file: String
        /// The spreadsheet row (xlsx) or the line (csv); nil for what is missing from the sheet.
        public var row: Int?
        public var id: String?
        public var message: String

        public var description: String { "\(file)\(row.map { ":\($0)" } ?? ""): \(message)" }
    }

    public struct Result: Equatable, Sendable {
        public var file: String
        public var ministry: String
        /// Rows read (the header left out, empty rows too).
        public var rows: Int
        public var proposals: [Proposal]
        public var problems: [Problem]
    }

    /// Whether a file is a ministry sheet: an .xlsx whose first sheet, or a CSV whose first
    /// record, has the sheet's header.
    public static func looksLikeMinistrySheet(_ url: URL) -> Bool {
        guard let table = try? table(url, firstRecordOnly: true) else { return false }
        return table.rows.first.map { MinistrySheetLayout.isHeader($0.cells) } ?? false
    }

    /// `ministry`: whose sheet it is where the file does not say (a CSV has no About sheet);
    /// otherwise that of the About sheet, else the one the sheet's IDs are assigned to.
    public static func read(_ url: URL, ledger: Ledger, ministry: String? = nil, at date: Date) throws -> Result {
        let file = url.lastPathComponent
        let table = try table(url)
        guard let header = table.rows.first, MinistrySheetLayout.isHeader(header.cells) else {
            throw ImportError.notRecognized(file: file, reason: "not a ministry sheet: the first row should be \(MinistrySheetLayout.columns.prefix(6).joined(separator: ", "))")
        }
        let dataRows = table.rows.dropFirst().filter { $0.cells.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
        let name = try whose(file: file, given: ministry, about: table.ministry, ids: dataRows.map { id($0.cells) }, ledger: ledger)

        var byChecksum: [String: String] = [:]
        for recommendation in ledger.recommendations {
            byChecksum[MinistrySheetLayout.checksum(id: recommendation.id, text: recommendation.text)] = recommendation.id
        }
        var problems: [Problem] = [], proposals: [Proposal] = []
        var seen: [String: Int] = [:]
        let hasProgress = MinistryProgressColumns.present(in: header.cells)
        var accounted: Set<String> = []
        let letter = table.isCSV ? { (column: Int) in "column \((MinistrySheetLayout.columns + MinistryProgressColumns.titles)[column])" } : { (column: Int) in "cell " + columnLetter(column) }
        for row in dataRows {
            func cell(_ column: Int) -> String { column < row.cells.count ? row.cells[column] : "" }
            func place(_ column: Int) -> String { table.isCSV ? letter(column) : letter(column) + "\(row.number)" }
            var found: [String] = []
            let id = id(row.cells)
            let checksum = cell(MinistrySheetLayout.checksumColumn).trimmingCharacters(in: .whitespacesAndNewlines)
            let text = cell(MinistrySheetLayout.textColumn)
            let origin = byChecksum[checksum]
            if let origin { accounted.insert(origin) }
            if id.isEmpty {
                found.append("the ID (\(place(0))) is empty" + (origin.map { "; this row was \($0)" } ?? ""))
            } else if let earlier = seen[id] {
                found.append("ID \(id) appears twice (also \(table.isCSV ? "line" : "row") \(earlier))")
            } else if let origin, origin != id {
                found.append("the ID was changed from \(origin) to \(id) (\(place(0)))")
            } else if !ledger.contains(id) {
                found.append("unknown ID \(id) (\(place(0))): no such recommendation in the ledger")
            } else {
                accounted.insert(id)
                let assigned = ledger.record(for: id)?.ministry
                let ledgerText = ledger.recommendation(id)!.text
                if assigned != name {
                    found.append("\(id) is not assigned to \(name) (now: \(assigned ?? "no ministry")); it was reassigned since the export, or the ID was changed")
                } else if MinistrySheetLayout.normalized(text) != MinistrySheetLayout.normalized(ledgerText) {
                    if checksum == MinistrySheetLayout.checksum(id: id, text: text) {
                        found.append("the text of \(id) has changed in the ledger since this sheet was exported (a corrected report?); export the sheet again")
                    } else {
                        found.append("the text of \(id) was edited (\(place(MinistrySheetLayout.textColumn))); a ministry proposes a decision, it does not change the recommendation")
                    }
                } else if checksum != MinistrySheetLayout.checksum(id: id, text: ledgerText) {
                    found.append("the Checksum of \(id) (\(place(MinistrySheetLayout.checksumColumn)), a hidden column) was changed or removed; export the sheet again")
                }
            }
            if !id.isEmpty && seen[id] == nil { seen[id] = row.number }
            let word = cell(MinistrySheetLayout.proposedColumn)
            let decision = ProposedDecision.parse(word)
            if decision == nil {
                found.append("'\(word.trimmingCharacters(in: .whitespacesAndNewlines))' in \(place(MinistrySheetLayout.proposedColumn)) is not a decision; write \(ProposedDecision.accepted)")
            }
            let progress = hasProgress ? MinistryProgressImport.read(cell, place, id: id, ledger: ledger, problems: &found) : nil
            problems += found.map { Problem(file: file, row: row.number, id: id.isEmpty ? nil : id, message: $0) }
            let note = MinistrySheetLayout.normalized(cell(MinistrySheetLayout.noteColumn))
            guard found.isEmpty, let decision, decision != nil || !note.isEmpty || progress != nil else { continue }
            proposals.append(Proposal(id: id, decision: decision, note: note, ministry: name, file: file, line: row.number, at: date, progress: progress))
        }
        for missing in ledger.ids(assignedTo: name) where !accounted.contains(missing) {
            problems.append(Problem(file: file, row: nil, id: missing, message: "\(missing), assigned to \(name), is missing from the sheet (a row was deleted?)"))
        }
        return Result(file: file, ministry: name, rows: dataRows.count, proposals: proposals, problems: problems)
    }

    private static func id(_ cells: [String]) -> String {
        var id = (cells.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if id.hasSuffix(".") { id.removeLast() }
        return id
    }

    private static func columnLetter(_ column: Int) -> String { String(UnicodeScalar(UInt8(65 + column))) }

    /// The ministry: given, else the About sheet, else the one every known ID is assigned to.
    private static func whose(file: String, given: String?, about: String?, ids: [String], ledger: Ledger) throws -> String {
        if let wanted = given ?? about {
            guard let name = ledger.ministry(named: wanted) else {
                let known = ledger.ministries
                throw ImportError.notRecognized(file: file, reason: "the sheet is for '\(wanted)', but no recommendation is assigned to it" + (known.isEmpty ? "" : " (assigned: \(known.joined(separator: ", ")))"))
            }
            return name
        }
        let assigned = Set(ids.compactMap { ledger.record(for: $0)?.ministry })
        guard assigned.count == 1, let only = assigned.first else {
            throw ImportError.notRecognized(file: file, reason: assigned.isEmpty
                ? "cannot tell whose sheet this is: none of its IDs is assigned to a ministry; name it with --ministry"
                : "cannot tell whose sheet this is (its IDs are assigned to \(assigned.sorted().joined(separator: ", "))); name it with --ministry")
        }
        return only
    }

    // MARK: Reading either format

    struct Table {
        var rows: [XLSXCells.Row]
        var ministry: String?
        var isCSV: Bool
    }

    /// `firstRecordOnly`: of a CSV, the header alone is read (to tell what the file is, without
    /// reading the whole of a large one).
    static func table(_ url: URL, firstRecordOnly: Bool = false) throws -> Table {
        let file = url.lastPathComponent
        var data: Data
        if firstRecordOnly, let head = try? FileHandle(forReadingFrom: url).read(upToCount: 1 << 16),
           !head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // A CSV's header alone tells: the file's first 64 KB, not the file.
            data = firstCSVRecord(head)
        } else {
            data = try InputLimits.read(url, file: file)
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let workbook = try XLSXCells.read(url, file: file)
            guard let first = workbook.sheets.first else { throw ImportError.notRecognized(file: file, reason: "a workbook without sheets") }
            let about = workbook.sheets.first { $0.name == MinistrySheetLayout.aboutSheet }?.rows
                .first { $0.cells.first == MinistrySheetLayout.ministryLabel }.flatMap { $0.cells.count > 1 ? $0.cells[1] : nil }
            return Table(rows: first.rows, ministry: about, isCSV: false)
        }
        let text = try TextDecoding.decode(data, file: file)
        let records = try CSVReader.records(text, file: file)
        return Table(rows: records.map { XLSXCells.Row(number: $0.line, cells: $0.fields) }, ministry: nil, isCSV: true)
    }

    /// The bytes up to the first line break outside quotes (after any blank lines): the encodings
    /// read here all write quotes and line breaks as ASCII does.
    static func firstCSVRecord(_ data: Data) -> Data {
        var quoted = false, started = false
        for (offset, byte) in data.enumerated() {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == 0x0A || byte == 0x0D {
                if !quoted && started { return data.prefix(offset) }
            } else {
                started = true
            }
        }
        return data
    }
}
