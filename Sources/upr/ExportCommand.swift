import ArgumentParser
import Foundation
import ReviewModel
import ReviewExport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write decision lists and reports: IDs, CSV, JSON, the addendum, XLSX, Markdown or HTML.",
        discussion: """
        The addendum is refused (exit status 3, listing what is open) while any recommendation is \
        undecided or under consideration; --draft writes it anyway, marked as a draft.
        """
    )

    @OptionGroup var options: LedgerOptions

    @Option(name: .long, help: "ids, csv, json, addendum, xlsx, markdown or html.")
    var format: ExportFormat = .ids

    @Option(name: .long, help: "Only recommendations that are accepted, under-consideration, rejected or undecided (ids, csv, json, xlsx).")
    var status: StatusSelection?

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Overwrite the output file if it exists.")
    var force = false

    @Flag(name: .long, help: "addendum: write it even while recommendations are open, marked as a draft that lists them.")
    var draft = false

    func validate() throws {
        if status != nil && !format.takesStatus {
            throw ValidationError("--status does not apply to \(format.rawValue): it always covers every recommendation.")
        }
        if draft && format != .addendum { throw ValidationError("--draft applies to --format addendum only.") }
        if format.isBinary && output == nil {
            throw ValidationError("\(format.rawValue) is a binary format: name the file with -o FILE.\(format.fileExtension).")
        }
    }

    func run() throws {
        let ledger: Ledger
        do {
            ledger = try LedgerStore.read(options.url)
        } catch {
            throw failOpening(error, options.url)
        }
        let data: Data
        do {
            data = try DecisionExport.data(ledger, format: format, status: status, draft: draft)
        } catch let error as ExportError {
            throw explain(error)
        } catch {
            throw fail("\(error)")
        }
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: url.path) && !force {
            throw fail("\(url.path) exists; pass --force to overwrite it.")
        }
        do {
            try DurableFile.write(data, to: url)
        } catch {
            throw fail("\(error)")
        }
    }

    /// The library's reason, with the flag that changes the outcome.
    func explain(_ error: ExportError) -> ExitCode {
        switch error {
        case .notReady: fail("\(error)\nDecide them first, or pass --draft to write a draft that says it is one.", code: 3)
        default: fail("\(error)")
        }
    }
}
