import Foundation

/// Writes the ledger's bulky lines (recommendations, decision records, changes) byte for byte as
/// `LedgerCoding.lineEncoder()` writes them (keys sorted, no spaces, slashes as they are), without
/// going through JSONEncoder: a fold of 420,000 spent most of its seconds there. What it is not
/// sure to write alike goes to the encoder itself: a string holding a quote, a backslash or a
/// control character (escaped), a plan (`Implementation`). Tests compare both, byte for byte, on
/// every kind of text and record.
struct LedgerLineWriter {
    private(set) var bytes: [UInt8] = []
    private let encoder: JSONEncoder

    init(encoder: JSONEncoder, capacity: Int = 0) {
        self.encoder = encoder
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A value of any other kind, through the encoder.
    mutating func encoded<T: Encodable>(_ value: T) throws {
        bytes.append(contentsOf: try encoder.encode(value))
    }

    mutating func string(_ text: String) throws {
        let plain = text.utf8.withContiguousStorageIfAvailable { utf8 in
            !utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        guard plain == true else { return try encoded(text) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func strings(_ list: [String]) throws {
        bytes.append(UInt8(ascii: "["))
        for (number, text) in list.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            try string(text)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    // MARK: The ledger's lines, keys in the encoder's sorted order

    mutating func recommendation(_ item: Recommendation) throws {
        raw("{")
        if !item.asRead.isEmpty { raw("\"asRead\":"); try string(item.asRead); raw(",") }
        if !item.groups.isEmpty { raw("\"groups\":"); try strings(item.groups); raw(",") }
        raw("\"id\":"); try string(item.id)
        if !item.sdgs.isEmpty { raw(",\"sdgs\":"); try strings(item.sdgs) }
        raw(",\"states\":"); try strings(item.states)
        if !item.statesAsWritten.isEmpty { raw(",\"statesAsWritten\":"); try strings(item.statesAsWritten) }
        raw(",\"text\":"); try string(item.text)
        raw(",\"themes\":"); try strings(item.themes)
        raw("}")
    }

    mutating func record(_ record: DecisionRecord) throws {
        raw("{\"at\":"); try string(Timestamp.iso(record.at))
        raw(",\"by\":"); try string(record.by)
        if let decision = record.decision { raw(",\"decision\":"); try string(decision.rawValue) }
        if let explanation = record.explanation { raw(",\"explanation\":"); try string(explanation) }
        if let implementation = record.implementation { raw(",\"implementation\":"); try encoded(implementation) }
        if record.implemented { raw(",\"implemented\":true") }
        if let ministry = record.ministry { raw(",\"ministry\":"); try string(ministry) }
        raw(",\"note\":"); try string(record.note)
        raw("}")
    }

    mutating func event(_ event: ChangeEvent) throws {
        raw("{")
        if let after = event.after { raw("\"after\":"); try record(after); raw(",") }
        raw("\"at\":"); try string(Timestamp.iso(event.at))
        if let before = event.before { raw(",\"before\":"); try record(before) }
        raw(",\"by\":"); try string(event.by)
        raw(",\"group\":"); raw(String(event.group))
        raw(",\"id\":"); try string(event.id)
        raw(",\"kind\":"); try string(event.kind.rawValue)
        if let source = event.source { raw(",\"source\":"); try string(source) }
        raw("}")
    }
}
