import Foundation

/// The ledger's `"consultation"` section: one line per recommendation with comments, in document
/// order; written only when there are some, so that other ledgers stay as they were.
enum LedgerConsultationCoding {
    static func section(_ ledger: Ledger, _ encoder: JSONEncoder) throws -> String {
        func line<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let commented = ledger.recommendations.compactMap { rec in ledger.consultation[rec.id].map { (rec.id, $0) } }
        guard !commented.isEmpty else { return "" }
        return ",\n  \"consultation\": {\n" + (try commented.map { "    \(try line($0.0)): \(try line($0.1))" }.joined(separator: ",\n")) + "\n  }"
    }
}

extension LedgerMerge {
    /// Comments only accumulate: per ID the base's, then each side's new ones (ours first), each once.
    static func mergedConsultation(_ base: [String: [ConsultationComment]], _ ours: [String: [ConsultationComment]],
                                   _ theirs: [String: [ConsultationComment]]) -> [String: [ConsultationComment]] {
        var out = base
        for side in [ours, theirs] {
            for (id, comments) in side {
                for comment in comments where !(out[id] ?? []).contains(comment) { out[id, default: []].append(comment) }
            }
        }
        return out
    }
}
