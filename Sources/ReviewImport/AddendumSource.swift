import Foundation

/// The text of an addendum as the scanner reads it: a text file as it is, a PDF through
/// `pdftotext -layout` (page furniture and first-line indents kept where they are, which the
/// explanations' paragraphs are read from).
enum AddendumSource {
    static func text(_ data: Data, url: URL) throws -> String {
        guard data.starts(with: Array("%PDF".utf8)) else { return try SourceText.decode(data, file: url.path) }
        guard let tool = PDFText.executable("pdftotext") else {
            throw ImportError.toolMissing(tool: "pdftotext", package: "poppler-utils")
        }
        // Output and messages go to files: neither can fill a pipe and stall the tool.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-addendum-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let textURL = folder.appendingPathComponent("addendum.txt"), errorsURL = folder.appendingPathComponent("errors.txt")
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-q", url.path, textURL.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorsURL)
        do {
            try process.run()
        } catch {
            throw ImportError.toolFailed(tool: "pdftotext", file: url.path, reason: "\(error)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = try? Data(contentsOf: textURL) else {
            let reason = ((try? String(contentsOf: errorsURL, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            throw ImportError.toolFailed(tool: "pdftotext", file: url.path, reason: reason.isEmpty ? "exit status \(process.terminationStatus)" : reason)
        }
        return try SourceText.decode(text, file: url.path)
    }
}
