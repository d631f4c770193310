import ArgumentParser
import Foundation
import ReviewModel

/// `upr merge BASE OURS THEIRS`: git's merge driver for ledgers (`upr merge %O %A %B`). Writes the
/// merged ledger over OURS (or `-o`). Exit 0: clean. Exit 1: merged and written, with decision
/// conflicts recorded in the ledger for the analyst to resolve (git marks the file conflicted and
/// stops before committing). Exit 2: a side is not a ledger of the same document; nothing written.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Three-way merge of ledgers (git's merge driver; see `upr git-setup`).",
        discussion: """
        Exit status 0 when clean; 1 when decisions conflict (the merged ledger is written with the \
        conflicts recorded in it: resolve them with `upr resolve` or in the workbench, then commit); \
        2 when a side does not read as a ledger or the documents differ (nothing is written).
        """
    )

    @Argument(help: "The common ancestor (git's %O).") var base: String
    @Argument(help: "Our version (git's %A); the result is written here unless -o is given.") var ours: String
    @Argument(help: "Their version (git's %B).") var theirs: String
    @Option(name: [.short, .customLong("output")], help: "Write the result here instead of over OURS.") var output: String?
    @Option(name: .long, help: "The ledger's path in the repository (git's %P), to name it in messages.") var path: String?
    @Option(name: .customLong("ours-label"), help: "How conflicts name our side.") var oursLabel = "ours"
    @Option(name: .customLong("theirs-label"), help: "How conflicts name their side.") var theirsLabel = "theirs"
    @Option(name: .long, help: "Who is merging (default: $UPR_ANALYST, else the login name).") var analyst: String?

    func read(_ file: String, _ role: String) throws -> Ledger {
        let name = path.map { "\($0) (\(role): \(file))" } ?? "\(file) (\(role))"
        do {
            return try LedgerCoding.decode(try Data(contentsOf: URL(fileURLWithPath: file)), path: name)
        } catch let error as LedgerError {
            throw fail("\(error)\nThe merge was not made; \(ours) was left untouched. Mend that version (or take one side with `git checkout --ours/--theirs`), then merge again.", code: 2)
        } catch {
            throw fail("cannot read \(name): \(error.localizedDescription). The merge was not made.", code: 2)
        }
    }

    func run() throws {
        let b = try read(base, "common base"), o = try read(ours, oursLabel), t = try read(theirs, theirsLabel)
        let result: (ledger: Ledger, conflicts: [MergeConflict])
        do {
            result = try LedgerMerge.merge(base: b, ours: o, theirs: t, oursLabel: oursLabel, theirsLabel: theirsLabel)
        } catch {
            throw fail("\(path ?? ours): \(error)", code: 2)
        }
        let out = URL(fileURLWithPath: output ?? ours)
        do {
            try DurableFile.write(try LedgerCoding.encode(result.ledger), to: out)
        } catch {
            throw fail("\(error)", code: 2)
        }
        let name = path ?? out.lastPathComponent
        for conflict in result.conflicts { TerminalOutput.line("upr merge: \(name): \(conflict.description)") }
        let open = result.conflicts.filter { $0.kind == .decision }
        guard open.isEmpty else {
            TerminalOutput.line("upr merge: \(name): \(open.count) decision conflict\(open.count == 1 ? "" : "s") recorded in the ledger (merged by \(Analyst.current(analyst))). Resolve with `upr resolve ID --take ours|theirs` or in the workbench (:conflicts), then `git add` and commit.")
            throw ExitCode(1)
        }
        TerminalOutput.line("upr merge: \(name): merged cleanly (merged by \(Analyst.current(analyst))).")
    }
}

