import Foundation
import ReviewModel

/// The briefing pack for the bilateral meetings before the session, as one Word document: a
/// section per recommending State (its regional group, its recommendations with our decision and
/// our reasons, its totals), each starting on a new page.
enum BriefingDocument {
    static func data(_ ledger: Ledger, positions: [Int], options: DocumentOptions, directory: StateDirectory?) throws -> Data {
        var states = PerStateExport.recommenders(ledger, positions)
        if !options.states.isEmpty {
            states = try options.states.map { asked in
                let name = directory?.resolve(asked)?.name ?? asked
                guard let found = states.first(where: { $0.state == name || fold($0.state) == fold(asked) }) else {
                    throw ExportError.noSuchState(asked)
                }
                return found
            }
        }
        let document = ledger.document
        var body: [WordBlock] = [
            .paragraph(WordParagraph("Briefing pack", style: "Title")),
            .paragraph(WordParagraph("Recommendations to \(document.stateUnderReview) and our decisions, by recommending State", style: "Subtitle")),
            .paragraph(WordParagraph("\(document.symbol): \(document.title)", style: "Body")),
            .paragraph(WordParagraph("State of the decisions on \(DocumentWords.date(DecisionWorkbook.latestDecision(ledger))). \(states.count) recommending State\(states.count == 1 ? "" : "s"), "
                + "each in a section of its own after this table.", style: "Body")),
        ]
        if let notice = ledger.notice { body.append(.paragraph(WordParagraph("NOTE: \(notice)", style: "Draft"))) }
        body.append(.table(overview(ledger, states, directory: directory)))
        for entry in states {
            body += section(ledger, state: entry.state, positions: entry.positions, directory: directory, newPage: true)
            if let profile = options.profiles[entry.state] { body += self.profile(profile, of: entry.state, to: document.stateUnderReview) }
        }
        return try DocxPackage.data(title: "Briefing pack: \(document.stateUnderReview) (\(document.symbol))",
                                    header: "Briefing pack: \(document.stateUnderReview), \(document.symbol)", body: body,
                                    modified: DecisionWorkbook.latestDecision(ledger))
    }

    /// The cover's table: one row per State with its group and its counts, for the delegation to
    /// see at a glance whom to thank and whom to explain a "noted" to.
    static func overview(_ ledger: Ledger, _ states: [(state: String, positions: [Int])], directory: StateDirectory?) -> WordTable {
        WordTable(widths: [3000, 2638, 1200, 1000, 900, 900], header: ["Recommending State", "Regional group", "Recommen­dations", "Supported", "Noted", "Open"],
                  rows: states.map { entry in
            var counts = StatusCounts()
            entry.positions.forEach { counts.add(ledger.status(of: ledger.recommendations[$0].id)) }
            let open = counts[.underConsideration] + counts[.undecided]
            return [entry.state, DecisionSummary.groupName(of: entry.state, in: directory), "\(entry.positions.count)",
                    "\(counts[.accepted])", "\(counts[.rejected])", "\(open)"].map { [WordParagraph($0, style: "TableText")] }
        })
    }

    /// The State across the table in the public record: how much it asks and how it is received,
    /// its commonest issues, and what it asked of the State under review before.
    static func profile(_ profile: StateProfile, of state: String, to stateUnderReview: String) -> [WordBlock] {
        var blocks: [WordBlock] = [.paragraph(WordParagraph("\(state) in the public UPR record", style: "Heading2")),
                                   .paragraph(WordParagraph(profile.summary, style: "Body"))]
        if !profile.issues.isEmpty {
            blocks.append(.paragraph(WordParagraph(runs: [.init(text: "Its commonest issues: ", bold: true),
                                                          .init(text: profile.issues.joined(separator: "; ") + ".")], style: "Body")))
        }
        if !profile.toThisState.isEmpty {
            blocks.append(.paragraph(WordParagraph(runs: [.init(text: "What it asked of \(stateUnderReview) before:", bold: true)], style: "Body")))
            blocks.append(.table(WordTable(widths: [1400, 6338, 1900], header: ["Session (year)", "Recommendation", "Response"], rows: profile.toThisState.map { ask in
                [[WordParagraph("\(ask.session) (\(ask.year))", style: "TableText")], [WordParagraph(ask.text, style: "TableText")],
                 [WordParagraph(ask.response, style: "TableText")]]
            })))
        }
        return blocks
    }

    static func fold(_ name: String) -> String { name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }

    static func section(_ ledger: Ledger, state: String, positions: [Int], directory: StateDirectory?, newPage: Bool) -> [WordBlock] {
        let rows = positions.map { ExportRow(ledger, position: $0) }
        var counts = StatusCounts()
        rows.forEach { counts.add($0.status) }
        var heading = WordParagraph(state, style: "Heading1")
        heading.pageBreakBefore = newPage
        let tally = DecisionColumn.allCases.filter { counts[$0.selection] > 0 }
            .map { "\(counts[$0.selection]) \($0.title.lowercased())\($0.published.hasPrefix("(") ? "" : " (\($0.published))")" }
        var blocks: [WordBlock] = [
            .paragraph(heading),
            .paragraph(WordParagraph(runs: [.init(text: "Regional group: ", bold: true), .init(text: DecisionSummary.groupName(of: state, in: directory))], style: "Body")),
            .paragraph(WordParagraph(runs: [.init(text: "Totals: ", bold: true),
                                            .init(text: "\(rows.count) recommendation\(rows.count == 1 ? "" : "s"): \(tally.joined(separator: ", ")).")], style: "Body")),
        ]
        let table = WordTable(widths: [800, 3900, 1300, 3638], header: ["ID", "Recommendation", "Our decision", "Our reasons"], rows: rows.map { row in
            var recommendation = [WordParagraph(row.text, style: "TableText")]
            let others = row.states.filter { $0 != state }
            if !others.isEmpty { recommendation.append(WordParagraph("Also recommended by: \(others.joined(separator: ", "))", style: "TableText", italic: true)) }
            var decision = [WordParagraph(row.decision, style: "TableText", bold: true)]
            if let published = row.published { decision.append(WordParagraph(published, style: "TableText")) }
            var reasons: [WordParagraph] = []
            if !row.note.isEmpty { reasons.append(WordParagraph(row.note, style: "TableText")) }
            if let explanation = row.explanation {
                reasons.append(WordParagraph(runs: [.init(text: "Addendum: ", bold: true), .init(text: explanation)], style: "TableText"))
            }
            return [[WordParagraph(row.id, style: "TableText")], recommendation, decision, reasons]
        })
        blocks.append(.table(table))
        return blocks
    }
}
