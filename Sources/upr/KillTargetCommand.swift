import ArgumentParser
import Foundation
import ReviewModel

/// For the kill loop (Tests/EndToEndTests/KillLoopTests, Scripts/kill-loop.sh): makes decisions as
/// fast as it can, each through the same journal as the workbench, and reports each one on
/// standard output only after it is durable. Hidden from help: not for analysts.
struct KillTargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kill-target", shouldDisplay: false)

    @OptionGroup var options: LedgerOptions

    @Option(help: "Index of the first step.") var start = 0
    @Option(help: "Steps to make.") var count = 100_000
    @Option(help: "Fold the journal every N changes.") var foldEvery = 7
    @Flag(help: "Progress work instead of decisions: step i adds the note `step i` to a supported recommendation.") var progress = false
    @Flag(help: "Each step as `upr decide` makes it (a store of its own, quick where the index allows), a fold every --fold-every steps.") var quick = false

    /// Step i decides recommendation i mod n, cycling through the statuses on each pass.
    static func step(_ index: Int, ids: [String]) -> (id: String, status: DecisionStatus?) {
        let statuses: [DecisionStatus?] = [.accepted, .rejected, .underConsideration, nil]
        return (ids[index % ids.count], statuses[(index / ids.count + index) % statuses.count])
    }

    func run() throws {
        if quick { return try quickSteps(ids: try LedgerStore.read(options.url).recommendations.map(\.id)) }
        let store = try LedgerStore.open(options.url, analyst: "kill-target").store
        store.foldEvery = foldEvery
        var ledger = store.saved
        let ids = ledger.recommendations.map(\.id)
        if progress { return try progressSteps(store, &ledger) }
        for index in start..<(start + count) {
            let step = Self.step(index, ids: ids)
            try ledger.decide(step.id, step.status, by: "kill-target", at: Date())
            try store.record(ledger)
            // Folds in the background as the workbench does, so that kills land inside them too.
            store.collectFinishedFold()
            if store.foldIsDue { try store.beginFold() }
            // Unbuffered: the line is out as soon as the decision is durable.
            FileHandle.standardOutput.write(Data("saved \(index)\n".utf8))
        }
        store.close()
    }
}

extension KillTargetCommand {
    /// Step i as `upr decide` makes it, each in a process's worth of opening and closing; every
    /// `foldEvery` steps a fold, which writes the index again.
    func quickSteps(ids: [String]) throws {
        for index in start..<(start + count) {
            let step = Self.step(index, ids: ids)
            var path = "full"
            if let store = LedgerQuickStore.open(options.url, analyst: "kill-target", ids: [step.id]) {
                path = "quick"
                var ledger = store.ledger
                try ledger.decide(step.id, step.status, by: "kill-target", at: Date(), group: store.nextGroup)
                try store.record(ledger)
                store.close()
            } else {
                let store = try LedgerStore.open(options.url, analyst: "kill-target").store
                var ledger = store.saved
                try ledger.decide(step.id, step.status, by: "kill-target", at: Date())
                try store.record(ledger)
                store.close()
            }
            FileHandle.standardOutput.write(Data("saved \(index) \(path)\n".utf8))
            // A fold also after a step the index could not serve (a kill left it stale), as `upr fold` would.
            if (index + 1) % foldEvery == 0 || path == "full" {
                let store = try LedgerStore.open(options.url, analyst: "kill-target").store
                try store.fold()
                store.close()
            }
        }
    }

    /// Step i adds the progress note `step i` to the (i mod n)th supported recommendation.
    func progressSteps(_ store: LedgerStore, _ ledger: inout Ledger) throws {
        let supported = ledger.supportedIDs
        for index in start..<(start + count) {
            try ledger.addProgressNote(supported[index % supported.count], "step \(index)", by: "kill-target", at: Date())
            try store.record(ledger)
            FileHandle.standardOutput.write(Data("saved \(index)\n".utf8))
        }
        store.close()
    }
}
