import Foundation
import ReviewModel

/// What `upr import` does with each file: documents (report, thematic list, UPR Info rows of one
/// review) build or update the ledger's recommendations; positions (addendum, thematic list,
/// UPR Info) are applied to the ledger or compared with it. Everything happens in memory; the
/// caller saves once, so nothing half-imported is ever written.
public struct Importer {
    public enum PositionMode: String, CaseIterable, Sendable { case apply, compare, ignore }

    public struct Options: Sendable {
        public var format: SourceFormat?
        public var positions: PositionMode = .apply
        /// Let positions replace decisions the analysts already took.
        public var overwriteDecisions = false
        /// Let a corrected document drop IDs that carried decisions.
        public var dropGoneDecisions = false
        /// UPR Info files hold every review: which one to take.
        public var stateUnderReview: String?
        public var session: Int?
        /// The files are an earlier cycle's (`upr import --reference`): their positions are kept as
        /// that cycle's answers, not applied to anyone's decisions, and the report says so.
        public var earlierCycle = false
        public var analyst: String
        public var now: Date

        public init(analyst: String, now: Date = Date()) {
            self.analyst = analyst
            self.now = now
        }
    }

    /// A position that differs from the ledger's decision.
    public struct Difference: Equatable, Sendable {
        public var id: String
        public var ledger: DecisionStatus?
        public var source: PublishedPosition
    }

    public private(set) var ledger: Ledger?
    public private(set) var report: [String] = []
    public private(set) var warnings: [ImportWarning] = []
    public private(set) var differences: [Difference] = []
    let options: Options
    let states: StateDirectory

    public init(ledger: Ledger?, options: Options, states: StateDirectory) {
        self.ledger = ledger
        self.options = options
        self.states = states
    }

    /// Reads one file and folds it into the ledger being built.
    public mutating func add(_ url: URL) throws {
        let file = url.path
        let data: Data
        data = try InputLimits.read(url, file: file)  // sizes and lines within limits
        let detected = try options.format.map { ($0, "as asked with --format") } ?? SourceDetection.detect(data, file: file)
        report.append("\(file): read as \(detected.0.rawValue) (\(detected.1))")
        switch detected.0 {
        case .reportText:
            try addReport(WorkingGroupReport.parse(try SourceText.decode(data, file: file), file: file))
        case .reportPDF:
            let layout = try PDFLayout.read(url)
            if options.format == nil, layout.looksLikeAddendum {
                report[report.count - 1] = "\(file): read as addendum (a PDF whose first page is the State's “Views on conclusions and/or recommendations”)"
                try addAddendum(data, url: url)
            } else {
                try addReport(WorkingGroupReport.parsePDF(layout, file: url))
            }
        case .thematicList:
            let document = try ThematicList.read(url)
            try addDocument(document)
            try addPositions(Dictionary(document.recommendations.compactMap { r in r.position.map { (r.id, $0) } }, uniquingKeysWith: { a, _ in a }), from: file)
        case .addendum:
            try addAddendum(data, url: url)
        case .uprInfoCSV:
            try addUPRInfo(url)
        case .ledger:
            throw ImportError.notRecognized(file: file, reason: "this is a upr ledger already; open it with --ledger")
        }
    }

    /// An addendum, from its text or its PDF: positions, then the explanations it gives.
    mutating func addAddendum(_ data: Data, url: URL) throws {
        let file = url.path
        let parsed = try Addendum.parse(try AddendumSource.text(data, url: url), file: file)
        warnings += parsed.warnings
        try addPositions(parsed.positions, from: file)
        if options.positions == .apply, !options.earlierCycle, var current = ledger {
            let kept = try AddendumExplanations.apply(parsed.explanations, to: &current, file: file, overwrite: options.overwriteDecisions,
                                                      analyst: options.analyst, at: options.now)
            (ledger, report, warnings) = (current, report + kept.report, warnings + kept.warnings)
        }
    }

    /// A report: its recommendations, then the positions its own lead-ins and comments state,
    /// applied as an addendum's are.
    mutating func addReport(_ document: ImportedDocument) throws {
        try addDocument(document)
        for line in document.summary { report.append("  " + line) }
        let stated = document.recommendations.compactMap { r in r.position.map { (r.id, $0) } }
        try addPositions(Dictionary(stated, uniquingKeysWith: { a, _ in a }), from: document.file)
    }

