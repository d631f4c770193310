import Foundation

/// Reads the value of one `key:value` term of a filter into a `FilterTerm`, in the form that
/// evaluation compares (States resolved, text folded), or says what is wrong with it and where.
enum FilterTermReader {
    /// Every key, in the order an error lists them.
    static let keys = ["state", "group", "region", "decision", "theme", "text", "id", "has", "changed", "since", "by", "ministry", "in", "conflict", "was", "note", "to", "session", "response", "issue", "precedent", "impl", "implementation", "lead", "due", "sdg"]

    /// `offset` is where the value starts, `keyOffset` where the term starts.
    static func term(key: String, value: String, offset: Int, keyOffset: Int, states: StateDirectory) throws -> FilterTerm {
        guard keys.contains(key) else {
            throw FilterSyntaxError(message: "unknown key '\(key):'; known keys: \(keys.joined(separator: ", "))", offset: keyOffset)
        }
        func failure(_ message: String) -> FilterSyntaxError { FilterSyntaxError(message: message, offset: offset) }
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw failure("empty value for '\(key):'") }

        switch key {
        case "state":
            guard let entry = states.resolve(value) else { throw failure("unknown State '\(value)'") }
            return .state(entry.name)
        case "group", "region":
            return .group(try group(value, failure: failure))
        case "decision":
            guard let selection = StatusSelection(parsing: value) else {
                throw failure("unknown decision '\(value)'; known: undecided, accepted, under-consideration, rejected (also open, supported, noted)")
            }
            return .decision(selection)
        case "has":
            switch value.lowercased() {
            case "note": return .hasNote
            case "proposal": return .hasProposal
            case "conflict": return .hasConflict
            case "earlier", "recurring": return .hasEarlier
            case "precedent": return .record(.hasPrecedent)
            default: throw failure("unknown 'has:' value '\(value)'; known: note, proposal, conflict, earlier, precedent")
            }
        case "was":
            if value.lowercased() == "supported" { return .wasSupported }
            if let status = ImplementationStatus(parsing: value) { return .implementation(.earlier(status)) }
            throw failure("unknown 'was:' value '\(value)'; known: supported, and how far the earlier one was implemented: not-started, in-progress, partially-implemented, fully-implemented (implemented)")
        case "in":
            guard value.lowercased() == "cluster" else { throw failure("unknown 'in:' value '\(value)'; known: cluster") }
            return .inCluster
        case "conflict":
            guard value.lowercased() == "cluster" else { throw failure("unknown 'conflict:' value '\(value)'; known: cluster") }
            return .conflictInCluster
        case "id":
            return try id(value, failure: failure)
        case "impl", "implementation", "lead", "due", "sdg":
            return try ImplementationTerm.read(key: key, value: value, failure: failure)!
        case "to", "session", "response", "precedent":
            return try RecordTerm.read(key: key, value: value, states: states, failure: failure)!
        case "changed", "since":
            guard let date = date(value) else { throw failure("expected a date like 2026-11-01 (UTC), got '\(value)'") }
            return .changedSince(date)
        default:
            // Folded now, so that evaluation compares bytes only.
            let folded = TextFolder.folded(value)
            guard !folded.isEmpty else { throw failure("empty value for '\(key):'") }
            switch key {
            case "theme", "issue": return .theme(folded)  // UPR Info's issues are the record's themes
            case "by": return .decidedBy(folded)
            case "ministry": return .ministry(folded == "none" ? nil : folded)
            case "note": return .note(folded)
            default: return .text(folded)
            }
        }
    }

    // MARK: Regional groups

    /// Each group as a filter prints it, and its abbreviation at the Council.
    static let groupNames: [(group: RegionalGroup, printed: String, abbreviation: String)] = [
        (.african, "African", "AG"), (.asiaPacific, "Asia-Pacific", "APG"), (.easternEuropean, "EEG", "EEG"),
        (.latinAmericanCaribbean, "GRULAC", "GRULAC"), (.westernEuropeanOthers, "WEOG", "WEOG"),
    ]

    /// An abbreviation, or a case-insensitive prefix of a group's name or abbreviation
    /// (`african`, `latin american`, `weo`). "none" (observers and non-States) only in full.
    static func group(_ value: String, failure: (String) -> FilterSyntaxError) throws -> RegionalGroup {
        let key = StateDirectory.key(value)
        if key == "none" { return .none }
        let matching = groupNames.filter { [$0.group.rawValue, $0.abbreviation].map(StateDirectory.key).contains { $0.hasPrefix(key) } }
        if let exact = matching.first(where: { StateDirectory.key($0.abbreviation) == key }) { return exact.group }
        if matching.count == 1, !key.isEmpty { return matching[0].group }
        if matching.count > 1, !key.isEmpty {
            throw failure("ambiguous group '\(value)': \(matching.map(\.group.rawValue).joined(separator: ", "))")
        }
        let known = groupNames.map { "\($0.group.rawValue) (\($0.abbreviation))" }
        throw failure("unknown group '\(value)'; known: \(known.joined(separator: ", ")), none")
    }

    // MARK: IDs

    /// `140.7`, `140` (the paragraph), `140.1-20` or `140.1-140.20`.
    static func id(_ value: String, failure: (String) -> FilterSyntaxError) throws -> FilterTerm {
        let bad = failure("expected an ID like 140.7 or a range like 140.1-20, got '\(value)'")
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, parts.allSatisfy(isID) else { throw bad }
        guard parts.count == 2 else { return .id(value) }
        var upper = parts[1]
        if !upper.contains("."), let dot = parts[0].lastIndex(of: ".") {
            upper = String(parts[0][...dot]) + upper  // 140.1-20: the item within the same paragraph
        }
        guard ByteSearch.compareID(parts[0], toBound: upper) <= 0 else {
            throw failure("the range \(parts[0])-\(upper) runs backwards")
        }
        return .idRange(parts[0], upper)
    }

    /// Numbers separated by dots: `140.7`.
    private static func isID(_ text: String) -> Bool {
        let components = text.split(separator: ".", omittingEmptySubsequences: false)
        return components.allSatisfy { !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    // MARK: Dates

    /// `2026-11-01` (midnight UTC) or a full timestamp `2026-11-01T14:20:05Z`.
    static func date(_ value: String) -> Date? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, zip(parts, [4, 2, 2]).allSatisfy({ $0.count == $1 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
           let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
            let components = DateComponents(year: year, month: month, day: day)
            // Refuse 2026-02-30 rather than let the calendar roll it over to March.
            guard let date = utcCalendar.date(from: components),
                  utcCalendar.dateComponents([.year, .month, .day], from: date) == components else { return nil }
            return date
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: value)
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
