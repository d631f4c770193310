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
            throw LedgerError.unreadable(path: "(embedded sample)", reason: "the sample (sample-viet-nam-c4.json) was not found: looked in \(BundledResources.searched.joined(separator: ", ")). Copy the folder \(BundledResources.folderName) from the build folder (.build/release) beside the upr binary")
        }
        return try ledger(fromDocumentAt: url)
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
