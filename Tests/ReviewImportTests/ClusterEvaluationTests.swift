import Foundation
import ReviewImport
import ReviewModel
import XCTest

/// Clustering of the same ask, measured on Viet Nam's 2nd cycle (A/HRC/26/6).
///
/// Labelled set: the Working Group itself joins the same ask from several States under one ID
/// ("Ratify CAT (Gabon, Mali, Slovakia); Accede to CAT (Togo)"). Each part is clustered as a
/// text of its own; two parts of one ID are a positive pair (RECALL: how many such pairs end
/// in one cluster). PRECISION: of the pairs put in one cluster, how many share an `Issue` label
/// in UPR Info's export (texts matched by their folded letters); pairs without a UPR Info row
/// are left out. Both are printed with the threshold.
final class ClusterEvaluationTests: XCTestCase {
    func report() throws -> ImportedDocument {
        let url = try SharedData.url("vietnam/vnm-c2-A_HRC_26_6.txt")
        return try WorkingGroupReport.parse(try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
    }

    func testTheAsksToRatifyTheConventionAgainstTortureFormOneCluster() throws {
        let document = try report()
        let ledger = try Ledger(document: DocumentInfo(symbol: "A/HRC/26/6", title: "", stateUnderReview: "Viet Nam"),
                                recommendations: document.recommendations.map { Recommendation(id: $0.id, text: $0.text, states: $0.states) })
        let map = ClusterMap(clusters: Clustering.clusters(ledger), count: ledger.recommendations.count)
        let ids = ["143.9", "143.10", "143.11", "143.12", "143.13", "143.14"]
        let numbers = Set(ids.map { map.clusterOf[ledger.indexByID[$0]!] })
        for members in map.clusters where members.contains(ledger.indexByID["143.10"]!) {
            print("CAT cluster:", members.map { ledger.recommendations[$0].id + " " + String(ledger.recommendations[$0].text.prefix(60)) })
        }
        XCTAssertEqual(numbers.count, 1, "\(ids) in clusters \(numbers)")
        XCTAssertFalse(numbers.contains(-1))
    }

    func testPrecisionAndRecallAgainstTheWorkingGroupsOwnGrouping() throws {
        let document = try report()
        let (rows, _) = try UPRInfoCSV.rows(try SharedData.url("vietnam/vnm-c2-uprinfo.csv"))
        var issuesByKey: [String: Set<String>] = [:]
        for row in rows { issuesByKey[Self.key(row.text), default: []].formUnion(row.issues) }

        var parts: [(id: String, text: String)] = []
        for recommendation in document.recommendations {
            for part in Self.parts(recommendation.text) { parts.append((recommendation.id, part)) }
        }
        let settings = ClusterSettings.standard
        let clusters = Clustering.clusters(texts: parts.map(\.text), settings: settings)
        var clusterOf = [Int](repeating: -1, count: parts.count)
        for (n, members) in clusters.enumerated() { for m in members { clusterOf[m] = n } }

        var positives = 0, found = 0
        for i in parts.indices { for j in parts.indices where j > i && parts[i].id == parts[j].id {
            positives += 1
            if clusterOf[i] >= 0, clusterOf[i] == clusterOf[j] { found += 1 } else { print("missed:", parts[i].text, "|", parts[j].text) }
        } }
        var judged = 0, right = 0
        for members in clusters {
            for (x, i) in members.enumerated() { for j in members[(x + 1)...] {
                guard let a = issuesByKey[Self.key(parts[i].text)], let b = issuesByKey[Self.key(parts[j].text)] else { continue }
                judged += 1
                if !a.isDisjoint(with: b) { right += 1 } else { print("wrong:", parts[i].text, "|", parts[j].text) }
            } }
        }
        let recall = Double(found) / Double(max(positives, 1)), precision = Double(right) / Double(max(judged, 1))
        print(String(format: "clustering of Viet Nam 2nd cycle: %d texts, %d clusters; threshold %.2f: recall %.2f (%d/%d WG pairs), precision %.2f (%d/%d pairs judged by UPR Info issue)",
                     parts.count, clusters.count, settings.threshold, recall, found, positives, precision, right, judged))
        XCTAssertGreaterThan(positives, 10)
        XCTAssertGreaterThanOrEqual(recall, 0.6)
        XCTAssertGreaterThanOrEqual(precision, 0.8)
    }

    /// "Ratify CAT; Accede to CAT" → ["Ratify CAT", "Accede to CAT"]. The parser has taken the
    /// States out already; a part that starts in lower case ("; and by curbing …") is a semicolon
    /// inside one State's text, not a joint, and stays with the part before.
    static func parts(_ text: String) -> [String] {
        var parts: [String] = []
        for piece in text.components(separatedBy: "; ") {
            let piece = piece.trimmingCharacters(in: CharacterSet(charactersIn: " ;.").union(.whitespaces))
            if let last = parts.last, let first = piece.first, !first.isUppercase {
                parts[parts.count - 1] = last + "; " + piece
            } else if !piece.isEmpty {
                parts.append(piece)
            }
        }
        return parts
    }

    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.prefix(60).map(Character.init))
    }
}
