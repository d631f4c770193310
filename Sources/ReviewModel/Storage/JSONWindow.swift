import Foundation

/// Where the ledger reader's bytes come from: a buffer in memory, or a file read a window at a
/// time. A large ledger is not held whole: at 420,000 recommendations its 196 MB were a third of
/// the reading's peak memory, and faulting them in a sixth of its time.
enum JSONSource: @unchecked Sendable {
    /// All the bytes at once: the window is the buffer.
    case whole(UnsafeBufferPointer<UInt8>)
    /// A file, read with `pread` (never mapped: a file rewritten in place while it is read gives
    /// torn bytes, which the strict reader refuses, where a mapping would end the process).
    case file(descriptor: Int32, size: Int)
    /// Bytes in memory served as a file's would be, `window` at a time: for the tests and the
    /// fuzz target, which need windows smaller than any value.
    case windowed(UnsafeBufferPointer<UInt8>, window: Int)

    var count: Int {
        switch self {
        case .whole(let bytes), .windowed(let bytes, _): bytes.count
        case .file(_, let size): size
        }
    }

    /// A window that starts at `offset`, for one reader (each thread has its own).
    func window(at offset: Int = 0) -> JSONWindow { JSONWindow(self, at: offset) }

    /// Copies the bytes at `offset` into `buffer`; how many (0 at the end; fewer where the file
    /// has shrunk since it was opened).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        switch self {
        case .whole(let bytes), .windowed(let bytes, _):
            let count = max(0, min(buffer.count, bytes.count - offset))
            if count > 0 { buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count) }
            return count
        case .file(let descriptor, _):
            while true {
                let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
                if count >= 0 { return count }
                if errno != EINTR { throw JSONWindow.ReadFailed(reason: String(cString: strerror(errno))) }
            }
        }
    }

    /// Up to `count` bytes at `offset` (fewer at the end).
    func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = try bytes.withUnsafeMutableBytes { try self.read(into: $0, at: offset) }
        return Array(bytes.prefix(read))
    }

    var windowSize: Int {
        if case .windowed(_, let window) = self { return max(1, window) }
        return 1 << 20
    }
}

/// A scanner's footing on a `JSONSource`. Values are read a unit at a time (`read`): a unit that
/// runs past the window's end is read again over a window moved forward (or grown, for a value
/// longer than it), so a value never has to fit where the last one ended. A unit must therefore
/// only return what it read, and change nothing else.
final class JSONWindow {
    struct ReadFailed: Error { let reason: String }

    let source: JSONSource
    private var storage: UnsafeMutableRawBufferPointer?
    private var bytes: UnsafeBufferPointer<UInt8>
    /// Where in the source `bytes` starts.
    private var base: Int
    private var position = 0, first = false
    /// Where the source ends, as far as this window knows: a file that shrinks while it is read
    /// ends where a read first came back empty.
    private var end: Int

    fileprivate init(_ source: JSONSource, at offset: Int) {
        self.source = source
        end = source.count
        switch source {
        case .whole(let all):
            bytes = all
            base = 0
            position = offset
        case .file, .windowed:
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            base = offset
        }
    }

    deinit { storage?.deallocate() }

    /// Kept from unit to unit (`JSONScanner.time`).
    private var lastTime = TimeMemo()

    /// Where in the source the next byte is.
    var offset: Int { base + position }

    private var atEnd: Bool { base + bytes.count >= end }

    /// Runs `unit` on a scanner standing where the last unit stopped; again, over more bytes,
    /// wherever it fails or stops at the window's last byte before the source's end (a number
    /// cut by the window's end would read as a shorter one). Only a failure at the end counts.
    @inline(__always)
    func read<T>(_ unit: (inout JSONScanner) throws -> T) throws -> T {
        while true {
            var scanner = JSONScanner(bytes, at: position, first: first)
            scanner.lastTime = lastTime
            do {
                let value = try unit(&scanner)
                if scanner.position < bytes.count || atEnd {
                    position = scanner.position
                    first = scanner.first
                    lastTime = scanner.lastTime
                    return value
                }
            } catch {
                if atEnd { throw error }
            }
            try advance()
        }
    }

    /// Continues at `offset`, after a value another reader read from the same start.
    func jump(to offset: Int) {
        first = false
        if case .whole = source { position = offset; return }
        if offset >= base, offset <= base + bytes.count {
            position = offset - base
        } else {
            base = offset
            position = 0
            bytes = UnsafeBufferPointer(start: storage?.baseAddress?.assumingMemoryBound(to: UInt8.self), count: 0)
        }
    }

    /// Moves the unread bytes to the front and reads more after them; grows the window where
    /// the unread bytes fill it already.
    private func advance() throws {
        let kept = bytes.count - position
        var capacity = storage?.count ?? 0
        if capacity == 0 { capacity = source.windowSize }
        if kept >= capacity { capacity *= 2 }
        if capacity != storage?.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
            if kept > 0 { grown.baseAddress!.copyMemory(from: bytes.baseAddress! + position, byteCount: kept) }
            storage?.deallocate()
            storage = grown
        } else if kept > 0, position > 0 {
            storage!.baseAddress!.copyMemory(from: bytes.baseAddress! + position, byteCount: kept)
        }
        base += position
        position = 0
        var filled = kept
        while filled < capacity, base + filled < end {
            let wanted = min(capacity - filled, end - base - filled)
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage![filled..<(filled + wanted)]), at: base + filled)
            if count == 0 { end = base + filled; break }
            filled += count
        }
        bytes = UnsafeBufferPointer(start: storage!.baseAddress!.assumingMemoryBound(to: UInt8.self), count: filled)
    }
}
