import Foundation

/// The keys an object of the ledger may hold, for `JSONScanner.nextKey(of:)`: matched on their
/// bytes, so that reading a key makes no String and a `switch` compares integers, not texts.
struct JSONKeys {
    private let names: [[UInt8]]
    /// Each name of up to 16 bytes as two little-endian words (zero beyond its end) and its
    /// length: a key read into words is then matched by comparing integers, with no call.
    private let words: [Words]

    struct Words: Equatable {
        var low: UInt64 = 0, high: UInt64 = 0, count = 0

        /// Adds the key's next byte (bytes beyond the 16th are counted, not kept).
        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if count < 8 { low |= UInt64(byte) << (8 * UInt64(count)) } else if count < 16 { high |= UInt64(byte) << (8 * UInt64(count - 8)) }
            count += 1
        }
    }

    init(_ names: String...) {
        self.names = names.map { Array($0.utf8) }
        words = self.names.map { name in
            var words = Words()
            for byte in name { words.append(byte) }
            return words
        }
    }

    var count: Int { names.count }

    /// The key's place, or `count` for a key not listed.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int {
        for (number, name) in names.enumerated() where name.count == key.count && sameBytes(name, key) {
            return number
        }
        return names.count
    }

    /// The same for a key read into words; `key` (its bytes) is compared where it is longer
    /// than 16 bytes, which the words do not hold whole.
    @inline(__always)
    func index(of words: Words, _ key: @autoclosure () -> UnsafeBufferPointer<UInt8>) -> Int {
        guard words.count <= 16 else { return index(of: key()) }
        for number in self.words.indices where self.words[number] == words { return number }
        return names.count
    }
}

/// `memcmp`: comparing through Collection's `elementsEqual` costs a call per byte.
func sameBytes(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard stored.count == bytes.count else { return false }
    guard !bytes.isEmpty else { return true }
    return stored.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
}

/// Lists of strings a ledger repeats (the States of its recommendations, their themes), by their
/// bytes as written, each made once and then shared by every recommendation that writes it alike.
/// Bounded, so that a ledger of lists all different keeps no more than a few thousand.
final class SharedLists {
    static let longest = 512
    private static let kept = 8_192
    private var lists: [UInt64: (bytes: [UInt8], list: [String])] = [:]

    func list(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard let entry = lists[Self.hash(bytes)], sameBytes(entry.bytes, bytes) else { return nil }
        return entry.list
    }

    func remember(_ bytes: UnsafeBufferPointer<UInt8>, _ list: [String]) {
        guard lists.count < Self.kept else { return }
        lists[Self.hash(bytes)] = (Array(bytes), list)
    }

    /// FNV-1a: the dictionary then hashes one integer, not the bytes again.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash(bytes) }
}
