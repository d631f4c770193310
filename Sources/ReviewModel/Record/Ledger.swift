import Foundation

/// One review's complete record: the document, its recommendations and every decision taken on
/// them. One ledger file holds one ledger.
public struct Ledger: Equatable, Sendable {
    public static let currentSchemaVersion = 3

    public var schemaVersion: Int
    /// Counts the times the ledger file was written in full; the journal says which generation
    /// its changes apply to, and a save checks it to never overwrite changes it has not seen.
    public var generation: Int
    /// Says where the text comes from, e.g. that the embedded sample is illustrative.
    public var notice: String?
    public var document: DocumentInfo
    public private(set) var recommendations: [Recommendation]
    public private(set) var decisions: DecisionTable
    /// Position of each ID in `recommendations`; built once, at load.
    public private(set) var indexByID: IDIndex
    /// Every change ever made, oldest first.
    public private(set) var history: [ChangeEvent]
    /// The file's history is still being read (`LedgerStore.completeHistory`): `history` holds
    /// only what came after it (the journal's changes). Such a ledger is never written.
    public internal(set) var historyPending = false
    /// Named filters (name → filter text), kept with the review so a team shares them.
    public var views: [String: String] = [:]
    /// What line ministries sent back, by ID, waiting for an analyst to take or refuse it. Not a
    /// decision and not in the history; saved with the ledger (a full save, not the journal).
    public private(set) var proposals: [String: Proposal]
    /// Open merge conflicts, by ID: the two sides' records (with their labels) that a `git merge`
    /// of two branches could not reconcile (`LedgerMerge`). While one is open the decision shown is
    /// the common base's; `resolveConflict` settles it. Saved only when there are some.
    public internal(set) var conflicts: [String: [ConflictSide]] = [:]
    /// The recommendations of an earlier cycle with the positions then published (`upr import
    /// --reference`), so that an ask made again is seen with last time's answer (`CycleMemory`).
    /// Saved only when there are some.
    public var reference: [ReferenceRecommendation] = []
    /// Comments from the consultation of organizations and individuals, by ID (`Consultation`).
    /// Not the government's notes and not in the history; saved only when there are some.
    public var consultation: [String: [ConsultationComment]] = [:]

    public init(
        schemaVersion: Int = Ledger.currentSchemaVersion,
        notice: String? = nil,
        document: DocumentInfo,
        recommendations: [Recommendation],
        decisions: [String: DecisionRecord] = [:],
        generation: Int = 0,
        history: [ChangeEvent] = [],
        proposals: [String: Proposal] = [:]
    ) throws {
        try self.init(schemaVersion: schemaVersion, notice: notice, document: document, recommendations: recommendations, decisions: decisions,
                      generation: generation, history: history, proposals: proposals, placed: nil, positions: nil)
    }

    /// `placed`, where given, is the record at each position, found by a reader that met the
    /// decisions in the recommendations' order (`decisions` is then not read). `positions`, where
    /// given, is the position of each ID, made by the reader (each ID once).
    init(
        schemaVersion: Int, notice: String?, document: DocumentInfo, recommendations: [Recommendation], decisions: [String: DecisionRecord],
        generation: Int, history: [ChangeEvent], proposals: [String: Proposal], placed: [DecisionRecord?]?, positions: IDIndex?
    ) throws {
        let index: IDIndex
        if let positions, positions.count == recommendations.count {
            index = positions
        } else {
            do { index = try IDIndex(recommendations) } catch { throw LedgerError.duplicateID(error.id) }
        }
        var records: [DecisionRecord?]
        if let placed, placed.count == recommendations.count {
            records = placed
        } else {
            records = Array(repeating: nil, count: recommendations.count)
            for (id, record) in decisions {
                guard let position = index[id] else { throw LedgerError.decisionForUnknownID(id) }
                records[position] = record
            }
        }
        let statuses = records.map { $0?.decision }
        for id in proposals.keys where index[id] == nil {
            throw LedgerError.decisionForUnknownID(id)
        }
        self.schemaVersion = schemaVersion
        self.notice = notice
        self.document = document
        self.recommendations = recommendations
        self.decisions = DecisionTable(records: records, index: index)
        self.indexByID = index
        self.generation = generation
        self.history = history
        self.proposals = proposals
        self.statuses = statuses
        counts = counts(of: recommendations.indices)
        linkHistory()
    }

