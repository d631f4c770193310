import Foundation

/// One worksheet: a bold header row that stays in view when scrolling, column widths, rows of
/// text or numbers, and optionally an autofilter over the whole table.
struct XLSXSheet {
    struct Column {
        var title: String
        /// Upper bound on the width, in characters; long texts wrap inside it.
        var maxWidth: Int = 40
        var wraps = false
        /// Kept in the file but not shown (a checksum the importer reads back).
        var hidden = false
        /// Lower bound, for a column left empty to be filled in.
        var minWidth = 0
    }

    enum Cell: Equatable {
        case text(String)
        case number(Int)
        case percent(Double)
    }

    var name: String
    var columns: [Column]
    var rows: [[Cell]]
    var autoFilter = true

    /// Style indexes of `XLSXPackage.styles`.
    enum Style: Int { case plain = 0, header = 1, wrapped = 2, percent = 3, top = 4 }

    /// Excel's limit on one cell; a longer text makes it "repair" the file.
    static let maxCellLength = 32_767

    func xml(selected: Bool) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        out += "\n<dimension ref=\"\(filterRange)\"/>"
        // The header row is frozen: rows scroll beneath it.
        out += "\n<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        out += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        out += "</sheetView></sheetViews>"
        out += "\n<cols>" + columns.enumerated().map { index, column in
            "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width(index))\" customWidth=\"1\"\(column.hidden ? " hidden=\"1\"" : "")/>"
        }.joined() + "</cols>"
        // One row a line: Excel ignores the breaks, and a diff of two exports reads row by row.
        out += "\n<sheetData>\n"
        out += row(1, columns.map { .text($0.title) }, header: true)
        for (index, cells) in rows.enumerated() { out += row(index + 2, cells, header: false) }
        out += "</sheetData>"
        if autoFilter { out += "\n<autoFilter ref=\"\(filterRange)\"/>" }
        return out + "\n</worksheet>\n"
    }

    /// `A1:J12`: the header and every row.
    var filterRange: String { "A1:\(reference(column: columns.count - 1, row: rows.count + 1))" }

    private func row(_ number: Int, _ cells: [Cell], header: Bool) -> String {
        var out = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let ref = reference(column: index, row: number)
            let style: Style = header ? .header : columns[index].wraps ? .wrapped : .top
            switch cell {
            // Text is always an inline string: a spreadsheet never evaluates one, so a text that
            // starts with `=` stays text.
            case .text(let text) where text.isEmpty:
                continue  // an absent cell is an empty one
            case .text(let text):
                out += "<c r=\"\(ref)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.cellText(text))</t></is></c>"
            case .number(let value):
                out += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"><v>\(value)</v></c>"
            case .percent(let value):
                out += "<c r=\"\(ref)\" s=\"\(Style.percent.rawValue)\"><v>\(value)</v></c>"
            }
        }
        return out + "</row>\n"
    }

    /// Escaped for XML; `_x0041_`-like text protected from being read as an escape; cut to the
    /// cell limit.
    static func cellText(_ text: String) -> String {
        var text = text
        if text.utf16.count > maxCellLength { text = truncated(text) }
        if text.contains("_x") {
            text = text.replacingOccurrences(of: #"_(x[0-9A-Fa-f]{4}_)"#, with: "_x005F_$1", options: .regularExpression)
        }
        return Markup.escape(text)
    }

    /// Whole characters up to the limit (counted in UTF-16, as Excel counts), then an ellipsis.
    static func truncated(_ text: String) -> String {
        var out = "", length = 0
        for character in text {
            length += character.utf16.count
            if length > maxCellLength - 1 { break }
            out.append(character)
        }
        return out + "…"
    }

    /// Wide enough for the longest text (header included), up to the column's bound.
    func width(_ index: Int) -> Int {
        let longest = rows.map { cells -> Int in
            guard index < cells.count else { return 0 }
            return switch cells[index] {
            case .text(let text): text.split(separator: "\n").map(\.count).max() ?? 0
            case .number(let value): String(value).count
            case .percent: 6
            }
        }.max() ?? 0
        return min(max(longest, columns[index].title.count + 3, 6, columns[index].minWidth) + 2, columns[index].maxWidth)
    }

    /// `B7`, `AA12`.
    func reference(column: Int, row: Int) -> String { Self.letters(column) + "\(row)" }

    static func letters(_ column: Int) -> String {
        var n = column + 1, out = ""
        while n > 0 {
            let digit = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + digit))) + out
            n = (n - 1) / 26
        }
        return out
    }
}
