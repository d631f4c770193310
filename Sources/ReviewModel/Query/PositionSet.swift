/// A set of positions in a ledger as one bit each: 42,000 recommendations are 657 words, and
/// and/or/not of whole filters are word operations.
public struct PositionSet: Equatable, Sendable {
    private(set) var words: [UInt64]
    /// Positions it can hold (the ledger's size), not its members.
    public let count: Int

    /// Every position when `full`, none otherwise.
    public init(count: Int, full: Bool) {
        self.count = count
        words = Array(repeating: full ? ~0 : 0, count: (count + 63) / 64)
        if full, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    public init(count: Int, members: some Sequence<Int>) {
        self.init(count: count, full: false)
        for position in members { insert(position) }
    }

    public var memberCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public func contains(_ position: Int) -> Bool { words[position >> 6] & (1 << UInt64(position & 63)) != 0 }

    public mutating func insert(_ position: Int) { words[position >> 6] |= 1 << UInt64(position & 63) }

    /// Calls `body` with every member, in increasing order.
    func forEach(_ body: (Int) -> Void) {
        for (number, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                body(number << 6 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
    }

    /// The members for which `test` holds; `test` never sees a non-member.
    func filter(_ test: (Int) -> Bool) -> PositionSet {
        var result = PositionSet(count: count, full: false)
        forEach { if test($0) { result.insert($0) } }
        return result
    }

    func union(_ other: PositionSet) -> PositionSet { combined(with: other, |) }
    func subtracting(_ other: PositionSet) -> PositionSet { combined(with: other) { $0 & ~$1 } }
    func intersection(_ other: PositionSet) -> PositionSet { combined(with: other, &) }

    private func combined(with other: PositionSet, _ operation: (UInt64, UInt64) -> UInt64) -> PositionSet {
        var result = self
        for index in words.indices { result.words[index] = operation(words[index], other.words[index]) }
        return result
    }

    var members: [Int] {
        var result: [Int] = []
        result.reserveCapacity(words.reduce(0) { $0 + $1.nonzeroBitCount })
        forEach { result.append($0) }
        return result
    }
}
