import Foundation

/// The poppler-utils tools the PDF paths run (`pdftohtml` for reports, see `PDFLayout`;
/// `pdftotext -layout` for addenda), found on `PATH` and run as processes with arguments, never
/// through a shell.
public enum PDFText {
    /// What the tool prints on standard output. Its messages go to a file, so that neither of two
    /// pipes can fill and stall it; a failure carries them.
    static func run(_ name: String, _ arguments: [String], file: String) throws -> Data {
        guard let tool = executable(name) else { throw ImportError.toolMissing(tool: name, package: "poppler-utils") }
        let errorsURL = FileManager.default.temporaryDirectory.appendingPathComponent("upr-\(name)-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorsURL) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorsURL)
        do {
            try process.run()
        } catch {
            throw ImportError.toolFailed(tool: name, file: file, reason: "\(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = ((try? String(contentsOf: errorsURL, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            throw ImportError.toolFailed(tool: name, file: file, reason: reason.isEmpty ? "exit status \(process.terminationStatus)" : reason)
        }
        return data
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
