import XCTest
import ReviewModel
@testable import ReviewExport

/// The Markdown report and the self-contained HTML page.
final class ReportTests: XCTestCase {
    func testMarkdownGolden() throws {
        XCTAssertEqual(try DecisionExport.render(try ExportFixtures.openLedger(), format: .markdown), """
            # Decisions on the recommendations to Viet Nam

            A/HRC/00/0 (test): Test report

            ## Summary

            | Decision | Published as | Recommendations | Share |
            |---|---|---|---|
            | Accepted | supported | 3 | 42.9% |
            | Under consideration | (not published) | 1 | 14.3% |
            | Rejected | noted | 2 | 28.6% |
            | Undecided | (not published) | 1 | 14.3% |
            | Total |  | 7 | 100% |

            A joint recommendation counts once for each of its recommending States, their groups and its themes.

            ## By recommending State

            | State | Total | Accepted | Under consideration | Rejected | Undecided |
            |---|---|---|---|---|---|
            | Chile | 2 | 1 | 0 | 1 | 0 |
            | France | 2 | 1 | 0 | 1 | 0 |
            | Côte d'Ivoire | 1 | 1 | 0 | 0 | 0 |
            | Germany | 1 | 1 | 0 | 0 | 0 |
            | Lao People's Democratic Republic | 1 | 0 | 0 | 0 | 1 |
            | Türkiye | 1 | 0 | 1 | 0 | 0 |

            ## By regional group

            | Regional group | Total | Accepted | Under consideration | Rejected | Undecided |
            |---|---|---|---|---|---|
            | African | 1 | 1 | 0 | 0 | 0 |
            | Asia-Pacific | 1 | 0 | 0 | 0 | 1 |
            | Latin American and Caribbean | 2 | 1 | 0 | 1 | 0 |
            | Western European and others | 4 | 2 | 1 | 1 | 0 |

            ## By theme

            | Theme | Total | Accepted | Under consideration | Rejected | Undecided |
            |---|---|---|---|---|---|
            | International instruments | 2 | 2 | 0 | 0 | 0 |
            | Death penalty | 1 | 0 | 0 | 1 | 0 |
            | Freedom of expression | 1 | 0 | 1 | 0 | 0 |
            | Legal system and justice | 1 | 1 | 0 | 0 | 0 |
            | Poverty reduction | 1 | 0 | 0 | 0 | 1 |
            | Women's rights & equality | 1 | 0 | 0 | 1 | 0 |

            """)
    }

    func testMarkdownKeepsMarkupCharactersLiteral() {
        XCTAssertEqual(Markdown.escape("a|b *c* _d_ <e> [f](g) `h` &amp; & i\nj"), "a\\|b \\*c\\* \\_d\\_ \\<e\\> \\[f\\](g) \\`h\\` \\&amp; & i j")
    }

