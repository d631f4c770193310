import Foundation

/// Reads a ledger file straight into `LedgerCoding.Contents` with `JSONScanner`, without
/// JSONDecoder: at 42,000 recommendations JSONDecoder alone takes most of a second, this a tenth
/// of that. The bulky parts (recommendations, decisions, history, views) are read here; the rare
/// ones (document, proposals, conflicts, reference) go through JSONDecoder on their own bytes.
/// Anything unexpected throws `JSONScanner.Mismatch`, and `LedgerCoding.decode` then reads the
/// whole file with JSONDecoder, which is the authority on what a ledger may hold and explains
/// what is wrong. A differential test and `ledger-fuzz` check that both read the same.
enum LedgerFastDecoding {
    typealias Mismatch = JSONScanner.Mismatch

    /// The contents as JSONDecoder would give them (the decisions by ID): for the tests and the
    /// fuzz target, which compare the two.
    static func contents(_ data: Data) throws -> LedgerCoding.Contents {
        try data.withUnsafeBytes { raw in try contents(.whole(raw.bindMemory(to: UInt8.self))) }
    }

    static func contents(_ source: JSONSource) throws -> LedgerCoding.Contents {
        var (contents, found) = try read(source)
        if let placed = found.placed { contents.decisions = Found.byID(placed, contents.recommendations) }
        return contents
    }

    /// What the reader found on the way that the ledger need not work out again: where the
    /// decisions came in the recommendations' order (as upr writes them), the record at each
    /// position (the contents' `decisions` are then nil); for a large file, the position of each
    /// ID, made while the other threads read.
    struct Found {
        var placed: [DecisionRecord?]?
        var positions: IDIndex?
        /// The history, still being read on its thread, where the reading was asked not to wait
        /// for it (the contents' history is then empty).
        var pendingHistory: PendingHistory?

        static func byID(_ placed: [DecisionRecord?], _ recommendations: [Recommendation]) -> [String: DecisionRecord] {
            var map: [String: DecisionRecord] = [:]
            for position in placed.indices {
                if let record = placed[position] { map[recommendations[position].id] = record }
            }
            return map
        }
    }

    static func read(_ data: Data) throws -> (contents: LedgerCoding.Contents, found: Found) {
        try data.withUnsafeBytes { raw in try read(.whole(raw.bindMemory(to: UInt8.self))) }
    }

