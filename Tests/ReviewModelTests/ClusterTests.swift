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

    /// Before the first screen the clusters file is checked against the ledger file it names,
    /// not by hashing every text; a text changed in the file still invalidates it.
    func testTheLedgerFileNamedSparesTheHashAndAChangedTextStillInvalidates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upr-clusters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ledger.json")
        let ledger = try Self.ledger()
        try DurableFile.write(LedgerCoding.encode(ledger), to: url)
        let stamp = try XCTUnwrap(ClusterCache.FileStamp(of: url))
        let computed = ClusterCache.computeAndStore(for: url, ledger: ledger, stamp: stamp)
        XCTAssertEqual(ClusterCache.stored(for: url, ledger: ledger, stamp: stamp), computed)
        // The same file: believed without a look at the texts (here, texts the file does not hold).
        var texts = ledger.recommendations
        texts[0].text = "Abolish the death penalty"
        let other = try Ledger(document: Self.document, recommendations: texts)
        XCTAssertEqual(ClusterCache.stored(for: url, ledger: other, stamp: stamp), computed, "no text hashed")

        // The file written again with one text changed: another file, and the key says no.
        try DurableFile.write(LedgerCoding.encode(other), to: url)
        let changed = try XCTUnwrap(ClusterCache.FileStamp(of: url))
        XCTAssertNotEqual(changed, stamp)
        XCTAssertNil(ClusterCache.stored(for: url, ledger: other, stamp: changed))
        XCTAssertNil(ClusterCache.stored(for: url, ledger: other), "nor without a stamp")

        // Written again with the same texts (a fold): the key holds once, and the new file is named.
        try DurableFile.write(LedgerCoding.encode(ledger), to: url)
        let folded = try XCTUnwrap(ClusterCache.FileStamp(of: url))
        XCTAssertEqual(ClusterCache.stored(for: url, ledger: ledger, stamp: folded), computed)
        XCTAssertEqual(ClusterCache.stored(for: url, ledger: other, stamp: folded), computed, "named now: no text hashed")

        // A clusters file of before (no file named) is checked by its key, then named.
        try ClusterCache.Stored(key: ClusterCache.key(ledger, settings: .standard), clusters: computed.clusters).data.write(to: ClusterCache.url(for: url))
        XCTAssertNil(ClusterCache.stored(for: url, ledger: other, stamp: folded), "an old file's key is checked")
        XCTAssertEqual(ClusterCache.stored(for: url, ledger: ledger, stamp: folded), computed)
        XCTAssertNotNil(try ClusterCache.Stored(Data(contentsOf: ClusterCache.url(for: url))).file)
        // Other settings, other clusters, whatever the file.
        XCTAssertNil(ClusterCache.stored(for: url, ledger: other, settings: ClusterSettings(threshold: 0.9), stamp: folded))
    }
}
