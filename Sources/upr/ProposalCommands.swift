import ArgumentParser
import Foundation
import ReviewModel

/// `upr proposals`: what line ministries proposed and no analyst has taken or refused yet.
struct ProposalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposals",
        abstract: "List the pending proposals of line ministries (imported from their workbooks)."
    )

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let ledger = try options.readLedger()
        let pending = ledger.recommendations.compactMap { ledger.proposals[$0.id] }
        if pending.isEmpty { TerminalOutput.line("No pending proposals.") }
        for proposal in pending {
            let current = ledger.status(of: proposal.id)?.label ?? "undecided"
            TerminalOutput.line("\(proposal.id)  \(proposal.ministry)  \(current) → \(proposal.summary)  (\(proposal.file):\(proposal.line))")
        }
    }
}

/// Takes or refuses pending proposals. A full save, not the journal: the journal holds history
/// entries only, and a proposal's removal must survive a restart too.
struct ProposalDecision {
    let options: LedgerOptions
    let ids: [String]
    let all: Bool

    func run(taking: Bool) throws {
        let store = try options.openStore()
        defer { store.close() }
        var ledger = store.saved
        let wanted = all ? ledger.recommendations.map(\.id).filter { ledger.proposals[$0] != nil }
            : ids.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        let missing = wanted.filter { ledger.proposals[$0] == nil }
        guard missing.isEmpty else {
            throw fail("no pending proposal for \(missing.joined(separator: ", ")); nothing was changed. See `upr proposals`.")
        }
        guard !wanted.isEmpty else { TerminalOutput.line("No pending proposals."); return }
        let now = Date(), group = ledger.nextGroup
        for id in wanted {
            if taking {
                let proposal = ledger.proposals[id]!
                let event = try ledger.takeProposal(id, by: options.analystName, at: now, group: group)
                TerminalOutput.line("\(id): " + (event?.summary ?? "took \(proposal.source): nothing to change"))
            } else if let proposal = ledger.refuseProposal(id) {
                TerminalOutput.line("\(id): refused \(proposal.source) (\(proposal.summary))")
            }
        }
        do {
            try store.save(ledger)
        } catch {
            throw fail("\(error)")
        }
    }
}

struct TakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "Apply ministries' pending proposals as your decisions (the history names the source)."
    )

    @OptionGroup var options: LedgerOptions
    @Argument(help: "Recommendation IDs with a pending proposal.") var ids: [String] = []
    @Flag(name: .long, help: "Every pending proposal.") var all = false

    func validate() throws {
        if ids.isEmpty == !all { throw ValidationError("Give recommendation IDs, or --all.") }
    }

    func run() throws { try ProposalDecision(options: options, ids: ids, all: all).run(taking: true) }
}

struct RefuseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refuse",
        abstract: "Drop ministries' pending proposals without applying them."
    )

    @OptionGroup var options: LedgerOptions
    @Argument(help: "Recommendation IDs with a pending proposal.") var ids: [String] = []
    @Flag(name: .long, help: "Every pending proposal.") var all = false

    func validate() throws {
        if ids.isEmpty == !all { throw ValidationError("Give recommendation IDs, or --all.") }
    }

    func run() throws { try ProposalDecision(options: options, ids: ids, all: all).run(taking: false) }
}
