import Foundation

/// Decides what kind of document a file is, from its content first and its name second, and says
/// why, so the import report can tell the analyst which reader it chose.
public enum SourceDetection {
    public static func detect(_ data: Data, file: String) throws -> (format: SourceFormat, reason: String) {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw ImportError.empty(file: file) }
        if data.starts(with: Array("%PDF".utf8)) { return (.reportPDF, "PDF file") }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return (.thematicList, "Office (zip) file") }
        if data.prefix(8192).contains(0) { throw ImportError.binary(file: file) }
        let head = String(decoding: data.prefix(16_384), as: UTF8.self)
        let folded = head.lowercased()
        if folded.hasPrefix("{") && folded.contains("\"schemaversion\"") {
            throw ImportError.notRecognized(file: file, reason: "this is a upr ledger already; open it with --ledger \(file)")
        }
        let firstLine = folded.prefix { $0 != "\n" && $0 != "\r" }
        if file.lowercased().hasSuffix(".csv") || looksLikeHeaderRow(firstLine) {
            return (.uprInfoCSV, "CSV with a header row")
        }
        if folded.contains("views on conclusions and/or recommendations") || folded.contains("/add.1") || folded.contains("addendum") {
            return (.addendum, "addendum (“Views on conclusions and/or recommendations”)")
        }
        if folded.contains("working group on the universal periodic review") {
            return (.reportText, "Working Group report text")
        }
        return (.reportText, "plain text; read as a Working Group report")
    }

    /// A row of column names: four or more short fields, one naming the text and one the response
    /// or a State (`Recommendation,Recommending State,Response,…`). A report's first line with
    /// commas in it (a footnote on the front page) is no such row.
    static func looksLikeHeaderRow(_ line: Substring) -> Bool {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \t")) }
        guard fields.count >= 4, fields.allSatisfy({ $0.count <= 40 }) else { return false }
        let text = fields.contains { $0.contains("recommendation") || $0 == "text" }
        let other = fields.contains { $0.contains("response") || $0.contains("state") || $0 == "from" || $0 == "to" }
        return text && other
    }

    /// The `--format` spellings.
    public static func format(named name: String) -> SourceFormat? {
        switch name.lowercased() {
        case "report", "report-text", "text", "txt": .reportText
        case "pdf", "report-pdf": .reportPDF
        case "addendum", "add1": .addendum
        case "thematic", "thematic-list", "docx": .thematicList
        case "uprinfo", "uprinfo-csv", "csv": .uprInfoCSV
        default: nil
        }
    }
}
