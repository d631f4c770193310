import Foundation
import ReviewModel

/// Where an analyst left the workbench: the filter (State, decision, the typed query), the
/// search, the order, the selected recommendation, the marks and whether the detail pane was
/// hidden. Kept per analyst in a small file beside the ledger, never in it (`ResumeFile`), so a
/// colleague sharing the ledger through git gets none of it.
public struct ResumePoint: Codable, Equatable, Sendable {
    public var version = 1
    public var state: String?
    public var decision: String?
    public var filter: String?
    public var search: String?
    public var sort: String?
    public var selected: String?
    public var marked: [String] = []
    public var detailHidden = false

    public init(_ workbench: WorkbenchState) {
        state = workbench.filter.state
        decision = workbench.filter.status?.rawValue
        filter = workbench.filter.queryText
        search = workbench.searchText
        sort = workbench.sort == .document ? nil : workbench.sort.rawValue
        selected = workbench.selected?.id
        marked = workbench.marked.sorted().map { workbench.ledger.recommendations[$0].id }
        detailHidden = workbench.detailHidden
    }

    /// Puts the workbench back where it was. What no longer applies (a filter that does not
    /// parse, a recommendation gone) is left out and said in the returned words.
    public func apply(to workbench: inout WorkbenchState) -> [String] {
        var problems: [String] = []
        var restored = RecommendationFilter(state: state, status: decision.flatMap(StatusSelection.init(rawValue:)))
        if let filter, let directory = workbench.search.states {
            do {
                restored = restored.with(query: try FilterQuery.parse(filter, states: directory), text: filter)
            } catch {
                problems.append("the filter “\(filter)” no longer reads (\(error))")
            }
        }
        workbench.sort = sort.flatMap(SortOrder.init(rawValue:)) ?? .document
        workbench.detailHidden = detailHidden
        workbench.filter = restored
        workbench.marked = Set(marked.compactMap { workbench.ledger.indexByID[$0] })
        workbench.setSearch(search)
        let position = selected.flatMap { workbench.ledger.indexByID[$0] }
        if selected != nil && position == nil { problems.append("\(selected!) is no longer in the ledger") }
        workbench.refilter(preferring: position ?? 0)
        if let position, workbench.sort != .document, let row = workbench.visible.firstIndex(of: position) { workbench.moveCursor(to: row) }
        return problems
    }

    /// `State: France · undecided, 140.7 (3/27), 2 marked`: what the first screen says it resumed.
    public static func summary(_ workbench: WorkbenchState) -> String {
        var parts: [String] = []
        if !workbench.filter.isEmpty { parts.append(workbench.filter.summary) }
        if let search = workbench.searchText { parts.append("search “\(search)”") }
        if let id = workbench.selected?.id { parts.append("\(id) (\(workbench.cursor + 1)/\(workbench.visible.count))") }
        if !workbench.marked.isEmpty { parts.append("\(workbench.marked.count) marked") }
        return parts.joined(separator: ", ")
    }
}

/// The resume point's file: `LEDGER.ANALYST.resume` beside the ledger (`upr-ledger.json.lan.resume`).
public enum ResumeFile {
    public static func url(forLedger ledger: URL, analyst: String) -> URL {
        let safe = String(analyst.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" })
        return ledger.deletingLastPathComponent().appendingPathComponent("\(ledger.lastPathComponent).\(safe.isEmpty ? "_" : safe).resume")
    }

    /// Nil when there is none; an error naming the file when it does not read.
    public static func load(_ url: URL) throws -> ResumePoint? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(ResumePoint.self, from: Data(contentsOf: url))
        } catch {
            throw ResumeFileError(path: url.path, reason: "\(error)")
        }
    }

    /// Written whole (temporary file and rename): a crash leaves the old point or the new.
    /// It holds filter and search words (`note:` ones too): as private as the ledger.
    public static func save(_ point: ResumePoint, to url: URL, ledger: URL? = nil) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try DurableFile.write(try encoder.encode(point), to: url, mode: ledger.map(LedgerFiles.mode(of:)))
    }
}

public struct ResumeFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path) does not read as a resume point (\(reason)); started fresh" }
}
