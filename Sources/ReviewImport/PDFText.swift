import Foundation

/// Text of a PDF through `pdftotext -layout` (Debian's poppler-utils), run as a process with
/// arguments, never through a shell.
public enum PDFText {
    public static func extract(_ url: URL) throws -> String {
        guard let tool = executable("pdftotext") else {
            throw ImportError.toolMissing(tool: "pdftotext", package: "poppler-utils")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ImportError.toolFailed(tool: "pdftotext", file: url.path, reason: "\(error)")
        }
        // Read before waiting, so a large text cannot fill the pipe and stall both processes.
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ImportError.toolFailed(tool: "pdftotext", file: url.path, reason: reason.isEmpty ? "exit status \(process.terminationStatus)" : reason)
        }
        return String(decoding: text, as: UTF8.self)
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
