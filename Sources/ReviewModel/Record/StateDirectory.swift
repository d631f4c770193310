import Foundation
import BundledResources

/// The UN regional groups. Observer States and non-State names belong to none.
public enum RegionalGroup: String, Codable, CaseIterable, Sendable {
    case african = "African"
    case asiaPacific = "Asia-Pacific"
    case easternEuropean = "Eastern European"
    case latinAmericanCaribbean = "Latin American and Caribbean"
    case westernEuropeanOthers = "Western European and others"
    case none
}

/// One State (or, with status "other", a name that stands where a State is expected) under its
/// UN short name, with the other spellings sources use for it.
public struct StateEntry: Codable, Equatable, Sendable {
    public var name: String
    public var group: RegionalGroup
    /// "member", "observer" or "other".
    public var status: String
    public var aliases: [String]

    public init(name: String, group: RegionalGroup, status: String, aliases: [String] = []) {
        self.name = name
        self.group = group
        self.status = status
        self.aliases = aliases
    }
}

public enum StateDirectoryError: Error, Equatable, CustomStringConvertible {
    case ambiguous(spelling: String, first: String, second: String)
    case missingResource

    public var description: String {
        switch self {
        case let .ambiguous(spelling, first, second): "“\(spelling)” would name both \(first) and \(second)"
        case .missingResource: "the list of States (un-states.json) was not found: looked in \(BundledResources.searched.joined(separator: ", ")). Copy the folder \(BundledResources.folderName) from the build folder (.build/release) beside the upr binary"
        }
    }
}

/// Maps every spelling a source uses to one canonical State, so that a State recommending in a
/// Working Group report, a thematic list and UPR Info is the same State.
public struct StateDirectory: Sendable {
    public let entries: [StateEntry]
    private let index: [String: Int]
    /// Each spelling met, folded once: an import resolves the same few hundred names on every row.
    private let resolved = ResolvedNames()

    /// Refuses a list in which one spelling would name two States: a silent pick would merge them.
    public init(entries: [StateEntry]) throws {
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            for spelling in [entry.name] + entry.aliases {
                let key = Self.key(spelling)
                if let other = index[key], entries[other].name != entry.name {
                    throw StateDirectoryError.ambiguous(spelling: spelling, first: entries[other].name, second: entry.name)
                }
                index[key] = position
            }
        }
        self.entries = entries
        self.index = index
    }

    /// Members and observers, without the non-State names.
    public var states: [StateEntry] { entries.filter { $0.status != "other" } }

    public func resolve(_ name: String) -> StateEntry? {
        resolved.position(of: name) { index[Self.key($0)] }.map { entries[$0] }
    }

    public func group(of name: String) -> RegionalGroup? {
        resolve(name)?.group
    }

    /// The spelling-independent form of a name: case and accents folded, "&" read as "and",
    /// punctuation and spaces dropped, a leading "the" dropped ("The Gambia" is "Gambia").
    public static func key(_ name: String) -> String {
        let folded = TextFolding.fold(name).lowercased().replacingOccurrences(of: "&", with: " and ")
        var words = folded.split { !($0.isLetter || $0.isNumber) }
        if words.first == "the" { words.removeFirst() }
        return words.joined()
    }

    // MARK: The bundled list

    private struct File: Decodable {
        var states: [StateEntry]
        var others: [StateEntry]?
    }

    /// Read once: the list never changes while the program runs.
    private static let loaded: Result<StateDirectory, any Error> = Result {
        guard let url = BundledResources.states() else { throw StateDirectoryError.missingResource }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        return try StateDirectory(entries: file.states + (file.others ?? []))
    }

    public static func bundled() throws -> StateDirectory {
        try loaded.get()
    }
}

/// The position each spelling resolved to, shared by the copies of one directory and safe from
/// any thread (the workbench resolves on its background threads too).
private final class ResolvedNames: @unchecked Sendable {
    private let lock = NSLock()
    private var positions: [String: Int?] = [:]

    func position(of name: String, _ resolve: (String) -> Int?) -> Int? {
        if let known = lock.withLock({ positions[name] }) { return known }
        let position = resolve(name)
        lock.withLock { if positions.count < 100_000 { positions[name] = position } }
        return position
    }
}
