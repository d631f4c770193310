import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The pieces of text of a PDF with where they stand and how large they are printed, through
/// `pdftohtml -xml` (Debian's poppler-utils), run as a process with arguments, never a shell.
///
/// Plain text loses what a reader sees at once: a footnote marker is a small raised digit
/// (`No. 169⁵`), a footnote body is set smaller at the foot of the page. With sizes and positions
/// both can be told from the running text, so neither is glued into a recommendation.
struct PDFLayout {
    struct Fragment: Equatable {
        var top: Int
        var left: Int
        var width: Int
        var height: Int
        /// The font size pdftohtml gives (its pixels at its default zoom; only comparisons matter).
        var size: Int
        var text: String

        var bottom: Int { top + height }
        var right: Int { left + width }
    }

    struct Page: Equatable {
        var number: Int
        var height: Int
        var fragments: [Fragment]
    }

    var pages: [Page]

    /// Runs pdftohtml on the file and reads its XML.
    static func read(_ url: URL) throws -> PDFLayout {
        guard let tool = PDFText.executable("pdftohtml") else {
            throw ImportError.toolMissing(tool: "pdftohtml", package: "poppler-utils")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        // -i: no images; -q: no messages on stdout; -nodrm: read what a viewer shows.
        process.arguments = ["-xml", "-i", "-q", "-nodrm", "-stdout", "-enc", "UTF-8", url.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ImportError.toolFailed(tool: "pdftohtml", file: url.path, reason: "\(error)")
        }
        // Read errors on a thread of their own while the output is read, so neither pipe can fill and stall.
        let messages = ErrorsReader(errors.fileHandleForReading)
        let xml = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = messages.finish()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ImportError.toolFailed(tool: "pdftohtml", file: url.path, reason: reason.isEmpty ? "exit status \(process.terminationStatus)" : reason)
        }
        return try parse(xml, file: url.path)
    }

    /// Reads pdftohtml's XML: `<page number= height=>`, `<fontspec id= size=>`, `<text top= left=
    /// width= height= font=>` whose content may hold `<b>`, `<i>` and `<a>` (their text is kept).
    static func parse(_ xml: Data, file: String) throws -> PDFLayout {
        let reader = XMLReader()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw ImportError.toolFailed(tool: "pdftohtml", file: file, reason: "its output could not be read (\(reason), line \(parser.lineNumber))")
        }
        return PDFLayout(pages: reader.pages)
    }

    private final class XMLReader: NSObject, XMLParserDelegate {
        var pages: [Page] = []
        var fontSizes: [String: Int] = [:]
        var current: Fragment?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            func int(_ key: String) -> Int { attributes[key].flatMap { Int($0) ?? Double($0).map { Int($0) } } ?? 0 }
            switch name {
            case "page":
                pages.append(Page(number: int("number"), height: int("height"), fragments: []))
            case "fontspec":
                if let id = attributes["id"] { fontSizes[id] = int("size") }
            case "text":
                current = Fragment(top: int("top"), left: int("left"), width: int("width"), height: int("height"),
                                   size: attributes["font"].flatMap { fontSizes[$0] } ?? 0, text: "")
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current?.text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard name == "text", let fragment = current else { return }
            current = nil
            if !pages.isEmpty { pages[pages.count - 1].fragments.append(fragment) }
        }
    }
}

/// Drains a pipe on a thread of its own.
private final class ErrorsReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
