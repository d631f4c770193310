import XCTest
import ReviewModel
@testable import ReviewExport

/// The plain lists: IDs, CSV and JSON, as `upr export` and the workbench write them.
final class ExportTests: XCTestCase {
    func testIDsOfOneStatusInDocumentOrder() throws {
        let ledger = try ExportFixtures.openLedger()
        XCTAssertEqual(try DecisionExport.render(ledger, format: .ids, status: .accepted), "140.1\n140.2\n140.10\n")
        XCTAssertEqual(try DecisionExport.render(ledger, format: .ids, status: .undecided), "140.5\n")
        XCTAssertEqual(try DecisionExport.render(ledger, format: .ids), "140.1\n140.2\n140.3\n140.4\n140.5\n140.10\n140.11\n")
        XCTAssertEqual(try DecisionExport.render(ledger, format: .ids, positions: [6, 0]), "140.11\n140.1\n", "the workbench's view, as given")
    }

    /// Golden: RFC 4180 quoting, CRLF, a byte-order mark, and the `=` text kept from being a formula.
    func testCSVGolden() throws {
        let csv = try DecisionExport.render(try ExportFixtures.openLedger(), format: .csv)
        XCTAssertEqual(csv, """
            \u{FEFF}id,states,themes,text,decision,published,already_implemented,note,decided_by,decided_at\r
            140.1,Chile; France,International instruments,Ratify the Optional Protocol to the Convention against Torture,accepted,supported,,Đã có trong luật,lan,2026-09-21T14:13:20Z\r
            140.2,Côte d'Ivoire,International instruments,Consider ratifying OPCAT,accepted,supported,yes,,lan,2026-09-21T14:13:20Z\r
            140.3,France,Death penalty,Establish a moratorium on executions,rejected,noted,,"Needs ""Penal Code"" change, later",lan,2026-09-21T14:13:20Z\r
            140.4,Türkiye,Freedom of expression,"Guarantee freedom of expression, online and offline",under consideration,,,,minh,2026-09-21T14:13:20Z\r
            140.5,Lao People's Democratic Republic,Poverty reduction,Continue poverty reduction in mountainous areas,undecided,,,,,\r
            140.10,Germany,Legal system and justice,"Strengthen ""legal aid"", for all",accepted,supported,,,lan,2026-09-21T14:13:20Z\r
            140.11,Chile,Women's rights & equality,'=Equal pay for women & men,rejected,noted,,,minh,2026-09-21T14:13:20Z\r

            """)
        let bytes = Array(try DecisionExport.data(try ExportFixtures.openLedger(), format: .csv, status: .rejected))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark, for Excel")
    }

    /// A note pasted from Windows (CR LF, one Character) and a quote with a combining mark on it
    /// are still quoted and doubled: the fields are looked at as bytes.
    func testCSVQuotesByBytesNotCharacters() {
        XCTAssertEqual(CSVExport.field("line one\r\nline two"), "\"line one\r\nline two\"")
        XCTAssertEqual(CSVExport.field("say \"\u{301}hi\""), "\"say \"\"\u{301}hi\"\"\"")
        XCTAssertEqual(CSVExport.field("Việt Nam"), "Việt Nam")
    }

    func testCSVNeverLeavesAFormulaToRun() {
        for risky in ["=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "=HYPERLINK(\"x\",\"y\")"] {
            XCTAssertEqual(CSVExport.neutralized(risky), "'" + risky)
        }
        XCTAssertEqual(CSVExport.field(CSVExport.neutralized("=HYPERLINK(\"x\")")), "\"'=HYPERLINK(\"\"x\"\")\"")
        for safe in ["Ratify", "140.1", "", "a=b", "Đà Nẵng"] { XCTAssertEqual(CSVExport.neutralized(safe), safe) }
    }

    /// The States and themes are written part by part, without joining them first: the field is
    /// what neutralizing and quoting the joined text gives, whatever the parts hold.
    func testAListFieldIsTheJoinedTextNeutralizedAndQuoted() {
        let lists: [[String]] = [[], [""], ["", "France"], ["France"], ["France", "Chile"], ["=cmd", "France"], ["France", "=cmd"],
                                 ["Korea, Republic of", "Chile"], ["say \"hi\"", "x"], ["-1", "a\r\nb"], ["Việt Nam", "@x"], ["\tx", ""]]
        for parts in lists {
            var out: [UInt8] = []
            CSVExport.appendField(parts, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), CSVExport.field(CSVExport.neutralized(parts.joined(separator: "; "))), "\(parts)")
        }
    }

    /// Golden, one item: the mark of "already implemented" appears only where set.
    func testJSONGolden() throws {
        let json = try DecisionExport.render(try ExportFixtures.openLedger(), format: .json, status: .accepted, positions: [1, 5])
        XCTAssertEqual(json, """
            [
              {
                "decidedAt" : "2026-09-21T14:13:20Z",
                "decidedBy" : "lan",
                "decision" : "accepted",
                "id" : "140.2",
                "implemented" : true,
                "note" : "",
                "states" : [
                  "Côte d'Ivoire"
                ],
                "text" : "Consider ratifying OPCAT",
                "themes" : [
                  "International instruments"
                ]
              },
              {
                "decidedAt" : "2026-09-21T14:13:20Z",
                "decidedBy" : "lan",
                "decision" : "accepted",
                "id" : "140.10",
                "note" : "",
                "states" : [
                  "Germany"
                ],
                "text" : "Strengthen \\"legal aid\\", for all",
                "themes" : [
                  "Legal system and justice"
                ]
              }
            ]

            """)
        let undecided = try JSONSerialization.jsonObject(with: Data(try DecisionExport.render(try ExportFixtures.openLedger(), format: .json, status: .undecided).utf8)) as? [[String: Any]]
        XCTAssertEqual(undecided?.first?["decision"] as? String, "undecided")
        XCTAssertNil(undecided?.first?["decidedBy"])
    }

    func testRangesAreWrittenAsAddendaWriteThemAndReadBack() {
        let cases: [([String], String)] = [
            (["140.1", "140.2", "140.3", "140.4", "140.5", "140.6"], "140.1-6"),
            (["140.1", "140.2", "140.9", "140.12", "140.13", "141.2"], "140.1-2, 9, 12-13, 141.2"),
            (["140.120", "140.209"], "140.120, 209"),
            (["143.1", "A", "143.2", "143.3"], "143.1, A, 143.2-3"),
            ([], "none"),
        ]
        for (ids, text) in cases {
            XCTAssertEqual(IDRanges.compress(ids), text)
            XCTAssertEqual(IDRanges.expand(text), ids)
        }
    }

    func testStatusAppliesOnlyToListsThatCanBeCut() throws {
        XCTAssertEqual(ExportFormat.allCases.filter(\.takesStatus), [.ids, .csv, .json, .xlsx, .perState])
        XCTAssertEqual(ExportFormat(rawValue: "per-state"), .perState)
        XCTAssertThrowsError(try DecisionExport.render(try ExportFixtures.openLedger(), format: .xlsx)) { error in
            XCTAssertEqual(error as? ExportError, .binary(.xlsx))
        }
    }
}