/// `upr git-setup`: tells git to merge ledgers with `upr merge` (attributes and driver).
struct GitSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Make git merge ledgers with upr (.gitattributes and the merge driver in the repository's config)."
    )

    @OptionGroup var options: LedgerOptions
    @Option(name: .long, help: "The git repository (default: the current folder).") var repo: String = "."

    static let driver = "upr-ledger"

    func git(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw fail("cannot run git: \(error.localizedDescription)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw fail("git \(arguments.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The running binary's absolute path, so the driver works without upr on PATH.
    static var executable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// Adds the lines `file` lacks (idempotent); returns them.
    static func appendMissing(_ lines: [String], to file: URL) throws -> [String] {
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = lines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return [] }
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += missing.map { $0 + "\n" }.joined()
        do { try DurableFile.write(Data(text.utf8), to: file) } catch { throw fail("\(error)") }
        return missing
    }

    func run() throws {
        let top = try git(["rev-parse", "--show-toplevel"], in: repo)
        let attributes = URL(fileURLWithPath: top).appendingPathComponent(".gitattributes")
        var lines = ["upr-ledger*.json merge=\(Self.driver)"]
        let ledgerName = options.url.lastPathComponent
        if !ledgerName.hasPrefix("upr-ledger") || !ledgerName.hasSuffix(".json") { lines.append("\(ledgerName) merge=\(Self.driver)") }
        let missing = try Self.appendMissing(lines, to: attributes)
        // The files upr keeps beside a ledger are no one else's business: git ignores them.
        var ignored = ["upr-ledger*.json.*", ".upr-ledger*.json*.tmp-*"]
        if !ledgerName.hasPrefix("upr-ledger") || !ledgerName.hasSuffix(".json") { ignored += ["\(ledgerName).*", ".\(ledgerName)*.tmp-*"] }
        let ignore = URL(fileURLWithPath: top).appendingPathComponent(".gitignore")
        let missingIgnores = try Self.appendMissing(ignored, to: ignore)
        // git runs the driver through the shell: the path is quoted for it.
        let quoted = "'" + Self.executable.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let command = "\(quoted) merge %O %A %B --path %P"
        _ = try git(["config", "merge.\(Self.driver).name", "UPR ledger (decisions merged per recommendation by upr)"], in: top)
        _ = try git(["config", "merge.\(Self.driver).driver", command], in: top)
        TerminalOutput.line(missing.isEmpty ? ".gitattributes already routes ledgers to upr." : "Added to \(attributes.path): \(missing.joined(separator: "; "))")
        TerminalOutput.line(missingIgnores.isEmpty ? ".gitignore already leaves out the ledger's working files." : "Added to \(ignore.path) (the ledger's .bak, .journal, .lock, .clusters, .index and temp files): \(missingIgnores.joined(separator: "; "))")
        TerminalOutput.line("git config merge.\(Self.driver).driver \(command)")
        TerminalOutput.line("Merges will be made as \(options.analystName); decision conflicts stop `git merge` and stay in the ledger until resolved (`upr resolve`, or :conflicts in the workbench). Commit .gitattributes so the team shares it; each clone runs `upr git-setup` once.")
    }
}

/// `upr resolve ID... --take ours|theirs`, or with no ID, the open conflicts listed.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle merge conflicts (taking one side), or list them."
    )

    enum Side: String, ExpressibleByArgument, CaseIterable { case ours, theirs }

    @OptionGroup var options: LedgerOptions
    @Argument(help: "Recommendation IDs with an open conflict (none: list the open conflicts).") var ids: [String] = []
    @Option(name: .long, help: "ours or theirs.") var take: Side?
    @Flag(name: .long, help: "Every open conflict.") var all = false

    func validate() throws {
        if (!ids.isEmpty || all) && take == nil { throw ValidationError("Say which side with --take ours or --take theirs.") }
        if !ids.isEmpty && all { throw ValidationError("Give recommendation IDs or --all, not both.") }
    }

    func run() throws {
        guard let take else {
            let ledger = try options.readLedger()
            if ledger.conflictedIDs.isEmpty { TerminalOutput.line("No open merge conflicts.") }
            for id in ledger.conflictedIDs {
                TerminalOutput.line("\(id)  shown: \(ledger.status(of: id)?.label ?? "undecided") (the common base's)")
                for side in ledger.conflicts[id] ?? [] { TerminalOutput.line("    \(side.summary)") }
            }
            return
        }
        let store = try options.openStore()
        defer { store.close() }
        var ledger = store.saved
        let wanted = all ? ledger.conflictedIDs : ids.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        let missing = wanted.filter { ledger.conflicts[$0] == nil }
        guard missing.isEmpty else { throw fail("no open merge conflict on \(missing.joined(separator: ", ")); nothing was changed. See `upr resolve`.") }
        guard !wanted.isEmpty else { TerminalOutput.line("No open merge conflicts."); return }
        let now = Date(), group = ledger.nextGroup
        for id in wanted {
            let event = try ledger.resolveConflict(id, take: take == .ours ? .ours : .theirs, by: options.analystName, at: now, group: group)
            TerminalOutput.line("\(id): \(event.summary)")
        }
        do { try store.save(ledger) } catch { throw fail("\(error)") }
        let left = ledger.conflictedIDs.count
        TerminalOutput.line(left == 0 ? "No merge conflicts left." : "\(left) merge conflict\(left == 1 ? "" : "s") left.")
    }
}
