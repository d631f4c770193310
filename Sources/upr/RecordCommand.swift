import ArgumentParser
import Foundation
import ReviewImport
import ReviewModel
import ReviewRecord
import NcursesBackend
import WorkbenchCore

/// Where the record is: `--record PATH`, else under `$XDG_DATA_HOME/upr/` (or ~/.local/share/upr/).
struct RecordOptions: ParsableArguments {
    @Option(name: .long, help: "The UPR record file (default: $XDG_DATA_HOME/upr/record.uprrec, else ~/.local/share/upr/record.uprrec).")
    var record: String?

    var url: URL { record.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? RecordFile.defaultURL() }

    /// The record, or a message saying how to make one.
    func load() throws -> UPRRecord {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw fail("no UPR record at \(url.path). Make one from the UPR Info database exports: upr record import FILE.csv...")
        }
        do { return try RecordFile.read(url) } catch { throw fail("\(error)") }
    }
}

/// `upr record`: the whole public record, imported once and opened read-only.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "The public UPR record (UPR Info database exports): import it, or open it read-only as a workbench.",
        subcommands: [RecordOpenCommand.self, RecordImportCommand.self],
        defaultSubcommand: RecordOpenCommand.self
    )
}

struct RecordImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read UPR Info exports (every review, every session) into the record, replacing it atomically."
    )

    @OptionGroup var record: RecordOptions

    @Argument(help: "UPR Info database exports (CSV).")
    var files: [String]

    func run() throws {
        let urls = files.map { URL(fileURLWithPath: $0) }
        let built: (UPRRecord, RecordImport.Report)
        do {
            built = try RecordImport.record(from: urls, states: try StateDirectory.bundled())
        } catch {
            throw fail("\(error); the record was not changed.")
        }
        let (uprRecord, report) = built
        do {
            try RecordFile.write(uprRecord, to: record.url)
        } catch {
            throw fail("cannot write the record \(record.url.path): \(error); the record was not changed.")
        }
        TerminalOutput.line("Record \(record.url.path): \(report.summary).")
        for warning in report.unmapped { TerminalOutput.line("  \(warning)") }
        if !report.warnings.isEmpty {
            TerminalOutput.line("  \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s") while reading; the first: \(report.warnings.prefix(3).map(\.description).joined(separator: "; "))")
        }
    }
}

struct RecordOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the whole record read-only (the default): the usual keys and filters, plus to:STATE, session:N, response:supported|noted, issue:."
    )

    @OptionGroup var record: RecordOptions

    @Option(name: .long, help: "Where exports (E) are written (default: the current folder).")
    var exportFolder: String = "."

    func run() throws {
        do {
            try NcursesTerminal.preflight()
        } catch {
            throw fail("\(error)", code: 2)
        }
        let uprRecord = try record.load()
        let terminal: NcursesTerminal
        do { terminal = try NcursesTerminal() } catch { throw fail("\(error)", code: 2) }
        var state = try WorkbenchState.recordView(uprRecord, analyst: Analyst.current(nil), size: terminal.size)
        state.keys = KeysFile.load().0
        state.message = .init("The UPR record, read-only: \(uprRecord.askCount) recommendations to \(uprRecord.reviewedStateCount) States. f filters (to:, session:, response:, issue:), S statistics, E exports.")
        let traced = FirstScreenTrace(terminal, path: ProcessInfo.processInfo.environment["UPR_TRACE_FIRST_SCREEN"])
        let runner = WorkbenchRunner(state: state, terminal: traced, effects: RecordViewEffects(folder: URL(fileURLWithPath: exportFolder)))
        let ending = runner.run()
        terminal.close()
        print("UPR record \(record.url.path) (read-only): \(uprRecord.askCount) recommendations.")
        if case .signal(let number) = ending { throw ExitCode(128 + number) }
    }
}

extension RecordOptions {
    /// Where there is a record, the work that reads it beside a review's workbench after the
    /// first screen; a record that does not read is said on screen, and the workbench works as
    /// without one.
    func attach(to state: inout WorkbenchState) -> (@Sendable () -> Action)? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        state.expectRecord()
        let url = self.url
        return state.recordWork { try RecordFile.read(url) }
    }
}
