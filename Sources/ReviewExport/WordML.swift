import Foundation

/// The few pieces of WordprocessingML the documents need, written by hand: paragraphs of runs
/// (bold, italic, a tab, a line break) in a named style with alignment, indents and tab stops, and
/// plain tables with a header row repeated on every page.
struct WordParagraph {
    struct Run {
        var text: String
        var bold = false
        var italic = false
    }

    enum Alignment: String { case left, center, right, both }

    var style: String?
    var runs: [Run]
    var alignment: Alignment?
    /// Left indent and hanging indent (the number of a numbered paragraph sits in it), in twips.
    var indent = 0
    var hanging = 0
    var firstLine = 0
    /// Right-aligned tab stop, in twips from the left margin: `United Nations⇥A/HRC/59/15/Add.1`.
    var rightTab: Int?
    var keepWithNext = false
    var pageBreakBefore = false
    /// A rule under the paragraph, as under the masthead of UN documents.
    var ruleBelow = false

    init(_ text: String, style: String? = nil, bold: Bool = false, italic: Bool = false) {
        self.style = style
        runs = [Run(text: text, bold: bold, italic: italic)]
    }

    init(runs: [Run], style: String? = nil) {
        self.style = style
        self.runs = runs
    }

    var xml: String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepWithNext { properties += "<w:keepNext/>" }
        if pageBreakBefore { properties += "<w:pageBreakBefore/>" }
        if ruleBelow { properties += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"000000\"/></w:pBdr>" }
        if let rightTab { properties += "<w:tabs><w:tab w:val=\"right\" w:pos=\"\(rightTab)\"/></w:tabs>" }
        if indent > 0 || hanging > 0 || firstLine > 0 {
            properties += "<w:ind w:left=\"\(indent)\"" + (hanging > 0 ? " w:hanging=\"\(hanging)\"" : "")
                + (firstLine > 0 ? " w:firstLine=\"\(firstLine)\"" : "") + "/>"
        }
        if let alignment { properties += "<w:jc w:val=\"\(alignment.rawValue)\"/>" }
        let body = runs.map(Self.run).joined()
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + body + "</w:p>"
    }

    /// A run; `\t` becomes a tab and `\n` a line break, each its own element as the schema asks.
    static func run(_ run: Run) -> String {
        guard !run.text.isEmpty else { return "" }
        var properties = ""
        if run.bold { properties += "<w:b/>" }
        if run.italic { properties += "<w:i/>" }
        var out = "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
        var pending = ""
        func flush() {
            if !pending.isEmpty { out += "<w:t xml:space=\"preserve\">\(Markup.escape(pending))</w:t>" }
            pending = ""
        }
        for character in run.text {
            switch character {
            case "\t": flush(); out += "<w:tab/>"
            case "\n", "\r\n": flush(); out += "<w:br/>"
            default: pending.append(character)
            }
        }
        flush()
        return out + "</w:r>"
    }
}

/// A table with thin borders; its first row is the header, bold and repeated at the top of each
/// page; a row is never split across pages.
struct WordTable {
    /// Column widths in twips.
    var widths: [Int]
    var header: [String]
    var rows: [[[WordParagraph]]]

    var xml: String {
        let border = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>" }.joined()
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblBorders>\(border)</w:tblBorders>"
        out += "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        out += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        out += row(header.map { [WordParagraph($0, style: "TableText", bold: true)] }, isHeader: true)
        for cells in rows { out += row(cells, isHeader: false) }
        return out + "</w:tbl>"
    }

    private func row(_ cells: [[WordParagraph]], isHeader: Bool) -> String {
        var out = "<w:tr><w:trPr><w:cantSplit/>" + (isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
        for (index, paragraphs) in cells.enumerated() {
            // A cell must hold at least one paragraph.
            let content = paragraphs.isEmpty ? [WordParagraph("", style: "TableText")] : paragraphs
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[index])\" w:type=\"dxa\"/></w:tcPr>" + content.map(\.xml).joined() + "</w:tc>"
        }
        return out + "</w:tr>"
    }
}

/// What a document body holds, in order.
enum WordBlock {
    case paragraph(WordParagraph)
    case table(WordTable)

    var xml: String {
        switch self {
        case .paragraph(let paragraph): paragraph.xml
        case .table(let table): table.xml
        }
    }
}
