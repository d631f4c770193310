import XCTest
import ReviewModel
import ReviewExport

/// A real spreadsheet program reads the workbook: LibreOffice, headless, converts every sheet to
/// CSV. Skipped where LibreOffice is not installed, except in CI (`CI=true`), where .ci/run installs it.
final class LibreOfficeTests: XCTestCase {
    func office() throws -> String {
        for tool in ["soffice", "libreoffice"] {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
                let path = "\(folder)/\(tool)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("neither soffice nor libreoffice is on PATH: in CI this test must run (.ci/run installs libreoffice-calc-nogui)")
            throw CocoaError(.executableNotLoadable)
        }
        throw XCTSkip("neither soffice nor libreoffice is on PATH: the XLSX is not opened by a spreadsheet program in this run")
    }

    func testLibreOfficeReadsTheSheetsAndTheirCells() throws {
        let tool = try office()
        let folder = ExportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xlsx = folder.appendingPathComponent("decisions.xlsx")
        try DecisionExport.data(try ExportFixtures.openLedger(), format: .xlsx).write(to: xlsx)

        // 44,34,76: comma, double quote, UTF-8; the last -1 writes every sheet (decisions-Accepted.csv…).
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", filter, "--outdir", folder.path, xlsx.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if process.isRunning { process.terminate(); XCTFail("LibreOffice did not finish within 3 minutes"); return }

        let accepted = folder.appendingPathComponent("decisions-Accepted.csv")
        guard let text = try? String(contentsOf: accepted, encoding: .utf8) else {
            // Versions before 7.2 write only the first sheet.
            let summary = try String(contentsOf: folder.appendingPathComponent("decisions.csv"), encoding: .utf8)
            XCTAssertTrue(summary.contains("Accepted,supported,3"), summary)
            return
        }
        XCTAssertTrue(text.hasPrefix("ID,Recommending States,Regional groups,Themes,Recommendation,Decision"), text)
        XCTAssertTrue(text.contains("Đã có trong luật"), text)
        let rejected = try String(contentsOf: folder.appendingPathComponent("decisions-Rejected.csv"), encoding: .utf8)
        XCTAssertTrue(rejected.contains("=Equal pay for women & men"), "read as text, not computed: \(rejected)")
    }
}
