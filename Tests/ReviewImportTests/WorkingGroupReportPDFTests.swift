import Foundation
import XCTest
import ReviewModel
@testable import ReviewImport

/// The 29 real report PDFs of `../shared/upr-data/wg-reports`, read as an analyst receives them,
/// against the independent, hand-checked `KEY.tsv`: every list paragraph, every ID, every position
/// the report states, and texts and States clean of footnotes and page furniture.
final class WorkingGroupReportPDFTests: XCTestCase {
    struct KeyRow {
        var file: String
        var paragraph: Int
        var items: Int
        var position: PublishedPosition?
    }

    func keyRows() throws -> [KeyRow] {
        let text = try String(contentsOf: try SharedData.url("wg-reports/KEY.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let position: PublishedPosition? = switch f[5] {
            case "supported": .supported
            case "supported-implemented": .supportedImplemented
            case "noted": .noted
            default: nil
            }
            return KeyRow(file: f[0], paragraph: Int(f[1])!, items: Int(f[2])!, position: position)
        }
    }

    func requirePoppler() throws { try Poppler.require("pdftohtml") }

    func testEveryReportGivesTheKeysParagraphsIDsAndPositions() throws {
        try requirePoppler()
        let rows = try keyRows()
        let files = Array(Set(rows.map(\.file))).sorted()
        XCTAssertEqual(files.count, 29)
        let directory = try StateDirectory.bundled()
        var exact = 0
        for file in files {
            let url = try SharedData.url("wg-reports/\(file)")
            let doc = try WorkingGroupReport.parsePDF(url)
            XCTAssertTrue(doc.info?.symbol.hasPrefix("A/HRC/") ?? false, "\(file): symbol \(String(describing: doc.info))")
            var expected: [String: PublishedPosition?] = [:]
            for row in rows where row.file == file {
                for k in 1...row.items { expected["\(row.paragraph).\(k)"] = row.position }
            }
            let ids = doc.recommendations.map(\.id)
            XCTAssertEqual(Set(ids), Set(expected.keys), "\(file): IDs")
            XCTAssertEqual(ids.count, Set(ids).count, "\(file): an ID twice")
            if Set(ids) == Set(expected.keys) { exact += 1 }
            let commented = Set(doc.summary.filter { $0.contains("a comment of the State under review") }
                .flatMap { ReportPositions.citedIDs(in: $0) })
            for r in doc.recommendations {
                guard let stated = expected[r.id] else { continue }
                if commented.contains(r.id) {
                    XCTAssertNotNil(r.position, "\(file) \(r.id): a comment gives its position")
                } else {
                    XCTAssertEqual(r.position, stated, "\(file) \(r.id): the position its paragraph states")
                }
                XCTAssertFalse(r.states.isEmpty, "\(file) \(r.id): no recommending State")
                for state in r.states {
                    let known = directory.resolve(state) ?? StateNameRepair.repair(state, in: directory).flatMap { directory.resolve($0.names[0]) }
                    XCTAssertNotNil(known, "\(file) \(r.id): “\(state)” is not a State")
                }
                assertClean(r, file: file, symbol: doc.info?.symbol ?? "")
            }
        }
        XCTAssertEqual(exact, 29)
    }

