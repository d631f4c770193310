import ArgumentParser
import Foundation
import ReviewModel

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write decision lists: IDs, CSV, JSON, or the supported/noted lists of an addendum."
    )

    @OptionGroup var options: LedgerOptions

    @Option(name: .long, help: "ids, csv, json or addendum.")
    var format: ExportFormat = .ids

    @Option(name: .long, help: "Only recommendations that are accepted, under-consideration, rejected or undecided (not for addendum).")
    var status: StatusSelection?

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Overwrite the output file if it exists.")
    var force = false

    func run() throws {
        let text: String
        do {
            let ledger = try LedgerStore.read(options.url)
            text = try DecisionExport.render(ledger, format: format, status: status)
        } catch {
            throw failOpening(error, options.url)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: url.path) && !force {
            throw fail("\(url.path) exists; pass --force to overwrite it.")
        }
        do {
            try DurableFile.write(Data(text.utf8), to: url)
        } catch {
            throw fail("\(error)")
        }
    }
}
