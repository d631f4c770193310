import Foundation

/// The text of an addendum as the scanner reads it: a text file as it is, a PDF through
/// `pdftotext -layout` (page furniture and first-line indents kept where they are, which the
/// explanations' paragraphs are read from).
enum AddendumSource {
    static func text(_ data: Data, url: URL) throws -> String {
        guard data.starts(with: Array("%PDF".utf8)) else { return try SourceText.decode(data, file: url.path) }
        let text = try PDFText.run("pdftotext", ["-layout", "-enc", "UTF-8", "-q", url.path, "-"], file: url.path)
        return try SourceText.decode(text, file: url.path)
    }
}
