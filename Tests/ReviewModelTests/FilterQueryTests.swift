import Foundation
import XCTest
@testable import ReviewModel

final class FilterQueryTests: XCTestCase {
    var states: StateDirectory!
    var ledger: Ledger!
    var index: SearchIndex!

    override func setUpWithError() throws {
        states = try StateDirectory.bundled()
        ledger = try FilterFixture.ledger()
        index = SearchIndex(ledger, states: states)
    }

    private func parse(_ text: String) throws -> FilterQuery { try FilterQuery.parse(text, states: states) }

    private func ids(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try parse(text).positions(in: ledger, index: index).map { ledger.recommendations[$0].id }
    }

    private func assertError(_ text: String, at offset: Int, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(text), text, file: file, line: line) { error in
            guard let error = error as? FilterSyntaxError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(error.offset, offset, "\(text): \(error)", file: file, line: line)
            XCTAssertTrue(error.message.contains(message), "\(text): \(error)", file: file, line: line)
        }
    }

    // MARK: Parsing

    func testEachTerm() throws {
        let expected: [(String, FilterTerm)] = [
            ("state:France", .state("France")),
            ("state:turkey", .state("Türkiye")),
            ("State:\"Russian Federation\"", .state("Russian Federation")),
            ("state:\"cote d'ivoire\"", .state("Côte d'Ivoire")),
            ("group:WEOG", .group(.westernEuropeanOthers)), ("group:african", .group(.african)), ("group:AG", .group(.african)),
            ("region:\"Latin American\"", .group(.latinAmericanCaribbean)), ("group:grulac", .group(.latinAmericanCaribbean)),
            ("group:APG", .group(.asiaPacific)), ("group:Asia-Pacific", .group(.asiaPacific)), ("group:asia", .group(.asiaPacific)),
            ("group:EEG", .group(.easternEuropean)), ("group:eastern", .group(.easternEuropean)), ("group:none", .group(.none)),
            ("decision:undecided", .decision(.undecided)), ("decision:accepted", .decision(.accepted)),
            ("decision:under-consideration", .decision(.underConsideration)), ("decision:rejected", .decision(.rejected)),
            ("decision:supported", .decision(.accepted)), ("decision:noted", .decision(.rejected)), ("decision:open", .decision(.undecided)),
            ("theme:Torture", .theme("torture")),
            ("text:Torture", .text("torture")), ("Torture", .text("torture")), ("\"Việt Nam\"", .text("viet nam")),
            ("e-mail", .text("e-mail")), ("10:30", .text("10:30")), ("\"say \\\"no\\\"\"", .text("say \"no\"")),
            ("id:140.7", .id("140.7")), ("id:140", .id("140")),
            ("id:140.1-20", .idRange("140.1", "140.20")), ("id:140.1-140.20", .idRange("140.1", "140.20")),
            ("has:note", .hasNote), ("HAS:Note", .hasNote),
            ("changed:2026-11-01", .changedSince(FilterFixture.day("2026-11-01"))),
            ("since:2026-11-01", .changedSince(FilterFixture.day("2026-11-01"))),
            ("since:2026-11-01T14:20:05Z", .changedSince(FilterFixture.day("2026-11-01").addingTimeInterval(14 * 3600 + 20 * 60 + 5))),
            ("by:lan", .decidedBy("lan")), ("by:Đức", .decidedBy("duc")),
            ("ministry:none", .ministry(nil)), ("ministry:\"Bộ Tư pháp\"", .ministry("bo tu phap")), ("Ministry:MOJ", .ministry("moj")),
        ]
        for (text, term) in expected {
            XCTAssertEqual(try parse(text), .term(term), text)
        }
        XCTAssertEqual(try parse(""), .all)
        XCTAssertEqual(try parse("   "), .all)
    }

    func testPrecedenceNotOverAndOverOr() throws {
        let a = FilterQuery.term(.text("a")), b = FilterQuery.term(.text("b")), c = FilterQuery.term(.text("c")), d = FilterQuery.term(.text("d"))
        XCTAssertEqual(try parse("a or b c"), .or(a, .and(b, c)))
        XCTAssertEqual(try parse("a b or c"), .or(.and(a, b), c))
        XCTAssertEqual(try parse("a and b or c and d"), .or(.and(a, b), .and(c, d)))
        XCTAssertEqual(try parse("not a b"), .and(.not(a), b))
        XCTAssertEqual(try parse("-a or b"), .or(.not(a), b))
        XCTAssertEqual(try parse("not (a or b) c"), .and(.not(.or(a, b)), c))
        XCTAssertEqual(try parse("a (b or c)"), .and(a, .or(b, c)))
        XCTAssertEqual(try parse("a OR b AND NOT c"), .or(a, .and(b, .not(c))))
        XCTAssertEqual(try parse("--a"), .not(.not(a)))
    }

    func testImplicitAndIsExplicitAnd() throws {
        let a = FilterQuery.term(.text("a")), b = FilterQuery.term(.text("b")), c = FilterQuery.term(.text("c"))
        XCTAssertEqual(try parse("a b c"), .and(.and(a, b), c))
        XCTAssertEqual(try parse("a and b and c"), try parse("a b c"))
        XCTAssertEqual(try parse("state:France(a)"), .and(.term(.state("France")), a))
    }

    func testNegation() throws {
        XCTAssertEqual(try parse("-state:France"), .not(.term(.state("France"))))
        XCTAssertEqual(try parse("-state:France"), try parse("not state:France"))
        XCTAssertEqual(try parse("-(has:note or by:lan)"), .not(.or(.term(.hasNote), .term(.decidedBy("lan")))))
        XCTAssertEqual(try parse("-\"death penalty\""), .not(.term(.text("death penalty"))))
    }

    func testRoundTripOfDescription() throws {
        let texts = [
            "state:France decision:undecided text:death", "state:\"Russian Federation\" or group:african",
            "-(a or b) c", "a or b c", "(a or b) (c or d)", "not not a", "\"viet nam\" or \"and\" or \"-x\" or \"a:b\"",
            "id:140.1-20 -has:note", "changed:2026-11-01 by:\"Đức\"", "since:2026-11-01T14:20:05Z", "theme:\"death penalty\"",
            "group:weog group:eeg group:grulac group:apg group:ag group:none", "decision:noted or decision:uc",
            "\"say \\\"no\\\" \\\\ there\"", "id:140",
        ]
        for text in texts {
            let query = try parse(text)
            XCTAssertEqual(try parse(query.description), query, "\(text) → \(query.description)")
        }
        XCTAssertEqual(try parse("State:turkey   AND  -has:note OR  (Torture)").description, "state:Türkiye -has:note or torture")
        XCTAssertEqual(try parse("id:140.1-20").description, "id:140.1-140.20")
        XCTAssertEqual(try parse("region:latin").description, "group:GRULAC")
        // Queries built in code with right-nested operands keep their grouping.
        let a = FilterQuery.term(.text("a")), b = FilterQuery.term(.text("b")), c = FilterQuery.term(.text("c"))
        for query in [FilterQuery.and(a, .and(b, c)), .or(a, .or(b, c)), .not(.and(a, b)), .and(.or(a, b), .not(c))] {
            XCTAssertEqual(try parse(query.description), query, query.description)
        }
        XCTAssertEqual(FilterQuery.all.description, "")
    }

    // MARK: Errors

    func testErrorsCarryTheirOffset() throws {
        assertError("(state:France", at: 13, "expected ')'")
        assertError("((a) b", at: 6, "expected ')'")
        assertError("state:France)", at: 12, "unexpected ')'")
        assertError("()", at: 1, "expected a term after '('")
        assertError("a or", at: 4, "expected a term after 'or'")
        assertError("a and or b", at: 6, "expected a term after 'and'")
        assertError("or a", at: 0, "expected a term before 'or'")
        assertError("a -", at: 3, "expected a term after '-'")
        assertError("torture colour:red", at: 8, "unknown key 'colour:'; known keys: state, group, region, decision, theme, text, id, has, changed, since, by")
        assertError("torture state:Atlantis", at: 14, "unknown State 'Atlantis'")
        assertError("changed:2026-13-01", at: 8, "expected a date like 2026-11-01")
        assertError("since:2026-02-30", at: 6, "expected a date")
        assertError("since:yesterday", at: 6, "expected a date")
        assertError("id:140.20-1", at: 3, "the range 140.20-140.1 runs backwards")
        assertError("id:140.x", at: 3, "expected an ID like 140.7 or a range like 140.1-20")
        assertError("id:140.1-", at: 3, "expected an ID")
        assertError("id:1-2-3", at: 3, "expected an ID")
        assertError("state:", at: 6, "empty value for 'state:'")
        assertError("state: France", at: 6, "empty value for 'state:'")
        assertError("a text:\"\"", at: 7, "empty value for 'text:'")
        assertError("a \"\"", at: 2, "empty value for 'text:'")
        assertError("\"viet nam", at: 0, "unterminated quote")
        assertError("group:martian", at: 6, "unknown group 'martian'; known: African (AG), Asia-Pacific (APG)")
        assertError("group:a", at: 6, "ambiguous group 'a': African, Asia-Pacific")
        assertError("decision:maybe", at: 9, "unknown decision 'maybe'")
        assertError("has:decision", at: 4, "known: note")
        // Offsets count characters, not bytes: "ệ" is one.
        assertError("Việt (", at: 6, "expected a term after '('")
        XCTAssertEqual(FilterSyntaxError(message: "expected ')'", offset: 14).description, "at 14: expected ')'")
    }

    // MARK: Evaluation

    func testStatesCountCoRecommendersAndAliases() throws {
        XCTAssertEqual(try ids("state:France"), ["140.1", "140.3"])
        XCTAssertEqual(try ids("state:turkey"), ["140.4"])
        XCTAssertEqual(try ids("state:laos or state:russia"), ["140.9", "140.10"])
        XCTAssertEqual(try ids("state:brazil"), ["140.9"])
        XCTAssertEqual(try ids("group:GRULAC"), ["140.1", "140.9", "141.1"])
        XCTAssertEqual(try ids("group:EEG"), ["140.10"])
        XCTAssertEqual(try ids("group:african"), ["140.2"])
        XCTAssertEqual(try ids("group:weog -state:france"), ["140.4", "140.10", "140.20"])
    }

    func testTextAndThemesAreFolded() throws {
        XCTAssertEqual(try ids("\"viet nam\""), ["140.2", "140.10"])
        XCTAssertEqual(try ids("text:\"VIỆT NAM\""), ["140.2", "140.10"])
        XCTAssertEqual(try ids("nam’s"), ["140.2"])
        XCTAssertEqual(try ids("torture"), ["140.1", "140.2"])
        XCTAssertEqual(try ids("theme:torture"), ["140.2"])
        XCTAssertEqual(try ids("theme:PENALTY"), ["140.3", "141.1"])
        XCTAssertEqual(try ids("death -theme:penalty"), [])
    }

    func testIDsCompareByNumber() throws {
        XCTAssertEqual(try ids("id:140.1"), ["140.1"], "140.10 is not 140.1")
        XCTAssertEqual(try ids("id:140.9-10"), ["140.9", "140.10"])
        XCTAssertEqual(try ids("id:140.2-140.9"), ["140.2", "140.3", "140.4", "140.9"], "140.10 sorts after 140.9")
        XCTAssertEqual(try ids("id:140.1-20"), ["140.1", "140.2", "140.3", "140.4", "140.9", "140.10", "140.20"])
        XCTAssertEqual(try ids("id:140.10-141.1"), ["140.10", "140.20", "141.1"])
        XCTAssertEqual(try ids("id:140"), ["140.1", "140.2", "140.3", "140.4", "140.9", "140.10", "140.20"])
        XCTAssertEqual(try ids("id:140-141"), ledger.recommendations.map(\.id))
    }

    func testRecordTerms() throws {
        XCTAssertEqual(try ids("has:note"), ["140.3", "140.10"])
        XCTAssertEqual(try ids("changed:2026-11-01"), ["140.3", "140.4", "140.10"], "at or after midnight UTC")
        XCTAssertEqual(try ids("since:2026-11-02T09:00:00Z"), ["140.3", "140.4"])
        XCTAssertEqual(try ids("since:2026-11-06"), [])
        XCTAssertEqual(try ids("by:lan"), ["140.1", "140.10"])
        XCTAssertEqual(try ids("by:LAN"), ["140.1", "140.10"])
        XCTAssertEqual(try ids("by:la"), [], "a whole name")
        XCTAssertEqual(try ids("by:duc"), ["140.4"])
        XCTAssertEqual(try ids("decision:accepted"), ["140.1"])
        XCTAssertEqual(try ids("decision:undecided"), ["140.2", "140.9", "140.10", "140.20", "141.1"], "a note alone is no decision")
        XCTAssertEqual(try ids("decision:noted or decision:uc"), ["140.3", "140.4"])
        XCTAssertEqual(try ids("state:France -decision:accepted"), ["140.3"])
        XCTAssertEqual(try ids("(state:France or group:EEG) has:note"), ["140.3", "140.10"])
        XCTAssertEqual(try ids(""), ledger.recommendations.map(\.id))
    }

    /// `positions(in:index:)` evaluates set by set; `matches` one position at a time: they agree.
    func testSetEvaluationAgreesWithMatches() throws {
        var sample = try Sample.ledger()
        for (number, recommendation) in sample.recommendations.enumerated() where number % 3 == 0 {
            try sample.decide(recommendation.id, number % 2 == 0 ? .accepted : .rejected, by: number % 4 == 0 ? "lan" : "minh", at: Fixtures.date)
        }
        try sample.annotate("140.94", note: "ask the ministry", by: "lan", at: Fixtures.date)
        let queries = [
            "", "state:France", "group:WEOG -state:France", "death or torture", "not (death or torture) decision:accepted",
            "theme:penalty or theme:torture or id:140.1-40", "has:note or by:minh", "-decision:undecided since:2026-01-01",
            "(group:african or group:APG) (\"viet nam\" or text:minorit) -has:note", "id:140 -id:140.100-300 or by:lan",
            "theme:nothing-like-this", "state:Norway or state:Mexico",
        ]
        for (ledger, index) in [(ledger!, index!), (sample, SearchIndex(sample, states: states))] {
            for text in queries {
                let query = try parse(text)
                let oneByOne = ledger.recommendations.indices.filter { query.matches($0, in: ledger, index: index) }
                XCTAssertEqual(query.positions(in: ledger, index: index), oneByOne, text)
            }
        }
    }

    func testTheSampleQuery() throws {
        var sample = try Sample.ledger()
        let query = try parse("state:France decision:undecided text:death")
        // Computed without the filter language: co-recommender, no decision, the word in the text.
        func expected() -> [String] {
            sample.recommendations
                .filter { $0.states.contains("France") && sample.status(of: $0.id) == nil && $0.text.lowercased().contains("death") }
                .map(\.id)
        }
        let sampleIndex = SearchIndex(sample, states: states)
        XCTAssertEqual(query.positions(in: sample, index: sampleIndex).map { sample.recommendations[$0].id }, expected())
        XCTAssertEqual(expected(), ["140.94"])
        try sample.decide("140.94", .accepted, by: "test", at: Fixtures.date)
        XCTAssertEqual(query.positions(in: sample, index: sampleIndex).map { sample.recommendations[$0].id }, [])
        XCTAssertEqual(expected(), [])
    }
}
