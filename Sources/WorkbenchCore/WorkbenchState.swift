import Foundation
import ReviewModel

/// Everything the workbench shows, as a value: tests build one, send actions and compare.
public struct WorkbenchState: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case browse
        case statePicker(StatePicker)
        case noteEditor(LineEditor)
        case exportMenu
        case help(scroll: Int)
        case statistics(scroll: Int)
        case prompt(Prompt)

        public var kind: ModeKind {
            switch self {
            case .browse: .browse
            case .statePicker: .statePicker
            case .noteEditor: .noteEditor
            case .exportMenu: .exportMenu
            case .help, .statistics: .help
            case .prompt: .prompt
            }
        }
    }

    public struct Message: Equatable, Sendable {
        public var text: String
        public var isError: Bool
        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    public internal(set) var ledger: Ledger
    public var analyst: String
    /// The ledger's file name, shown in the header.
    public var ledgerName: String
    public internal(set) var filter = RecommendationFilter()
    /// Folded texts of every recommendation, built once: search and filters never fold per key.
    public internal(set) var search: SearchBox
    /// True until the clusters of the same ask, computed after the first screen, have arrived.
    public internal(set) var clustersPending = false
    /// The public UPR record, where one was imported (`attach(record:)`): precedent, suggested themes.
    public internal(set) var record: RecordBox?
    /// True while the record is being read, after the first screen.
    public internal(set) var recordPending = false
    /// The search term (`/`), folded; `n` and `N` move between its matches.
    public private(set) var searchTerm: String?
    /// The search as the analyst typed it ("Việt Nam"): what messages echo and resume keeps.
    public private(set) var searchText: String?
    /// The recommendations the search term matches: the texts, IDs and States found once when it
    /// is entered (they never change while the workbench is open), the notes again on each `n`.
    public private(set) var searchMatches: PositionSet?
    private var searchTextMatches: [Int] = []
    /// Where the last jump to a match landed: "match 2 of 4" while the cursor stays there.
    public internal(set) var searchPlace: SearchPlace?

    /// Starts a search for `text` (nil or empty ends it).
    mutating func setSearch(_ text: String?) {
        searchPlace = nil
        guard let text, !text.isEmpty else {
            searchTerm = nil
            searchText = nil
            searchMatches = nil
            return
        }
        searchText = text
        searchTerm = TextFolding.fold(text)
        searchTextMatches = search.index.positions(matching: searchTerm!)
        searchTextSet = nil
        refreshSearchMatches()
    }

    /// Notes change while the workbench is open: their matches are found again.
    mutating func refreshSearchMatches() {
        guard let searchTerm else { return }
        refreshNotedPositions()
        if searchTextSet == nil { searchTextSet = PositionSet(count: ledger.recommendations.count, members: searchTextMatches) }
        var matches = searchTextSet!
        for position in NoteSearch.positions(in: ledger, matching: searchTerm, noted: search.index.notedPositions) { matches.insert(position) }
        searchMatches = matches
    }
    private var searchTextSet: PositionSet?

    /// The history's length when the positions with a note were last brought up to date.
    private var notesSeenAt = 0

    /// The ledger again, its history now read whole (`LedgerStore.completeHistory`): the file's
    /// changes come before those seen so far.
    public mutating func historyCompleted(_ complete: Ledger) {
        notesSeenAt += complete.history.count - ledger.history.count
        ledger = complete
    }

    /// Keeps `search.index.notedPositions` (the recommendations with a note) from the history's
    /// new entries, so that a search or a filter over notes never reads every decision.
    mutating func refreshNotedPositions() {
        let history = ledger.history
        guard search.index.notedPositions == nil || notesSeenAt != history.count else { return }
        guard search.index.notedPositions != nil, notesSeenAt < history.count else {
            search.index.notedPositions = NoteSearch.notedPositions(in: ledger)
            notesSeenAt = history.count
            return
        }
        var noted = Set(search.index.notedPositions!)
        for event in history[notesSeenAt...] {
            guard let position = ledger.indexByID[event.id] else { continue }
            if ledger.decisions[event.id]?.note.isEmpty ?? true { noted.remove(position) } else { noted.insert(position) }
        }
        search.index.notedPositions = noted.sorted()
        notesSeenAt = history.count
    }

    /// The zone times are shown in (the ledger keeps UTC).
    public var timeZone: TimeZone = .current
    /// The implementation view (`P`, `PlanLogic`): the supported recommendations with their plans.
    public internal(set) var planView = false
    /// The day actions fall overdue after, in the analyst's zone (`2026-12-01`).
    public var today = ImplementationTerm.today()
    /// The list fills the width (the detail pane hidden), or shares it with the detail pane.
    public internal(set) var detailHidden = false
    /// Digits typed before a motion (`5j`).
    public internal(set) var pendingCount: Int?
    /// The search inside the help screen (`/` there), and the field while it is typed.
    public internal(set) var helpSearch: HelpSearch?
    /// Where each part of the screen goes, for this size and whether the detail pane shows.
    public var layout: Layout { Layout(size, detailHidden: detailHidden) }
    /// Lines entered at the filter prompt, oldest first.
    public internal(set) var filterHistory: [String] = []
    public internal(set) var searchHistory: [String] = []
    /// Marked recommendations (positions); decisions and notes then apply to all of them.
    public internal(set) var marked: Set<Int> = []
    public internal(set) var sort: SortOrder = .document
    /// Positions (indices into `ledger.recommendations`) that pass the filter, in document order.
    public internal(set) var visible: [Int]
    /// Index into `visible` of the selected recommendation.
    public internal(set) var cursor = 0
    /// First row of `visible` shown in the list pane.
    public internal(set) var listTop = 0
    public internal(set) var detailScroll = 0
    public internal(set) var mode: Mode = .browse
    public var message: Message?
    /// Set while changes could not be written; they stay in memory and the runner retries.
    public internal(set) var unsavedError: String?
    public internal(set) var quitConfirmPending = false
    /// Who holds the ledger when this workbench opened it read-only; nil when it may write.
    public var readOnlyHolder: String?
    /// Set when the ledger's folder cannot be written (a read-only mount): why, for the message.
    public var readOnlyReason: String?
    /// The key bindings in force.
    public var keys = KeyMap.standard
    /// Lines entered at the command line, oldest first.
    public internal(set) var commandHistory: [String] = []
    public internal(set) var size: Size
    /// Every recommending State with its count, built once (with the search index).
    public internal(set) var allStates: [StateCount]
    /// Keys typed while the search index is built that need it, or came after one that does:
    /// run in order when it arrives (`holdForSearchIndex`).
    public internal(set) var keysWaitingForIndex: [Key] = []
    /// Width of the longest ID, so that the list's columns line up.
    public let idColumnWidth: Int

    public struct StateCount: Equatable, Sendable {
        public var name: String
        public var folded: String
        public var count: Int
    }

    /// `clusters`: the clusters of the same ask (`ClusterCache.load` beside the ledger file). Without
    /// them a ledger of up to `ClusterCache.synchronousLimit` recommendations is clustered here
    /// (milliseconds); a larger one is shown without clusters rather than delay the first screen.
    /// `clustersPending`: they are being computed elsewhere and arrive as `.clustersReady`.
    /// `searchIndexLater`: the search index and the States are built elsewhere (`searchIndexWork`)
    /// and arrive as `.searchIndexReady`, so that the first screen does not wait for them.
    public init(ledger: Ledger, analyst: String, ledgerName: String = "", size: Size = Size(width: 100, height: 30), clusters: ClusterMap? = nil, clustersPending: Bool = false, searchIndexLater: Bool = false) {
        self.ledger = ledger
        self.analyst = analyst
        self.ledgerName = ledgerName
        self.size = size
        visible = Array(ledger.recommendations.indices)
        let directory = try? StateDirectory.bundled()
        let count = ledger.recommendations.count
        let built = searchIndexLater ? nil : SearchArrival.build(ledger, states: directory)
        var index = built?.index ?? .pending(count: count)
        self.clustersPending = clustersPending && clusters == nil
        // Else the index's own (empty) clusters and earlier cycle stay.
        if let clusters {
            index.clusters = clusters
        } else if count <= ClusterCache.synchronousLimit && !clustersPending {
            index.clusters = ClusterMap(clusters: Clustering.clusters(ledger), count: count)
        }
        // Once per session: the reference does not change while the workbench is open.
        if !ledger.reference.isEmpty { index.memory = CycleMemory(ledger) }
        search = SearchBox(index: index, states: directory)
        // No ID is wider than its bytes: measured only where it could be the widest (84 ms at
        // 420,000 when every one was measured).
        var widest = 0
        for recommendation in ledger.recommendations where recommendation.id.utf8.count > widest {
            widest = max(widest, DisplayText.width(of: recommendation.id))
        }
        idColumnWidth = widest
        allStates = built?.allStates ?? []
    }

    /// The selected recommendation's position in the ledger, if the view is not empty.
    public var selectedPosition: Int? { visible.indices.contains(cursor) ? visible[cursor] : nil }
    public var selected: Recommendation? { selectedPosition.map { ledger.recommendations[$0] } }
    /// The clusters of the same ask (positions), as the filter language sees them.
    public var clusters: ClusterMap { search.index.clusters }
    /// The earlier cycle's closest asks (positions), as the filter language sees them.
    public var memory: CycleMemory { search.index.memory }
}

