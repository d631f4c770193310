import XCTest
import ReviewModel
@testable import ReviewExport

/// For each recommending State, its recommendations and our decisions.
final class PerStateTests: XCTestCase {
    /// Golden: the joint recommendation 140.1 appears under Chile and under France, each naming
    /// the other.
    func testOneDocumentGolden() throws {
        XCTAssertEqual(try DecisionExport.render(try ExportFixtures.openLedger(), format: .perState), """
            # Recommendations to Viet Nam by recommending State

            A/HRC/00/0 (test): Test report

            6 recommending States.

            ## Chile

            Regional group: Latin American and Caribbean. 2 recommendations: 1 accepted, 1 rejected.

            | ID | Recommendation | Also recommended by | Decision | Note |
            |---|---|---|---|---|
            | 140.1 | Ratify the Optional Protocol to the Convention against Torture | France | accepted | Đã có trong luật |
            | 140.11 | =Equal pay for women & men |  | rejected |  |

            ## Côte d'Ivoire

            Regional group: African. 1 recommendation: 1 accepted.

            | ID | Recommendation | Also recommended by | Decision | Note |
            |---|---|---|---|---|
            | 140.2 | Consider ratifying OPCAT |  | accepted (already implemented) |  |

            ## France

            Regional group: Western European and others. 2 recommendations: 1 accepted, 1 rejected.

            | ID | Recommendation | Also recommended by | Decision | Note |
            |---|---|---|---|---|
            | 140.1 | Ratify the Optional Protocol to the Convention against Torture | Chile | accepted | Đã có trong luật |
            | 140.3 | Establish a moratorium on executions |  | rejected | Needs "Penal Code" change, later |

            ## Germany

            Regional group: Western European and others. 1 recommendation: 1 accepted.

            | ID | Recommendation | Also recommended by | Decision | Note |
            |---|---|---|---|---|
            | 140.10 | Strengthen "legal aid", for all |  | accepted |  |

            ## Lao People's Democratic Republic

            Regional group: Asia-Pacific. 1 recommendation: 1 undecided.

            | ID | Recommendation | Also recommended by | Decision | Note |
            |---|---|---|---|---|
            | 140.5 | Continue poverty reduction in mountainous areas |  | undecided |  |

            ## Türkiye

            Regional group: Western European and others. 1 recommendation: 1 under consideration.

            | ID | Recommendation | Also recommended by | Decision | Note |
            |---|---|---|---|---|
            | 140.4 | Guarantee freedom of expression, online and offline |  | under consideration |  |

            """)
    }

    /// Golden of one file; names made safe.
    func testOneFilePerStateGolden() throws {
        let files = try DecisionExport.perStateFiles(try ExportFixtures.openLedger())
        XCTAssertEqual(files.map(\.name), ["Chile.md", "Cote-d-Ivoire.md", "France.md", "Germany.md", "Lao-People-s-Democratic-Republic.md", "Turkiye.md"])
        XCTAssertEqual(String(decoding: files[0].data, as: UTF8.self), """
            # Chile: recommendations to Viet Nam and our decisions

            A/HRC/00/0 (test): Test report

            Regional group: Latin American and Caribbean. 2 recommendations: 1 accepted, 1 rejected.

            | ID | Recommendation | Also recommended by | Decision | Note |
            |---|---|---|---|---|
            | 140.1 | Ratify the Optional Protocol to the Convention against Torture | France | accepted | Đã có trong luật |
            | 140.11 | =Equal pay for women & men |  | rejected |  |

            """)
        XCTAssertEqual(try DecisionExport.perStateFiles(try ExportFixtures.openLedger(), status: .rejected).map(\.name), ["Chile.md", "France.md"])
    }

    func testFileNamesAreSafeAndDistinct() {
        XCTAssertEqual(SafeFileName.names(for: [
            "Venezuela (Bolivarian Republic of)", "../../etc/passwd", "Việt Nam", "CON", "", "Chile", "chile", "Côte d’Ivoire",
        ], fileExtension: "md"), [
            "Venezuela-Bolivarian-Republic-of.md", "etc-passwd.md", "Viet-Nam.md", "CON-state.md", "state.md", "Chile.md", "chile-2.md", "Cote-d-Ivoire.md",
        ])
        XCTAssertEqual(SafeFileName.stem(String(repeating: "a", count: 300)).count, 100)
    }
}
