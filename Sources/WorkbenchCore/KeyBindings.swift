/// What a key can do. Named for the user's intent; the reducer gives each its meaning.
public enum Command: Equatable, Sendable {
    // Browsing the list
    case moveDown, moveUp, pageDown, pageUp, top, bottom, detailDown, detailUp
    case decide(StatusChoice)
    case editNote, pickState, cycleStatusFilter, clearFilters, openExport, showHelp, quit, undo, redo
    case toggleMark, markAllInView, clearMarks, nextUndecided, previousUndecided, cycleSort
    // The State picker and the note editor
    case fieldAccept, fieldCancel, fieldUp, fieldDown, fieldLeft, fieldRight, fieldHome, fieldEnd, fieldBackspace, fieldDelete, fieldComplete
    case openCommandLine, openFilter, openSearch, nextMatch, previousMatch, openViews, showStatistics
    case takeProposal, refuseProposal, takeOurs, takeTheirs, decideClusterAlike, toggleImplemented
    case publishNote
    case acceptSuggestedThemes
    // The implementation view (PlanLogic)
    case togglePlanView, nextImplementationStatus, writeProgressNote
    // The export menu
    case export(ExportChoice)
    // The help screen
    case closeHelp
    // Keys terminal users expect: half pages, redraw, suspend, a count before a motion
    case halfPageDown, halfPageUp, redraw, suspend, count, toggleDetail
}

/// `x` clears; the others set a decision.
public enum StatusChoice: Equatable, Sendable { case accepted, underConsideration, rejected, clear }
public enum ExportChoice: Equatable, Sendable { case ids, csv, json, addendum, xlsx, html, docx, briefing }

/// Where the user is; each binding belongs to one mode.
public enum ModeKind: String, CaseIterable, Sendable {
    case browse = "List"
    case statePicker = "State picker"
    case noteEditor = "Note editor"
    case exportMenu = "Export menu"
    case prompt = "Command line"
    case help = "Help"
}

public struct KeyBinding: Equatable, Sendable {
    public var keys: [Key]
    public var command: Command
    public var mode: ModeKind
    public var help: String
    /// Short label for the footer; nil keeps the binding out of the footer.
    public var footer: String?
}

