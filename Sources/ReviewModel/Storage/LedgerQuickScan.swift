import Foundation

/// Reads the IDs and decisions of a ledger this version wrote without decoding it: one
/// recommendation and one decision per line make that a scan of lines. `upr export --format ids`
/// uses it, so listing the accepted IDs of 420,000 recommendations takes a fraction of a second.
/// Anything unexpected returns nil, and the caller decodes the ledger in full instead.
public enum LedgerQuickScan {
    public static func statuses(_ url: URL) throws -> [(id: String, status: DecisionStatus?)]? {
        let data: Data
        do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch { return nil }
        let head = String(decoding: data.prefix(80), as: UTF8.self)
        guard head.hasPrefix("{\n  \"schemaVersion\": \(Ledger.currentSchemaVersion),\n  \"generation\": "),
              let generation = LedgerCoding.headerNumber("generation", in: head) else { return nil }
        var ids: [String] = []
        var decided: [String: DecisionStatus?] = [:]
        enum Section { case other, recommendations, decisions }
        var section = Section.other
        let newline = UInt8(ascii: "\n")
        let complete: Bool = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != newline { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                switch section {
                case .other:
                    if equals(line, "  \"recommendations\": [") { section = .recommendations }
                    if equals(line, "  \"decisions\": {") { section = .decisions }
                case .recommendations:
                    if line.starts(with: Array("  ]".utf8)) { section = .other; continue }
                    guard let id = value(after: "\"id\":\"", in: line) else { return false }
                    ids.append(id)
                case .decisions:
                    if line.starts(with: Array("  }".utf8)) { section = .other; continue }
                    guard let id = value(after: "    \"", in: line) else { return false }
                    let status = value(after: "\"decision\":\"", in: line).map { DecisionStatus(rawValue: $0) }
                    if case .some(.none) = status { return false }  // a decision word this version does not know
                    decided[id] = status ?? nil
                }
            }
            return true
        }
        guard complete, !ids.isEmpty || decided.isEmpty else { return nil }
        // Changes not yet folded into the file.
        if let journal = FileManager.default.contents(atPath: LedgerJournal.url(for: url).path), !journal.isEmpty {
            guard let entries = try? LedgerJournal.parse(journal, path: url.path).entries else { return nil }
            for entry in entries where entry.base >= generation {
                guard entry.base == generation else { return nil }
                decided[entry.event.id] = entry.event.after?.decision
            }
        }
        return ids.map { ($0, decided[$0] ?? nil) }
    }

    private static func equals(_ line: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        line.elementsEqual(text.utf8)
    }

    /// The characters after `marker` up to the next quote: JSON strings escape their quotes, so a
    /// bare `"id":"` can only be a key.
    private static func value(after marker: String, in line: UnsafeBufferPointer<UInt8>) -> String? {
        let needle = Array(marker.utf8)
        guard line.count >= needle.count else { return nil }
        var index = 0
        while index + needle.count <= line.count {
            if line[index] == needle[0] && line[index..<(index + needle.count)].elementsEqual(needle) {
                let start = index + needle.count
                var end = start
                while end < line.count && line[end] != UInt8(ascii: "\"") {
                    if line[end] == UInt8(ascii: "\\") { return nil }  // an escaped ID: let the full decoder deal with it
                    end += 1
                }
                guard end < line.count else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
            }
            index += 1
        }
        return nil
    }
}
