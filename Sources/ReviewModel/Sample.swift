import Foundation
import BundledResources

/// Builds a ledger from the embedded illustrative sample (or any document in the same shape:
/// `notice`, `document`, `recommendations`).
public enum Sample {
    struct DocumentFile: Decodable {
        var notice: String?
        var document: DocumentInfo
        var recommendations: [Recommendation]
    }

    public static func ledger() throws -> Ledger {
        guard let url = BundledResources.sampleDocument() else {
            throw LedgerError.unreadable(path: "(embedded sample)", reason: "the resource bundle was not found next to the upr binary")
        }
        return try ledger(fromDocumentAt: url)
    }

    /// The sample `copies` times over, its paragraph 140 becoming 1140, 2140, … in the copies: a
    /// large ledger of the same texts, for tests at scale.
    public static func repeated(_ copies: Int) throws -> Ledger {
        let sample = try ledger()
        var recommendations: [Recommendation] = []
        for copy in 0..<copies {
            for var recommendation in sample.recommendations {
                let parts = recommendation.id.split(separator: ".", maxSplits: 1)
                recommendation.id = "\(copy * 1000 + (Int(parts[0]) ?? 0)).\(parts.count > 1 ? parts[1] : "0")"
                recommendations.append(recommendation)
            }
        }
        return try Ledger(notice: sample.notice, document: sample.document, recommendations: recommendations)
    }

    public static func ledger(fromDocumentAt url: URL) throws -> Ledger {
        let data = try Data(contentsOf: url)
        let file: DocumentFile
        do {
            file = try JSONDecoder().decode(DocumentFile.self, from: data)
        } catch {
            throw LedgerCoding.describe(error, data: data, path: url.path)
        }
        return try Ledger(notice: file.notice, document: file.document, recommendations: file.recommendations)
    }
}