    mutating func addUPRInfo(_ url: URL) throws {
        let file = url.path
        let (rows, rowWarnings) = try UPRInfoCSV.rows(url)
        warnings += rowWarnings
        report.append("  \(rows.count) UPR Info rows")
        if let current = ledger {
            let recommendations = current.recommendations.map { ImportedRecommendation(id: $0.id, text: $0.text, states: $0.states, line: 0) }
            let stateUnderReview = options.stateUnderReview ?? current.document.stateUnderReview
            let wanted = canonical(stateUnderReview)
            let selected = rows.filter { row in canonical(row.stateUnderReview) == wanted && (options.session.map { row.session == $0 } ?? true) }
            let matched = UPRInfoCSV.positions(selected, for: recommendations, resolve: canonical, file: file)
            warnings += matched.warnings
            try addPositions(matched.positions, from: file)
            return
        }
        guard let stateUnderReview = options.stateUnderReview else {
            throw ImportError.notRecognized(file: file, reason: "UPR Info files hold every review: say which with --state-under-review NAME (and --session N)")
        }
        let selected = rows.filter { canonical($0.stateUnderReview) == canonical(stateUnderReview) }
        let document = UPRInfoCSV.document(selected, stateUnderReview: canonical(stateUnderReview), session: options.session, file: file)
        guard !document.recommendations.isEmpty else {
            // The export is split by sessions: the review may be in another of the files given.
            report.append("  no rows for \(stateUnderReview)\(options.session.map { " in session \($0)" } ?? "") in this file")
            return
        }
        try addDocument(document)
        try addPositions(Dictionary(document.recommendations.compactMap { r in r.position.map { (r.id, $0) } }, uniquingKeysWith: { a, _ in a }), from: file)
    }

    /// The canonical name of a State, or the name as given where it matches nothing.
    func canonical(_ name: String) -> String { states.resolve(name)?.name ?? name }

    mutating func addDocument(_ document: ImportedDocument) throws {
        warnings += document.warnings
        var recommendations: [Recommendation] = []
        var unknown: Set<String> = []
        for imported in document.recommendations {
            let names = imported.states.flatMap { name -> [String] in
                if let entry = states.resolve(name) { return [entry.name] }
                if let repair = StateNameRepair.repair(name, in: states) {
                    warnings.append(ImportWarning(file: document.file, line: imported.line, page: imported.page,
                                                  message: "\(imported.id): State “\(name)” \(repair.how): \(repair.names.joined(separator: ", "))"))
                    return repair.names
                }
                if unknown.insert(name).inserted {
                    warnings.append(ImportWarning(file: document.file, line: imported.line, page: imported.page, message: "State “\(name)” is not in the list of States; kept as written"))
                }
                return [name]
            }
            var unique: [String] = []
            for name in names where !unique.contains(name) { unique.append(name) }
            // The document's own spelling is kept where it is not today's name.
            let asWritten = names == imported.states ? [] : imported.states
            recommendations.append(Recommendation(id: imported.id, text: imported.text, states: unique, themes: imported.themes, groups: imported.groups,
                                                  sdgs: imported.sdgs, statesAsWritten: asWritten, asRead: imported.asRead))
        }
        let info = document.info ?? DocumentInfo(symbol: URL(fileURLWithPath: document.file).lastPathComponent, title: "Imported from \(document.file)", stateUnderReview: options.stateUnderReview ?? "")
        let stateCount = Set(recommendations.flatMap(\.states)).count
        let joint = recommendations.filter { $0.states.count > 1 }.count
        let range = recommendations.isEmpty ? "" : " (\(recommendations.first!.id) to \(recommendations.last!.id))"
        report.append("  \(recommendations.count) recommendations\(range) from \(stateCount) States; \(joint) made by several States")

        guard let current = ledger else {
            ledger = try Ledger(document: info, recommendations: recommendations)
            return
        }
        if current.notice != nil {
            throw ImportError.notRecognized(file: document.file, reason: "the ledger holds the illustrative sample; import into a new ledger (--ledger NEW.json)")
        }
        if let symbol = document.info?.symbol, !current.document.symbol.isEmpty, symbol != current.document.symbol, !current.recommendations.isEmpty {
            throw ImportError.notRecognized(file: document.file, reason: "it is \(symbol), the ledger holds \(current.document.symbol); import into a new ledger (--ledger NEW.json)")
        }
        let merged = try current.reimporting(recommendations, document: document.info.map { _ in info }, dropGoneDecisions: options.dropGoneDecisions)
        let changes = merged.changes
        if !merged.applied {
            let lost = changes.goneWithWork.map { "\($0.id) (\($0.record.decision?.label ?? "note only"))" }.joined(separator: ", ")
            throw ImportError.notRecognized(file: document.file, reason: "these IDs are gone from the new text but carry decisions: \(lost). Nothing was changed; pass --drop-gone to drop them")
        }
        ledger = merged.ledger
        if changes.isEmpty {
            report.append("  no change against the ledger")
        } else {
            report.append("  changes: \(changes.added.count) added, \(changes.textChanged.count) with new text, \(changes.statesChanged.count) with other States, \(changes.gone.count) gone")
            for id in changes.added { report.append("    added \(id)") }
            for id in changes.textChanged { report.append("    text changed \(id)") }
            for id in changes.statesChanged { report.append("    States changed \(id)") }
            for entry in changes.gone { report.append("    gone \(entry.id)\(entry.record.map { " (had: \($0.decision?.label ?? "a note"))" } ?? "")") }
        }
    }

