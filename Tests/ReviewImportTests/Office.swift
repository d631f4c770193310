import Foundation
import XCTest

/// LibreOffice, headless, turning an exported DOCX or XLSX into the PDF a ministry prints, and
/// poppler's `pdftotext` reading it back page by page. In CI (`CI=true`) a missing program fails
/// the test; elsewhere the test is skipped with a message.
enum Office {
    static func tool(_ names: [String], package: String) throws -> String {
        for name in names {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        let message = "\(names[0]) is not installed (\(package)); .ci/run installs it"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail(message + ": in CI this test must run")
            throw CocoaError(.executableNotLoadable)
        }
        throw XCTSkip(message)
    }

    /// The PDF beside `file`. Each conversion has a profile of its own (a temporary HOME for
    /// LibreOffice), so that tests running at once do not share one.
    static func pdf(_ file: URL) throws -> URL {
        let soffice = try tool(["soffice", "libreoffice"], package: "libreoffice-writer-nogui, libreoffice-calc-nogui")
        let folder = file.deletingLastPathComponent()
        let profile = folder.appendingPathComponent("office-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try run(soffice, ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf", "--outdir", folder.path, file.path],
                environment: ["HOME": profile.path], seconds: 180)
        let pdf = file.deletingPathExtension().appendingPathExtension("pdf")
        guard FileManager.default.fileExists(atPath: pdf.path) else {
            XCTFail("LibreOffice wrote no PDF for \(file.lastPathComponent)")
            throw CocoaError(.fileNoSuchFile)
        }
        return pdf
    }

    /// The text of each page, laid out as printed (`pdftotext -layout`).
    static func pages(_ pdf: URL) throws -> [String] {
        let pdftotext = try tool(["pdftotext"], package: "poppler-utils")
        let text = pdf.deletingPathExtension().appendingPathExtension("txt")
        try run(pdftotext, ["-layout", pdf.path, text.path], environment: [:], seconds: 60)
        var pages = try String(contentsOf: text, encoding: .utf8).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    static func run(_ tool: String, _ arguments: [String], environment: [String: String], seconds: TimeInterval) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            XCTFail("\(URL(fileURLWithPath: tool).lastPathComponent) did not finish within \(Int(seconds)) s")
            throw CocoaError(.executableLoad)
        }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("upr-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
