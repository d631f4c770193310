import Foundation

/// One record of a CSV file: its fields, and the line where it starts (1-based).
struct CSVRecord: Equatable {
    var fields: [String]
    var line: Int
}

/// An RFC 4180 reader (comma, `"` quoting with `""` for a quote, line breaks inside quotes) that
/// accepts CR, LF and CRLF line ends and says on which line each record starts.
///
/// Written here rather than taken from SwiftCSV or CSV.swift because neither reports line numbers
/// (needed for `file:line` messages), and both step through one Character or Unicode scalar at a
/// time, which is slow on the 2 MB UPR Info files in debug builds. This one scans UTF-8 bytes.
enum CSVReader {
    /// `columns`: given the header (the first record), the columns whose fields the caller reads;
    /// the others are left empty in every later record (the first column is always read, so that a
    /// blank line stays told from a record). Making only the needed fields halves an import.
    static func records(_ text: String, file: String, columns: (([String]) -> Set<Int>)? = nil) throws -> [CSVRecord] {
        var text = text
        return try text.withUTF8 { try parse($0, file: file, columns: columns) }
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, columns: (([String]) -> Set<Int>)?) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var wanted: Set<Int>?
        var value: [UInt8] = []
        /// Whether the field about to be read is made (else it is left empty).
        func made() -> Bool { fields.isEmpty || wanted?.contains(fields.count) ?? true }
        var line = 1, recordLine = 1
        var index = 0
        let count = bytes.count

        /// Index of the next comma, CR or LF at or after `start`.
        func fieldEnd(from start: Int) -> Int {
            var end = start
            while end < count, bytes[end] != comma, bytes[end] != cr, bytes[end] != lf { end += 1 }
            return end
        }
        func endRecord() {
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(fields: fields, line: recordLine))
                if records.count == 1, let columns { wanted = columns(fields) }
            }
            fields.removeAll(keepingCapacity: true)
        }

        while index < count {
            if fields.isEmpty { recordLine = line }
            if bytes[index] == quote {
                value.removeAll(keepingCapacity: true)
                index += 1
                var closed = false
                while index < count {
                    var run = index
                    while run < count, bytes[run] != quote, bytes[run] != cr, bytes[run] != lf { run += 1 }
                    value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<run]))
                    index = run
                    guard index < count else { break }
                    if bytes[index] == quote {
                        if index + 1 < count, bytes[index + 1] == quote {
                            value.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    // A line break inside quotes belongs to the field; CRLF counts as one line.
                    line += 1
                    let width = bytes[index] == cr && index + 1 < count && bytes[index + 1] == lf ? 2 : 1
                    value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + width]))
                    index += width
                }
                if !closed {
                    throw ImportError.malformed(file: file, line: recordLine, reason: "a quoted field is not closed before the end of the file")
                }
                // Not RFC 4180, but seen in hand-edited files: text after the closing quote is kept.
                let end = fieldEnd(from: index)
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                fields.append(made() ? String(decoding: value, as: UTF8.self) : "")
            } else {
                let end = fieldEnd(from: index)
                fields.append(made() ? String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) : "")
                index = end
            }
            guard index < count else { break }
            if bytes[index] == comma {
                index += 1
                if index == count { fields.append("") }
                continue
            }
            index += bytes[index] == cr && index + 1 < count && bytes[index + 1] == lf ? 2 : 1
            line += 1
            endRecord()
        }
        if !fields.isEmpty { endRecord() }
        return records
    }
}