/// The one table of default key bindings. Dispatch, the `?` help screen and the footer all read
/// it (through `KeyMap`, which applies the user's configuration), so help never drifts from the keys.
public enum KeyBindings {
    public static let table: [KeyBinding] = [
        KeyBinding(keys: [.char("j"), .down], command: .moveDown, mode: .browse, help: "next recommendation", footer: nil),
        KeyBinding(keys: [.char("k"), .up], command: .moveUp, mode: .browse, help: "previous recommendation", footer: nil),
        KeyBinding(keys: [.pageDown, .ctrl("f")], command: .pageDown, mode: .browse, help: "page down", footer: nil),
        KeyBinding(keys: [.pageUp, .ctrl("b")], command: .pageUp, mode: .browse, help: "page up", footer: nil),
        KeyBinding(keys: [.char("g"), .home], command: .top, mode: .browse, help: "first recommendation", footer: nil),
        KeyBinding(keys: [.char("G"), .end], command: .bottom, mode: .browse, help: "last recommendation", footer: nil),
        KeyBinding(keys: [.char("]")], command: .nextUndecided, mode: .browse, help: "next undecided recommendation", footer: nil),
        KeyBinding(keys: [.char("[")], command: .previousUndecided, mode: .browse, help: "previous undecided recommendation", footer: nil),
        KeyBinding(keys: [.char("J")], command: .detailDown, mode: .browse, help: "scroll the detail pane down", footer: nil),
        KeyBinding(keys: [.char("K")], command: .detailUp, mode: .browse, help: "scroll the detail pane up", footer: nil),
        KeyBinding(keys: [.char("a")], command: .decide(.accepted), mode: .browse, help: "accept (will support), then next", footer: "accept"),
        KeyBinding(keys: [.char("c")], command: .decide(.underConsideration), mode: .browse, help: "under consideration, then next", footer: "consider"),
        KeyBinding(keys: [.char("r")], command: .decide(.rejected), mode: .browse, help: "reject (will note), then next", footer: "reject"),
        KeyBinding(keys: [.char("s")], command: .pickState, mode: .browse, help: "filter by recommending State (picker)", footer: "State"),
        KeyBinding(keys: [.char("f")], command: .openFilter, mode: .browse, help: "filter: state:France decision:undecided text:torture …", footer: "filter"),
        KeyBinding(keys: [.char("/")], command: .openSearch, mode: .browse, help: "search the text, IDs and States (accents and case ignored)", footer: "search"),
        KeyBinding(keys: [.char("n")], command: .nextMatch, mode: .browse, help: "next match of the search", footer: nil),
        KeyBinding(keys: [.char("N")], command: .previousMatch, mode: .browse, help: "previous match of the search", footer: nil),
        KeyBinding(keys: [.char("d")], command: .cycleStatusFilter, mode: .browse, help: "filter by decision (again for the next: undecided, accepted, …)", footer: "decision"),
        KeyBinding(keys: [.char("x")], command: .decide(.clear), mode: .browse, help: "clear the decision", footer: "clear"),
        KeyBinding(keys: [.char(" ")], command: .toggleMark, mode: .browse, help: "mark or unmark, then next (a, c, r, x, e then act on all marked)", footer: "mark"),
        KeyBinding(keys: [.char("*")], command: .markAllInView, mode: .browse, help: "mark every recommendation in view", footer: nil),
        KeyBinding(keys: [.char("-")], command: .clearMarks, mode: .browse, help: "clear all marks", footer: nil),
        KeyBinding(keys: [.char("o")], command: .cycleSort, mode: .browse, help: "sort by ID, State, decision or theme (again for the next)", footer: nil),
        KeyBinding(keys: [.char("u")], command: .undo, mode: .browse, help: "undo the last change (also after a restart)", footer: "undo"),
        KeyBinding(keys: [.ctrl("r")], command: .redo, mode: .browse, help: "redo what was undone", footer: nil),
        KeyBinding(keys: [.char("e")], command: .editNote, mode: .browse, help: "edit the note (why)", footer: "note"),
        KeyBinding(keys: [.escape], command: .clearFilters, mode: .browse, help: "clear all filters", footer: nil),
        KeyBinding(keys: [.char(":")], command: .openCommandLine, mode: .browse, help: "command line: :goto 140.7, :state France … (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("v")], command: .openViews, mode: .browse, help: "saved views: recall one (:view save NAME keeps the filter)", footer: nil),
        KeyBinding(keys: [.char("t")], command: .takeProposal, mode: .browse, help: "take the ministry's proposal (marked, or this one)", footer: nil),
        KeyBinding(keys: [.char("X")], command: .refuseProposal, mode: .browse, help: "refuse the ministry's proposal (marked, or this one)", footer: nil),
        KeyBinding(keys: [.char("<")], command: .takeOurs, mode: .browse, help: "merge conflict: take our side (marked, or this one)", footer: nil),
        KeyBinding(keys: [.char(">")], command: .takeTheirs, mode: .browse, help: "merge conflict: take their side (marked, or this one)", footer: nil),
        KeyBinding(keys: [.char("A")], command: .publishNote, mode: .browse, help: "publish the note in the addendum (marked share it; again: off)", footer: nil),
        KeyBinding(keys: [.char("T")], command: .acceptSuggestedThemes, mode: .browse, help: "accept the themes suggested from the UPR record", footer: nil),
        KeyBinding(keys: [.char("I")], command: .toggleImplemented, mode: .browse, help: "accepted: mark or unmark as already implemented (addendum)", footer: nil),
        KeyBinding(keys: [.char("C")], command: .decideClusterAlike, mode: .browse, help: "decide this one's whole cluster the way this one is decided", footer: nil),
        KeyBinding(keys: [.char("P")], command: .togglePlanView, mode: .browse, help: "implementation view: supported ones, status, lead, next due action, overdue (again: back)", footer: nil),
        KeyBinding(keys: [.char("p")], command: .nextImplementationStatus, mode: .browse, help: "supported: next implementation status (not started, in progress, partially, fully)", footer: nil),
        KeyBinding(keys: [.char("l")], command: .writeProgressNote, mode: .browse, help: "supported: write a dated progress note (Enter saves)", footer: nil),
        KeyBinding(keys: [.char("S")], command: .showStatistics, mode: .browse, help: "statistics: progress, shares, per State and per theme", footer: nil),
        KeyBinding(keys: [.char("E")], command: .openExport, mode: .browse, help: "export the decision lists", footer: "export"),
        KeyBinding(keys: [.char("?")], command: .showHelp, mode: .browse, help: "this help", footer: "help"),
        KeyBinding(keys: [.ctrl("d")], command: .halfPageDown, mode: .browse, help: "half a page down", footer: nil),
        KeyBinding(keys: [.ctrl("u")], command: .halfPageUp, mode: .browse, help: "half a page up", footer: nil),
        KeyBinding(keys: (1...9).map { .char(Character("\($0)")) } + [.char("0")], command: .count, mode: .browse,
                   help: "a count before a motion: 5j, 3PgDn, 2], 40G goes to row 40", footer: nil),
        KeyBinding(keys: [.char("w")], command: .toggleDetail, mode: .browse, help: "widen the list: hide the detail pane (again to show it)", footer: nil),
        KeyBinding(keys: [.ctrl("l")], command: .redraw, mode: .browse, help: "redraw the screen", footer: nil),
        KeyBinding(keys: [.ctrl("z")], command: .suspend, mode: .browse, help: "suspend to the shell (fg comes back; everything is saved)", footer: nil),
        KeyBinding(keys: [.char("q"), .ctrl("c")], command: .quit, mode: .browse, help: "quit (every decision is already saved)", footer: "quit"),

        KeyBinding(keys: [.enter], command: .fieldAccept, mode: .statePicker, help: "filter by the highlighted State", footer: "choose"),
        KeyBinding(keys: [.escape, .ctrl("c")], command: .fieldCancel, mode: .statePicker, help: "close without changing the filter", footer: "cancel"),
        KeyBinding(keys: [.down, .ctrl("n"), .tab], command: .fieldDown, mode: .statePicker, help: "next State", footer: nil),
        KeyBinding(keys: [.up, .ctrl("p"), .backTab], command: .fieldUp, mode: .statePicker, help: "previous State", footer: nil),
        KeyBinding(keys: [.backspace], command: .fieldBackspace, mode: .statePicker, help: "delete a typed character (type to narrow the list)", footer: nil),

        KeyBinding(keys: [.enter], command: .fieldAccept, mode: .noteEditor, help: "save the note", footer: "save"),
        KeyBinding(keys: [.escape, .ctrl("c")], command: .fieldCancel, mode: .noteEditor, help: "discard the edit", footer: "cancel"),
        KeyBinding(keys: [.left], command: .fieldLeft, mode: .noteEditor, help: "cursor left", footer: nil),
        KeyBinding(keys: [.right], command: .fieldRight, mode: .noteEditor, help: "cursor right", footer: nil),
        KeyBinding(keys: [.home, .ctrl("a")], command: .fieldHome, mode: .noteEditor, help: "start of the note", footer: nil),
        KeyBinding(keys: [.end, .ctrl("e")], command: .fieldEnd, mode: .noteEditor, help: "end of the note", footer: nil),
        KeyBinding(keys: [.backspace], command: .fieldBackspace, mode: .noteEditor, help: "delete before the cursor", footer: nil),
        KeyBinding(keys: [.delete, .ctrl("d")], command: .fieldDelete, mode: .noteEditor, help: "delete under the cursor", footer: nil),

        KeyBinding(keys: [.enter], command: .fieldAccept, mode: .prompt, help: "run the command, apply the filter or search", footer: "run"),
        KeyBinding(keys: [.tab], command: .fieldComplete, mode: .prompt, help: "complete the command, filter key, State or theme", footer: "complete"),
        KeyBinding(keys: [.up, .ctrl("p")], command: .fieldUp, mode: .prompt, help: "earlier line", footer: nil),
        KeyBinding(keys: [.down, .ctrl("n")], command: .fieldDown, mode: .prompt, help: "later line", footer: nil),
        KeyBinding(keys: [.left], command: .fieldLeft, mode: .prompt, help: "cursor left", footer: nil),
        KeyBinding(keys: [.right], command: .fieldRight, mode: .prompt, help: "cursor right", footer: nil),
        KeyBinding(keys: [.home, .ctrl("a")], command: .fieldHome, mode: .prompt, help: "start of the line", footer: nil),
        KeyBinding(keys: [.end, .ctrl("e")], command: .fieldEnd, mode: .prompt, help: "end of the line", footer: nil),
        KeyBinding(keys: [.backspace], command: .fieldBackspace, mode: .prompt, help: "delete before the cursor", footer: nil),
        KeyBinding(keys: [.delete, .ctrl("d")], command: .fieldDelete, mode: .prompt, help: "delete under the cursor", footer: nil),
        KeyBinding(keys: [.escape, .ctrl("c")], command: .fieldCancel, mode: .prompt, help: "close, leaving the filter and search as they were", footer: "cancel"),

        KeyBinding(keys: [.char("i")], command: .export(.ids), mode: .exportMenu, help: "IDs of the recommendations in view, one per line", footer: "IDs"),
        KeyBinding(keys: [.char("c")], command: .export(.csv), mode: .exportMenu, help: "CSV of the recommendations in view", footer: "CSV"),
        KeyBinding(keys: [.char("j")], command: .export(.json), mode: .exportMenu, help: "JSON of the recommendations in view", footer: "JSON"),
        KeyBinding(keys: [.char("a")], command: .export(.addendum), mode: .exportMenu, help: "addendum draft: supported and noted lists of the whole document", footer: "addendum"),
        KeyBinding(keys: [.char("x")], command: .export(.xlsx), mode: .exportMenu, help: "Excel workbook of the view, a sheet per decision", footer: "XLSX"),
        KeyBinding(keys: [.char("h")], command: .export(.html), mode: .exportMenu, help: "HTML report with charts of the view", footer: "HTML"),
        KeyBinding(keys: [.char("w")], command: .export(.docx), mode: .exportMenu, help: "addendum draft as a Word document, with the explanations", footer: "Word"),
        KeyBinding(keys: [.char("b")], command: .export(.briefing), mode: .exportMenu, help: "briefing pack (Word): a section per recommending State", footer: "briefing"),
        KeyBinding(keys: [.escape, .char("q"), .ctrl("c")], command: .fieldCancel, mode: .exportMenu, help: "close", footer: "cancel"),

        KeyBinding(keys: [.char("j"), .down], command: .detailDown, mode: .help, help: "scroll down", footer: nil),
        KeyBinding(keys: [.char("k"), .up], command: .detailUp, mode: .help, help: "scroll up", footer: nil),
        KeyBinding(keys: [.pageDown, .char(" "), .ctrl("f")], command: .pageDown, mode: .help, help: "page down", footer: nil),
        KeyBinding(keys: [.pageUp, .ctrl("b")], command: .pageUp, mode: .help, help: "page up", footer: nil),
        KeyBinding(keys: [.ctrl("d")], command: .halfPageDown, mode: .help, help: "half a page down", footer: nil),
        KeyBinding(keys: [.ctrl("u")], command: .halfPageUp, mode: .help, help: "half a page up", footer: nil),
        KeyBinding(keys: [.char("g"), .home], command: .top, mode: .help, help: "top", footer: nil),
        KeyBinding(keys: [.char("G"), .end], command: .bottom, mode: .help, help: "bottom", footer: nil),
        KeyBinding(keys: [.char("/")], command: .openSearch, mode: .help, help: "search the help (or the statistics)", footer: "search"),
        KeyBinding(keys: [.char("n")], command: .nextMatch, mode: .help, help: "next match", footer: nil),
        KeyBinding(keys: [.char("N")], command: .previousMatch, mode: .help, help: "previous match", footer: nil),
        KeyBinding(keys: [.ctrl("l")], command: .redraw, mode: .help, help: "redraw the screen", footer: nil),
        KeyBinding(keys: [.escape, .char("q"), .char("?"), .enter, .ctrl("c")], command: .closeHelp, mode: .help, help: "close the help or the statistics", footer: "close"),
    ]

    /// The name a command has in the key configuration file.
    public static func name(of command: Command, in mode: ModeKind) -> String {
        switch command {
        case .moveDown: "down"
        case .moveUp: "up"
        case .pageDown: "page-down"
        case .pageUp: "page-up"
        case .top: "first"
        case .bottom: "last"
        case .detailDown: mode == .help ? "down" : "detail-down"
        case .detailUp: mode == .help ? "up" : "detail-up"
        case .decide(.accepted): "accept"
        case .decide(.underConsideration): "consider"
        case .decide(.rejected): "reject"
        case .decide(.clear): "clear"
        case .editNote: "note"
        case .pickState: "pick-state"
        case .cycleStatusFilter: "decision-filter"
        case .clearFilters: "clear-filters"
        case .openExport: "export"
        case .showHelp: "help"
        case .quit: "quit"
        case .undo: "undo"
        case .redo: "redo"
        case .toggleMark: "mark"
        case .markAllInView: "mark-all"
        case .clearMarks: "clear-marks"
        case .nextUndecided: "next-undecided"
        case .previousUndecided: "previous-undecided"
        case .cycleSort: "sort"
        case .fieldAccept: mode == .noteEditor ? "save" : mode == .prompt ? "run" : "choose"
        case .fieldComplete: "complete"
        case .openCommandLine: "command-line"
        case .openFilter: "filter"
        case .openSearch: "search"
        case .openViews: "views"
        case .showStatistics: "statistics"
        case .takeProposal: "take"
        case .takeOurs: "take-ours"
        case .decideClusterAlike: "cluster-alike"
        case .toggleImplemented: "implemented"
        case .publishNote: "explain"
        case .acceptSuggestedThemes: "accept-themes"
        case .togglePlanView: "plan-view"
        case .nextImplementationStatus: "next-status"
        case .writeProgressNote: "progress-note"
        case .takeTheirs: "take-theirs"
        case .refuseProposal: "refuse"
        case .nextMatch: "next-match"
        case .previousMatch: "previous-match"
        case .fieldCancel: "cancel"
        case .fieldUp: mode == .prompt ? "history-back" : "previous"
        case .fieldDown: mode == .prompt ? "history-forward" : "next"
        case .fieldLeft: "left"
        case .fieldRight: "right"
        case .fieldHome: "home"
        case .fieldEnd: "end"
        case .fieldBackspace: "backspace"
        case .fieldDelete: "delete"
        case .export(.ids): "ids"
        case .export(.csv): "csv"
        case .export(.json): "json"
        case .export(.addendum): "addendum"
        case .export(.xlsx): "xlsx"
        case .export(.html): "html"
        case .export(.docx): "docx"
        case .export(.briefing): "briefing"
        case .closeHelp: "close"
        case .halfPageDown: "half-page-down"
        case .halfPageUp: "half-page-up"
        case .redraw: "redraw"
        case .suspend: "suspend"
        case .count: "count"
        case .toggleDetail: "toggle-detail"
        }
    }
}
