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
    /// Printed at the top right of every page (the document's symbol), beside the sheet's name.
    var printHeader = ""

    /// Style indexes of `XLSXPackage.styles`.
    enum Style: Int { case plain = 0, header = 1, wrapped = 2, percent = 3, top = 4 }

    /// Excel's limit on one cell; a longer text makes it "repair" the file.
    static let maxCellLength = 32_767

    func xml(selected: Bool) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        // Printed fitted to the page's width (as many pages down as it takes), so that an ID is never
        // on another page than its text.
        out += "\n<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        out += "\n<dimension ref=\"\(filterRange)\"/>"
        // The header row is frozen: rows scroll beneath it.
        out += "\n<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        out += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        out += "</sheetView></sheetViews>"
        // Each width reads every row: once per sheet, not once per row.
        let widths = columns.indices.map(width)
        out += "\n<cols>" + columns.enumerated().map { index, column in
            "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(widths[index])\" customWidth=\"1\"\(column.hidden ? " hidden=\"1\"" : "")/>"
        }.joined() + "</cols>"
        // One row a line: Excel ignores the breaks, and a diff of two exports reads row by row.
        out += "\n<sheetData>\n"
        out += row(1, columns.map { .text($0.title) }, header: true, widths: widths)
        for (index, cells) in rows.enumerated() { out += row(index + 2, cells, header: false, widths: widths) }
        out += "</sheetData>"
        if autoFilter { out += "\n<autoFilter ref=\"\(filterRange)\"/>" }
        return out + "\n" + pageSetup + "\n</worksheet>\n"
    }

    /// Landscape A4, one page wide, grid lines printed, the sheet's name and `printHeader` at the
    /// top and "Page 1 of 3" at the bottom. (The header row repeats through `_xlnm.Print_Titles`.)
    var pageSetup: String {
        let header = "&L&A" + (printHeader.isEmpty ? "" : "&R" + printHeader.replacingOccurrences(of: "&", with: "&&"))
        return "<printOptions gridLines=\"1\"/><pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            + "<headerFooter><oddHeader>\(Markup.escape(header))</oddHeader><oddFooter>\(Markup.escape("&CPage &P of &N"))</oddFooter></headerFooter>"
    }

    /// `A1:J12`: the header and every row.
    var filterRange: String { "A1:\(reference(column: columns.count - 1, row: rows.count + 1))" }

    private func row(_ number: Int, _ cells: [Cell], header: Bool, widths: [Int]) -> String {
        let lines = lineCount(cells, header: header, widths: widths)
        // LibreOffice does not grow a row for wrapped text on opening: the height is written (not
        // as custom, so that Excel still grows the row as a ministry types a longer note).
        var out = lines > 1 ? "<row r=\"\(number)\" ht=\"\(lines * 14)\">" : "<row r=\"\(number)\">"
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

    /// Lines the tallest wrapped cell of a row takes: words laid into the column's width (in
    /// characters, less one for the cell's padding), a line break starting a line; at most 40.
    func lineCount(_ cells: [Cell], header: Bool, widths: [Int]) -> Int {
        var most = 1
        for (index, cell) in cells.enumerated() where index < columns.count && (columns[index].wraps || header) {
            guard case .text(let text) = cell else { continue }
            let room = max(widths[index] - 1, 4)
            // One pass over the scalars (a combining accent counts as a character: a little room to spare).
            var lines = 1, used = 0, word = 0
            func place() {
                guard word > 0 else { return }
                if used > 0 && used + 1 + word > room { lines += 1; used = 0 }
                used += (used > 0 ? 1 : 0) + word
                while used > room { lines += 1; used -= room }
                word = 0
            }
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\n": place(); lines += 1; used = 0
                case " ": place()
                default: word += 1
                }
            }
            place()
            most = max(most, lines)
        }
        return min(most, 40)
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
