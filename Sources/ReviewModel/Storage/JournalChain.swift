import Foundation

/// Checks that a journal's lines are the ones upr appended, all of them, once each, in order:
/// line n says `"seq": n`, carries in `prev` a hash of line n-1 (of the generation it
/// continues, for the first) and in `check` a hash of itself (taken with `check` as zeros). A
/// line deleted, repeated, moved or copied from another journal breaks the numbers or the links,
/// and a line changed after it was written (the last included) breaks its check: each is named
/// with its line number, one message per line.
///
/// The hash is FNV-1a (64 bits): it is there to catch mistakes (a bad merge, a hand edit, a copy
/// from a colleague's folder), not forgery; anyone who can write the journal can write the ledger.
/// A line cut off at its end is a crash mid-append (`LedgerJournal.Contents.torn`); a complete
/// last line deleted cannot be told from one never written. One byte changed always changes an
/// FNV-1a hash (each step is a bijection), so no such change passes a check.
///
/// Journals of upr before the chain have neither field; such lines are read as before (their
/// `base` still keeps them from applying twice) where they come before every chained line.
struct JournalChain {
    private(set) var entries: [(base: Int, event: ChangeEvent)] = []
    /// The line number of each entry.
    private(set) var entryLines: [Int] = []
    private(set) var count = 0
    private(set) var lastHash: UInt64?
    private var damaged: [JournalProblem] = []
    /// Per line: its number, its `seq` (nil for a line of the older format) and its `prev`.
    private var read: [(number: Int, seq: Int?, prev: String?, base: Int)] = []
    /// The hash of each line by the number it holds (its line number for older lines).
    private var hashBySeq: [Int: UInt64] = [:]
    private var lineBySeq: [Int: Int] = [:]

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.decoding
        return decoder
    }()

    static func hash(_ bytes: Data) -> UInt64 {
        // Over the bytes in place: Data's own iterator costs a call per byte.
        bytes.withUnsafeBytes { FNV1a.hash($0) }
    }

    /// What line n's `prev` holds: the hash of line n-1, or for the first line one of the
    /// generation it continues.
    static func link(after previous: UInt64?, base: Int) -> String {
        hex(previous ?? hash(Data("upr journal of generation \(base)".utf8)))
    }

    /// What `check` holds while the line's own hash is taken.
    static let unchecked = String(repeating: "0", count: 16)

    /// Where a line's `check` value starts: the keys are sorted and `base` is a number, so a
    /// line upr wrote begins `{"base":N,"check":"`.
    static func checkOffset(_ bytes: Data) -> Int? {
        let head = Array("{\"base\":".utf8), key = Array(",\"check\":\"".utf8)
        guard bytes.starts(with: head) else { return nil }
        var index = bytes.startIndex + head.count
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard bytes[index...].starts(with: key), index + key.count + 16 <= bytes.endIndex else { return nil }
        return index + key.count - bytes.startIndex
    }

    /// The line with its own hash in `check` (written there as zeros).
    static func checked(_ bytes: Data) -> Data {
        guard let offset = checkOffset(bytes) else { return bytes }
        var out = bytes
        out.replaceSubrange(out.startIndex + offset ..< out.startIndex + offset + 16, with: Data(hex(hash(bytes)).utf8))
        return out
    }

    /// Whether a line's `check` is its own hash.
    static func checks(_ bytes: Data, _ check: String) -> Bool {
        guard let offset = checkOffset(bytes) else { return false }
        var zeroed = bytes
        zeroed.replaceSubrange(zeroed.startIndex + offset ..< zeroed.startIndex + offset + 16, with: Data(unchecked.utf8))
        return hex(hash(zeroed)) == check
    }

    static func hex(_ value: UInt64) -> String { FNV1a.hex(value) }

    mutating func add(_ bytes: Data, number: Int) {
        count = number
        let hash = Self.hash(bytes)
        lastHash = hash
        let line: LedgerJournal.Line
        do {
            line = try LedgerFastDecoding.journalLine(bytes) ?? Self.decoder.decode(LedgerJournal.Line.self, from: bytes)
        } catch {
            damaged.append(JournalProblem(line: number, reason: Self.reason(error, bytes)))
            return
        }
        if line.seq != nil, !(line.check.map { Self.checks(bytes, $0) } ?? false) {
            damaged.append(JournalProblem(line: number, reason: "it was changed after upr wrote it (its check does not match)", kind: .untrusted))
            return
        }
        entries.append((line.base, line.event))
        entryLines.append(number)
        read.append((number, line.seq, line.prev, line.base))
        let seq = line.seq ?? number
        if lineBySeq[seq] == nil {
            lineBySeq[seq] = number
            hashBySeq[seq] = hash
        }
    }

    /// Every damaged line, one message each, in line order.
    func problems() -> [JournalProblem] {
        var found = damaged
        var expected = 1
        var chained = false
        // A line that does not read stands for the change its place says; it is reported once.
        let unreadable = Set(damaged.map(\.line))
        var passed = damaged.map(\.line)[...]
        for line in read {
            while let next = passed.first, next < line.number {
                expected = max(expected, next + 1)
                passed = passed.dropFirst()
            }
            defer { expected = max(expected, (line.seq ?? line.number) + 1) }
            guard let seq = line.seq, let prev = line.prev else {
                if chained || line.seq != nil || line.prev != nil {
                    found.append(JournalProblem(line: line.number, reason: "it lacks the number and link every line after line \(firstChained ?? 1) has: it was added by hand or by another program", kind: .untrusted))
                }
                continue
            }
            chained = true
            if let first = lineBySeq[seq], first != line.number {
                found.append(JournalProblem(line: line.number, reason: "it repeats change \(seq) of line \(first): a line given twice"))
            } else if seq != expected {
                let reason = seq > expected
                    ? (lineBySeq[expected].map { "change \(seq) comes before change \(expected) (line \($0)): lines out of order" }
                       ?? "change\(seq - expected == 1 ? "" : "s") \(expected == seq - 1 ? "\(expected)" : "\(expected) to \(seq - 1)") \(seq - expected == 1 ? "is" : "are") missing before it: a line was deleted")
                    : "change \(seq) comes after change \(expected - 1): lines out of order"
                found.append(JournalProblem(line: line.number, reason: reason))
            } else if !(lineBySeq[seq - 1] == nil && unreadable.contains(seq - 1)),
                      prev != Self.link(after: seq == 1 ? nil : hashBySeq[seq - 1], base: line.base) {
                let before = lineBySeq[seq - 1].map { "line \($0)" } ?? "the generation it names"
                found.append(JournalProblem(line: line.number, reason: "it does not follow \(before): one of them was edited, or comes from another journal"))
            }
        }
        return found.sorted { $0.line < $1.line }
    }

    private var firstChained: Int? { read.first { $0.seq != nil }?.number }

    /// Why a line does not read, without the ledger's own wording around it.
    static func reason(_ error: Error, _ bytes: Data) -> String {
        if bytes.isEmpty { return "an empty line, which upr never writes" }
        if let place = JSONSyntaxLocator.firstError(in: bytes) {
            return "not a change upr wrote: at column \(place.column), \(place.reason)"
        }
        switch LedgerCoding.describe(error, data: bytes, path: "") {
        case .invalidField(_, let field, let reason): return "not a change upr wrote: \(field): \(reason)"
        case .syntax(_, _, _, let reason): return "not a change upr wrote: \(reason)"
        default: return "not a change upr wrote: \(error)"
        }
    }
}

/// One damaged journal line and why.
public struct JournalProblem: Equatable, Sendable {
    /// A line whose bytes cannot be trusted (edited after upr wrote it, or added by another hand)
    /// is never applied, not even by `upr recover`; a line out of place may be.
    public enum Kind: Equatable, Sendable { case untrusted, misplaced }

    public var line: Int
    public var reason: String
    public var kind: Kind = .misplaced
}
