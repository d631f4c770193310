import Foundation
import ReviewModel

/// Puts exports on disk the way the ledger is written (`DurableFile`: all or nothing, even after a
/// crash), and never replaces an existing file unless asked to.
public enum ExportFiles {
    public static func write(_ data: Data, to url: URL, force: Bool) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw ExportError.isFolder(url.path) }
            if !force { throw ExportError.exists([url.path]) }
        }
        try DurableFile.write(data, to: url)
    }

    /// Writes the files into a folder, created if missing. Every name is checked before the first
    /// file is written, so that a refusal leaves the folder as it was.
    public static func write(_ files: [ExportFile], into folder: URL, force: Bool) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            if !isFolder.boolValue { throw ExportError.notFolder(folder.path) }
        } else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let urls = files.map { folder.appendingPathComponent($0.name) }
        let existing = urls.filter { FileManager.default.fileExists(atPath: $0.path) }
        if let folderInTheWay = existing.first(where: { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }) {
            throw ExportError.isFolder(folderInTheWay.path)
        }
        if !existing.isEmpty && !force { throw ExportError.exists(existing.map(\.path)) }
        for (file, url) in zip(files, urls) { try DurableFile.write(file.data, to: url) }
    }
}