    /// Links every change to the one before it of the same recommendation.
    private mutating func linkHistory() {
        undo = UndoStacks(history)
        latestChange = Array(repeating: -1, count: recommendations.count)
        previousChange = []
        previousChange.reserveCapacity(history.count)
        // A history mostly follows the list: the place after the last change's is tried first.
        var last = 0
        for number in history.indices {
            let id = history[number].id
            let near = (last..<min(last + 4, recommendations.count)).first { recommendations[$0].id == id }
            let position = near ?? indexByID[id]
            link(at: position, number)
            if let position { last = position }
        }
    }

    /// The same ledger with the lists a change writes to in storage of their own. Two copies of
    /// one ledger (the workbench's and the store's) share their lists until one is changed,
    /// which then copies every decision and every change (a tenth of a second at 420,000, on a
    /// key); this copy is made where that costs no key (`LedgerStore.separateInBackground`).
    /// `reserveCapacity` gives a list that is shared storage of its own.
    public func unshared() -> Ledger {
        var copy = self
        copy.decisions = decisions.unshared()
        copy.history.reserveCapacity(history.count + 4_096)
        copy.statuses.reserveCapacity(statuses.count)
        copy.latestChange.reserveCapacity(latestChange.count)
        copy.previousChange.reserveCapacity(previousChange.count + 4_096)
        copy.undo = undo.unshared()
        return copy
    }

    /// Puts the file's history, read meanwhile, before the changes applied since.
    mutating func completeHistory(_ file: consuming [ChangeEvent]) {
        precondition(historyPending, "only a pending history is completed")
        // The file's list itself, grown by the journal's few: a new list of every change would
        // copy each one (a tenth of a second at 420,000 changes).
        var whole = consume file
        whole.append(contentsOf: history)
        history = whole
        historyPending = false
        linkHistory()
    }

    public func contains(_ id: String) -> Bool { indexByID[id] != nil }

    public func recommendation(_ id: String) -> Recommendation? {
        indexByID[id].map { recommendations[$0] }
    }

    public func record(for id: String) -> DecisionRecord? { decisions[id] }

    public func status(of id: String) -> DecisionStatus? { decisions[id]?.decision }

    /// The decision at each position of `recommendations`, kept by `apply`: counts and cluster
    /// checks read it on every key, and an array read costs far less than hashing an ID.
    public private(set) var statuses: [DecisionStatus?] = []

    /// Sets (or clears, with nil) the decision on one recommendation, keeping its note and mark.
    /// Returns the change, or nil where nothing changed.
    @discardableResult
    public mutating func decide(_ id: String, _ status: DecisionStatus?, by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        let before = decisions[id]
        guard before?.decision != status else { return nil }
        return try change(id, to: DecisionRecord(decision: status, note: before?.note ?? "", implemented: before?.implemented ?? false, ministry: before?.ministry, explanation: before?.explanation, implementation: before?.implementation, by: analyst, at: date), group: group)
    }

    /// Replaces the note on one recommendation, keeping its decision.
    @discardableResult
    public mutating func annotate(_ id: String, note: String, by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        let before = decisions[id]
        guard (before?.note ?? "") != note else { return nil }
        return try change(id, to: DecisionRecord(decision: before?.decision, note: note, implemented: before?.implemented ?? false, ministry: before?.ministry, explanation: before?.explanation, implementation: before?.implementation, by: analyst, at: date), group: group)
    }

    /// Marks (or unmarks) a recommendation as considered already implemented, keeping its decision
    /// and note. The addendum lists accepted recommendations so marked in a group of their own.
    @discardableResult
    public mutating func markImplemented(_ id: String, _ implemented: Bool, by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        let before = decisions[id]
        guard (before?.implemented ?? false) != implemented else { return nil }
        return try change(id, to: DecisionRecord(decision: before?.decision, note: before?.note ?? "", implemented: implemented, ministry: before?.ministry, explanation: before?.explanation, implementation: before?.implementation, by: analyst, at: date), group: group)
    }