    /// Golden of the page's head and summary; the charts are checked below by their rows.
    func testHTMLGolden() throws {
        let html = try DecisionExport.render(try ExportFixtures.openLedger(), format: .html)
        let start = try XCTUnwrap(html.range(of: "<body>"))
        let end = try XCTUnwrap(html.range(of: "<h2>By recommending State</h2>"))
        XCTAssertEqual(String(html[start.lowerBound..<end.lowerBound]), """
            <body>
            <h1>Decisions on the recommendations to Viet Nam</h1>
            <p>A/HRC/00/0 (test): Test report</p>
            <h2>Summary</h2>
            <table class="summary">
            <thead><tr><th>Decision</th><th>Published as</th><th>Recommendations</th><th>Share</th></tr></thead>
            <tbody>
            <tr><td><span class="accepted" style="display:inline-block;width:.8rem;height:.8rem"></span> Accepted</td><td>supported</td><td class="n">3</td><td class="n">42.9%</td></tr>
            <tr><td><span class="considering" style="display:inline-block;width:.8rem;height:.8rem"></span> Under consideration</td><td>(not published)</td><td class="n">1</td><td class="n">14.3%</td></tr>
            <tr><td><span class="rejected" style="display:inline-block;width:.8rem;height:.8rem"></span> Rejected</td><td>noted</td><td class="n">2</td><td class="n">28.6%</td></tr>
            <tr><td><span class="undecided" style="display:inline-block;width:.8rem;height:.8rem"></span> Undecided</td><td>(not published)</td><td class="n">1</td><td class="n">14.3%</td></tr>
            <tr class="total"><td>Total</td><td></td><td class="n">7</td><td class="n">100%</td></tr>
            </tbody>
            </table>
            <h2>Decisions overall</h2>
            <p class="legend"><span class="accepted"></span>Accepted<span class="considering"></span>Under consideration<span class="rejected"></span>Rejected<span class="undecided"></span>Undecided</p>
            <div class="bar" role="img" title="All recommendations: 3 accepted, 1 under consideration, 2 rejected, 1 undecided" aria-label="All recommendations: 3 accepted, 1 under consideration, 2 rejected, 1 undecided" style="width:100.0%"><span class="accepted" style="width:42.9%"></span><span class="considering" style="width:14.3%"></span><span class="rejected" style="width:28.6%"></span><span class="undecided" style="width:14.3%"></span></div>

            """)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.hasSuffix("</body>\n</html>\n"))
    }

    func testHTMLHasTheChartsBarsScaledWithinEachChart() throws {
        let html = try DecisionExport.render(try ExportFixtures.openLedger(), format: .html)
        for heading in ["Summary", "Decisions overall", "By recommending State", "By regional group", "By theme"] {
            XCTAssertTrue(html.contains("<h2>\(heading)</h2>"), heading)
        }
        XCTAssertEqual(html.components(separatedBy: "<table class=\"chart\"").count - 1, 3, "three charts")
        XCTAssertEqual(html.components(separatedBy: "<table class=\"summary\"").count - 1, 1)
        XCTAssertEqual(html.components(separatedBy: "<div class=\"bar\"").count - 1, 1 + 6 + 4 + 6, "overall, States, groups, themes")
        XCTAssertTrue(html.contains(#"<tr><td>Western European and others</td><td class="n">4</td><td class="n">2</td><td class="n">1</td><td class="n">1</td><td class="n">0</td><td class="chart"><div class="bar" role="img" title="Western European and others: 2 accepted, 1 under consideration, 1 rejected, 0 undecided" aria-label="Western European and others: 2 accepted, 1 under consideration, 1 rejected, 0 undecided" style="width:100.0%"><span class="accepted" style="width:50.0%"></span><span class="considering" style="width:25.0%"></span><span class="rejected" style="width:25.0%"></span></div></td></tr>"#))
        XCTAssertTrue(html.contains(#"title="African: 1 accepted, 0 under consideration, 0 rejected, 0 undecided" aria-label="African: 1 accepted, 0 under consideration, 0 rejected, 0 undecided" style="width:25.0%""#), "a quarter of the largest group's bar")
    }

    func testHTMLIsSelfContainedAndEscaped() throws {
        var ledger = try ExportFixtures.openLedger()
        ledger.notice = "<script>alert('x')</script> & more"
        let html = try DecisionExport.render(ledger, format: .html)
        XCTAssertFalse(html.contains("http"), "no URL of any kind: nothing is fetched")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<link") || html.contains("src=") || html.contains("@import") || html.contains("url("))
        XCTAssertTrue(html.contains("<p class=\"notice\">NOTE: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</p>"), html)
        XCTAssertTrue(html.contains("<td>Women&#39;s rights &amp; equality</td>"))
        XCTAssertTrue(html.contains("<td>Côte d&#39;Ivoire</td>"))
    }

    func testRegionalGroupsComeFromTheListOfStates() throws {
        let ledger = try Ledger(document: ExportFixtures.document, recommendations: [
            Recommendation(id: "1.1", text: "x", states: ["Viet Nam", "Holy See", "Atlantis"]),
        ])
        let summary = DecisionSummary(ledger, positions: [0], directory: try StateDirectory.bundled())
        XCTAssertEqual(summary.byGroup.map(\.name), ["Asia-Pacific", "No regional group (observers, others)", "Not in the list of States"])
    }
}
