import Foundation
import ReviewModel

/// A position as published in an addendum or a thematic list.
public enum PublishedPosition: String, Codable, Equatable, Sendable {
    case supported
    /// Supported, and considered already implemented.
    case supportedImplemented
    case noted

    /// The working decision it stands for: supported → accepted, noted → rejected.
    public var decision: DecisionStatus { self == .noted ? .rejected : .accepted }
}

/// One recommendation as a source document gives it, before it is matched to a ledger.
public struct ImportedRecommendation: Equatable, Sendable {
    /// `140.7` (a trailing dot, as in older reports, is removed).
    public var id: String
    /// The text as published, with page headers, footers and footnotes removed and wrapped lines joined.
    public var text: String
    /// Recommending States, spelled as in the source (not yet mapped to canonical names).
    public var states: [String]
    public var themes: [String]
    /// Groups of persons concerned (thematic list).
    public var groups: [String]
    /// Sustainable Development Goals (thematic list), e.g. `16`, `5`.
    public var sdgs: [String]
    /// The published position, where the source gives one.
    public var position: PublishedPosition?
    /// Line in the source where the recommendation starts (1-based), for messages.
    public var line: Int
    /// The page it starts on, where the source is a PDF.
    public var page: Int?
    /// The recommendation as read during the interactive dialogue, where a footnote gives it.
    public var asRead: String = ""

    public init(id: String, text: String, states: [String], themes: [String] = [], groups: [String] = [],
                sdgs: [String] = [], position: PublishedPosition? = nil, line: Int, page: Int? = nil, asRead: String = "") {
        self.page = page
        self.asRead = asRead
        self.id = id
        self.text = text
        self.states = states
        self.themes = themes
        self.groups = groups
        self.sdgs = sdgs
        self.position = position
        self.line = line
    }
}

/// Something an importer noticed and did not drop silently.
public struct ImportWarning: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// For a PDF, the page: its rebuilt lines have no numbers a reader could find.
    public var page: Int?
    public var message: String

    public init(file: String, line: Int, page: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.page = page
        self.message = message
    }

    public var description: String { page.map { "\(file), page \($0): \(message)" } ?? "\(file):\(line): \(message)" }
}

/// What a reader made of one source file.
public struct ImportedDocument: Equatable, Sendable {
    public var file: String
    public var format: SourceFormat
    public var info: DocumentInfo?
    public var recommendations: [ImportedRecommendation]
    public var warnings: [ImportWarning]
    /// What the reader found, for the import report: per list paragraph its number, items and position.
    public var summary: [String] = []

    public init(file: String, format: SourceFormat, info: DocumentInfo? = nil,
                recommendations: [ImportedRecommendation], warnings: [ImportWarning] = []) {
        self.file = file
        self.format = format
        self.info = info
        self.recommendations = recommendations
        self.warnings = warnings
    }
}

public enum SourceFormat: String, CaseIterable, Sendable {
    case reportText = "report-text"
    case reportPDF = "report-pdf"
    case addendum
    case thematicList = "thematic-list"
    case uprInfoCSV = "uprinfo-csv"
    case ledger
}

/// Input that cannot be imported. Each names the file and, where known, the line.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case binary(file: String)
    case notRecognized(file: String, reason: String)
    case malformed(file: String, line: Int, reason: String)
    case toolMissing(tool: String, package: String)
    case toolFailed(tool: String, file: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot be read: \(reason)"
        case .empty(let file): "\(file): the file is empty"
        case .binary(let file): "\(file): this is not a text file of a known format (binary content)"
        case .notRecognized(let file, let reason): "\(file): not recognized: \(reason)"
        case .malformed(let file, let line, let reason): "\(file):\(line): \(reason)"
        case .toolMissing(let tool, let package): "\(tool) is needed for this file and is not installed (Debian: apt-get install \(package))"
        case .toolFailed(let tool, let file, let reason): "\(file): \(tool) failed: \(reason)"
        }
    }
}
