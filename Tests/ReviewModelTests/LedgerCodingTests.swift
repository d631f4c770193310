import XCTest
@testable import ReviewModel

final class LedgerCodingTests: XCTestCase {
    func testRoundTripKeepsEverythingAndTruncatesToWholeSeconds() throws {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.3", .rejected, by: "lan", at: Fixtures.date)
        try ledger.annotate("140.3", note: "Penal Code review — Bộ Tư pháp", by: "lan", at: Fixtures.date)
        try ledger.decide("140.1", .accepted, by: "minh", at: Fixtures.date)
        let data = try LedgerCoding.encode(ledger)
        let decoded = try LedgerCoding.decode(data, path: "x.json")
        XCTAssertEqual(decoded, ledger)
        XCTAssertEqual(decoded.record(for: "140.3")?.at.timeIntervalSince1970, 1_790_000_000)
        XCTAssertEqual(decoded.record(for: "140.3")?.note, "Penal Code review — Bộ Tư pháp")
    }

    func testLayoutIsOneLinePerRecommendationAndDecisionInDocumentOrder() throws {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.10", .accepted, by: "lan", at: Fixtures.date)
        try ledger.decide("140.2", .underConsideration, by: "lan", at: Fixtures.date)
        let text = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "{")
        XCTAssertEqual(lines[1], "  \"schemaVersion\": 3,")
        XCTAssertEqual(lines[2], "  \"generation\": 0,")
        XCTAssertEqual(lines.filter { $0.hasPrefix("    {\"id\":") }.count, 6)
        let decisionLines = lines.filter { $0.hasPrefix("    \"140.") }
        XCTAssertEqual(decisionLines, [
            "    \"140.2\": {\"at\":\"2026-09-21T14:13:20Z\",\"by\":\"lan\",\"decision\":\"underConsideration\",\"note\":\"\"},",
            "    \"140.10\": {\"at\":\"2026-09-21T14:13:20Z\",\"by\":\"lan\",\"decision\":\"accepted\",\"note\":\"\"}",
        ])
        XCTAssertEqual(lines.filter { $0.hasPrefix("    {\"after\":") }.count, 2, "one history line per change")
        XCTAssertEqual(try LedgerCoding.encode(ledger), try LedgerCoding.encode(ledger), "stable output")
    }

    /// The mark is optional in schema version 2: absent means not implemented, and a ledger
    /// without marks is written byte for byte as before.
    func testImplementedMarkIsWrittenOnlyWhenTrueAndSurvivesDecisions() throws {
        var ledger = Fixtures.ledger()
        try ledger.decide("140.1", .accepted, by: "lan", at: Fixtures.date)
        try ledger.decide("140.2", .accepted, by: "lan", at: Fixtures.date)
        try ledger.markImplemented("140.2", true, by: "lan", at: Fixtures.date)
        try ledger.annotate("140.2", note: "Luật 2016", by: "lan", at: Fixtures.date)
        XCTAssertEqual(ledger.record(for: "140.2")?.implemented, true, "a note keeps the mark")
        let text = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        XCTAssertTrue(text.contains(#""140.1": {"at":"2026-09-21T14:13:20Z","by":"lan","decision":"accepted","note":""},"#), text)
        XCTAssertTrue(text.contains(#""140.2": {"at":"2026-09-21T14:13:20Z","by":"lan","decision":"accepted","implemented":true,"note":"Luật 2016"}"#), text)
        XCTAssertTrue(text.contains("\"schemaVersion\": 3,"))
        XCTAssertEqual(try LedgerCoding.decode(Data(text.utf8), path: "x.json"), ledger)
        XCTAssertEqual(ledger.history.last?.summary, "accepted (note: Luật 2016)")
        XCTAssertEqual(ledger.history(of: "140.2")[1].summary, "accepted (marked already implemented)")

        try ledger.markImplemented("140.2", false, by: "lan", at: Fixtures.date)
        XCTAssertNil(try ledger.markImplemented("140.2", false, by: "lan", at: Fixtures.date), "no change, no history")
        let unmarked = String(decoding: try LedgerCoding.encode(ledger), as: UTF8.self)
        XCTAssertFalse(unmarked.contains(#""140.2": {"at":"2026-09-21T14:13:20Z","by":"lan","decision":"accepted","implemented"#))
        XCTAssertEqual(try LedgerCoding.decode(Data(unmarked.utf8), path: "x.json"), ledger)
    }

    func testNewerSchemaIsRefusedBeforeItsFieldsAreJudged() {
        let data = Data(#"{"schemaVersion": 7, "somethingNew": true}"#.utf8)
        XCTAssertThrowsError(try LedgerCoding.decode(data, path: "/tmp/l.json")) { error in
            XCTAssertEqual(error as? LedgerError, .newerSchema(path: "/tmp/l.json", found: 7, supported: 3))
            XCTAssertTrue("\(error)".contains("/tmp/l.json"))
        }
    }

    func testSyntaxErrorNamesLineAndColumn() throws {
        var text = String(decoding: try LedgerCoding.encode(Fixtures.ledger()), as: UTF8.self)
        // Break line 7 (the second recommendation) by removing its closing brace.
        var lines = text.components(separatedBy: "\n")
        lines[6] = String(lines[6].dropLast(2)) + ","
        text = lines.joined(separator: "\n")
        XCTAssertThrowsError(try LedgerCoding.decode(Data(text.utf8), path: "l.json")) { error in
            guard case .syntax(let path, let line, _, _)? = error as? LedgerError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "l.json")
            XCTAssertEqual(line, 8)
            XCTAssertTrue("\(error)".hasPrefix("The ledger l.json:8:"), "\(error)")
        }
    }

    func testBadFieldNamesItsPath() throws {
        let text = String(decoding: try LedgerCoding.encode(Fixtures.ledger()), as: UTF8.self)
            .replacingOccurrences(of: #""states":["Türkiye"]"#, with: #""states":"Türkiye""#)
        XCTAssertThrowsError(try LedgerCoding.decode(Data(text.utf8), path: "l.json")) { error in
            guard case .invalidField(_, let field, _)? = error as? LedgerError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "recommendations[3].states")
        }
    }

    func testDecisionOnUnknownIDAndDuplicateIDsAreRefused() throws {
        let text = String(decoding: try LedgerCoding.encode(Fixtures.ledger()), as: UTF8.self)
            .replacingOccurrences(of: "\"decisions\": {\n  }", with: "\"decisions\": {\"999.1\": {\"at\":\"2026-01-01T00:00:00Z\",\"by\":\"x\",\"note\":\"\"}}")
        XCTAssertThrowsError(try LedgerCoding.decode(Data(text.utf8), path: "l.json")) { error in
            XCTAssertTrue("\(error)".contains("999.1"), "\(error)")
        }
        XCTAssertThrowsError(try Ledger(document: Fixtures.document, recommendations: [
            Recommendation(id: "1.1", text: "a", states: ["France"]), Recommendation(id: "1.1", text: "b", states: ["Chile"]),
        ]))
    }

    func testSyntaxLocatorFindsTheFirstError() {
        XCTAssertNil(JSONSyntaxLocator.firstError(in: Data(#"{"a": [1, 2.5e3, "x\n", true, null]}"#.utf8)))
        XCTAssertEqual(JSONSyntaxLocator.firstError(in: Data("{\n  \"a\": 1\n  \"b\": 2\n}".utf8))?.line, 3)
        XCTAssertEqual(JSONSyntaxLocator.firstError(in: Data("{\n  \"a\": 1\n  \"b\": 2\n}".utf8))?.column, 3)
        XCTAssertEqual(JSONSyntaxLocator.firstError(in: Data("[1, 2".utf8))?.line, 1)
        XCTAssertNotNil(JSONSyntaxLocator.firstError(in: Data("{} x".utf8)))
    }
}
