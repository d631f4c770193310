import Foundation
import XCTest
@testable import ReviewModel

final class ClusterTests: XCTestCase {
    static let document = DocumentInfo(symbol: "A/HRC/00/0 (test)", title: "Test", stateUnderReview: "Viet Nam")

    static func ledger() throws -> Ledger {
        try Ledger(document: document, recommendations: [
            Recommendation(id: "1.1", text: "Ratify the Convention against Torture", states: ["France"]),
            Recommendation(id: "1.2", text: "Consider ratifying CAT", states: ["Chile"]),
            Recommendation(id: "1.3", text: "Accede to CAT as soon as possible", states: ["Togo"]),
            Recommendation(id: "1.4", text: "Ratify the Optional Protocol to the Convention against Torture", states: ["Denmark"]),
            Recommendation(id: "1.5", text: "Ratify OPCAT", states: ["Spain"]),
            Recommendation(id: "1.6", text: "Ratify the ICCPR", states: ["Peru"]),
            Recommendation(id: "1.7", text: "Continue poverty reduction in mountainous areas", states: ["Laos"]),
        ])
    }

    func testTreatyNamesAndAbbreviationsAreOneToken() {
        XCTAssertEqual(ClusterText.tokens("Ratify the Convention against Torture"), ["ratify", "t:cat"])
        XCTAssertEqual(ClusterText.tokens("Consider ratifying CAT"), ["ratify", "t:cat"])
        XCTAssertEqual(ClusterText.tokens("Ratify the Optional Protocol to the Convention against Torture"), ["ratify", "t:opcat"])
        XCTAssertEqual(ClusterText.tokens("Accede to the Second Optional Protocol to the ICCPR"), ["ratify", "t:iccpr-op2"])
        XCTAssertEqual(ClusterText.tokens("Ratify CAT and its Optional Protocol"), ["ratify", "t:cat", "t:opcat"])
        XCTAssertEqual(ClusterText.tokens("Ratify ILO Conventions 87 and 98"), ["ratify", "treaty", "t:ilo87", "t:ilo98"])
    }

    func testTheSameAskInDifferentWordsIsOneCluster() throws {
        let clusters = Clustering.clusters(try Self.ledger())
        XCTAssertEqual(clusters, [[0, 1, 2], [3, 4]])
    }

    func testConflictingDecisionsInOneClusterAreReported() throws {
        var ledger = try Self.ledger()
        let map = ClusterMap(clusters: Clustering.clusters(ledger), count: ledger.recommendations.count)
        _ = try ledger.decide("1.1", .accepted, by: "a", at: Date())
        _ = try ledger.decide("1.2", .rejected, by: "a", at: Date())
        _ = try ledger.decide("1.4", .accepted, by: "a", at: Date())
        _ = try ledger.decide("1.5", .underConsideration, by: "a", at: Date())
        let findings = ConsistencyCheck.findings(ledger, clusters: map)
        XCTAssertEqual(findings.map(\.kind), [.conflict, .open])
        XCTAssertEqual(findings.first?.members, [0, 1, 2])
        XCTAssertEqual(ConsistencyCheck.conflictCount(ledger, clusters: map), 1)
        XCTAssertEqual(ConsistencyCheck.conflictingPositions(ledger, clusters: map), [0, 1, 2])
    }

    func testTheSameDecisionOrUndecidedIsNoConflict() throws {
        var ledger = try Self.ledger()
        let map = ClusterMap(clusters: Clustering.clusters(ledger), count: ledger.recommendations.count)
        _ = try ledger.decide("1.1", .accepted, by: "a", at: Date())
        _ = try ledger.decide("1.2", .accepted, by: "a", at: Date())
        _ = try ledger.decide("1.4", .rejected, by: "a", at: Date())
        XCTAssertEqual(ConsistencyCheck.findings(ledger, clusters: map), [])
    }

    func testTheCacheIsKeyedByTextsAndRecomputedWhenStaleOrDamaged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-clusters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ledger.json")
        let ledger = try Self.ledger()
        let first = ClusterCache.load(for: url, ledger: ledger)
        XCTAssertTrue(FileManager.default.fileExists(atPath: ClusterCache.url(for: url).path))
        XCTAssertEqual(ClusterCache.load(for: url, ledger: ledger), first)
        try Data("not json".utf8).write(to: ClusterCache.url(for: url))
        XCTAssertEqual(ClusterCache.load(for: url, ledger: ledger).clusters, [[0, 1, 2], [3, 4]])
        // A stored answer under another key is not believed.
        let stale = ClusterCache.Stored(key: "0", clusters: [[5, 6]]).data
        try stale.write(to: ClusterCache.url(for: url))
        XCTAssertEqual(ClusterCache.load(for: url, ledger: ledger).clusters, [[0, 1, 2], [3, 4]])
        // The stored form is plain JSON: what one writes, JSONSerialization reads, and back.
        let stored = ClusterCache.Stored(key: "ab12", clusters: [[0, 1, 2], [3, 4]])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: stored.data) as? [String: Any])
        XCTAssertEqual(object["key"] as? String, "ab12")
        XCTAssertEqual(object["clusters"] as? [[Int]], [[0, 1, 2], [3, 4]])
        XCTAssertEqual(try ClusterCache.Stored(JSONSerialization.data(withJSONObject: object, options: .prettyPrinted)), stored)
        XCTAssertThrowsError(try ClusterCache.Stored(Data("{\"key\":\"ab12\",\"clusters\":[[0,1],[2,".utf8)))
    }
}
