import Foundation

/// A comment of an organization or an individual on one recommendation, from a consultation
/// sheet (ID, organization, comment, date). Never mixed with the government's own notes: kept
/// apart in the ledger (`Ledger.consultation`), shown apart, printed only where an export asks.
public struct ConsultationComment: Codable, Equatable, Sendable {
    public var organization: String
    public var comment: String
    /// The day written on the sheet, `2026-03-15`; nil where it gave none.
    public var date: String?
    /// The sheet's name and the row the comment came from.
    public var file: String
    public var line: Int

    public init(organization: String, comment: String, date: String?, file: String, line: Int) {
        self.organization = organization
        self.comment = comment
        self.date = date
        self.file = file
        self.line = line
    }
}

extension Ledger {
    /// The comments on one recommendation, in the order imported.
    public func comments(on id: String) -> [ConsultationComment] { consultation[id] ?? [] }

    /// Adds comments (by ID), leaving out any already held (the same sheet imported twice).
    /// Returns how many were new. Needs a full save, like proposals.
    @discardableResult
    public mutating func addComments(_ comments: [(id: String, comment: ConsultationComment)]) throws -> Int {
        for entry in comments where !contains(entry.id) { throw LedgerError.unknownID(entry.id) }
        var added = 0
        for entry in comments {
            let held = consultation[entry.id] ?? []
            guard !held.contains(where: { $0.organization == entry.comment.organization && $0.comment == entry.comment.comment && $0.date == entry.comment.date }) else { continue }
            consultation[entry.id] = held + [entry.comment]
            added += 1
        }
        return added
    }
}
