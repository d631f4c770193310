import Foundation
import ZIPFoundation

/// How much of a document upr is willing to read, so that a file made to exhaust memory or time
/// (a compressed "bomb", a text without line breaks) is refused with a clear message naming the
/// file and the part, before it is read. The figures are far above any official document: the
/// UPR Info export of twenty sessions is 2.3 MB, a thematic list unpacks to 1.3 MB.
public enum InputLimits {
    /// A file given to `upr import`: 256 MiB.
    public static let fileBytes = 256 << 20
    /// One line of a text file (up to a CR or LF): 1 MiB.
    public static let lineBytes = 1 << 20
    /// One part of an Office file (.docx, .xlsx), unpacked: 64 MiB.
    public static let partBytes = 64 << 20
    /// All the parts read from one Office file, unpacked: 256 MiB.
    public static let officeBytes = 256 << 20
    /// Unpacked over packed size of a part, once it is past 1 MiB unpacked: real XML packs about
    /// 15 to 1 (a thematic list), a bomb a thousand to one.
    public static let ratio = 200

    /// Reads a file that is to be imported: its size first, then (for text) its lines.
    static func read(_ url: URL, file: String) throws -> Data {
        var size = 0
        do {
            size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
        } catch {
            throw ImportError.unreadable(file: file, reason: error.localizedDescription)
        }
        guard size <= fileBytes else {
            throw ImportError.unreadable(file: file, reason: "it is \(megabytes(size)) (\(size) bytes), more than the \(megabytes(fileBytes)) upr reads of one document")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw ImportError.unreadable(file: file, reason: error.localizedDescription) }
        // PDF and Office files are read by their own readers; lines mean nothing there.
        if !data.starts(with: Array("%PDF".utf8)) && !data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            try checkLines(data, file: file)
        }
        return data
    }

    /// Refuses a text with a line longer than `lineBytes`, naming it.
    static func checkLines(_ data: Data, file: String) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var line = 1, start = 0
            for (index, byte) in raw.enumerated() where byte == 0x0A || byte == 0x0D {
                if index - start > lineBytes { throw tooLong(file, line) }
                // CR LF is one line end.
                if !(byte == 0x0A && index > 0 && raw[index - 1] == 0x0D) { line += 1 }
                start = index + 1
            }
            if raw.count - start > lineBytes { throw tooLong(file, line) }
        }
    }

    private static func tooLong(_ file: String, _ line: Int) -> ImportError {
        .malformed(file: file, line: line, reason: "a line longer than \(megabytes(lineBytes)), more than upr reads of one line; this is not a document upr reads")
    }

    /// What is still allowed to be unpacked from one Office file.
    struct Budget {
        var left = officeBytes
    }

    /// One part of an Office file, unpacked within the limits; `path` names it in messages.
    static func extract(_ entry: Entry, path: String, from archive: Archive, file: String, budget: inout Budget) throws -> Data {
        let packed = max(Int(clamping: entry.compressedSize), 1)
        let limit = min(partBytes, budget.left)
        func refuse(_ size: Int) -> ImportError {
            let total = size > budget.left ? ", and the parts read before it" : ""
            return .unreadable(file: file, reason: "\(path) unpacks to more than \(megabytes(size > partBytes ? partBytes : limit))\(total) (\(megabytes(packed)) packed), more than upr unpacks: a compressed bomb, or not a document upr reads")
        }
        func tooDense(_ size: Int) -> Bool { size > 1 << 20 && size / packed > ratio }
        let declared = Int(clamping: entry.uncompressedSize)
        if declared > limit { throw refuse(declared) }
        if tooDense(declared) { throw denseError(path, file, declared, packed) }
        var data = Data()
        struct Stop: Error {}
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                // The sizes in the archive may lie: the bytes are counted as they come.
                if data.count > limit || tooDense(data.count) { throw Stop() }
            }
        } catch is Stop {
            throw data.count > limit ? refuse(data.count) : denseError(path, file, data.count, packed)
        }
        budget.left -= data.count
        return data
    }

    private static func denseError(_ path: String, _ file: String, _ size: Int, _ packed: Int) -> ImportError {
        .unreadable(file: file, reason: "\(path) unpacks to more than \(ratio) times its packed size (\(megabytes(packed)) packed, \(megabytes(size)) and more unpacked): a compressed bomb, or not a document upr reads")
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1024 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }
}
