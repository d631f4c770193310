import Foundation

/// One row of a UPR Info database export: one recommendation as one recommending State made it.
public struct UPRInfoRow: Equatable, Sendable {
    public var stateUnderReview: String
    public var recommendingState: String
    public var text: String
    /// As published: `Accepted`, `Noted` (older exports may say `Supported`, `Rejected`, or leave it empty).
    public var response: String
    public var session: Int?
    public var issues: [String]
    /// Line of the file where the row starts (1-based; the header is line 1).
    public var line: Int

    public init(stateUnderReview: String, recommendingState: String, text: String, response: String,
                session: Int?, issues: [String], line: Int) {
        self.stateUnderReview = stateUnderReview
        self.recommendingState = recommendingState
        self.text = text
        self.response = response
        self.session = session
        self.issues = issues
        self.line = line
    }
}

/// Reads UPR Info database exports (`To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session`).
public enum UPRInfoCSV {
    /// The rows of one export, in file order. UTF-8, or a legacy 8-bit encoding (Windows-1252,
    /// Latin-1, Mac Roman), with CR, LF or CRLF line ends.
    public static func rows(_ url: URL) throws -> (rows: [UPRInfoRow], warnings: [ImportWarning]) {
        let file = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImportError.unreadable(file: file, reason: error.localizedDescription)
        }
        let records = try CSVReader.records(TextDecoding.decode(data, file: file), file: file) { header in
            (try? Columns(header: header, file: file)).map { Set($0.used) } ?? []
        }
        guard let header = records.first else { throw ImportError.empty(file: file) }
        let columns = try Columns(header: header.fields, file: file)
        var rows: [UPRInfoRow] = []
        var warnings: [ImportWarning] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            guard record.fields.count > columns.last else {
                warnings.append(ImportWarning(file: file, line: record.line,
                                              message: "\(record.fields.count) fields where the header has \(header.fields.count); row skipped"))
                continue
            }
            let fields = record.fields
            let session = columns.session.map { trimmed(fields[$0]) } ?? ""
            if !session.isEmpty, Int(session).map({ !(1...999).contains($0) }) ?? true {
                warnings.append(ImportWarning(file: file, line: record.line, message: "session “\(session)” is not a session number (1 to 999); left out"))
            }
            let issues = columns.issue.map { fields[$0].split(separator: ",").map { trimmed(String($0)) } } ?? []
            rows.append(UPRInfoRow(stateUnderReview: trimmed(fields[columns.to]), recommendingState: trimmed(fields[columns.from]),
                                   text: trimmed(fields[columns.text]), response: trimmed(fields[columns.response]),
                                   session: Int(session).flatMap { (1...999).contains($0) ? $0 : nil }, issues: issues.filter { !$0.isEmpty }, line: record.line))
        }
        return (rows, warnings)
    }

    /// Without the white space at either end. (Foundation's `trimmingCharacters` made reading the
    /// 41,000 rows of the session exports four times slower in release builds on Linux.)
    static func trimmed(_ text: String) -> String {
        // Most fields begin and end with a printable ASCII byte: nothing to look up per character.
        if let head = text.utf8.first, let tail = text.utf8.last, (0x21..<0x7f).contains(head), (0x21..<0x7f).contains(tail) { return text }
        if let trimmed = asciiTrimmed(text) { return trimmed }
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return first == text.startIndex && last == text.index(before: text.endIndex) ? text : String(text[first...last])
    }

    /// `trimmed` on the bytes where white space at the ends is ASCII and what it leaves begins and
    /// ends with ASCII (which no mark combines with); nil otherwise, for the long way.
    private static func asciiTrimmed(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            guard start < end else { return "" }
            guard bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
            return start == 0 && end == bytes.count ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// `Accepted`/`Supported` → supported, `Noted`/`Rejected` → noted, anything else → nil.
    static func position(_ response: String) -> PublishedPosition? {
        switch MatchKey.key(response) {
        case "accepted", "supported", "accept", "support": .supported
        case "noted", "rejected", "note", "reject": .noted
        default: nil
        }
    }

    /// Where the needed columns are, found by their header names.
    private struct Columns {
        var to: Int, text: Int, from: Int, response: Int
        var session: Int?, issue: Int?
        var last: Int { used.max()! }
        var used: [Int] { [to, text, from, response, session ?? 0, issue ?? 0] }

        init(header: [String], file: String) throws {
            let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            func column(_ name: String) -> Int? { names.firstIndex(of: name) }
            guard let to = column("to"), let text = column("text"), let from = column("from"), let response = column("response") else {
                throw ImportError.notRecognized(file: file, reason: "not a UPR Info export: line 1 should name the columns To, Text, From and Response (found: \(header.prefix(12).joined(separator: ", ").prefix(120)))")
            }
            (self.to, self.text, self.from, self.response) = (to, text, from, response)
            session = column("session")
            issue = column("issue") ?? column("issues")
        }
    }
}