    /// Records a published position (an addendum, a report's lead-in, a thematic list): the decision
    /// and the already-implemented mark in one change whose `source` names the document, so that one
    /// import is one undo step (pass the same `group`) and the history says where it came from.
    @discardableResult
    public mutating func applyPosition(_ id: String, _ status: DecisionStatus, implemented: Bool, source: String,
                                       by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        let before = decisions[id]
        let mark = status == .accepted && implemented
        guard before?.decision != status || (before?.implemented ?? false) != mark else { return nil }
        return try change(id, to: DecisionRecord(decision: status, note: before?.note ?? "", implemented: mark, ministry: before?.ministry, explanation: before?.explanation, implementation: before?.implementation, by: analyst, at: date),
                          group: group, source: source)
    }

    mutating func change(_ id: String, to record: DecisionRecord, group: Int?, source: String? = nil) throws -> ChangeEvent {
        let event = ChangeEvent(group: group ?? nextGroup, id: id, before: decisions[id], after: record.isEmpty ? nil : record, by: record.by, at: record.at, source: source)
        try apply(event)
        return event
    }

    /// Makes (or, with nil or a blank name, clears) a line ministry responsible for one
    /// recommendation, keeping its decision, note and mark. A change like any other: history,
    /// undo and redo cover it.
    @discardableResult
    public mutating func assign(_ id: String, ministry: String?, by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        let name = ministry.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let before = decisions[id]
        guard before?.ministry != name else { return nil }
        return try change(id, to: DecisionRecord(decision: before?.decision, note: before?.note ?? "", implemented: before?.implemented ?? false, ministry: name, explanation: before?.explanation, implementation: before?.implementation, by: analyst, at: date), group: group)
    }

