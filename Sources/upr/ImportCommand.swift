import ArgumentParser
import Foundation
import ReviewImport
import ReviewModel

/// `upr import FILE...`: builds a ledger from official documents or updates one. All files are
/// read first; the ledger is written once at the end, or not at all.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a Working Group report (text or PDF), an addendum, an OHCHR thematic list (.docx) or UPR Info CSV.",
        discussion: """
        The format is detected from the content and reported. A new ledger is created where none \
        exists; an existing one keeps every decision by ID and the report lists what changed. \
        Positions (addendum, thematic list, UPR Info) are applied to undecided recommendations \
        (supported → accepted, noted → rejected); differences from decisions already taken are listed.
        """
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "Files to import, in order (the report before positions that refer to it).")
    var files: [String]

    @Option(name: .long, help: "report-text, pdf, addendum, thematic-list, uprinfo-csv or ministry (default: detected).")
    var format: String?

    @Option(name: .long, help: "ministry: whose sheet it is, where the file does not say (a CSV).")
    var ministry: String?

    @Flag(name: .long, help: "ministry: keep the valid rows' proposals even where other rows have problems (the exit status still says so).")
    var partial = false

    @Option(name: .long, help: "apply, compare (list differences only) or ignore the positions a file gives.")
    var positions: String = "apply"

    @Flag(name: .long, help: "Let positions replace decisions already taken.")
    var overwrite = false

    @Flag(name: .long, help: "Let a corrected document drop recommendations that carried decisions.")
    var dropGone = false

    @Option(name: .long, help: "UPR Info: the State under review to take rows for.")
    var stateUnderReview: String?

    @Option(name: .long, help: "UPR Info: the UPR session to take rows for.")
    var session: Int?

    @Flag(name: .long, help: "The files are an earlier cycle's (report with its addendum, a thematic list, or UPR Info rows): keep its recommendations and positions as the ledger's reference, replacing any before.")
    var reference = false

    @Option(name: .long, help: "--reference: how the detail pane names the earlier cycle, e.g. \"A/HRC/26/6 (2014)\" (default: the document's symbol).")
    var referenceLabel: String?

    @Flag(name: .long, help: .hidden)
    var showLines = false

    func run() throws {
        if showLines {
            for file in files {
                try WorkingGroupReport.showLines(URL(fileURLWithPath: file)).split(separator: "\n", omittingEmptySubsequences: false)
                    .dropLast().forEach { TerminalOutput.line(String($0)) }
            }
            return
        }
        if format == "ministry" || (format == nil && !files.isEmpty && files.allSatisfy { MinistrySheetImport.looksLikeMinistrySheet(URL(fileURLWithPath: $0)) }) {
            return try runMinistry()
        }
        if ministry != nil || partial { throw ValidationError("--ministry and --partial apply to ministry sheets only.") }
        if reference { return try runReference() }
        var settings = Importer.Options(analyst: options.analystName)
        if let format {
            guard let chosen = SourceDetection.format(named: format) else { throw ValidationError("Unknown format \(format).") }
            settings.format = chosen
        }
        guard let mode = Importer.PositionMode(rawValue: positions) else { throw ValidationError("--positions takes apply, compare or ignore.") }
        settings.positions = mode
        settings.overwriteDecisions = overwrite
        settings.dropGoneDecisions = dropGone
        settings.stateUnderReview = stateUnderReview
        settings.session = session

        let exists = FileManager.default.fileExists(atPath: options.url.path)
        let store: LedgerStore?
        do {
            store = exists ? try LedgerStore.open(options.url, analyst: options.analystName).store : nil
        } catch {
            throw fail("\(error)")
        }
        tell(store?.notes ?? [])
        defer { store?.close() }

        var importer: Importer
        do {
            importer = Importer(ledger: store?.saved, options: settings, states: try StateDirectory.bundled())
            for file in files { try importer.add(URL(fileURLWithPath: file)) }
        } catch {
            throw fail("\(error)\nNothing was imported; \(options.url.path) is unchanged.")
        }
        printReport(importer)
        if mode == .compare {
            for difference in importer.differences {
                TerminalOutput.line("  \(difference.id): ledger \(difference.ledger?.label ?? "undecided"), source \(difference.source.rawValue)")
            }
            return
        }
        guard let ledger = importer.ledger else {
            throw fail("nothing to import: no recommendations were found in \(files.joined(separator: ", ")); \(options.url.path) was not created.")
        }
        do {
            if let store {
                try store.save(ledger)
            } else {
                let created = try LedgerStore.open(options.url, analyst: options.analystName, seed: { ledger }).store
                created.close()
            }
        } catch {
            throw fail("\(error)")
        }
        TerminalOutput.line("\(exists ? "Updated" : "Created") \(options.url.path): \(ledger.recommendations.count) recommendations.")
    }

    /// An earlier cycle: its files go through the `Importer` into a scratch ledger (never
    /// saved), whose recommendations and positions become the reference of the ledger, in one
    /// full save. Decisions, history and the current recommendations are not touched.
    func runReference() throws {
        guard positions == "apply" else { throw ValidationError("--reference takes the positions the files give; leave out --positions.") }
        var settings = Importer.Options(analyst: options.analystName)
        if let format {
            guard let chosen = SourceDetection.format(named: format) else { throw ValidationError("Unknown format \(format).") }
            settings.format = chosen
        }
        settings.stateUnderReview = stateUnderReview
        settings.session = session
        settings.earlierCycle = true
        let store: LedgerStore
        do {
            store = try LedgerStore.open(options.url, analyst: options.analystName).store
        } catch {
            throw failOpening(error, options.url)
        }
        tell(store.notes)
        defer { store.close() }
        guard let earlier = try earlierLedger(settings), !earlier.recommendations.isEmpty else {
            throw fail("no recommendations were found in \(files.joined(separator: ", ")); \(options.url.path) is unchanged.")
        }
        var ledger = store.saved
        let label = referenceLabel ?? ReferenceRecommendation.label(earlier.document, files: files)
        ledger.reference = ReferenceRecommendation.records(of: earlier, symbol: label)
        let memory = CycleMemory(ledger)
        let supported = ledger.reference.filter { $0.position == .supported }.count
        let noted = ledger.reference.filter { $0.position == .noted }.count
        do {
            try store.save(ledger)
        } catch {
            throw fail("\(error)")
        }
        TerminalOutput.line("Reference of \(options.url.path): \(ledger.reference.count) earlier recommendations from \(label) (\(supported) supported, \(noted) noted, \(ledger.reference.count - supported - noted) without a position).")
        TerminalOutput.line("\(memory.matchedCount) of \(ledger.recommendations.count) current recommendations have an earlier match (filter has:earlier; was:supported for those supported then and not accepted now).")
    }

    /// Ministry sheets: checked row by row, then proposals recorded (all or nothing unless
    /// --partial). Proposals are no decisions: `upr take` applies them.
    func runMinistry() throws {
        let store = try options.openStore()
        defer { store.close() }
        var ledger = store.saved
        var results: [MinistrySheetImport.Result] = []
        do {
            for file in files {
                results.append(try MinistrySheetImport.read(URL(fileURLWithPath: file), ledger: ledger, ministry: ministry, at: Date()))
            }
        } catch {
            throw fail("\(error)\nNothing was imported; \(options.url.path) is unchanged.")
        }
        let problems = results.flatMap(\.problems)
        for result in results {
            TerminalOutput.line("\(result.file): sheet of \(result.ministry), \(result.rows) row\(result.rows == 1 ? "" : "s"), \(result.proposals.count) proposal\(result.proposals.count == 1 ? "" : "s"), \(result.problems.count) problem\(result.problems.count == 1 ? "" : "s")")
        }
        if !problems.isEmpty {
            TerminalOutput.line("\(problems.count) problem\(problems.count == 1 ? "" : "s"):")
            problems.forEach { TerminalOutput.line("  \($0)") }
        }
        let proposals = results.flatMap(\.proposals)
        if !problems.isEmpty && !partial {
            throw fail("\(problems.count) problem\(problems.count == 1 ? "" : "s") in the sheet\(files.count == 1 ? "" : "s"): nothing was imported; \(options.url.path) is unchanged. Ask the ministry to correct the rows, or pass --partial to keep the \(proposals.count) valid proposal\(proposals.count == 1 ? "" : "s").")
        }
        do {
            for proposal in proposals { try ledger.propose(proposal) }
            if !proposals.isEmpty { try store.save(ledger) }
        } catch {
            throw fail("\(error)")
        }
        TerminalOutput.line("Recorded \(proposals.count) proposal\(proposals.count == 1 ? "" : "s") (pending: see `upr proposals`, then `upr take` or `upr refuse`).")
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

extension ImportCommand {
    /// The earlier cycle: its own upr ledger (`--reference last-cycle.json`, read by the one strict
    /// reader, with its decisions and what its national plan implemented), or documents imported.
    func earlierLedger(_ settings: Importer.Options) throws -> Ledger? {
        if files.count == 1, files[0].lowercased().hasSuffix(".json") {
            do {
                return try LedgerStore.read(URL(fileURLWithPath: files[0]))
            } catch {
                throw fail("\(error)\nNothing was imported; \(options.url.path) is unchanged.")
            }
        }
        var importer = Importer(ledger: nil, options: settings, states: try StateDirectory.bundled())
        do {
            for file in files { try importer.add(URL(fileURLWithPath: file)) }
        } catch {
            throw fail("\(error)\nNothing was imported; \(options.url.path) is unchanged.")
        }
        printReport(importer)
        return importer.ledger
    }
}

extension ImportCommand {
    /// What the import read and what it noticed, cleaned for the terminal.
    func printReport(_ importer: Importer) {
        importer.report.forEach { TerminalOutput.line($0) }
        if !importer.warnings.isEmpty {
            TerminalOutput.line("\(importer.warnings.count) warning\(importer.warnings.count == 1 ? "" : "s"):")
            importer.warnings.forEach { TerminalOutput.line("  \($0)") }
        }
    }
}