    /// No footnote body, job number, page header or footnote marker in a text or a State list.
    func assertClean(_ r: ImportedRecommendation, file: String, symbol: String, line: UInt = #line) {
        let text = r.text
        for bad in ["have not been edited", "as read during the interactive dialogue", "\u{0C}", "**"] {
            XCTAssertFalse(text.contains(bad), "\(file) \(r.id) contains “\(bad)”: \(text)", line: line)
        }
        // A job number (`GE.14-12910`) or the running header, the report's own symbol (a text may cite others).
        XCTAssertNil(text.range(of: #"GE\.\d\d-\d{5}"#, options: .regularExpression), "\(file) \(r.id) holds a job number: \(text)", line: line)
        if !symbol.isEmpty { XCTAssertFalse(text.contains(symbol), "\(file) \(r.id) holds the running header: \(text)", line: line) }
        // A marker glued to a word (`timeframe4`, `Nation3`) or to a parenthesis (`(Australia)2`).
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == ":" })
        for word in words {
            let w = word.trimmingCharacters(in: CharacterSet(charactersIn: "“”\"'.()"))
            if let lastLetter = w.lastIndex(where: \.isLetter), lastLetter < w.index(before: w.endIndex),
               w[w.index(after: lastLetter)...].allSatisfy(\.isNumber), w[..<lastLetter].contains(where: \.isLowercase),
               w.first?.isLowercase ?? false || w.prefix(3).contains(where: \.isLowercase) {
                XCTFail("\(file) \(r.id): footnote marker glued to “\(word)”: \(text)", line: line)
            }
        }
        XCTAssertFalse(text.range(of: #"\)\d"#, options: .regularExpression) != nil, "\(file) \(r.id): digit after a parenthesis: \(text)", line: line)
        for state in r.states {
            XCTAssertFalse(state.contains(where: \.isNumber), "\(file) \(r.id): digit in State “\(state)”", line: line)
        }
    }

    func testFootnotesAreKeptBesideTheRecommendationNotInIt() throws {
        try requirePoppler()
        let doc = try WorkingGroupReport.parsePDF(try SharedData.url("wg-reports/uruguay2014.pdf"))
        let byID = Dictionary(uniqueKeysWithValues: doc.recommendations.map { ($0.id, $0) })
        XCTAssertEqual(doc.recommendations.count, 188)
        let r4 = try XCTUnwrap(byID["123.4"])
        XCTAssertTrue(r4.text.hasSuffix("particularly the ones of the Charrúa Nation"), r4.text)
        XCTAssertEqual(r4.states, ["Bolivia (Plurinational State of)"])
        XCTAssertTrue(r4.asRead.hasPrefix("consider the adoption of ILO Convention No. 169"), r4.asRead)
        let r7 = try XCTUnwrap(byID["123.7"])
        XCTAssertTrue(r7.text.hasSuffix("consider ratifying ILO Convention No. 169"), r7.text)
        XCTAssertTrue(r7.asRead.contains("to ratify the ILO Convention No. 169"), r7.asRead)
        // Peru 2012: the marker after the parenthesis of States, `(Argentina)2;`.
        let peru = try WorkingGroupReport.parsePDF(try SharedData.url("wg-reports/peru2012.pdf"))
        let p4 = try XCTUnwrap(peru.recommendations.first { $0.id == "116.4" })
        XCTAssertEqual(p4.states, ["Argentina"])
        XCTAssertFalse(p4.asRead.isEmpty)
    }

    func testVietNamPDFAndTextGiveTheSameRecommendations() throws {
        try requirePoppler()
        let pdf = try WorkingGroupReport.parsePDF(try SharedData.url("wg-reports/vietnam2014.pdf"))
        let text = try WorkingGroupReport.parse(String(contentsOf: try SharedData.url("vietnam/vnm-c2-A_HRC_26_6.txt"), encoding: .utf8),
                                                file: "vnm-c2-A_HRC_26_6.txt")
        XCTAssertEqual(pdf.recommendations.map(\.id), text.recommendations.map(\.id))
        // White space aside; the text file also has "non.governmental" where the PDF prints a hyphen
        // (an artefact of its decoding, see upr-data's README).
        func squeeze(_ s: String) -> String {
            s.replacingOccurrences(of: #"(?<=[a-z])\.(?=[a-z])"#, with: "-", options: .regularExpression)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        for (a, b) in zip(pdf.recommendations, text.recommendations) {
            XCTAssertEqual(a.states, b.states, "\(a.id): States")
            XCTAssertEqual(squeeze(a.text), squeeze(b.text), "\(a.id): text")
        }
        // 143.1 clusters texts of four States, separated by "/" in the PDF.
        XCTAssertEqual(pdf.recommendations.first?.states, ["Nicaragua", "Albania", "Azerbaijan", "Niger"])
        XCTAssertEqual(pdf.recommendations.filter { $0.states.count > 1 }.count, text.recommendations.filter { $0.states.count > 1 }.count)
    }

    func testImportAppliesTheStatedPositionsAsAnAddendumWould() throws {
        try requirePoppler()
        var importer = Importer(ledger: nil, options: Importer.Options(analyst: "test", now: Date(timeIntervalSince1970: 1_790_000_000)),
                                states: try StateDirectory.bundled())
        try importer.add(try SharedData.url("wg-reports/armenia2010.pdf"))
        let ledger = try XCTUnwrap(importer.ledger)
        XCTAssertEqual(ledger.recommendations.count, 85)
        XCTAssertEqual(ledger.counts.accepted, 52 + 27)
        XCTAssertEqual(ledger.counts.rejected, 1)
        XCTAssertEqual(ledger.counts.undecided, 5)
        XCTAssertEqual(ledger.decisions.values.filter(\.implemented).count, 52)
        XCTAssertTrue(importer.report.contains { $0.contains("paragraph 93: 52 recommendations (93.1 to 93.52), supported and already implemented") },
                      "\(importer.report)")
        // A comment of the State under review marks one more as already implemented (Yemen 116 on 115.10).
        var yemen = Importer(ledger: nil, options: Importer.Options(analyst: "test"), states: try StateDirectory.bundled())
        try yemen.add(try SharedData.url("wg-reports/yemen2014.pdf"))
        let y = try XCTUnwrap(yemen.ledger)
        XCTAssertEqual(y.record(for: "115.10")?.implemented, true)
        XCTAssertEqual(y.counts.accepted, 166)
        XCTAssertEqual(y.counts.undecided, 25)
    }
}

/// The PDF path on a PDF made here, so that it is checked where ../shared is absent too.
final class WorkingGroupReportStyledPDFTests: XCTestCase {
    func testMarkersAndFootnotesOfAPDFStayOutOfTheTexts() throws {
        try Poppler.require("pdftohtml")
        typealias Run = PDFFixture.Run
        let page1: [[Run]] = [
            [Run(text: "II. Conclusions and/or recommendations")],
            [Run(text: "90. The recommendations listed below enjoy the support of Ruritania:")],
            [Run(text: "90.1. Ratify ILO Convention No. 169"), Run(text: "1", size: 6, rise: 4), Run(text: " (Australia);")],
            [Run(text: "90.2. Plant trees in every capacity-")],
            [Run(text: "building programme (Chile)"), Run(text: "2", size: 6, rise: 4), Run(text: ";")],
            [Run(text: "90.3. Keep going (the former Yugoslav Republic of Macedonia)/ Continue (Peru).")],
            [Run(text: "91. The recommendations below did not enjoy the support of Ruritania:")],
            [Run(text: "91.1. Abolish the army (Fiji)."), Run(text: "")],
            [Run(text: "1", size: 6, rise: 4), Run(text: " The recommendation as read during the interactive dialogue: ratify it soon.", size: 8)],
            [Run(text: "2", size: 6, rise: 4), Run(text: " A footnote about trees.", size: 8)],
            [Run(text: "GE.30-12345", size: 8)],
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("styled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("report.pdf")
        try PDFFixture.make(styledPages: [page1]).write(to: pdf)
        let doc = try WorkingGroupReport.parsePDF(pdf)
        XCTAssertEqual(doc.recommendations.map(\.id), ["90.1", "90.2", "90.3", "91.1"])
        XCTAssertEqual(doc.recommendations.map(\.text), [
            "Ratify ILO Convention No. 169", "Plant trees in every capacity-building programme", "Keep going; Continue", "Abolish the army",
        ])
        XCTAssertEqual(doc.recommendations.map(\.states), [["Australia"], ["Chile"], ["the former Yugoslav Republic of Macedonia", "Peru"], ["Fiji"]])
        XCTAssertEqual(doc.recommendations.map(\.position), [.supported, .supported, .supported, .noted])
        XCTAssertEqual(doc.recommendations[0].asRead, "ratify it soon.")
        XCTAssertEqual(doc.recommendations[1].asRead, "")
        XCTAssertEqual(doc.warnings, [])
    }
}
