import ReviewModel
import ReviewExport

/// What happened: a key, a new terminal size, or the outcome of an effect the runner performed.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    case mouse(MouseEvent)
    case saved
    case saveFailed(String)
    case exported(path: String, count: Int)
    case exportFailed(String)
    /// The clusters of the same ask, computed in the background for a large ledger.
    case clustersReady(ClusterMap)
    /// The UPR record and what it says of every recommendation, read after the first screen.
    case recordReady(RecordArrival)
    /// The search index and the States, built after the first screen (`SearchArrival`).
    case searchIndexReady(SearchArrival)
}

/// What the reducer asks the world to do. The runner performs them, in order, before the next
/// screen is drawn: so no decision is shown before it is on disk.
public enum Effect: Equatable, Sendable {
    /// Write the state's new changes durably (the journal).
    case save
    /// Write the whole ledger (for what is not a change of a recommendation: saved views).
    case saveAll
    /// Write a decision list of the given recommendations (positions in document order).
    case export(ExportFormat, positions: [Int])
    case quit
    /// Draw the whole screen anew (Ctrl-L: after another program wrote over it).
    case redraw
    /// Give the terminal back and stop until the shell's `fg` (Ctrl-Z); then redraw.
    case suspend
    /// Run these keys, in order, as if typed now: they waited for the search index.
    case replay([Key])
}

/// A click or a turn of the wheel, when the mouse is on (`upr --mouse`).
public enum MouseEvent: Equatable, Sendable {
    case click(row: Int, column: Int)
    case wheelUp, wheelDown
}
