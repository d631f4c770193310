import ArgumentParser
import Foundation
import ReviewModel
import ReviewExport

@main
struct UPR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upr",
        abstract: "UPR Workbench: triage Universal Periodic Review recommendations in the terminal.",
        discussion: """
        With no subcommand, opens the workbench on the ledger (upr-ledger.json in the current \
        folder); where there is none yet, starts one from the embedded illustrative sample.
        """,
        subcommands: [OpenCommand.self, InitCommand.self, ImportCommand.self, DecideCommand.self, ExplainCommand.self, AssignCommand.self, ImplementCommand.self, ActionCommand.self, ConsultCommand.self, ProposalsCommand.self, TakeCommand.self, RefuseCommand.self, HistoryCommand.self, ExportCommand.self, StatsCommand.self, CheckCommand.self, ClustersCommand.self, RecoverCommand.self, FoldCommand.self, MergeCommand.self, GitSetupCommand.self, ResolveCommand.self, RecordCommand.self, PrecedentCommand.self, KillTargetCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}

/// Options every subcommand shares.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: "The ledger file.")
    var ledger: String = "upr-ledger.json"

    @Option(name: .long, help: "Who is deciding (default: $UPR_ANALYST, else the login name).")
    var analyst: String?

    var url: URL { URL(fileURLWithPath: ledger).standardizedFileURL }
    var analystName: String { Analyst.current(analyst) }

    /// Opens the ledger for writing, under its lock; where it cannot be, a clear message and a
    /// non-zero exit.
    func openStore() throws -> LedgerStore {
        do {
            let store = try LedgerStore.open(url, analyst: analystName).store
            tell(store.notes)
            ExitRelease.keep(store)
            return store
        } catch {
            throw failOpening(error, url)
        }
    }

    /// Reads the ledger without locking it (export, statistics, listings), through the one
    /// strict reader; what the user must know (a torn last journal line) goes to standard error.
    func readLedger() throws -> Ledger {
        do {
            let (ledger, notes) = try LedgerStore.readReporting(url)
            tell(notes)
            ExitRelease.keep(ledger)
            return ledger
        } catch {
            throw failOpening(error, url)
        }
    }

    /// IDs as typed (a trailing dot, as older reports write them, is dropped), every one of them a
    /// recommendation of the ledger; else nothing is recorded.
    func knownIDs(_ ids: [String], in ledger: Ledger) throws -> [String] {
        let normalized = ids.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        let unknown = normalized.filter { !ledger.contains($0) }
        guard unknown.isEmpty else {
            throw fail("no recommendation with ID \(unknown.joined(separator: ", ")) in \(url.path); nothing was recorded.")
        }
        return normalized
    }
}

/// Prints a clear message (no stack, no Swift error dump) and exits non-zero. Where a ledger does not
/// open and a backup or journal exists, says how to recover.
func fail(_ message: String, code: Int32 = 1, ledger: URL? = nil) -> ExitCode {
    var message = message
    if let ledger, FileManager.default.fileExists(atPath: LedgerStore.backupURL(for: ledger).path)
        || FileManager.default.fileExists(atPath: LedgerJournal.url(for: ledger).path) {
        message += "\nTo restore it from \(ledger.lastPathComponent).bak and its journal (the damaged file is kept): upr recover --ledger \(ledger.path)"
    }
    FileHandle.standardError.write(Data("upr: \(PrintableText.clean(message, keepingLineBreaks: true))\n".utf8))
    return ExitCode(code)
}

/// Notes about the ledger (a torn journal line, a fold that could not be written), on standard error.
func tell(_ notes: [String]) {
    for note in notes { FileHandle.standardError.write(Data("upr: \(PrintableText.clean(note))\n".utf8)) }
}

extension StatusSelection: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ExportFormat: ExpressibleByArgument {}

/// A ledger that did not open: the message, and how to recover where the file is damaged.
func failOpening(_ error: Error, _ ledger: URL) -> ExitCode {
    switch error as? LedgerError {
    case .syntax?, .invalidField?, .unreadable?, .damagedJournal?: fail("\(error)", ledger: ledger)
    default: fail("\(error)")
    }
}
