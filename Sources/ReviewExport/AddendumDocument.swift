import Foundation
import ReviewModel

/// The addendum as a Word document in the shape OHCHR publishes (A/HRC/59/15/Add.1 for one):
/// the heading block (symbol, distribution, date, session, agenda item, title), numbered
/// paragraphs, then the supported, the supported and already implemented and the noted
/// recommendations, each list followed by the explanations of its recommendations. Refused while
/// anything is open unless a draft is asked for, which says so at the top and the bottom; the
/// lists and the explanations are read back and checked before anything is written.
enum AddendumDocument {
    struct Section {
        var heading: String
        var lead: String
        var ids: [String]
    }

    static func data(_ ledger: Ledger, positions: [Int], draft: Bool, options: DocumentOptions) throws -> Data {
        let groups = AddendumGroups(ledger, positions: positions)
        if groups.openCount > 0 && !draft { throw ExportError.notReady(open: groups.open) }
        let state = ledger.document.stateUnderReview
        let sections = [
            Section(heading: "Supported recommendations", lead: "The Government of \(state) supports the following recommendations:", ids: groups.supported),
            Section(heading: "Supported recommendations that \(state) considers already implemented or in the process of implementation",
                    lead: "The Government of \(state) supports the following recommendations and considers them already implemented or in the process of implementation:",
                    ids: groups.implemented),
            Section(heading: "Noted recommendations", lead: "The Government of \(state) takes note of the following recommendations:", ids: groups.noted),
        ].filter { !$0.ids.isEmpty }
        let pending = [("Under consideration", groups.underConsideration), ("Undecided", groups.undecided)].filter { !$0.1.isEmpty }
        let list = { (ids: [String]) in options.ranges ? IDRanges.compress(ids) : ids.joined(separator: ", ") }
        // What is still open is for the analysts, not for publication: always as ranges, short.
        try AddendumGroups.check(written: sections.map { ($0.ids.count, list($0.ids)) } + pending.map { ($0.1.count, IDRanges.compress($0.1)) },
                                 expected: groups.all)
        let explanations = ExplanationGroup.groups(ledger, positions: positions)
        try ExplanationGroup.check(explanations, expected: groups.all)

        var body = heading(ledger, options: options)
        if let notice = ledger.notice { body.append(.paragraph(WordParagraph("NOTE: \(notice)", style: "Draft"))) }
        if groups.openCount > 0 {
            body.append(.paragraph(WordParagraph("DRAFT, NOT FOR PUBLICATION: \(groups.openCount) of \(positions.count) recommendations have no final position (listed at the end).", style: "Draft")))
        }
        var number = 0
        func numbered(_ text: String) -> WordBlock {
            number += 1
            var paragraph = WordParagraph("\(number).\t\(text)", style: "Body")
            (paragraph.indent, paragraph.hanging) = (567, 567)
            return .paragraph(paragraph)
        }
        let supportedCount = groups.supported.count + groups.implemented.count
        body.append(numbered("This document contains the response of the Government of \(state) to the recommendations made during its \(cycleWords(ledger.document.cycle))Universal Periodic Review."))
        let categories = sections.enumerated().map { "\(roman($0.offset + 1)). \($0.element.heading)" }.joined(separator: "; ")
        body.append(numbered("\(state) received \(positions.count) recommendations. Of these, \(supportedCount) are supported"
            + (groups.implemented.isEmpty ? "" : " (\(groups.implemented.count) of them considered already implemented or in the process of implementation)")
            + " and \(groups.noted.count) noted" + (groups.openCount > 0 ? "; \(groups.openCount) have no position yet" : "")
            + ". The response is clustered into \(sections.count) categor\(sections.count == 1 ? "y" : "ies"): \(categories)."))
        let sectionOf = Dictionary(sections.enumerated().flatMap { index, section in section.ids.map { ($0, index) } }, uniquingKeysWith: { a, _ in a })
        for (index, section) in sections.enumerated() {
            body.append(sectionHeading("\(roman(index + 1)).\t\(section.heading)"))
            body.append(numbered("\(section.lead) \(list(section.ids))."))
            for group in explanations where sectionOf[group.ids[0]] == index { body += explanation(group) }
        }
        if !pending.isEmpty {
            body.append(sectionHeading("Still open (not for publication)"))
            for (label, ids) in pending { body.append(.paragraph(WordParagraph("\(label) (\(ids.count)): \(IDRanges.compress(ids))", style: "Body"))) }
            for group in explanations where sectionOf[group.ids[0]] == nil { body += explanation(group) }
            body.append(.paragraph(WordParagraph("DRAFT, NOT FOR PUBLICATION: \(groups.openCount) recommendations have no final position.", style: "Draft")))
        }
        return try DocxPackage.data(title: "\(addendumSymbol(ledger)): \(state), views on conclusions and/or recommendations",
                                    header: addendumSymbol(ledger), body: body, modified: DecisionWorkbook.latestDecision(ledger))
    }

