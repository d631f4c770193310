/// FNV-1a, 64 bits: the one hash of bytes the ledger's files use (the journal's chain, the
/// ministry sheet's checksum, `LEDGER.index`) and the reader's shared lists. Catches slips,
/// not forgery.
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Over bytes in place (a buffer or an array: Data's own iterator costs a call per byte).
    static func hash<Bytes: Sequence>(_ bytes: Bytes, from start: UInt64 = offsetBasis) -> UInt64 where Bytes.Element == UInt8 {
        var hash = start
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// As 16 hex digits, zeros in front.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
