import Foundation
import ReviewModel

/// Why an export was not written. The messages name what to do; the command line adds its flags.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// The addendum would be published with positions missing.
    case notReady(open: [OpenGroup])
    /// The addendum's own check found an ID missing, repeated, or totals that do not add up.
    case checkFailed(String)
    /// A binary format asked for as text (to print it on a terminal).
    case binary(ExportFormat)
    /// Files that exist and would be replaced.
    case exists([String])
    case isFolder(String)
    case notFolder(String)
    /// The ministry format makes one file per ministry: it goes through `ministryFiles`/`ministryData`.
    case needsMinistry
    case noSuchMinistry(String, known: [String])
    /// A briefing asked for a State that made none of the recommendations.
    case noSuchState(String)

    /// Recommendations without a final position, by state of work.
    public struct OpenGroup: Equatable, Sendable {
        public var selection: StatusSelection
        public var ids: [String]
    }

    public var description: String {
        switch self {
        case .notReady(let open):
            let count = open.reduce(0) { $0 + $1.ids.count }
            let lists = open.map { "\($0.selection.label) (\($0.ids.count)): \(IDRanges.compress($0.ids))" }
            return "the addendum is not ready: \(count) recommendation\(count == 1 ? " is" : "s are") still open.\n"
                + lists.joined(separator: "\n")
        case .checkFailed(let reason): return "the addendum failed its own check: \(reason)"
        case .binary(let format): return "\(format.rawValue) is a binary format and is written to a file only"
        case .exists(let paths): return paths.count == 1 ? "\(paths[0]) exists" : "\(paths.count) files exist, among them \(paths[0])"
        case .isFolder(let path): return "\(path) is a folder"
        case .notFolder(let path): return "\(path) exists and is not a folder"
        case .needsMinistry: return "the ministry format is one workbook per ministry: name a folder, or one ministry"
        case .noSuchState(let name): return "'\(name)' made none of the recommendations of this review"
        case .noSuchMinistry(let name, let known):
            return "no recommendation is assigned to '\(name)'" + (known.isEmpty ? "; none is assigned to any ministry yet" : "; assigned: \(known.joined(separator: ", "))")
        }
    }
}
