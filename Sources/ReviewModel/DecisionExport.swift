import Foundation

public enum ExportFormat: String, CaseIterable, Sendable {
    case ids, csv, json, addendum

    public var fileExtension: String {
        switch self {
        case .ids, .addendum: "txt"
        case .csv: "csv"
        case .json: "json"
        }
    }
}

/// Writes the decision lists: IDs, CSV, JSON, or the supported/noted lists of an addendum.
public enum DecisionExport {
    /// `positions`: which recommendations (indices into the ledger), in document order; all by default.
    public static func render(
        _ ledger: Ledger, format: ExportFormat, status: StatusSelection? = nil, positions: [Int]? = nil
    ) throws -> String {
        let chosen = (positions ?? Array(ledger.recommendations.indices)).filter { position in
            status.map { $0.matches(ledger.status(of: ledger.recommendations[position].id)) } ?? true
        }
        switch format {
        case .ids:
            return chosen.map { ledger.recommendations[$0].id + "\n" }.joined()
        case .csv:
            return csv(ledger, chosen)
        case .json:
            return try json(ledger, chosen)
        case .addendum:
            return AddendumDraft.text(ledger, positions: positions)
        }
    }

    static func csv(_ ledger: Ledger, _ positions: [Int]) -> String {
        var rows = [["id", "states", "text", "decision", "note", "decided_by", "decided_at"]]
        for position in positions {
            let recommendation = ledger.recommendations[position]
            let record = ledger.record(for: recommendation.id)
            rows.append([
                recommendation.id, recommendation.states.joined(separator: "; "), recommendation.text,
                record?.decision?.label ?? "undecided", record?.note ?? "", record?.by ?? "",
                record.map { Timestamp.iso($0.at) } ?? "",
            ])
        }
        return rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    struct ExportedRecommendation: Encodable {
        var id: String
        var states: [String]
        var themes: [String]
        var text: String
        var decision: String
        var note: String
        var decidedBy: String?
        var decidedAt: String?
    }

    static func json(_ ledger: Ledger, _ positions: [Int]) throws -> String {
        let items = positions.map { position -> ExportedRecommendation in
            let recommendation = ledger.recommendations[position]
            let record = ledger.record(for: recommendation.id)
            return ExportedRecommendation(
                id: recommendation.id, states: recommendation.states, themes: recommendation.themes,
                text: recommendation.text, decision: record?.decision?.argument ?? "undecided",
                note: record?.note ?? "", decidedBy: record?.by, decidedAt: record.map { Timestamp.iso($0.at) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
    }
}
