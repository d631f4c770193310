import ArgumentParser
import Foundation
import ReviewModel

/// Starts a ledger from the embedded illustrative sample without opening the workbench, for
/// scripts (the workbench does the same on first start).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a ledger from the embedded illustrative sample (refuses to replace an existing one)."
    )

    @OptionGroup var options: LedgerOptions

    func run() throws {
        if FileManager.default.fileExists(atPath: options.url.path) {
            throw fail("\(options.url.path) exists already; it was left untouched.")
        }
        do {
            let store = try LedgerStore.open(options.url, analyst: options.analystName, seed: Sample.ledger).store
            store.close()
        } catch {
            throw fail("\(error)")
        }
        print("Started \(options.url.path) from the embedded illustrative sample (not the official text).")
    }
}
