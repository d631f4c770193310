import ArgumentParser
import Foundation
import ReviewModel

/// Reads the ledger and its clusters (from `LEDGER.clusters` when current, else computed and cached).
private func ledgerAndClusters(_ options: LedgerOptions) throws -> (Ledger, ClusterMap) {
    let ledger = try options.readLedger()
    return (ledger, ClusterCache.load(for: options.url, ledger: ledger))
}

/// One member per line: ID, decision, States, the start of the text.
/// The ID column is as wide as the longest ID of the listing: an ID is never cut (`1004.1005`).
private func printMembers(_ members: [Int], _ ledger: Ledger) {
    let width = max(8, members.map { ledger.recommendations[$0].id.count }.max() ?? 0)
    for position in members {
        let r = ledger.recommendations[position]
        let decision = ledger.status(of: r.id)?.label ?? "undecided"
        let text = r.text.count > 70 ? String(r.text.prefix(69)) + "…" : r.text
        let id = r.id.count >= width ? r.id : r.id + String(repeating: " ", count: width - r.id.count)
        TerminalOutput.line("  \(id) \(decision.padding(toLength: 19, withPad: " ", startingAt: 0)) \(r.states.joined(separator: ", ")): \(text)")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List clusters of the same ask decided two ways, and open merge conflicts; exit 1 while any of either is there.",
        discussion: "Accepted against rejected is a conflict (exit 1), and so is a merge conflict not yet resolved (exit 1; settle it with upr resolve). Under consideration next to a final decision is listed as open, without failing. Undecided members conflict with nothing."
    )

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let (ledger, clusters) = try ledgerAndClusters(options)
        let findings = ConsistencyCheck.findings(ledger, clusters: clusters)
        let conflicts = findings.filter { $0.kind == .conflict }.count
        for finding in findings {
            TerminalOutput.line(finding.kind == .conflict ? "CONFLICT: the same ask accepted and rejected" : "open: under consideration beside a final decision")
            printMembers(finding.members, ledger)
        }
        let merges = ledger.conflictedIDs
        for id in merges {
            TerminalOutput.line("MERGE CONFLICT: \(id) (shown: \(ledger.status(of: id)?.label ?? "undecided"), the common base's; resolve with upr resolve \(id) --take ours|theirs)")
            for side in ledger.conflicts[id] ?? [] { TerminalOutput.line("    \(side.summary)") }
        }
        TerminalOutput.line("\(clusters.clusters.count) clusters; \(conflicts) decided two ways; \(findings.count - conflicts) open; \(merges.count) open merge conflict\(merges.count == 1 ? "" : "s").")
        if conflicts > 0 || !merges.isEmpty { throw ExitCode(1) }
    }
}

struct ClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Print the clusters of the same ask (or the one holding ID)."
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "A recommendation ID: print only its cluster.")
    var id: String?

    func run() throws {
        let (ledger, clusters) = try ledgerAndClusters(options)
        if let id {
            guard let position = ledger.indexByID[id] else { throw fail("no recommendation \(id) in \(options.url.lastPathComponent)") }
            guard let members = clusters.cluster(of: position) else {
                TerminalOutput.line("\(id) is in no cluster: no other recommendation makes the same ask.")
                return
            }
            TerminalOutput.line("Cluster of \(id) (\(members.count) recommendations):")
            printMembers(members, ledger)
            return
        }
        for (number, members) in clusters.clusters.enumerated() {
            TerminalOutput.line("Cluster \(number + 1) (\(members.count)):")
            printMembers(members, ledger)
        }
        TerminalOutput.line("\(clusters.clusters.count) clusters of \(clusters.clusters.reduce(0) { $0 + $1.count }) recommendations.")
    }
}
