import XCTest
import ReviewModel
import ReviewExport

/// Viet Nam's 2nd cycle (A/HRC/26/6): 227 recommendations, and the positions Viet Nam took on
/// them (182 supported, 45 noted). The addendum written from them must list exactly those IDs.
final class RealDataTests: XCTestCase {
    /// One recommendation per ID of the positions file (its States gathered, its text the start
    /// of the first text), decided as the answer key says.
    func vietNamSecondCycle() throws -> (ledger: Ledger, supported: Set<String>, noted: Set<String>) {
        let positions = try String(contentsOf: try SharedData.url("vietnam/vnm-c2-positions.tsv"), encoding: .utf8)
        var order: [String] = [], states: [String: [String]] = [:], texts: [String: String] = [:]
        for line in positions.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { continue }
            if states[fields[0]] == nil { order.append(fields[0]) }
            if !(states[fields[0]] ?? []).contains(fields[1]) { states[fields[0], default: []].append(fields[1]) }
            if texts[fields[0]] == nil { texts[fields[0]] = fields[3] }
        }
        order.sort(by: RecommendationID.precedes)
        var ledger = try Ledger(
            document: DocumentInfo(symbol: "A/HRC/26/6", title: "Report of the Working Group on the Universal Periodic Review: Viet Nam", stateUnderReview: "Viet Nam", cycle: 2),
            recommendations: order.map { Recommendation(id: $0, text: texts[$0]!, states: states[$0]!) })

        let key = try String(contentsOf: try SharedData.url("vietnam/vnm-c2-answer-key.tsv"), encoding: .utf8)
        var supported: Set<String> = [], noted: Set<String> = []
        let when = Date(timeIntervalSince1970: 1_403_000_000)
        for line in key.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: "\t").map(String.init)
            switch fields[1] {
            case "supported": supported.insert(fields[0]); try ledger.decide(fields[0], .accepted, by: "key", at: when)
            case "noted": noted.insert(fields[0]); try ledger.decide(fields[0], .rejected, by: "key", at: when)
            default: XCTFail("unknown position \(fields[1]) for \(fields[0])")
            }
        }
        return (ledger, supported, noted)
    }

    func testAddendumOfVietNamSecondCycleListsExactlyTheSupportedAndNotedIDs() throws {
        let (ledger, supported, noted) = try vietNamSecondCycle()
        XCTAssertEqual(ledger.recommendations.count, 227)
        XCTAssertEqual(supported.count, 182)
        XCTAssertEqual(noted.count, 45)

        let text = try DecisionExport.render(ledger, format: .addendum)
        let supportedLine = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Supported (") })
        let notedLine = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Noted (") })
        XCTAssertTrue(supportedLine.hasPrefix("Supported (182): 143.1-"), String(supportedLine))
        XCTAssertTrue(notedLine.hasPrefix("Noted (45): "), String(notedLine))

        let supportedIDs = expand(String(supportedLine)), notedIDs = expand(String(notedLine))
        XCTAssertEqual(supportedIDs.count, 182, "no ID twice")
        XCTAssertEqual(Set(supportedIDs), supported)
        XCTAssertEqual(notedIDs.count, 45, "no ID twice")
        XCTAssertEqual(Set(notedIDs), noted)
        XCTAssertEqual(supportedIDs, supportedIDs.sorted(by: RecommendationID.precedes), "document order")
        XCTAssertTrue(text.contains("Supported and considered already implemented (0): none"))
        XCTAssertTrue(text.contains("Totals: 182 supported + 0 supported and already implemented + 45 noted = 227 recommendations."), text)
        XCTAssertFalse(text.contains("DRAFT"))
    }

    /// Written here, apart from `IDRanges`, so that the addendum is not checked by its own code:
    /// `Heading (n): 143.1-6, 9, 144.2` → the IDs.
    func expand(_ line: String) -> [String] {
        guard let colon = line.range(of: "): ") else { return [] }
        var ids: [String] = [], paragraph = ""
        for token in line[colon.upperBound...].components(separatedBy: ", ") where token != "none" {
            var items = token
            if let dot = token.lastIndex(of: ".") {
                paragraph = String(token[..<dot])
                items = String(token[token.index(after: dot)...])
            }
            let bounds = items.split(separator: "-").compactMap { Int($0) }
            for item in bounds[0]...(bounds.last ?? bounds[0]) { ids.append("\(paragraph).\(item)") }
        }
        return ids
    }
}
