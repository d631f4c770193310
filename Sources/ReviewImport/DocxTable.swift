import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A table of a Word (.docx) document: its rows, each a list of cells, each cell the text of its
/// paragraphs. Tables inside a cell are read as more paragraphs of that cell.
struct DocxTable: Equatable {
    var rows: [[[String]]]

    /// The top-level tables of `word/document.xml`, in document order.
    static func tables(in url: URL, file: String) throws -> [DocxTable] {
        let size: Int
        do {
            size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
        } catch {
            throw ImportError.unreadable(file: file, reason: error.localizedDescription)
        }
        if size == 0 { throw ImportError.empty(file: file) }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ImportError.notRecognized(file: file, reason: "not a Word document (.docx): not a zip archive, or a truncated one")
        }
        guard let entry = archive["word/document.xml"] else {
            throw ImportError.notRecognized(file: file, reason: "a zip archive without word/document.xml, so not a Word document (.docx)")
        }
        var budget = InputLimits.Budget()
        let xml: Data
        do {
            xml = try InputLimits.extract(entry, path: "word/document.xml", from: archive, file: file, budget: &budget)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError.notRecognized(file: file, reason: "the Word document is damaged or truncated (word/document.xml: \(error))")
        }
        let reader = TableReader()
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        // On Linux, parse() can return true for a document that ends early: check parserError too.
        guard parser.parse(), parser.parserError == nil else {
            let code = parser.parserError.map { " \(($0 as NSError).code)" } ?? ""
            throw ImportError.notRecognized(file: file, reason: "word/document.xml is not well-formed XML (line \(parser.lineNumber), XMLParser error\(code)); the document may be damaged")
        }
        return reader.tables
    }
}

/// Collects table cells from the WordprocessingML elements it is shown: `tbl`, `tr`, `tc`, `p`,
/// and the text inside `t` (deleted text, `delText`, and field codes, `instrText`, are left out).
private final class TableReader: NSObject, XMLParserDelegate {
    var tables: [DocxTable] = []
    private var depth = 0
    private var rows: [[[String]]] = []
    private var cells: [[String]] = []
    private var paragraphs: [String]?
    private var paragraph = ""
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "tbl":
            depth += 1
            if depth == 1 { rows = [] }
        case "tr" where depth == 1: cells = []
        case "tc" where depth == 1: paragraphs = []
        case "p": paragraph = ""
        case "t": inText = true
        case "tab": paragraph += " "
        case "noBreakHyphen": paragraph += "-"
        case "br", "cr": endParagraph()  // a line break inside a cell separates items like a paragraph does
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { paragraph += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "t": inText = false
        case "p": endParagraph()
        case "tc" where depth == 1:
            cells.append(paragraphs ?? [])
            paragraphs = nil
        case "tr" where depth == 1: rows.append(cells)
        case "tbl":
            if depth == 1 { tables.append(DocxTable(rows: rows)) }
            depth -= 1
        default: break
        }
    }

    private func endParagraph() {
        paragraphs?.append(paragraph)
        paragraph = ""
    }
}
