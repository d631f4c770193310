/// How a cell is drawn. Colours are by meaning; the backend maps them to terminal colours.
public struct Style: Equatable, Hashable, Sendable {
    public enum Tone: Equatable, Hashable, Sendable { case normal, accepted, considering, rejected, accent, title, alarm }

    public var tone: Tone
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(tone: Tone = .normal, bold: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.tone = tone
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
    }

    public static let plain = Style()
    public static let title = Style(tone: .title, bold: true)
    public static let selected = Style(reverse: true)
    public static let heading = Style(bold: true)
    public static let faint = Style(dim: true)
    public static let alarm = Style(tone: .alarm, bold: true)
}

/// One screen column. A wide character fills its first cell; the cell after it is a
/// continuation (empty text) so that columns stay aligned.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
    public var isContinuation: Bool { text.isEmpty }
}

/// A grid of styled cells: what `render` produces and the backend draws. `dump()` gives the text
/// that snapshot tests compare.
public struct ScreenBuffer: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.width + column]
    }

    /// Writes text from (row, column), clipped at `limit` columns (the right edge by default).
    /// A cut shows: the last column written becomes `…` when text that is not blank is left out.
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard row >= 0, row < size.height, column >= 0 else { return column }
        let end = min(limit ?? size.width, size.width)
        var x = column
        let cleaned = DisplayText.clean(text)
        var written: [Int] = []  // the column where each character drawn starts
        for index in cleaned.indices {
            let character = cleaned[index]
            let w = DisplayText.width(of: character)
            if w == 0 { continue }
            if x + w > end {
                if cleaned[index...].contains(where: { !$0.isWhitespace }) { markCut(row: row, end: end, written: written, x: &x, style: style) }
                break
            }
            cells[row * size.width + x] = Cell(text: String(character), style: style)
            if w == 2 { cells[row * size.width + x + 1] = Cell(text: "", style: style) }
            written.append(x)
            x += w
        }
        return x
    }

    /// Puts `…` in the column after the text if there is one before `end`, else over the last
    /// character drawn (both cells of a wide one).
    private mutating func markCut(row: Int, end: Int, written: [Int], x: inout Int, style: Style) {
        if x < end {
            cells[row * size.width + x] = Cell(text: "…", style: style)
            x += 1
            return
        }
        guard let last = written.last else { return }
        let wasWide = last + 1 < x
        cells[row * size.width + last] = Cell(text: "…", style: style)
        if wasWide { cells[row * size.width + last + 1] = Cell(text: " ", style: style) }
    }

    /// Fills columns [from, to) of a row with spaces in a style (for bars and selection).
    public mutating func fill(row: Int, from: Int = 0, to: Int? = nil, style: Style) {
        guard row >= 0, row < size.height else { return }
        let end = min(to ?? size.width, size.width)
        guard from < end else { return }
        for x in max(0, from)..<end { cells[row * size.width + x] = Cell(text: " ", style: style) }
    }

    /// Gives cells [from, to) of a row another style, keeping their text (search matches).
    public mutating func restyle(row: Int, from: Int, to: Int, style: Style) {
        guard row >= 0, row < size.height else { return }
        for x in max(0, from)..<max(max(0, from), min(to, size.width)) { cells[row * size.width + x].style = style }
    }

    /// The screen as text, one line per row, trailing spaces removed.
    public func dump() -> String {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width { line += self[row, column].text }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
