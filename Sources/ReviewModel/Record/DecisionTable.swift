import Foundation

/// The decision record of each recommendation, kept by its position in the ledger's list rather
/// than in a dictionary by ID: a large ledger is read into it without hashing an ID for each of
/// its decisions (at 420,000 that hashing was most of the reading of the decisions), and a look-up
/// by ID goes through the ledger's index of positions, which the ledger keeps anyway.
public struct DecisionTable: Equatable, Sendable {
    /// The record at each position (nil: none).
    private var records: [DecisionRecord?]
    /// The ledger's position of each ID (the same storage as `Ledger.indexByID`, not a copy).
    private let index: IDIndex
    public private(set) var count: Int

    /// `records`: one for each position of the ledger's recommendations.
    init(records: [DecisionRecord?], index: IDIndex) {
        self.records = records
        self.index = index
        // Tested in place: `reduce` or `!= nil` copied each record (its strings retained).
        count = records.withUnsafeBufferPointer { buffer in
            var count = 0
            for position in buffer.indices { if case .some = buffer[position] { count += 1 } }
            return count
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// Where the records are stored (for the tests: two tables sharing it copy it on a change).
    var storage: UnsafeRawPointer? { records.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }

    /// The same records in storage of their own (`Ledger.unshared`).
    func unshared() -> DecisionTable {
        var copy = self
        copy.records.reserveCapacity(records.count)
        return copy
    }

    public subscript(id: String) -> DecisionRecord? {
        index[id].flatMap { records[$0] }
    }

    /// The record of the recommendation at `position` of the ledger's list.
    public func record(at position: Int) -> DecisionRecord? { records[position] }

    /// Every record, in the order of the recommendations.
    public var values: [DecisionRecord] { records.compactMap { $0 } }

    /// The positions that have a record, in order.
    public var positions: [Int] { records.indices.filter { records[$0] != nil } }

    mutating func set(_ record: DecisionRecord?, at position: Int) {
        if records[position] == nil, record != nil { count += 1 }
        if records[position] != nil, record == nil { count -= 1 }
        records[position] = record
    }

    /// Equal where every position holds the same record: the index is the ledger's, compared
    /// with its recommendations.
    public static func == (left: DecisionTable, right: DecisionTable) -> Bool {
        left.count == right.count && left.records == right.records
    }
}

extension Ledger {
    /// The decisions as a dictionary by ID: for callers that compare or map them whole (and for
    /// the reading of an older schema); made anew on each call.
    public var decisionsByID: [String: DecisionRecord] {
        var map: [String: DecisionRecord] = [:]
        map.reserveCapacity(decisions.count)
        for position in recommendations.indices {
            if let record = decisions.record(at: position) { map[recommendations[position].id] = record }
        }
        return map
    }
}
