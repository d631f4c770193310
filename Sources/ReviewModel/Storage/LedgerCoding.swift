import Foundation

/// Reads and writes the ledger's JSON. The layout is written by hand around JSONEncoder so that it
/// diffs line by line: one recommendation per line, one decision per line, in document order,
/// keys sorted inside each object.
public enum LedgerCoding {
    struct Contents: Codable, Equatable {
        var schemaVersion: Int
        var generation: Int?
        var notice: String?
        var document: DocumentInfo
        var recommendations: [Recommendation]
        var decisions: [String: DecisionRecord]?
        var history: [ChangeEvent]?
        var views: [String: String]?
        /// Absent in ledgers without pending ministry proposals.
        var proposals: [String: Proposal]?
        /// Absent in ledgers without open merge conflicts.
        var conflicts: [String: [ConflictSide]]?
        /// Absent in ledgers without an earlier cycle for reference.
        var reference: [ReferenceRecommendation]?
        /// Absent in ledgers without consultation comments.
        var consultation: [String: [ConsultationComment]]?
    }

    private struct SchemaProbe: Decodable { var schemaVersion: Int? }

    static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = Timestamp.encoding
        return encoder
    }

    public static func encode(_ ledger: Ledger) throws -> Data {
        // Written without the history it is still reading, a ledger would lose it.
        guard !ledger.historyPending else { throw LedgerError.historyNotRead }
        let encoder = lineEncoder()
        // Bytes appended in place, the bulky lines by `LedgerLineWriter`: building a String of a
        // 200 MB ledger line by line through JSONEncoder took most of a fold.
        var out = LedgerLineWriter(encoder: encoder, capacity: ledger.recommendations.count * 900)
        func list<T>(_ items: [T], _ write: (inout LedgerLineWriter, T) throws -> Void) rethrows {
            for (number, item) in items.enumerated() {
                out.raw(number == 0 ? "    " : ",\n    ")
                try write(&out, item)
            }
        }
        out.raw("{\n")
        out.raw("  \"schemaVersion\": \(ledger.schemaVersion),\n")
        out.raw("  \"generation\": \(ledger.generation),\n")
        if let notice = ledger.notice { out.raw("  \"notice\": "); try out.encoded(notice); out.raw(",\n") }
        out.raw("  \"document\": "); try out.encoded(ledger.document); out.raw(",\n")
        out.raw("  \"recommendations\": [\n")
        try list(ledger.recommendations) { try $0.recommendation($1) }
        out.raw(ledger.recommendations.isEmpty ? "  ],\n" : "\n  ],\n")
        let decided = ledger.recommendations.compactMap { rec in ledger.decisions[rec.id].map { (rec.id, $0) } }
        out.raw("  \"decisions\": {\n")
        try list(decided) { out, pair in
            try out.string(pair.0)
            out.raw(": ")
            try out.record(pair.1)
        }
        out.raw(decided.isEmpty ? "  },\n" : "\n  },\n")
        if !ledger.views.isEmpty {
            // Written only when there are some, so that ledgers without views stay as they were.
            out.raw("  \"views\": {\n")
            try list(ledger.views.keys.sorted()) { out, name in
                try out.encoded(name)
                out.raw(": ")
                try out.encoded(ledger.views[name]!)
            }
            out.raw("\n  },\n")
        }
        out.raw("  \"history\": [\n")
        try list(ledger.history) { try $0.event($1) }
        out.raw(ledger.history.isEmpty ? "  ]" : "\n  ]")
        // Written only when there are some, so that ledgers without proposals stay as they were.
        let proposed = ledger.recommendations.compactMap { rec in ledger.proposals[rec.id].map { (rec.id, $0) } }
        if !proposed.isEmpty {
            out.raw(",\n  \"proposals\": {\n")
            try list(proposed) { out, pair in try out.encoded(pair.0); out.raw(": "); try out.encoded(pair.1) }
            out.raw("\n  }")
        }
        // Written only when there are some, so that ledgers never merged stay as they were.
        let conflicted = ledger.recommendations.compactMap { rec in ledger.conflicts[rec.id].map { (rec.id, $0) } }
        if !conflicted.isEmpty {
            out.raw(",\n  \"conflicts\": {\n")
            try list(conflicted) { out, pair in try out.encoded(pair.0); out.raw(": "); try out.encoded(pair.1) }
            out.raw("\n  }")
        }
        // Written only when there is one, so that ledgers without an earlier cycle stay as they were.
        if !ledger.reference.isEmpty {
            out.raw(",\n  \"reference\": [\n")
            try list(ledger.reference) { try $0.encoded($1) }
            out.raw("\n  ]")
        }
        out.raw(try LedgerConsultationCoding.section(ledger, encoder))
        out.raw("\n}\n")
        return Data(out.bytes)
    }

    /// Decodes a ledger; `path` is only used to name the file in errors.
    public static func decode(_ data: Data, path: String) throws -> Ledger {
        let (contents, found) = try (try? LedgerFastDecoding.read(data)) ?? (decodeWithFoundation(data, path: path), LedgerFastDecoding.Found())
        return try ledger(contents, found, path: path)
    }

    /// Reads a ledger file a window at a time where the fast reader takes it all (a large
    /// ledger is then never held whole in memory); nil where it does not, and the caller reads
    /// the file's bytes with `decode(_:path:)`, which explains what is wrong.
    /// `deferHistory`: see `LedgerFastDecoding.read(file:deferHistory:)`; the ledger's history
    /// is then pending (`Ledger.historyPending`) until the pending history is joined to it.
    static func decodeIfPlain(file path: String) throws -> Ledger? {
        try decodeIfPlain(file: path, deferHistory: false)?.ledger
    }

    static func decodeIfPlain(file path: String, deferHistory: Bool) throws -> (ledger: Ledger, pending: LedgerFastDecoding.PendingHistory?)? {
        guard var (contents, found) = try? LedgerFastDecoding.read(file: path, deferHistory: deferHistory) else { return nil }
        // An older schema is migrated, history and all: never with a part of it still to come.
        if let pending = found.pendingHistory, contents.schemaVersion != Ledger.currentSchemaVersion {
            found.pendingHistory = nil
            guard let history = pending.history() else { return try decodeIfPlain(file: path, deferHistory: false) }
            contents.history = history
        }
        var ledger = try ledger(contents, found, path: path)
        if found.pendingHistory != nil { ledger.historyPending = true }
        return (ledger, found.pendingHistory)
    }

    private static func ledger(_ contents: Contents, _ found: LedgerFastDecoding.Found, path: String) throws -> Ledger {
        if contents.schemaVersion > Ledger.currentSchemaVersion {
            throw LedgerError.newerSchema(path: path, found: contents.schemaVersion, supported: Ledger.currentSchemaVersion)
        }
        do {
            return try LedgerMigration.ledger(from: contents, found: found)
        } catch let error as LedgerError {
            throw LedgerError.invalidField(path: path, field: "recommendations/decisions", reason: error.description)
        }
    }

    /// JSONDecoder's reading: the authority on what a ledger may hold, used where the fast path
    /// (`LedgerFastDecoding`) meets anything it does not expect, and the source of every message
    /// about a damaged file.
    static func decodeWithFoundation(_ data: Data, path: String) throws -> Contents {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.decoding
        // schemaVersion first: a newer ledger must be refused before its fields are judged. This
        // version writes it on the second line; only other files need a (second) full parse.
        let written = String(decoding: data.prefix(64), as: UTF8.self).hasPrefix("{\n  \"schemaVersion\": ")
            ? headerNumber("schemaVersion", in: String(decoding: data.prefix(64), as: UTF8.self)) : nil
        let probe: SchemaProbe
        do {
            probe = try written.map { SchemaProbe(schemaVersion: $0) } ?? decoder.decode(SchemaProbe.self, from: data)
        } catch {
            throw describe(error, data: data, path: path)
        }
        guard let version = probe.schemaVersion else {
            throw LedgerError.invalidField(path: path, field: "schemaVersion", reason: "missing; is this a upr ledger?")
        }
        if version > Ledger.currentSchemaVersion {
            throw LedgerError.newerSchema(path: path, found: version, supported: Ledger.currentSchemaVersion)
        }
        do {
            return try decoder.decode(Contents.self, from: data)
        } catch {
            throw describe(error, data: data, path: path)
        }
    }

    static func describe(_ error: Error, data: Data, path: String) -> LedgerError {
        guard let decodingError = error as? DecodingError else {
            return .unreadable(path: path, reason: String(describing: error))
        }
        switch decodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // Valid JSON that JSONDecoder still calls invalid holds a number beyond 64 bits, as a rule.
            guard let place = JSONSyntaxLocator.firstError(in: data) ?? JSONSyntaxLocator.firstOversizedInteger(in: data) else {
                return .unreadable(path: path, reason: "JSONDecoder cannot read it, though its JSON is valid: \(context.debugDescription)")
            }
            return .syntax(path: path, line: place.line, column: place.column, reason: place.reason)
        case .dataCorrupted(let context):
            return .invalidField(path: path, field: fieldPath(context.codingPath), reason: context.debugDescription)
        case .keyNotFound(let key, let context):
            return .invalidField(path: path, field: fieldPath(context.codingPath + [key]), reason: "missing")
        case .typeMismatch(let type, let context):
            return .invalidField(path: path, field: fieldPath(context.codingPath), reason: "expected \(type)")
        case .valueNotFound(let type, let context):
            return .invalidField(path: path, field: fieldPath(context.codingPath), reason: "expected \(type), found null")
        @unknown default:
            return .unreadable(path: path, reason: String(describing: error))
        }
    }

    /// `recommendations[12].states` style, so that a hand editor finds the field.
    static func fieldPath(_ path: [CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue { out += "[\(index)]" } else { out += out.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return out.isEmpty ? "(top level)" : out
    }
}

extension LedgerCoding {
    /// The generation written in a ledger file, read from its first lines without decoding it all.
    static func generation(ofFileAt url: URL) throws -> Int {
        try headerNumber("generation", url) ?? 0
    }

    static func schemaVersion(ofFileAt url: URL) throws -> Int {
        try headerNumber("schemaVersion", url) ?? 0
    }

    private static func headerNumber(_ key: String, _ url: URL) throws -> Int? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw LedgerError.unreadable(path: url.path, reason: "cannot open") }
        defer { try? handle.close() }
        return headerNumber(key, in: String(decoding: handle.readData(ofLength: 512), as: UTF8.self))
    }

    static func headerNumber(_ key: String, in head: String) -> Int? {
        guard let range = head.range(of: "\"\(key)\":") else { return nil }
        return Int(head[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber })
    }
}