    /// The ministries recommendations are assigned to, sorted, each once.
    public var ministries: [String] {
        Array(Set(decisions.values.compactMap(\.ministry))).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    /// The assigned ministry with this name, exactly or folded alike (case and diacritics ignored,
    /// whole name), or nil.
    public func ministry(named name: String) -> String? {
        let all = ministries
        if let exact = all.first(where: { $0 == name }) { return exact }
        let folded = TextFolder.folded(name)
        return all.first { TextFolder.folded($0) == folded }
    }

    /// The IDs assigned to a ministry (compared exactly), in document order.
    public func ids(assignedTo ministry: String) -> [String] {
        recommendations.map(\.id).filter { decisions[$0]?.ministry == ministry }
    }

    // MARK: Proposals

    /// Records what a ministry proposes for one recommendation, replacing an earlier proposal for it.
    public mutating func propose(_ proposal: Proposal) throws {
        guard contains(proposal.id) else { throw LedgerError.unknownID(proposal.id) }
        proposals[proposal.id] = proposal
    }

    /// Applies a pending proposal as the analyst's change: its decision (where it gives one) and
    /// its note (where it gives one), in one history entry whose `source` names the ministry, file
    /// and row. The proposal is removed. Returns nil where there is no proposal; where it changes
    /// nothing, the proposal is removed and nil returned.
    @discardableResult
    public mutating func takeProposal(_ id: String, by analyst: String, at date: Date, group: Int? = nil) throws -> ChangeEvent? {
        guard contains(id) else { throw LedgerError.unknownID(id) }
        guard let proposal = proposals[id] else { return nil }
        let before = decisions[id]
        var record = DecisionRecord(
            decision: proposal.decision ?? before?.decision, note: proposal.note.isEmpty ? before?.note ?? "" : proposal.note,
            implemented: before?.implemented ?? false, ministry: before?.ministry, explanation: before?.explanation, implementation: before?.implementation, by: analyst, at: date)
        proposals[id] = nil
        // Progress on the plan applies to a supported recommendation only.
        if let progress = proposal.progress, record.decision == .accepted {
            record.implementation = progress.applied(to: before?.implementation, ministry: proposal.ministry, source: proposal.source, at: date)
        }
        guard record.decision != before?.decision || record.note != (before?.note ?? "") || record.implementation != before?.implementation else { return nil }
        return try change(id, to: record, group: group, source: proposal.source)
    }

    /// Drops a pending proposal without applying it. Returns it, or nil where there was none.
    @discardableResult
    public mutating func refuseProposal(_ id: String) -> Proposal? {
        proposals.removeValue(forKey: id)
    }

    /// The group number the next change (or bulk change) takes.
    public var nextGroup: Int { (history.last?.group ?? 0) + 1 }

    /// Applies a change: from the journal, from undo or redo, or from a decision.
    public mutating func apply(_ event: ChangeEvent) throws {
        guard let position = indexByID[event.id] else { throw LedgerError.unknownID(event.id) }
        let record = event.after.flatMap { $0.isEmpty ? nil : $0 }
        counts.remove(statuses[position])
        counts.add(record?.decision)
        decisions.set(record, at: position)
        statuses[position] = record?.decision
        history.append(event)
        link(event, history.count - 1)
    }

    /// For each position, the number in `history` of its latest change (-1: none), and for each
    /// change, the number of the same recommendation's change before it: the detail pane asks for
    /// one recommendation's changes on every key, and reading the whole history would cost
    /// milliseconds at 42,000 recommendations.
    private var latestChange: [Int32] = []
    private var previousChange: [Int32] = []

    private mutating func link(_ event: ChangeEvent, _ number: Int) {
        link(at: indexByID[event.id], number)
        undo.step(event)
    }

    /// The groups that can be undone and redone, kept as the history grows (`UndoHistory`):
    /// replayed from the whole history on each undo, they took 30 ms at 420,000 changes.
    var undo = UndoStacks()

    private mutating func link(at position: Int?, _ number: Int) {
        guard let position else { return previousChange.append(-1) }
        previousChange.append(latestChange[position])
        latestChange[position] = Int32(number)
    }

    /// Whether `other` differs from this ledger at most by decisions and history: what replaying
    /// the history entries one lacks brings it to. Compares counts and small parts only.
    func sameBesidesDecisions(as other: Ledger) -> Bool {
        recommendations.count == other.recommendations.count && document == other.document && notice == other.notice
            && views == other.views && proposals == other.proposals && conflicts == other.conflicts
            && reference.count == other.reference.count && consultation == other.consultation
    }

    /// The changes made to one recommendation, oldest first.
    public func history(of id: String) -> [ChangeEvent] {
        // Changes of an ID the ledger no longer holds are not linked: those need the whole history.
        guard let position = indexByID[id] else { return history.filter { $0.id == id } }
        var changes: [ChangeEvent] = []
        var number = latestChange[position]
        while number >= 0 {
            changes.append(history[Int(number)])
            number = previousChange[Int(number)]
        }
        return changes.reversed()
    }

    public func counts(of positions: some Sequence<Int>) -> StatusCounts {
        var counts = StatusCounts()
        for position in positions {
            counts.add(statuses[position])
        }
        return counts
    }

    /// Counts of the whole ledger, kept up to date by `apply`: the status line reads them on
    /// every key, and at 42,000 recommendations recounting would cost milliseconds.
    public private(set) var counts = StatusCounts()

    /// Every recommending State with its number of recommendations (co-recommenders included),
    /// sorted by name.
    public func recommendingStates() -> [(state: String, count: Int)] { Self.recommendingStates(of: recommendations) }

    public static func recommendingStates(of recommendations: [Recommendation]) -> [(state: String, count: Int)] {
        var tally: [String: Int] = [:]
        for recommendation in recommendations {
            // A State named twice on one recommendation counts once (no Set per recommendation:
            // most have one or two States).
            for (number, state) in recommendation.states.enumerated() where !recommendation.states[..<number].contains(state) {
                tally[state, default: 0] += 1
            }
        }
        return tally.map { ($0.key, $0.value) }.sorted { $0.state.localizedStandardCompare($1.state) == .orderedAscending }
    }
}
