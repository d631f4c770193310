import Foundation

/// The last time a reader read, as its 20 bytes: a change and its record carry the same time,
/// and decisions made together the same second, so most times are not parsed again. One per
/// thread (`JSONWindow` hands it from unit to unit).
struct TimeMemo {
    private var words: (UInt64, UInt64, UInt32) = (0, 0, 0)
    private var date: Date?

    /// The time of the usual form, `"2026-09-21T14:13:20Z"`, whose quote is at `start`, and the
    /// bytes it takes with its quotes; nil for any other form. `Timestamp.parse` accepts only
    /// digits and separators in those 20 bytes, so a string it accepts holds no quote, escape or
    /// control byte.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Date, Int)? {
        let quote = UInt8(ascii: "\"")
        guard start + 22 <= bytes.count, bytes[start] == quote, bytes[start + 21] == quote, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base + start + 1)
        let read = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                    raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        if let date, words == read { return (date, 22) }
        guard let parsed = Timestamp.parse(bytes: UnsafeBufferPointer(start: base + start + 1, count: 20)) else { return nil }
        (words, date) = (read, parsed)
        return (parsed, 22)
    }
}
