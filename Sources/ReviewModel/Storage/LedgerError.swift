import Foundation

/// Everything that can go wrong with a ledger, each with a message that names the file and,
/// where it is known, the place.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case syntax(path: String, line: Int?, column: Int?, reason: String)
    /// Journal lines that are damaged, missing, repeated, out of order or foreign: each named.
    case damagedJournal(path: String, problems: [JournalProblem])
    /// Opened, but where this upr cannot write (a read-only folder or mount): why.
    case readOnlyPlace(path: String, reason: String)
    case invalidField(path: String, field: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case locked(path: String, holder: String)
    case writeFailed(path: String, step: String, reason: String)
    case duplicateID(String)
    case unknownID(String)
    case decisionForUnknownID(String)
    /// A ledger whose history was still being read was to be written (a fault of upr's own).
    case historyNotRead

    /// A reason as a sentence: one full stop at its end, never two (Foundation's reasons end in one).
    static func sentence(_ reason: String) -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespaces)
        return trimmed.hasSuffix(".") ? trimmed : trimmed + "."
    }

    public var description: String {
        switch self {
        case .notFound(let path):
            return "No ledger at \(path). Run `upr` to start one from the embedded sample, or pass --ledger PATH."
        case .unreadable(let path, let reason):
            return "Cannot read the ledger \(path): \(reason)"
        case .syntax(let path, let line, let column, let reason):
            let place = line.map { l in column.map { ":\(l):\($0)" } ?? ":\(l)" } ?? ""
            return "The ledger \(path)\(place) is not valid JSON: \(Self.sentence(reason)) It was left untouched."
        case .damagedJournal(let path, let problems):
            let lines = problems.prefix(20).map { "\n  \(path):\($0.line): \($0.reason)" }.joined()
            let more = problems.count > 20 ? "\n  (and \(problems.count - 20) more damaged lines)" : ""
            return "The journal \(path) is damaged, so the ledger was not opened; nothing was changed.\(lines)\(more)"
        case .readOnlyPlace(let path, let reason):
            return "The ledger \(path) cannot be written here: \(reason). It can be read, not changed."
        case .invalidField(let path, let field, let reason):
            return "The ledger \(path) has a bad value at \(field): \(Self.sentence(reason)) It was left untouched."
        case .newerSchema(let path, let found, let supported):
            return "The ledger \(path) has schemaVersion \(found), newer than this upr understands (\(supported)). Use a newer upr; the file was left untouched."
        case .locked(let path, let holder):
            return "The ledger \(path) is open in another upr (\(holder)). Close that one first, so that no decision is overwritten."
        case .writeFailed(let path, let step, let reason):
            return "Could not save the ledger \(path) (\(step)): \(reason)"
        case .duplicateID(let id):
            return "Recommendation ID \(id) appears more than once."
        case .unknownID(let id):
            return "No recommendation with ID \(id)."
        case .decisionForUnknownID(let id):
            return "A decision is recorded for \(id), which is not a recommendation of this document."
        case .historyNotRead:
            return "The ledger's history is still being read; nothing was written (a fault of upr's: please report it)."
        }
    }
}