    /// Reads a ledger file a window at a time (`JSONSource.file`), never holding it whole.
    /// `deferHistory`: a large file's history, read on its own thread, is not waited for where
    /// the file is laid out as upr writes it (`Found.pendingHistory`; the workbench draws its
    /// first screen meanwhile); the file stays open until it is read.
    static func read(file path: String, deferHistory: Bool = false) throws -> (contents: LedgerCoding.Contents, found: Found) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw JSONWindow.ReadFailed(reason: String(cString: strerror(errno))) }
        var closeHere = true
        // The other threads read through it: closed after they are done (read's own defer), or
        // by the pending history once its thread is.
        defer { if closeHere { close(descriptor) } }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw JSONWindow.ReadFailed(reason: String(cString: strerror(errno))) }
        let read = try read(.file(descriptor: descriptor, size: Int(status.st_size)), deferHistory: deferHistory)
        if let pending = read.found.pendingHistory {
            pending.closeWhenRead(descriptor)
            closeHere = false
        }
        return read
    }

    /// `deferHistory` only for a source that outlives the history's thread (a file kept open).
    static func read(_ source: JSONSource, deferHistory: Bool = false) throws -> (contents: LedgerCoding.Contents, found: Found) {
        let early = source.count >= 1 << 20 ? Early(source, historyLater: deferHistory) : nil
        var deferred = false
        // The other threads read these bytes: they must be done before the bytes go (the
        // history's, where it is deferred, before its file is closed).
        defer { if deferred { early?.waitAllButHistory() } else { early?.wait() } }
        let window = source.window()
        var found = Found()
        let contents = try readContents(window, early: early, deferHistory: deferHistory, found: &found)
        try window.read { try $0.end() }
        found.positions = early?.positions.made()
        deferred = found.pendingHistory != nil
        return (contents, found)
    }

    private static func readContents(_ window: JSONWindow, early: Early?, deferHistory: Bool, found: inout Found) throws -> LedgerCoding.Contents {
        var schemaVersion: Int?, generation: Int?, notice: String?, document: DocumentInfo?
        var recommendations: [Recommendation]?, decisions: [String: DecisionRecord]?, history: [ChangeEvent]?
        var views: [String: String]?, proposals: [String: Proposal]?, conflicts: [String: [ConflictSide]]?
        var reference: [ReferenceRecommendation]?, consultation: [String: [ConsultationComment]]?
        var seen = KeysSeen()
        let lists = SharedLists()
        try window.read { try $0.beginObject() }
        while let key = try window.read({ try $0.nextKey() }) {
            switch key {
            case "schemaVersion": try seen.first(0); schemaVersion = try window.read { try $0.int() }
            case "generation": try seen.first(1); generation = try window.read { try $0.null() ? nil : $0.int() }
            case "notice": try seen.first(2); notice = try window.read { try $0.null() ? nil : $0.string() }
            case "document": try seen.first(3); document = try decoded(DocumentInfo.self, window)
            case "recommendations":
                try seen.first(4)
                let list = try readRecommendations(window, lists, early: early)
                recommendations = list
                // Made on the decisions' thread (done first) while the history is still being read.
                early?.positions.give(list)
            case "decisions":
                try seen.first(5)
                var read: Decisions?
                if let early, let found = early.decisions.result(from: try valueStart(window)) {
                    read = found.value
                    window.jump(to: found.end)
                } else {
                    read = try readDecisions(window, expected: early?.survey()?.items(of: .decisions) ?? 0)
                }
                // Placed through the optional itself: a second binding of it would share its
                // lists, and placing would then copy every record.
                if let recommendations, let placed = read?.placed(in: recommendations) {
                    found.placed = placed
                } else if let read {
                    decisions = try read.byID()
                }
            case "history":
                try seen.first(6)
                let start = try valueStart(window)
                if deferHistory, let early, let end = try PendingHistory.end(of: early, from: start, in: window) {
                    found.pendingHistory = PendingHistory(early.history, start: start, end: end)
                    history = []
                    window.jump(to: end)
                } else if let early, let found = early.history.result(from: start) {
                    history = found.value
                    window.jump(to: found.end)
                } else {
                    history = try readHistory(window, expected: early?.survey()?.items(of: .history) ?? 0)
                }
            case "views":
                try seen.first(7)
                views = try window.read { scanner -> [String: String]? in
                    guard try !scanner.null() else { return nil }
                    var map: [String: String] = [:]
                    try scanner.beginObject()
                    while let name = try scanner.nextKey() {
                        guard map.updateValue(try scanner.string(), forKey: name) == nil else { throw Mismatch() }
                    }
                    return map
                }
            case "proposals": try seen.first(8); proposals = try decoded([String: Proposal]?.self, window)
            case "conflicts": try seen.first(9); conflicts = try decoded([String: [ConflictSide]]?.self, window)
            case "reference": try seen.first(10); reference = try decoded([ReferenceRecommendation]?.self, window)
            case "consultation": try seen.first(11); consultation = try decoded([String: [ConsultationComment]]?.self, window)
            default: _ = try window.read { try $0.valueBytes() }
            }
        }
        guard let schemaVersion, let document, let recommendations else { throw Mismatch() }
        return LedgerCoding.Contents(
            schemaVersion: schemaVersion, generation: generation, notice: notice, document: document,
            recommendations: recommendations, decisions: decisions, history: history, views: views,
            proposals: proposals, conflicts: conflicts, reference: reference, consultation: consultation)
    }

    /// Where the next value starts in the source (white space skipped).
    private static func valueStart(_ window: JSONWindow) throws -> Int {
        try window.read { _ = try $0.valueStart() }
        return window.offset
    }

    private static func readRecommendations(_ window: JSONWindow, _ lists: SharedLists, early: Early?) throws -> [Recommendation] {
        var list: [Recommendation] = []
        // Sized once the survey (on another thread) has counted the lines: grown by doubling, a
        // list this long is copied into fresh memory again and again.
        var sized = early == nil
        try window.read { try $0.beginArray() }
        while let recommendation = try window.read({ try $0.nextElement() ? recommendation(&$0, lists) : nil }) {
            if !sized, list.count & 1023 == 0, let survey = early?.survey() {
                list.reserveCapacity(survey.items(of: .recommendations))
                sized = true
            }
            list.append(recommendation)
        }
        return list
    }

    /// The position of each ID; nil where one is there twice (the ledger then says so by name).
    static func positions(of recommendations: [Recommendation]) -> IDIndex? {
        try? IDIndex(recommendations)
    }

    /// The decisions object as read: the records in the file's order, and their IDs.
    struct Decisions {
        var records: [DecisionRecord?]
        var ids: [String]

        /// The records at their recommendations' positions, where they follow the list (each
        /// after the one before, so each ID once, as upr writes them); nil where they do not.
        /// Moved in place, from the last: no second list of a record for every recommendation.
        mutating func placed(in recommendations: [Recommendation]) -> [DecisionRecord?]? {
            var positions: [Int] = []
            positions.reserveCapacity(ids.count)
            var next = 0
            for id in ids {
                while next < recommendations.count, recommendations[next].id != id { next += 1 }
                guard next < recommendations.count else { return nil }
                positions.append(next)
                next += 1
            }
            var placed = records
            records = []
            placed.append(contentsOf: repeatElement(nil, count: recommendations.count - placed.count))
            // Each goes to a place at or after its own, and every place after it is empty by then.
            for number in positions.indices.reversed() where positions[number] != number {
                placed.swapAt(number, positions[number])
            }
            return placed
        }

        /// The records by ID, as JSONDecoder reads them; an ID twice goes to JSONDecoder.
        func byID() throws -> [String: DecisionRecord] {
            var map: [String: DecisionRecord] = [:]
            map.reserveCapacity(ids.count)
            for (id, record) in zip(ids, records) {
                guard map.updateValue(record!, forKey: id) == nil else { throw Mismatch() }
            }
            return map
        }
    }

    /// `room`: how many recommendations there are, as far as the survey knows: the records are
    /// then placed at their positions in the same memory.
    static func readDecisions(_ window: JSONWindow, expected: Int, room: Int = 0) throws -> Decisions? {
        guard try !window.read({ try $0.null() }) else { return nil }
        // Sized once, from the survey's count of lines (upr writes one decision a line): the
        // list is then not grown and copied as it fills. Only a hint.
        var decisions = Decisions(records: [], ids: [])
        decisions.records.reserveCapacity(max(expected, room))
        decisions.ids.reserveCapacity(expected)
        try window.read { try $0.beginObject() }
        while let (id, record) = try window.read({ scanner -> (String, DecisionRecord)? in
            guard let id = try scanner.nextKey() else { return nil }
            return (id, try record(&scanner))
        }) {
            decisions.records.append(record)
            decisions.ids.append(id)
        }
        return decisions
    }

    static func readHistory(_ window: JSONWindow, expected: Int) throws -> [ChangeEvent]? {
        guard try !window.read({ try $0.null() }) else { return nil }
        var list: [ChangeEvent] = []
        // Room for a journal's changes too (a background fold comes every 500): a history
        // completed after the first screen takes them in place (`Ledger.completeHistory`).
        list.reserveCapacity(expected > 0 ? expected + 4_096 : 0)
        try window.read { try $0.beginArray() }
        while let event = try window.read({ try $0.nextElement() ? event(&$0) : nil }) { list.append(event) }
        return list
    }

    /// `{"id":…,"states":[…],"text":…,"themes":[…]}`, keys in any order; the lists other than
    /// `states` may be absent or null.
    private static let recommendationKeys = JSONKeys("id", "text", "states", "themes", "groups", "sdgs", "statesAsWritten", "asRead")

    private static func recommendation(_ scanner: inout JSONScanner, _ lists: SharedLists) throws -> Recommendation {
        var id: String?, text: String?, states: [String]?
        var themes: [String] = [], groups: [String] = [], sdgs: [String] = [], statesAsWritten: [String] = [], asRead = ""
        var seen = KeysSeen()
        try scanner.beginObject()
        while let key = try scanner.nextKey(of: recommendationKeys) {
            switch key {
            case 0: try seen.first(0); id = try scanner.string()
            case 1: try seen.first(1); text = try scanner.string()
            case 2: try seen.first(2); states = try scanner.strings(sharing: lists)
            case 3: try seen.first(3); themes = try scanner.null() ? [] : scanner.strings(sharing: lists)
            case 4: try seen.first(4); groups = try scanner.null() ? [] : scanner.strings(sharing: lists)
            case 5: try seen.first(5); sdgs = try scanner.null() ? [] : scanner.strings(sharing: lists)
            case 6: try seen.first(6); statesAsWritten = try scanner.null() ? [] : scanner.strings(sharing: lists)
            case 7: try seen.first(7); asRead = try scanner.null() ? "" : scanner.string()
            default: _ = try scanner.valueBytes()
            }
        }
        guard let id, let text, let states else { throw Mismatch() }
        return Recommendation(id: id, text: text, states: states, themes: themes, groups: groups, sdgs: sdgs,
                              statesAsWritten: statesAsWritten, asRead: asRead)
    }

    /// A decision record, or nil for `null` (where the record is optional, as in the history).
    private static func optionalRecord(_ scanner: inout JSONScanner) throws -> DecisionRecord? {
        try scanner.null() ? nil : record(&scanner)
    }

    private static let recordKeys = JSONKeys("decision", "note", "by", "at", "implemented", "ministry", "explanation", "implementation")

    private static func record(_ scanner: inout JSONScanner) throws -> DecisionRecord {
        var decision: DecisionStatus?, note: String?, by: String?, at: Date?, implemented = false, ministry: String?, explanation: String?
        var implementation: Implementation?
        var seen = KeysSeen()
        try scanner.beginObject()
        while let key = try scanner.nextKey(of: recordKeys) {
            switch key {
            case 0:
                try seen.first(0)
                if try !scanner.null() { decision = try status(&scanner) }
            case 1: try seen.first(1); note = try scanner.string()
            case 2: try seen.first(2); by = try scanner.string()
            case 3: try seen.first(3); at = try timestamp(&scanner)
            case 4: try seen.first(4); implemented = try scanner.null() ? false : scanner.bool()
            case 5: try seen.first(5); ministry = try scanner.null() ? nil : scanner.string()
            case 6: try seen.first(6); explanation = try scanner.null() ? nil : scanner.string()
            case 7:
                try seen.first(7)
                implementation = try scanner.null() ? nil : LedgerFastImplementation.implementation(&scanner)
            default: _ = try scanner.valueBytes()
            }
        }
        guard let note, let by, let at else { throw Mismatch() }
        // Not through the public initialiser: it rounds `at`, and JSONDecoder keeps it as written.
        var record = DecisionRecord(decision: decision, note: note, implemented: implemented, ministry: ministry, explanation: explanation, by: by, at: at)
        record.at = at
        record.implementation = implementation
        return record
    }

    private static let eventKeys = JSONKeys("group", "kind", "id", "before", "after", "by", "at", "source")

    static func event(_ scanner: inout JSONScanner) throws -> ChangeEvent {
        var group: Int?, kind: ChangeEvent.Kind?, id: String?, before: DecisionRecord?, after: DecisionRecord?
        var by: String?, at: Date?, source: String?
        var seen = KeysSeen()
        try scanner.beginObject()
        while let key = try scanner.nextKey(of: eventKeys) {
            switch key {
            case 0: try seen.first(0); group = try scanner.int()
            case 1:
                try seen.first(1)
                guard let value = ChangeEvent.Kind(rawValue: try scanner.string()) else { throw Mismatch() }
                kind = value
            case 2: try seen.first(2); id = try scanner.string()
            case 3: try seen.first(3); before = try optionalRecord(&scanner)
            case 4: try seen.first(4); after = try optionalRecord(&scanner)
            case 5: try seen.first(5); by = try scanner.string()
            case 6: try seen.first(6); at = try timestamp(&scanner)
            case 7: try seen.first(7); source = try scanner.null() ? nil : scanner.string()
            default: _ = try scanner.valueBytes()
            }
        }
        guard let group, let kind, let id, let by, let at else { throw Mismatch() }
        var event = ChangeEvent(group: group, kind: kind, id: id, before: before, after: after, by: by, at: at, source: source)
        event.at = at
        return event
    }

    private static let statuses = DecisionStatus.allCases.map { (status: $0, bytes: Array($0.rawValue.utf8)) }

    /// A decision's status read on its bytes (`underConsideration` would be a String allocated
    /// for every decision); one written with escapes goes to JSONDecoder.
    private static func status(_ scanner: inout JSONScanner) throws -> DecisionStatus {
        guard let status = try scanner.plainString({ bytes in statuses.first { sameBytes($0.bytes, bytes) }?.status }) else { throw Mismatch() }
        return status
    }

    private static func timestamp(_ scanner: inout JSONScanner) throws -> Date { try scanner.time() }

    /// A rare part, read by JSONDecoder from its own bytes.
    private static func decoded<T: Decodable>(_ type: T.Type, _ window: JSONWindow) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.decoding
        return try decoder.decode(type, from: try window.read { try $0.valueBytes() })
    }

    /// A key given twice in one object: JSONDecoder's reading of that is its own business, so
    /// such a file takes the slow path.
    private struct KeysSeen {
        private var bits: UInt16 = 0
        mutating func first(_ bit: Int) throws {
            guard bits & (1 << bit) == 0 else { throw Mismatch() }
            bits |= 1 << bit
        }
    }
}

