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

    @Option(name: .long, help: "report-text, pdf, addendum, thematic-list or uprinfo-csv (default: detected).")
    var format: String?

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

    func run() throws {
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
        defer { store?.close() }

        var importer: Importer
        do {
            importer = Importer(ledger: store?.saved, options: settings, states: try StateDirectory.bundled())
            for file in files { try importer.add(URL(fileURLWithPath: file)) }
        } catch {
            throw fail("\(error)\nNothing was imported; \(options.url.path) is unchanged.")
        }
        importer.report.forEach { print($0) }
        if !importer.warnings.isEmpty {
            print("\(importer.warnings.count) warning\(importer.warnings.count == 1 ? "" : "s"):")
            importer.warnings.forEach { print("  \($0)") }
        }
        if mode == .compare {
            for difference in importer.differences {
                print("  \(difference.id): ledger \(difference.ledger?.label ?? "undecided"), source \(difference.source.rawValue)")
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
        print("\(exists ? "Updated" : "Created") \(options.url.path): \(ledger.recommendations.count) recommendations.")
    }
}