/// The search index, compared by identity: it depends only on the recommendations, which a
/// session never changes.
public struct SearchBox: Equatable, Sendable {
    public internal(set) var index: SearchIndex
    /// The list of States, for `state:` and `group:` in filters.
    public let states: StateDirectory?
    public static func == (a: SearchBox, b: SearchBox) -> Bool { true }
}

/// The match the cursor was put on: its number among the matches in view.
public struct SearchPlace: Equatable, Sendable {
    public var cursor: Int
    public var ordinal: Int
    public var inView: Int
}

/// A search in the help screen: the term (folded) and, while it is typed, the field.
public struct HelpSearch: Equatable, Sendable {
    public var field: TextField?
    public var term: String?
    public var text: String?
    /// The line of the match last shown: `n` goes on from it, not from the scroll (which stops
    /// at the last page, where several matches may stand).
    public var current: Int?
}

/// The order of the list.
public enum SortOrder: String, CaseIterable, Equatable, Sendable {
    case document = "ID", state = "State", decision = "decision", theme = "theme"

    var next: SortOrder { SortOrder.allCases[(SortOrder.allCases.firstIndex(of: self)! + 1) % SortOrder.allCases.count] }
}

/// The State picker: narrows as the user types; matches are positions in `allStates`.
public struct StatePicker: Equatable, Sendable {
    public var query = ""
    public var matches: [Int]
    public var selection = 0
}

