import Foundation
import ReviewModel

/// The record on disk: one binary file of arrays as they lie in memory (little-endian counts,
/// then the elements), so that opening it is a few copies, never a parse of 40,000 texts. It
/// starts with `UPRREC` and a version and ends with `END.`: a file cut short or of another
/// kind is refused with its name, never read as half a record.
public enum RecordFile {
    static let magic = Array("UPRREC01".utf8)
    static let end = Array("END.".utf8)

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unreadable(path: String, reason: String)
        case notARecord(path: String)
        case damaged(path: String, at: Int)

        public var description: String {
            switch self {
            case let .unreadable(path, reason): "cannot read the UPR record \(path): \(reason)"
            case let .notARecord(path): "\(path) is not a UPR record (made by `upr record import`)"
            case let .damaged(path, at): "the UPR record \(path) is damaged or cut short (at byte \(at)); import it again with `upr record import`"
            }
        }
    }

    /// Where the record lives: `$XDG_DATA_HOME/upr/record.uprrec`, else `~/.local/share/upr/record.uprrec`.
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/share")
        return base.appendingPathComponent("upr/record.uprrec")
    }

    public static func encode(_ record: UPRRecord) -> Data {
        var out = Writer()
        out.bytes += magic
        out.int(record.rowCount)
        out.strings(StringTable(record.stateNames))
        out.strings(StringTable(record.issueNames))
        out.array(record.reviews.map(\.state))
        out.array(record.reviews.map(\.session))
        out.array(record.askReview)
        out.array(record.askResponse.map(\.rawValue))
        out.strings(record.texts)
        out.ragged(record.recommenders)
        out.ragged(record.issues)
        out.strings(StringTable(record.vectors.vocabulary))
        out.array(record.vectors.frequency)
        out.ragged(record.vectors.terms)
        out.array(record.vectors.weights)
        out.bytes += end
        return Data(out.bytes)
    }

    /// Atomically (temp file, fsync, rename): a record being replaced is whole before or after.
    public static func write(_ record: UPRRecord, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try DurableFile.write(encode(record), to: url)
    }

    public static func read(_ url: URL) throws -> UPRRecord {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw Failure.unreadable(path: url.path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        return try decode(data, path: url.path)
    }

    public static func decode(_ data: Data, path: String) throws -> UPRRecord {
        try data.withUnsafeBytes { raw in
            var input = Reader(raw: raw, path: path)
            guard raw.count >= magic.count, Array(raw.prefix(magic.count)) == magic else { throw Failure.notARecord(path: path) }
            input.offset = magic.count
            let rows = try input.int()
            let states = try input.strings().all, issueNames = try input.strings().all
            let reviewStates: [Int32] = try input.array(), reviewSessions: [Int32] = try input.array()
            let askReview: [Int32] = try input.array()
            let responses: [UInt8] = try input.array()
            let texts = try input.strings()
            let recommenders: Ragged<Int32> = try input.ragged(), issues: Ragged<Int32> = try input.ragged()
            let vocabulary = try input.strings().all
            let frequency: [Int32] = try input.array()
            let terms: Ragged<Int32> = try input.ragged()
            let weights: [Float] = try input.array()
            guard input.offset + end.count == raw.count, Array(raw[input.offset...]) == end else { throw input.damaged }
            // Every number points inside its table: a damaged file fails here, not on a key press.
            let asks = askReview.count
            guard reviewStates.count == reviewSessions.count, responses.count == asks, texts.count == asks,
                  recommenders.count == asks, issues.count == asks, terms.count == asks, weights.count == terms.values.count,
                  frequency.count == vocabulary.count,
                  reviewStates.allSatisfy({ $0 >= 0 && Int($0) < states.count }), askReview.allSatisfy({ $0 >= 0 && Int($0) < reviewStates.count }),
                  responses.allSatisfy({ UPRRecord.Response(rawValue: $0) != nil }),
                  recommenders.values.allSatisfy({ $0 >= 0 && Int($0) < states.count }), issues.values.allSatisfy({ $0 >= 0 && Int($0) < issueNames.count }),
                  terms.values.allSatisfy({ $0 >= 0 && Int($0) < vocabulary.count }) else { throw input.damaged }
            return UPRRecord(rowCount: rows, stateNames: states, issueNames: issueNames,
                             reviews: zip(reviewStates, reviewSessions).map { UPRRecord.Review(state: $0, session: $1) },
                             askReview: askReview, askResponse: responses.map { UPRRecord.Response(rawValue: $0)! }, texts: texts,
                             recommenders: recommenders, issues: issues,
                             vectors: RecordVectors(vocabulary: vocabulary, frequency: frequency, terms: terms, weights: weights))
        }
    }

    private struct Writer {
        var bytes: [UInt8] = []
        mutating func int(_ value: Int) { withUnsafeBytes(of: UInt64(value).littleEndian) { bytes += $0 } }
        mutating func array<T: FixedWidthIntegerOrFloat>(_ values: [T]) {
            int(values.count)
            values.withUnsafeBytes { bytes += $0 }
        }
        mutating func strings(_ table: StringTable) {
            array(table.ends)
            array(table.bytes)
        }
        mutating func ragged(_ lists: Ragged<Int32>) {
            array(lists.starts)
            array(lists.values)
        }
    }

    private struct Reader {
        let raw: UnsafeRawBufferPointer
        let path: String
        var offset = 0

        var damaged: Failure { .damaged(path: path, at: offset) }

        mutating func int() throws -> Int {
            guard offset + 8 <= raw.count else { throw damaged }
            let value = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            guard value < UInt64(Int32.max) else { throw damaged }
            offset += 8
            return Int(value)
        }

        mutating func array<T: FixedWidthIntegerOrFloat>() throws -> [T] {
            let count = try int()
            let size = count * MemoryLayout<T>.stride
            guard offset + size <= raw.count else { throw damaged }
            let values = [T](unsafeUninitializedCapacity: count) { buffer, initialised in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + size]))
                initialised = count
            }
            offset += size
            return values
        }

        mutating func strings() throws -> StringTable {
            let ends: [Int32] = try array()  // the writer's order: ends, then bytes
            let table = StringTable(bytes: try array(), ends: ends)
            guard table.isWellFormed else { throw damaged }
            return table
        }

        mutating func ragged() throws -> Ragged<Int32> {
            let starts: [Int32] = try array()
            let lists = Ragged<Int32>(values: try array(), starts: starts)
            guard lists.isWellFormed else { throw damaged }
            return lists
        }
    }
}

/// The element types written as raw memory (little-endian machines only, as every one here is).
protocol FixedWidthIntegerOrFloat {}
extension Int32: FixedWidthIntegerOrFloat {}
extension UInt8: FixedWidthIntegerOrFloat {}
extension Float: FixedWidthIntegerOrFloat {}
