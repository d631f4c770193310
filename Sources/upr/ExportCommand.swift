import ArgumentParser
import Foundation
import ReviewModel
import ReviewRecord
import ReviewExport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write decision lists and reports: IDs, CSV, JSON, the addendum (text or Word), XLSX, Markdown, HTML, per recommending State, the briefing pack (Word), the national plan (plan: XLSX, or Word with -o FILE.docx) or the mid-term report (midterm: Word, or HTML with -o FILE.html).",
        discussion: """
        The addendum (text or docx) is refused (exit status 3, listing what is open) while any recommendation is \
        undecided or under consideration; --draft writes it anyway, marked as a draft. Files are \
        written atomically and never replaced without --force.
        """
    )

    @OptionGroup var options: LedgerOptions

    /// The public record the briefing pack reads each State's profile from.
    @OptionGroup var record: RecordOptions

    @Option(name: .long, help: "ids, csv, json, addendum, xlsx, markdown, html, per-state, ministry, docx (the addendum in Word), briefing (Word, per recommending State), plan (the national plan: .xlsx or .docx) or midterm (the mid-term report: .docx or .html).")
    var format: ExportFormat = .ids

    @Option(name: .long, help: "Only recommendations that are accepted, under-consideration, rejected or undecided (ids, csv, json, xlsx, per-state).")
    var status: StatusSelection?

    @Option(name: .long, help: "Only recommendations that pass this filter, e.g. 'state:France decision:undecided' (the workbench's filter language).")
    var filter: String?

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output; with --split, to this folder.")
    var output: String?

    @Flag(name: .long, help: "Overwrite the output file(s) if they exist.")
    var force = false

    @Flag(name: .long, help: "midterm: print the consultation's comments (upr consult import) under each recommendation.")
    var consultation = false

    @Flag(name: .long, help: "addendum, docx: write it even while recommendations are open, marked as a draft that lists them.")
    var draft = false

    @Flag(name: .long, help: "per-state: one Markdown file per recommending State in the folder given with -o.")
    var split = false

    @Option(name: .long, help: "ministry: only this ministry's workbook, written to the file given with -o.")
    var ministry: String?

    @OptionGroup var document: DocumentFlags

    func validate() throws {
        try document.validate(format)
        if ministry != nil && format != .ministry { throw ValidationError("--ministry applies to --format ministry only.") }
        if format == .ministry && output == nil {
            throw ValidationError("ministry writes one workbook per ministry: name the folder with -o FOLDER (or one file with --ministry NAME -o FILE.xlsx).")
        }
        if status != nil && !format.takesStatus {
            throw ValidationError("--status does not apply to \(format.rawValue): it always covers every recommendation.")
        }
        if filter != nil && (!format.takesStatus || split) {
            throw ValidationError("--filter does not apply to \(split ? "--split" : format.rawValue): it always covers every recommendation.")
        }
        if draft && format != .addendum && format != .docx { throw ValidationError("--draft applies to --format addendum and docx only.") }
        if consultation && format != .midterm { throw ValidationError("--consultation applies to --format midterm only.") }
        if split && format != .perState { throw ValidationError("--split applies to --format per-state only.") }
        if split && output == nil { throw ValidationError("--split writes one file per State: name the folder with -o FOLDER.") }
        if format.isBinary && output == nil {
            throw ValidationError("\(format.rawValue) is a binary format: name the file with -o FILE.\(format.fileExtension).")
        }
    }

    func run() throws {
        let ledger = try options.readLedger()
        let positions = try filtered(ledger)
        do {
            if split, let output {
                let files = try DecisionExport.perStateFiles(ledger, status: status)
                try ExportFiles.write(files, into: URL(fileURLWithPath: output), force: force)
                FileHandle.standardError.write(Data("upr: wrote \(files.count) files (one per recommending State) to \(output)\n".utf8))
                return
            }
            if format == .ministry, let output {
                if let ministry {
                    try ExportFiles.write(try DecisionExport.ministryData(ledger, ministry: ministry), to: URL(fileURLWithPath: output), force: force)
                    return
                }
                let files = try DecisionExport.ministryFiles(ledger)
                guard !files.isEmpty else { throw fail("no recommendation is assigned to a ministry yet; assign some with `upr assign MINISTRY ID...`.") }
                try ExportFiles.write(files, into: URL(fileURLWithPath: output), force: force)
                FileHandle.standardError.write(Data("upr: wrote \(files.count) workbook\(files.count == 1 ? "" : "s") (one per ministry) to \(output): \(files.map(\.name).joined(separator: ", "))\n".utf8))
                return
            }
            var documentOptions = document.options
            if format == .briefing { documentOptions.profiles = try profiles(ledger) }
            documentOptions.fileExtension = output.map { URL(fileURLWithPath: $0).pathExtension }
            documentOptions.consultation = consultation
            let data = try DecisionExport.data(ledger, format: format, status: status, positions: positions, draft: draft, document: documentOptions)
            guard let output else {
                FileHandle.standardOutput.write(TerminalOutput.export(data))
                return
            }
            try ExportFiles.write(data, to: URL(fileURLWithPath: output), force: force)
        } catch let error as ExportError {
            throw explain(error)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail("\(error)")
        }
    }

    /// The briefing pack's profile of each recommending State in the public UPR record, where a
    /// record has been imported (`upr record import`); none, and no error, where there is none.
    func profiles(_ ledger: Ledger) throws -> [String: StateProfile] {
        guard FileManager.default.fileExists(atPath: record.url.path) else { return [:] }
        let states = Set(ledger.recommendations.flatMap(\.states))
        let loaded = try record.load()
        let review = ReviewContext(ledger.document, states: try? StateDirectory.bundled())
            .identified(in: loaded, texts: ledger.recommendations.map(\.text))
        return loaded.profiles(of: states, for: review)
    }

    /// The positions `--filter` selects, or nil for all. A filter that does not parse is shown with
    /// a caret under the place.
    func filtered(_ ledger: Ledger) throws -> [Int]? {
        guard let filter else { return nil }
        do {
            let query = try FilterQuery.parse(filter, states: try StateDirectory.bundled())
            return RecommendationFilter(query: query).positions(in: ledger)
        } catch let error as FilterSyntaxError {
            throw fail("--filter: \(error.message) at column \(error.offset + 1):\n  \(filter)\n  \(String(repeating: " ", count: error.offset))^", code: 2)
        }
    }

    /// The library's reason, with the flag that changes the outcome.
    func explain(_ error: ExportError) -> ExitCode {
        switch error {
        case .notReady: fail("\(error)\nDecide them first, or pass --draft to write a draft that says it is one.", code: 3)
        case .exists: fail("\(error); pass --force to overwrite \(split || (format == .ministry && ministry == nil) ? "them" : "it").")
        default: fail("\(error)")
        }
    }
}
