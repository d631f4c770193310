import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The cell texts of an Excel workbook (.xlsx), sheet by sheet: what the workbook lists in
/// `xl/workbook.xml`, found through its relationships, with shared strings (what Excel and
/// LibreOffice write), inline strings (what upr writes) and plain values read alike. Formatting,
/// formulas and phonetic runs are left out; a formula's cached value is read.
struct XLSXCells {
    struct Row: Equatable {
        /// As the spreadsheet numbers it (1 is the first row).
        var number: Int
        var cells: [String]
    }

    struct Sheet: Equatable {
        var name: String
        var rows: [Row]
    }

    var sheets: [Sheet]

    static func read(_ url: URL, file: String) throws -> XLSXCells {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ImportError.notRecognized(file: file, reason: "not an Excel workbook (.xlsx): not a zip archive, or a truncated one")
        }
        var budget = InputLimits.Budget()
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            do {
                return try InputLimits.extract(entry, path: path, from: archive, file: file, budget: &budget)
            } catch let error as ImportError {
                throw error
            } catch {
                throw ImportError.notRecognized(file: file, reason: "the workbook is damaged or truncated (\(path): \(error))")
            }
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw ImportError.notRecognized(file: file, reason: "a zip archive without xl/workbook.xml, so not an Excel workbook (.xlsx)")
        }
        let listed = try parse(workbook, WorkbookReader(), file, "xl/workbook.xml").sheets
        let targets = try part("xl/_rels/workbook.xml.rels").map { try parse($0, RelationshipReader(), file, "xl/_rels/workbook.xml.rels").targets } ?? [:]
        let shared = try part("xl/sharedStrings.xml").map { try parse($0, SharedStringReader(), file, "xl/sharedStrings.xml").strings } ?? []
        var sheets: [Sheet] = []
        for (index, listedSheet) in listed.enumerated() {
            var path = targets[listedSheet.relationship] ?? "worksheets/sheet\(index + 1).xml"
            path = path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
            guard let xml = try part(path) else {
                throw ImportError.notRecognized(file: file, reason: "the workbook lists sheet '\(listedSheet.name)' but \(path) is missing")
            }
            let reader = try parse(xml, SheetReader(shared: shared), file, path)
            sheets.append(Sheet(name: listedSheet.name, rows: reader.rows))
        }
        return XLSXCells(sheets: sheets)
    }

    private static func parse<Reader: NSObject & XMLParserDelegate>(_ data: Data, _ reader: Reader, _ file: String, _ path: String) throws -> Reader {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        // On Linux, parse() can return true for a document that ends early: check parserError too.
        guard parser.parse(), parser.parserError == nil else {
            throw ImportError.notRecognized(file: file, reason: "\(path) is not well-formed XML (line \(parser.lineNumber)); the workbook may be damaged")
        }
        return reader
    }

    /// `AB12` → 27 (0-based column).
    static func column(of reference: String) -> Int? {
        var number = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 || scalar.value >= 97 && scalar.value <= 122 else { break }
            number = number * 26 + Int((scalar.value & ~0x20) - 64)
            letters += 1
        }
        return letters == 0 ? nil : number - 1
    }
}

private final class WorkbookReader: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationship: String)] = []

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard element == "sheet" else { return }
        // `r:id`; with namespaces processed some parsers keep the prefix, some do not.
        let relationship = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value ?? ""
        sheets.append((attributes["name"] ?? "", relationship))
    }
}

private final class RelationshipReader: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }
}

/// `<si>` items: plain `<t>`, or rich-text runs `<r><t>`; phonetic guides (`<rPh>`) left out.
private final class SharedStringReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current: String?
    private var inText = false, inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si": strings.append(current ?? ""); current = nil
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

/// `<row r="n"><c r="B2" t="s|inlineStr|str|n|b"><v>…</v> or <is><t>…</t></is></c></row>`.
private final class SheetReader: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [XLSXCells.Row] = []
    private var row: XLSXCells.Row?
    private var cellColumn = 0, cellType = "", cellText = ""
    private var inValue = false, inText = false, inPhonetic = false

    init(shared: [String]) { self.shared = shared }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1
            row = XLSXCells.Row(number: number, cells: [])
        case "c":
            cellColumn = attributes["r"].flatMap(XLSXCells.column(of:)) ?? row?.cells.count ?? 0
            cellType = attributes["t"] ?? "n"
            cellText = ""
        case "v": inValue = true
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue || inText { cellText += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v": inValue = false
        case "t": inText = false
        case "rPh": inPhonetic = false
        case "c":
            var text = cellText
            if cellType == "s" { text = Int(text.trimmingCharacters(in: .whitespaces)).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "" }
            if cellType == "b" { text = text == "1" ? "TRUE" : "FALSE" }
            guard row != nil else { return }
            while row!.cells.count <= cellColumn { row!.cells.append("") }
            row!.cells[cellColumn] = text
        case "row":
            if let row { rows.append(row) }
            row = nil
        default: break
        }
    }
}
