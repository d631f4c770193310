import ArgumentParser
import Foundation
import ReviewImport
import ReviewModel

/// `upr consult import FILE` and `upr consult [ID...]`: comments of organizations and
/// individuals from the consultation, kept apart from the government's own notes.
struct ConsultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consult",
        abstract: "Consultation comments: import a sheet (ID, Organization, Comment, Date), or list them.",
        subcommands: [ConsultListCommand.self, ConsultImportCommand.self],
        defaultSubcommand: ConsultListCommand.self
    )
}

struct ConsultImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import a consultation sheet (.xlsx or .csv); all or nothing.")

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The sheet.") var file: String
    @Flag(help: "Record the valid rows even where others have problems (exit status still 1).") var partial = false

    func run() throws {
        let store = try options.openStore()
        defer { store.close() }
        var ledger = store.saved
        let result: ConsultationImport.Result
        do {
            result = try ConsultationImport.read(URL(fileURLWithPath: file), ledger: ledger)
        } catch {
            throw fail("\(error)\nNothing was imported; \(options.url.path) is unchanged.")
        }
        result.problems.forEach { TerminalOutput.line($0) }
        if !result.problems.isEmpty && !partial {
            throw fail("\(result.problems.count) problem\(result.problems.count == 1 ? "" : "s") in \(file); nothing was imported (--partial records the valid rows).")
        }
        let added = try ledger.addComments(result.comments.map { ($0.id, $0.comment) })
        do {
            try store.save(ledger)
        } catch {
            throw fail("\(error)")
        }
        TerminalOutput.line("Consultation: \(added) comment\(added == 1 ? "" : "s") imported from \(file) (\(result.comments.count - added) already held).")
        if !result.problems.isEmpty { throw ExitCode(1) }
    }
}

struct ConsultListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the consultation comments (of some IDs, or all).")

    @OptionGroup var options: LedgerOptions
    @Argument(help: "Recommendation IDs (all when none).") var ids: [String] = []

    func run() throws {
        let ledger = try options.readLedger()
        let wanted = ids.isEmpty ? ledger.recommendations.map(\.id) : try options.knownIDs(ids, in: ledger)
        for id in wanted {
            for comment in ledger.comments(on: id) {
                TerminalOutput.line("\(id)  \(comment.date ?? "(no date)")  \(comment.organization): \(comment.comment)  (\(comment.file):\(comment.line))")
            }
        }
    }
}