/// A one-line text field with a cursor: notes and prompts.
public struct TextField: Equatable, Sendable {
    public var text: [Character]
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = Array(text)
        cursor = self.text.count
    }

    public var string: String { String(text) }

    /// Applies an editing command or types a character; false when the key is not for the field.
    mutating func edit(_ command: Command?, _ key: Key) -> Bool {
        switch command {
        case .fieldLeft: cursor = max(0, cursor - 1)
        case .fieldRight: cursor = min(text.count, cursor + 1)
        case .fieldHome: cursor = 0
        case .fieldEnd: cursor = text.count
        case .fieldBackspace:
            guard cursor > 0 else { return true }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .fieldDelete:
            if cursor < text.count { text.remove(at: cursor) }
        default:
            guard let character = key.typedCharacter else { return false }
            text.insert(character, at: cursor)
            cursor += 1
        }
        return true
    }

    mutating func replace(with string: String) {
        text = Array(string)
        cursor = text.count
    }
}

/// The note being written for one recommendation.
public struct LineEditor: Equatable, Sendable {
    public var recommendationID: String
    public var field: TextField
    /// A progress note on the plan (`l`), added to its notes, rather than the analyst's note.
    public var isProgressNote = false

    public init(recommendationID: String, text: String) {
        self.recommendationID = recommendationID
        field = TextField(text)
    }

    public var string: String { field.string }
}

/// The `:` command line (and, later, the search and filter prompts).
public struct Prompt: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable { case command = ":", filter = "filter: ", search = "/" }
    public var kind: Kind
    public var field = TextField()
    /// Shown above the prompt: an error with its place, or the completions on offer.
    public var note: String?
    public var noteIsError = false
    /// Position in the history while browsing it with ↑/↓.
    public var historyIndex: Int?
    /// The text is selected (after an error): typing replaces it rather than adding to it.
    public var selected = false

    public init(kind: Kind) { self.kind = kind }

    /// Edits the line. After an error the text is selected: a typed character replaces it (so
    /// `:frobnicate`, then `:help`, runs `help`), Backspace clears it, a cursor key keeps it for
    /// fixing. A `:` typed on an empty command line is the one already shown.
    mutating func edit(_ command: Command?, _ key: Key) -> Bool {
        if selected {
            switch command {
            case .fieldLeft, .fieldRight, .fieldHome, .fieldEnd:
                selected = false
            case .fieldBackspace, .fieldDelete:
                selected = false
                field.replace(with: "")
                return true
            default:
                if key.typedCharacter != nil {
                    selected = false
                    field.replace(with: "")
                }
            }
        }
        if kind == .command && field.text.isEmpty && key == .char(":") { return true }
        return field.edit(command, key)
    }
}
