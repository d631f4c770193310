import Foundation

/// A filter expression typed by the analyst (`state:France decision:undecided torture`), parsed
/// once per key and evaluated against a `SearchIndex`. See `FilterQueryParser` for the syntax.
public indirect enum FilterQuery: Equatable, Sendable {
    case term(FilterTerm)
    case and(FilterQuery, FilterQuery)
    case or(FilterQuery, FilterQuery)
    case not(FilterQuery)
    /// The empty filter: everything.
    case all
}

/// One condition. The parser stores values in the form evaluation compares them in, so that
/// evaluating over 42,000 recommendations never folds or resolves anything:
/// `state` holds the canonical name (`StateDirectory.resolve`); `text`, `theme` and `decidedBy`
/// hold folded text (case and diacritics removed, as `TextFolding.fold`); `id` and `idRange`
/// hold IDs such as `140.7`.
public enum FilterTerm: Equatable, Sendable {
    /// Any co-recommender is this State.
    case state(String)
    /// Any co-recommender belongs to this regional group.
    case group(RegionalGroup)
    case decision(StatusSelection)
    /// Any theme contains this (folded).
    case theme(String)
    /// The text, or the analyst's note, contains this (folded).
    case text(String)
    /// This ID, or every ID of this paragraph (`140` is `140.*`).
    case id(String)
    /// IDs between these two, inclusive, compared by number (`140.9` before `140.10`) over the
    /// bound's components (`140.7.1` is within `140.1-140.7`; `id:140-141` takes every `141.x`).
    case idRange(String, String)
    case hasNote
    /// A ministry's proposal waits for an analyst (`has:proposal`).
    case hasProposal
    /// A merge conflict waits for an analyst (`has:conflict`).
    case hasConflict
    /// An earlier cycle made the same ask (`has:earlier`); the matches come with the `SearchIndex`.
    case hasEarlier
    /// The earlier cycle's same ask was supported, and this one is not accepted (`was:supported`):
    /// noting now what was supported last time.
    case wasSupported
    /// In a cluster of the same ask (`in:cluster`); the clusters come with the `SearchIndex`.
    case inCluster
    /// In a cluster whose members were accepted and rejected (`conflict:cluster`).
    case conflictInCluster
    /// The record was last changed at or after this moment.
    case changedSince(Date)
    /// The record was last set by this analyst (folded, whole name).
    case decidedBy(String)
    /// The responsible ministry is this one (folded, whole name); nil: none assigned.
    case ministry(String?)
    /// The analyst's note contains this (folded): `note:WORD`.
    case note(String)
    /// What the public UPR record says (`to:`, `session:`, `response:`, `precedent:`, `has:precedent`).
    case record(RecordTerm)
    /// The national plan's terms (`ImplementationTerm`).
    case implementation(ImplementationTerm)
}

/// Where and why a filter could not be read. `offset` counts characters from the start of the
/// input, so the UI can put a caret under the spot.
public struct FilterSyntaxError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `at 14: expected ')'`
    public var description: String { "at \(offset): \(message)" }
}

extension FilterQuery {
    /// Parses a filter; an empty (or blank) filter is `.all`.
    public static func parse(_ text: String, states: StateDirectory) throws -> FilterQuery {
        var parser = FilterQueryParser(text, states: states)
        return try parser.parse()
    }

    /// Whether one recommendation passes; `positions(in:index:)` does the same for all at once.
    public func matches(_ position: Int, in ledger: Ledger, index: SearchIndex) -> Bool {
        switch self {
        case .all: true
        case let .term(term): term.matches(position, in: ledger, index: index)
        case let .and(left, right): left.matches(position, in: ledger, index: index) && right.matches(position, in: ledger, index: index)
        case let .or(left, right): left.matches(position, in: ledger, index: index) || right.matches(position, in: ledger, index: index)
        case let .not(query): !query.matches(position, in: ledger, index: index)
        }
    }
}

extension FilterTerm {
    public func matches(_ position: Int, in ledger: Ledger, index: SearchIndex) -> Bool {
        switch self {
        case let .state(name): return index.hasState(position, named: name)
        case let .group(group): return index.hasState(position, in: group)
        case let .theme(needle): return index.themes(position, contain: needle)
        case let .text(needle): return index.text(position, contains: needle) || NoteSearch.note(of: position, in: ledger, contains: needle)
        case let .note(needle): return NoteSearch.note(of: position, in: ledger, contains: needle)
        case let .id(id): return Self.id(index.originalIDs[position], isOrIsIn: id)
        case let .idRange(lower, upper):
            let id = index.originalIDs[position]
            return ByteSearch.compareID(id, toBound: lower) >= 0 && ByteSearch.compareID(id, toBound: upper) <= 0
        case let .decision(selection): return selection.matches(record(position, ledger, index)?.decision)
        case .hasNote: return !(record(position, ledger, index)?.note.isEmpty ?? true)
        case .hasProposal: return ledger.proposals[ledger.recommendations[position].id] != nil
        case .hasConflict: return ledger.conflicts[ledger.recommendations[position].id] != nil
        case .hasEarlier: return index.memory.earlier(at: position) != nil
        case .wasSupported:
            return index.memory.earlier(at: position)?.0.position == .supported && record(position, ledger, index)?.decision != .accepted
        case .inCluster: return index.clusters.cluster(of: position) != nil
        case .conflictInCluster:
            return index.clusters.cluster(of: position).map { ConsistencyCheck.kind(of: $0, in: ledger) == .conflict } ?? false
        case let .changedSince(date): return record(position, ledger, index).map { $0.at >= date } ?? false
        case let .decidedBy(analyst): return record(position, ledger, index).map { Self.folded($0.by, equals: analyst) } ?? false
        case let .ministry(name): return Self.ministry(record(position, ledger, index)?.ministry, is: name)
        case let .record(term): return term.matches(position, index)
        case let .implementation(term): return term.matches(position, ledger, index)
        }
    }

    private func record(_ position: Int, _ ledger: Ledger, _ index: SearchIndex) -> DecisionRecord? {
        ledger.decisions.record(at: position)
    }

    /// `140.7` is `140.7`; `140` is every `140.*`. On bytes: this runs once per recommendation.
    static func id(_ id: String, isOrIsIn wanted: String) -> Bool {
        if id == wanted { return true }
        let a = id.utf8, b = wanted.utf8
        return a.count > b.count && a.starts(with: b) && a[a.index(a.startIndex, offsetBy: b.count)] == UInt8(ascii: ".")
    }

    /// `ministry:none` matches the unassigned; a name matches that ministry, folded, whole.
    static func ministry(_ ministry: String?, is wanted: String?) -> Bool {
        guard let wanted else { return ministry == nil }
        return ministry.map { folded($0, equals: wanted) } ?? false
    }

    /// Compares an analyst name with a folded one; names are ASCII almost always, so Foundation
    /// is called only for the rare other.
    static func folded(_ name: String, equals wanted: String) -> Bool {
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return TextFolder.folded(name) == wanted }
        return bytes.count == wanted.utf8.count && zip(bytes, wanted.utf8).allSatisfy { TextFolder.lowercase($0) == $1 }
    }
}
