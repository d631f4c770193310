import ArgumentParser
import Foundation
import ReviewModel

/// `upr action add ID TEXT [--due DATE] [--lead MINISTRY]` and `upr action done ID N`: the
/// national plan's actions on a supported recommendation, recorded as decisions are.
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Add an action to a supported recommendation's plan, or mark one done.",
        subcommands: [ActionAddCommand.self, ActionDoneCommand.self]
    )
}

struct ActionAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an action (numbered from 1 in the order added).")

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The recommendation's ID.") var id: String
    @Argument(help: "What is to be done.") var text: String
    @Option(help: "Due day, YYYY-MM-DD.") var due: String?
    @Option(help: "The lead ministry (also the recommendation's lead where it has none).") var lead: String?

    func run() throws {
        try ActionEdit.record(options, id) { ledger, id, who, now in
            try ledger.addAction(id, text, due: due, lead: lead, by: who, at: now)
        } done: { ledger, id in
            "Action \(ledger.implementation(of: id)?.actions.count ?? 0) added to \(id)\(due.map { ", due \($0)" } ?? "")"
        }
    }
}

struct ActionDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark action N done (--undone: not done).")

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The recommendation's ID.") var id: String
    @Argument(help: "The action's number, from 1 (upr history ID lists them).") var number: Int
    @Flag(help: "Mark it not done again.") var undone = false

    func run() throws {
        try ActionEdit.record(options, id) { ledger, id, who, now in
            try ledger.markAction(id, number, done: !undone, by: who, at: now)
        } done: { _, id in
            "Action \(number) of \(id) \(undone ? "not done" : "done")"
        }
    }
}

/// Opens, edits, records durably, then says what was done; an edit refused records nothing.
enum ActionEdit {
    static func record(_ options: LedgerOptions, _ given: String,
                       _ edit: (inout Ledger, String, String, Date) throws -> ChangeEvent?,
                       done message: (Ledger, String) -> String) throws {
        let store = try options.openStore()
        defer { store.close() }
        var ledger = store.saved
        guard let id = try options.knownIDs([given], in: ledger).first else { return }
        do {
            let event = try edit(&ledger, id, options.analystName, Date())
            try store.record(ledger)
            TerminalOutput.line(event == nil ? "Nothing changed on \(id)." : message(ledger, id))
        } catch let error as ImplementationError {
            throw fail("\(error) Nothing was recorded.")
        } catch {
            throw fail("\(error)")
        }
        if let problem = store.close() { tell([problem]) }
    }
}