    static func addendumSymbol(_ ledger: Ledger) -> String { ledger.document.symbol + "/Add.1" }

    /// The masthead and the title, as on the first page of every addendum.
    static func heading(_ ledger: Ledger, options: DocumentOptions) -> [WordBlock] {
        func line(_ left: String, _ right: String, style: String = "Masthead", bold: Bool = false, rule: Bool = false) -> WordBlock {
            var paragraph = WordParagraph(runs: [.init(text: left, bold: bold), .init(text: "\t" + right)], style: style)
            paragraph.rightTab = DocxPackage.textWidth
            paragraph.ruleBelow = rule
            return .paragraph(paragraph)
        }
        let issued = options.issued ?? DecisionWorkbook.latestDecision(ledger)
        var blocks = [
            line("United Nations", addendumSymbol(ledger), style: "Symbol", bold: true),
            line("General Assembly", "Distr.: General", bold: true),
            line("", DocumentWords.date(issued)),
            line("", "Original: English", rule: true),
            .paragraph(WordParagraph("Human Rights Council", style: "Session", bold: true)),
        ]
        var session: [String] = []
        if let number = DocumentWords.councilSession(ledger.document.symbol) { session.append("\(DocumentWords.ordinal(number)) session") }
        if let dates = options.sessionDates { session.append(dates) }
        session += ["Agenda item 6", "Universal periodic review"]
        blocks += session.map { .paragraph(WordParagraph($0, style: "Session")) }
        blocks += [
            .paragraph(WordParagraph("Report of the Working Group on the Universal Periodic Review", style: "Title")),
            .paragraph(WordParagraph(ledger.document.stateUnderReview, style: "Subtitle")),
            .paragraph(WordParagraph("Addendum", style: "Subtitle")),
            .paragraph(WordParagraph("Views on conclusions and/or recommendations, voluntary commitments and replies presented by the State under review", style: "Subtitle")),
        ]
        return blocks
    }

    static func sectionHeading(_ text: String) -> WordBlock {
        var paragraph = WordParagraph(text, style: "Heading1")
        (paragraph.indent, paragraph.hanging) = (567, 567)
        return .paragraph(paragraph)
    }

    /// The IDs on a line of their own, then the text, a paragraph each.
    static func explanation(_ group: ExplanationGroup) -> [WordBlock] {
        var heading = WordParagraph(group.heading, style: "ExplanationIDs")
        heading.indent = 567
        return [.paragraph(heading)] + group.text.components(separatedBy: "\n\n").map { text in
            var paragraph = WordParagraph(text, style: "Body")
            (paragraph.indent, paragraph.firstLine) = (567, 567)
            return .paragraph(paragraph)
        }
    }

    static func roman(_ number: Int) -> String { ["I", "II", "III", "IV", "V"][min(number, 5) - 1] }

    /// `fourth ` for cycle 4; nothing where the cycle is unknown.
    static func cycleWords(_ cycle: Int?) -> String {
        guard let cycle, cycle > 0 else { return "" }
        return DocumentWords.ordinal(cycle).lowercased() + " "
    }
}
