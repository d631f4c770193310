/// The position of each recommendation by its ID. A table of positions of its own rather than a
/// `[String: Int]`: made for every ledger read, and at 420,000 recommendations the dictionary's
/// hashing (a seeded SipHash of every ID) took 60 ms after the list was read, with nothing else
/// left to do meanwhile. Open addressing over a power of two, keyed by FNV-1a of the ID's bytes;
/// a slot holds part of the hash beside the position, so most probes compare no ID at all.
///
/// An ID is a String: two spellings Swift takes for equal (a letter precomposed or not, the
/// Kelvin sign and K) are one ID, as they were one key of the dictionary. Hashing bytes is true
/// to that only where every ID is ASCII (the IDs of UPR documents are), so a ledger with another
/// ID is hashed as the String hashes itself, and an ID looked up with a byte beyond ASCII in a
/// ledger of ASCII IDs is compared with each (a Kelvin sign typed for a K is still found).
public struct IDIndex: Equatable, Sendable {
    /// Each slot: the hash's high 32 bits, then the position + 1 (0: an empty slot).
    private var slots: [UInt64]
    private let mask: Int
    /// The list the positions are of (shared with the ledger's, not copied).
    private let recommendations: [Recommendation]
    /// Every ID is ASCII: slots keyed by FNV-1a of the bytes (else by the String's own hash).
    private let ascii: Bool

    public var count: Int { recommendations.count }

    /// Fails with the first ID that is there twice.
    init(_ recommendations: [Recommendation]) throws(DuplicateID) {
        self.recommendations = recommendations
        ascii = recommendations.allSatisfy { Self.isASCII($0.id) }
        var capacity = 16
        while capacity < recommendations.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: capacity)
        for position in recommendations.indices {
            let id = recommendations[position].id
            let hash = Self.hash(id, ascii: ascii)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                if slots[slot] >> 32 == hash >> 32, recommendations[Int(slots[slot] & 0xFFFF_FFFF) - 1].id == id { throw DuplicateID(id: id) }
                slot = (slot + 1) & mask
            }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(position + 1)
        }
        self.slots = slots
    }

    struct DuplicateID: Error { let id: String }

    public subscript(id: String) -> Int? {
        if ascii, !Self.isASCII(id) {
            // It may still equal an ASCII ID (a Kelvin sign is a K): the slots cannot tell.
            return recommendations.firstIndex { $0.id == id }
        }
        let hash = Self.hash(id, ascii: ascii)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if slots[slot] >> 32 == hash >> 32 {
                let position = Int(slots[slot] & 0xFFFF_FFFF) - 1
                if recommendations[position].id == id { return position }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The same IDs at the same positions; at once where both index the same list.
    public static func == (left: IDIndex, right: IDIndex) -> Bool {
        guard left.count == right.count, left.slots == right.slots else { return false }
        let sameList = left.recommendations.withUnsafeBufferPointer { l in right.recommendations.withUnsafeBufferPointer { l.baseAddress == $0.baseAddress } }
        return sameList || zip(left.recommendations, right.recommendations).allSatisfy { $0.id == $1.id }
    }

    /// FNV-1a of the UTF-8 bytes (or the String's hash), its high bits folded into the low
    /// ones that pick the slot.
    @inline(__always)
    private static func hash(_ id: String, ascii: Bool) -> UInt64 {
        let value = ascii
            ? id.utf8.withContiguousStorageIfAvailable { FNV1a.hash($0) } ?? FNV1a.hash(id.utf8)
            : UInt64(UInt(bitPattern: id.hashValue))
        return value ^ (value >> 29)
    }

    @inline(__always)
    private static func isASCII(_ id: String) -> Bool {
        id.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? id.utf8.allSatisfy { $0 < 0x80 }
    }
}
