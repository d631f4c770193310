import Foundation

/// What `upr export` and the workbench can write.
public enum ExportFormat: String, CaseIterable, Sendable {
    case ids, csv, json, addendum

    public var fileExtension: String {
        switch self {
        case .ids, .addendum: "txt"
        case .csv: "csv"
        case .json: "json"
        }
    }

    /// Lists that can be cut down to one decision. The addendum always covers the whole review:
    /// a partial one would read as complete.
    public var takesStatus: Bool {
        switch self {
        case .ids, .csv, .json: true
        case .addendum: false
        }
    }
}
