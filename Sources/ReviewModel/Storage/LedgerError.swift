import Foundation

/// Everything that can go wrong with a ledger, each with a message that names the file and,
/// where it is known, the place.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case syntax(path: String, line: Int?, column: Int?, reason: String)
    case invalidField(path: String, field: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case locked(path: String, holder: String)
    case writeFailed(path: String, step: String, reason: String)
    case duplicateID(String)
    case unknownID(String)
    case decisionForUnknownID(String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "No ledger at \(path). Run `upr` to start one from the embedded sample, or pass --ledger PATH."
        case .unreadable(let path, let reason):
            return "Cannot read the ledger \(path): \(reason)"
        case .syntax(let path, let line, let column, let reason):
            let place = line.map { l in column.map { ":\(l):\($0)" } ?? ":\(l)" } ?? ""
            return "The ledger \(path)\(place) is not valid JSON: \(reason). It was left untouched."
        case .invalidField(let path, let field, let reason):
            return "The ledger \(path) has a bad value at \(field): \(reason). It was left untouched."
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
        }
    }
}
