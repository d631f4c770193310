import ArgumentParser
import Foundation
import ReviewModel
import ReviewExport

/// The flags of the Word documents (`--format docx`, `--format briefing`).
struct DocumentFlags: ParsableArguments {
    @Flag(name: .long, help: "docx: write lists of IDs as ranges (140.1-6, 9) instead of each ID in full.")
    var ranges = false

    @Option(name: .long, help: "docx: the Council session's dates for the heading block, e.g. '16 June–11 July 2025'.")
    var sessionDates: String?

    @Option(name: .long, help: "docx: the date of issue, YYYY-MM-DD (default: the day of the latest decision).")
    var issued: String?

    @Option(name: .customLong("state"), help: "briefing: only this recommending State (repeat for several; default: every one).")
    var states: [String] = []

    func validate(_ format: ExportFormat) throws {
        if (ranges || sessionDates != nil || issued != nil) && format != .docx {
            throw ValidationError("--ranges, --session-dates and --issued apply to --format docx only.")
        }
        if !states.isEmpty && format != .briefing { throw ValidationError("--state applies to --format briefing only.") }
        if let issued, Timestamp.parse(issued + "T00:00:00Z") == nil { throw ValidationError("--issued: expected a date like 2025-04-08, found '\(issued)'.") }
    }

    var options: DocumentOptions {
        DocumentOptions(ranges: ranges, sessionDates: sessionDates, issued: issued.flatMap { Timestamp.parse($0 + "T00:00:00Z") }, states: states)
    }
}
