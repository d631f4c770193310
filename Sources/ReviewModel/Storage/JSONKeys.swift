import Foundation

/// The keys an object of the ledger may hold, for `JSONScanner.nextKey(of:)`: matched on their
/// bytes, so that reading a key makes no String and a `switch` compares integers, not texts.
struct JSONKeys {
    private let names: [[UInt8]]

    init(_ names: String...) { self.names = names.map { Array($0.utf8) } }

    var count: Int { names.count }

    /// The key's place, or `count` for a key not listed.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int {
        for (number, name) in names.enumerated() where name.count == key.count && sameBytes(name, key) {
            return number
        }
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
