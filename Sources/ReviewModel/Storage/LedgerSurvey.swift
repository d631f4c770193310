import Foundation

/// One pass over a ledger's lines ahead of its reading: where the lines `  "decisions": ` and
/// `  "history": ` start (where the threads that read those sections begin), and how many item
/// lines each large section holds (what its list or dictionary is sized to before it is filled).
/// Only hints: upr writes a ledger this way, a file laid out otherwise is read the same without
/// them, and every value is still read and checked by the reader.
struct LedgerSurvey: Sendable {
    enum Section: Int, CaseIterable { case recommendations, decisions, history }

    /// Where the section's value starts (past `"name": `), for the decisions and the history.
    private(set) var starts: [Int?] = [nil, nil, nil]
    /// Lines of the section starting `    {` (list items) or `    "` (dictionary items), at
    /// most one for every `shortest` bytes of the file.
    private(set) var items = [0, 0, 0]

    /// Where the first line after the section's head that is not one of its items starts (its
    /// closing line, `  ]` or `  },`, where upr wrote it), for the decisions and the history.
    private(set) var closes: [Int?] = [nil, nil, nil]

    func start(of section: Section) -> Int? { starts[section.rawValue] }
    func close(of section: Section) -> Int? { closes[section.rawValue] }
    func items(of section: Section) -> Int { items[section.rawValue] }

    private static let heads: [(section: Section, line: [UInt8])] = [
        (.recommendations, Array("  \"recommendations\": ".utf8)),
        (.decisions, Array("  \"decisions\": ".utf8)),
        (.history, Array("  \"history\": ".utf8)),
    ]
    /// The shortest item line upr writes of each section, bytes: a cap on the count.
    private static let shortest = [32, 48, 48]

    init(_ source: JSONSource) throws {
        var lines = Lines(source)
        defer { lines.release() }
        var current: Section?
        let space = UInt8(ascii: " ")
        // Lines are judged from the second on: a section's line always follows a line break.
        var next = try lines.nextBreak(from: 0)
        while let lineBreak = next, lineBreak + 1 < source.count {
            let start = lineBreak + 1
            let line = try lines.head(at: start)
            if line.count > 4, line[0] == space, line[1] == space, line[2] == space, line[3] == space {
                if let current, line[4] == (current == .decisions ? UInt8(ascii: "\"") : UInt8(ascii: "{")) {
                    items[current.rawValue] += 1
                }
            } else if line.count > 2, line[0] == space, line[1] == space, line[2] != space {
                if let current, closes[current.rawValue] == nil { closes[current.rawValue] = start }
                current = Self.heads.first { line.starts(with: $0.line) }?.section
                if let current, current != .recommendations, starts[current.rawValue] == nil {
                    starts[current.rawValue] = start + Self.heads[current.rawValue].line.count
                }
            } else {
                if let current, closes[current.rawValue] == nil { closes[current.rawValue] = start }
                current = nil
            }
            next = try lines.nextBreak(from: start)
        }
        for section in Section.allCases {
            items[section.rawValue] = min(items[section.rawValue], source.count / Self.shortest[section.rawValue])
        }
    }

    /// The source's bytes a chunk at a time, as the survey walks its lines.
    private struct Lines {
        let source: JSONSource
        private let chunk: UnsafeMutableRawBufferPointer?
        private var view: UnsafeBufferPointer<UInt8>
        /// Where in the source `view` starts.
        private var base = 0
        /// A line's first bytes decide what it is: that many are in view when it is judged.
        static let head = 24

        init(_ source: JSONSource) {
            self.source = source
            if case .whole(let all) = source {
                chunk = nil
                view = all
            } else {
                chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.windowSize, Self.head * 2), alignment: 16)
                view = UnsafeBufferPointer(start: nil, count: 0)
            }
        }

        func release() { chunk?.deallocate() }

        /// The first bytes of the line at `offset` (up to `head`, fewer at the end).
        mutating func head(at offset: Int) throws -> UnsafeBufferPointer<UInt8> {
            try show(offset, Self.head)
            let local = offset - base
            return UnsafeBufferPointer(rebasing: view[local..<min(view.count, local + Self.head)])
        }

        /// The offset of the first line break at or after `offset`, reading on as needed.
        mutating func nextBreak(from offset: Int) throws -> Int? {
            var from = offset
            while from < source.count {
                try show(from, 1)
                let local = from - base
                guard local < view.count, let start = view.baseAddress else { return nil }
                if let found = memchr(start + local, 0x0A, view.count - local) {
                    return base + (UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - start)
                }
                from = base + view.count
            }
            return nil
        }

        /// Brings `count` bytes from `offset` into view (or all there are of them).
        private mutating func show(_ offset: Int, _ count: Int) throws {
            guard let chunk else { return }
            let inView = offset >= base && (offset + count <= base + view.count || base + view.count >= source.count)
            guard !inView else { return }
            base = offset
            var filled = 0
            while filled < chunk.count {
                let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[filled...]), at: base + filled)
                if read == 0 { break }
                filled += read
            }
            view = UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: filled)
        }
    }
}
