import Foundation
import ZIPFoundation

/// The zip an Office document is: its XML parts, each deflated, all dated `modified`, so that the
/// same ledger gives the same document byte for byte.
enum OfficeZip {
    static func data(_ parts: [(path: String, text: String)], modified: Date) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
