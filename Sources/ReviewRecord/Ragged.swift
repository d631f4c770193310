/// Lists of varying length end to end: one buffer and the start of each list, so that 40,000
/// short lists cost two arrays rather than 40,000 (and are written to disk as they are).
public struct Ragged<Element: Sendable>: Sendable {
    public internal(set) var values: [Element] = []
    /// `starts[i]..<starts[i + 1]` are the values of list `i`; one more than the lists.
    public internal(set) var starts: [Int32] = [0]

    public init() {}

    init(values: [Element], starts: [Int32]) {
        self.values = values
        self.starts = starts
    }

    public var count: Int { starts.count - 1 }

    public subscript(list: Int) -> ArraySlice<Element> {
        values[Int(starts[list])..<Int(starts[list + 1])]
    }

    mutating func append<S: Sequence>(_ list: S) where S.Element == Element {
        values.append(contentsOf: list)
        starts.append(Int32(values.count))
    }

    /// Whether the starts rise from 0 to the number of values (a file read back is checked so).
    var isWellFormed: Bool {
        starts.first == 0 && Int(starts.last ?? -1) == values.count && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
