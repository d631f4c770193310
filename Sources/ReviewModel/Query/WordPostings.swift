import Foundation

/// Which recommendations hold each word of the folded texts, so that `text:` looks only at the
/// texts that can match instead of every one (65 ms at 400,000 recommendations as a scan).
///
/// A word is a run of bytes that are letters, digits or beyond ASCII. Every run of such bytes in
/// a needle lies inside one word of any text that contains the needle, so the texts holding, for
/// each of the needle's runs, a word that contains it are a superset of the matches; each of them
/// is then checked as the scan checks it. The answers are the scan's, only sooner.
///
/// Built on a thread of its own (`build`, seconds at 400,000): until it is ready, `candidates`
/// says nil and the filter scans.
final class WordPostings: @unchecked Sendable {
    private struct Built {
        /// Every distinct word end to end, and the positions holding each (increasing, once each).
        var words = FlatLists<UInt8>()
        var positions: [[Int32]] = []
    }

    private let lock = NSLock()
    private var built: Built?
    private var started = false

    /// Starts building from the folded texts, once.
    func build(from texts: FlatLists<UInt8>) {
        let first = lock.withLock { () -> Bool in
            defer { started = true }
            return !started
        }
        guard first else { return }
        Thread.detachNewThread { [self] in
            let result = WordPostings.index(texts)
            lock.withLock { built = result }
        }
    }

    /// Builds at once, on this thread (for tests and benchmarks).
    func buildNow(from texts: FlatLists<UInt8>) {
        let result = WordPostings.index(texts)
        lock.withLock { started = true; built = result }
    }

    var isReady: Bool { lock.withLock { built != nil } }

    /// The positions that may contain `needle` (folded), or nil where every text must be
    /// scanned: the postings are not built yet, or the needle has no letter or digit.
    func candidates(for needle: UnsafeBufferPointer<UInt8>, count: Int) -> PositionSet? {
        guard let built = lock.withLock({ built }) else { return nil }
        let runs = WordPostings.runs(in: needle)
        guard !runs.isEmpty else { return nil }
        var result: PositionSet?
        for run in runs {
            let token = UnsafeBufferPointer(rebasing: needle[run])
            var holding = PositionSet(count: count, full: false)
            built.words.withLists { words in
                for number in built.positions.indices where ByteSearch.contains(token, in: words[number]) {
                    for position in built.positions[number] { holding.insert(Int(position)) }
                }
            }
            result = result.map { $0.intersection(holding) } ?? holding
        }
        return result
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a)
    }

    /// The runs of word bytes in `bytes`.
    static func runs(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for offset in 0..<bytes.count {
            if isWordByte(bytes[offset]) {
                if start == nil { start = offset }
            } else if let begun = start {
                runs.append(begun..<offset)
                start = nil
            }
        }
        if let begun = start { runs.append(begun..<bytes.count) }
        return runs
    }

    private static func index(_ texts: FlatLists<UInt8>) -> Built {
        var built = Built()
        var numbers: [String: Int] = [:]
        texts.withLists { lists in
            for position in 0..<(lists.starts.count - 1) {
                let text = lists[position]
                for run in runs(in: text) {
                    // Words of up to 15 bytes make strings without allocating.
                    let word = String(decoding: UnsafeBufferPointer(rebasing: text[run]), as: UTF8.self)
                    let number: Int
                    if let known = numbers[word] {
                        number = known
                    } else {
                        number = built.positions.count
                        numbers[word] = number
                        built.words.elements.append(contentsOf: text[run])
                        built.words.close()
                        built.positions.append([])
                    }
                    if built.positions[number].last != Int32(position) { built.positions[number].append(Int32(position)) }
                }
            }
        }
        return built
    }
}