    mutating func addPositions(_ positions: [String: PublishedPosition], from file: String) throws {
        guard !positions.isEmpty, options.positions != .ignore else { return }
        guard var current = ledger else {
            throw ImportError.notRecognized(file: file, reason: "it gives positions only; import the report first (or in the same command, before it)")
        }
        let supported = positions.values.filter { $0 != .noted }.count
        report.append("  positions: \(supported) supported, \(positions.count - supported) noted")
        var applied = 0, conflicts = 0
        // One import is one undo step, and the history names the document it came from.
        let group = current.nextGroup
        let source = "published position in \(URL(fileURLWithPath: file).lastPathComponent)"
        for recommendation in current.recommendations {
            guard let position = positions[recommendation.id] else { continue }
            let record = current.record(for: recommendation.id)
            let decision = record?.decision
            let implemented = position == .supportedImplemented
            if decision == position.decision && (decision != .accepted || (record?.implemented ?? false) == implemented) { continue }
            differences.append(Difference(id: recommendation.id, ledger: decision, source: position))
            guard options.positions == .apply else { continue }
            if decision != nil && decision != position.decision && !options.overwriteDecisions { conflicts += 1; continue }
            // A document that says only "supported" does not take away a mark the analysts set.
            if decision == .accepted, record?.implemented == true, !implemented, !options.overwriteDecisions { conflicts += 1; continue }
            try current.applyPosition(recommendation.id, position.decision, implemented: implemented, source: source,
                                      by: options.analyst, at: options.now, group: group)
            applied += 1
        }
        for id in positions.keys.sorted(by: RecommendationID.precedes) where !current.contains(id) {
            warnings.append(ImportWarning(file: file, line: 0, message: "position for \(id), which is not a recommendation of the ledger"))
        }
        if options.earlierCycle {
            report.append("  kept with \(applied) recommendations as the earlier cycle's published positions")
        } else if options.positions == .apply {
            report.append("  applied to \(applied) recommendations; \(conflicts) differ from decisions already taken (kept; --overwrite replaces them)")
        } else {
            report.append("  \(differences.count) differ from the ledger")
        }
        ledger = current
    }
}

/// Text files arrive as UTF-8 or, from older tools, Latin-1 / Windows-1252.
public enum SourceText {
    public static func decode(_ data: Data, file: String) throws -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        if let text = String(data: data, encoding: .windowsCP1252) ?? String(data: data, encoding: .isoLatin1) { return text }
        throw ImportError.unreadable(file: file, reason: "neither UTF-8 nor Latin-1 text")
    }
}
