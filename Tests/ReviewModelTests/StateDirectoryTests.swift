import Foundation
import XCTest
@testable import ReviewModel

final class StateDirectoryTests: XCTestCase {
    func testThe193MembersAndTwoObservers() throws {
        let directory = try StateDirectory.bundled()
        XCTAssertEqual(directory.entries.filter { $0.status == "member" }.count, 193)
        XCTAssertEqual(directory.entries.filter { $0.status == "observer" }.map(\.name), ["Holy See", "State of Palestine"])
        XCTAssertEqual(Set(directory.entries.map(\.status)), ["member", "observer", "other"])
        XCTAssertEqual(Set(directory.entries.map(\.name)).count, directory.entries.count, "a name is listed twice")
        XCTAssertEqual(directory.states.count, 195)
    }

    /// The groups as the UN (DGACM) lists them, with these choices: Kiribati in Asia-Pacific (since
    /// 2010); Cyprus in Asia-Pacific; Türkiye and Israel in WEOG; the United States of America,
    /// in no group but sitting with WEOG as observer, counted in WEOG. Hence 54 Asia-Pacific and
    /// 29 WEOG (older sources say 53 and 28: without Kiribati and without the USA).
    func testRegionalGroupCounts() throws {
        let members = try StateDirectory.bundled().entries.filter { $0.status == "member" }
        let counts = Dictionary(grouping: members, by: \.group).mapValues(\.count)
        XCTAssertEqual(counts, [
            .african: 54, .asiaPacific: 54, .easternEuropean: 23,
            .latinAmericanCaribbean: 33, .westernEuropeanOthers: 29,
        ])
        let directory = try StateDirectory.bundled()
        XCTAssertEqual(directory.group(of: "United States"), .westernEuropeanOthers)
        XCTAssertEqual(directory.group(of: "Turkey"), .westernEuropeanOthers)
        XCTAssertEqual(directory.group(of: "Israel"), .westernEuropeanOthers)
        XCTAssertEqual(directory.group(of: "Kiribati"), .asiaPacific)
        XCTAssertEqual(directory.group(of: "Cyprus"), .asiaPacific)
        XCTAssertEqual(directory.group(of: "Holy See"), RegionalGroup.none)
        XCTAssertNil(directory.group(of: "Atlantis"))
    }

    func testTrickySpellingsResolve() throws {
        let directory = try StateDirectory.bundled()
        let expected: [String: String] = [
            "Türkiye": "Türkiye", "Turkey": "Türkiye", "TURKIYE": "Türkiye",
            "Venezuela (Bolivarian Republic of)": "Venezuela (Bolivarian Republic of)",
            "Bolivarian Republic of Venezuela": "Venezuela (Bolivarian Republic of)",
            "Venezuela": "Venezuela (Bolivarian Republic of)",
            "DPR Korea": "Democratic People's Republic of Korea",
            "DPRK": "Democratic People's Republic of Korea",
            "North Korea": "Democratic People's Republic of Korea",
            "Democratic People’s Republic of Korea": "Democratic People's Republic of Korea",
            "Republic of Korea": "Republic of Korea", "South Korea": "Republic of Korea",
            "Viet Nam": "Viet Nam", "Vietnam": "Viet Nam",
            "Côte d'Ivoire": "Côte d'Ivoire", "Cote d'Ivoire": "Côte d'Ivoire",
            "Cote d’Ivoire": "Côte d'Ivoire", "COTE D'IVOIRE": "Côte d'Ivoire",
            "United Kingdom": "United Kingdom of Great Britain and Northern Ireland",
            "UK": "United Kingdom of Great Britain and Northern Ireland",
            "United Kingdom of Great Britain and\n Northern Ireland": "United Kingdom of Great Britain and Northern Ireland",
            "United States": "United States of America", "USA": "United States of America",
            "Czech Republic": "Czechia",
            "Holy See": "Holy See", "Vatican": "Holy See",
            "Palestine": "State of Palestine", "State of Palestine": "State of Palestine",
            "Moldova": "Republic of Moldova",
            "The former Yugoslav Republic of Macedonia": "North Macedonia",
            "Macedonia FYR": "North Macedonia", "Macedonia": "North Macedonia",
            "Swaziland": "Eswatini",
            "Plurinational State of Bolivia": "Bolivia (Plurinational State of)", "Bolivia": "Bolivia (Plurinational State of)",
            "Islamic Republic of Iran": "Iran (Islamic Republic of)", "Iran": "Iran (Islamic Republic of)",
            "Kingdom of the Netherlands": "Netherlands (Kingdom of the)", "Netherlands": "Netherlands (Kingdom of the)",
            "Syria": "Syrian Arab Republic", "Tanzania": "United Republic of Tanzania",
            "Russia": "Russian Federation", "Laos": "Lao People's Democratic Republic",
            "Micronesia": "Micronesia (Federated States of)", "Brunei": "Brunei Darussalam",
            "Cape Verde": "Cabo Verde", "Guinea Bissau": "Guinea-Bissau",
            "Congo": "Congo", "Republic of Congo": "Congo", "Congo-Brazzaville": "Congo",
            "Democratic Republic of Congo": "Democratic Republic of the Congo",
            "DR Congo": "Democratic Republic of the Congo", "DRC": "Democratic Republic of the Congo",
            "St Vincent & the Grenadines": "Saint Vincent and the Grenadines",
            "Trinidad & Tobago": "Trinidad and Tobago", "The Gambia": "Gambia",
            "&#40;Unknown&#41;": "Unknown",
        ]
        for (spelling, name) in expected {
            XCTAssertEqual(directory.resolve(spelling)?.name, name, spelling)
        }
        XCTAssertEqual(directory.resolve("&#40;Unknown&#41;")?.status, "other")
    }

    func testNoSpellingNamesTwoStates() throws {
        let directory = try StateDirectory.bundled()
        XCTAssertNil(directory.resolve("Korea"))
        XCTAssertEqual(directory.resolve("Guinea")?.name, "Guinea")
        XCTAssertEqual(directory.resolve("Niger")?.name, "Niger")
        XCTAssertEqual(directory.resolve("Sudan")?.name, "Sudan")
        XCTAssertEqual(directory.resolve("Dominica")?.name, "Dominica")
        // Every spelling of every entry leads back to that entry, and to no other.
        for entry in directory.entries {
            for spelling in [entry.name] + entry.aliases {
                XCTAssertEqual(directory.resolve(spelling)?.name, entry.name, spelling)
            }
        }
        let clash = [StateEntry(name: "Congo", group: .african, status: "member"),
                     StateEntry(name: "Democratic Republic of the Congo", group: .african, status: "member", aliases: ["Congo"])]
        XCTAssertThrowsError(try StateDirectory(entries: clash)) { error in
            XCTAssertEqual(error as? StateDirectoryError, .ambiguous(spelling: "Congo", first: "Congo", second: "Democratic Republic of the Congo"))
        }
    }

    func testKeyFoldsSpellingDifferences() {
        XCTAssertEqual(StateDirectory.key("Türkiye"), "turkiye")
        XCTAssertEqual(StateDirectory.key("Côte d'Ivoire"), StateDirectory.key("Cote d’Ivoire"))
        XCTAssertEqual(StateDirectory.key("COTE D'IVOIRE"), "cotedivoire")
        XCTAssertEqual(StateDirectory.key("Antigua & Barbuda"), StateDirectory.key("Antigua and Barbuda"))
        XCTAssertEqual(StateDirectory.key("The Gambia"), "gambia")
        XCTAssertEqual(StateDirectory.key("Thailand"), "thailand")
        XCTAssertEqual(StateDirectory.key("Saint Vincent and the Grenadines"), "saintvincentandthegrenadines")
    }

    // MARK: The real documents

    /// Every recommending State and every State under review in the UPR Info exports (columns
    /// `From` and `To`) and in the Viet Nam matching table resolves. Today that is 196 distinct
    /// spellings: the 193 States under review in sessions 1 to 20 (each a different member),
    /// plus Holy See, Palestine and UPR Info's `&#40;Unknown&#41;`.
    func testEveryNameInTheRealDocumentsResolves() throws {
        let data = try Self.sharedData()
        let directory = try StateDirectory.bundled()
        var failures: [String] = []
        var unresolved: [String: [String]] = [:]  // spelling → where it occurs
        var spellings: Set<String> = []
        var underReview: Set<String> = []

        func check(_ name: String, _ file: String, _ line: Int) {
            spellings.insert(name)
            if directory.resolve(name) == nil { unresolved[name, default: []].append("\(file):\(line)") }
        }

        let csvFiles = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("uprinfo").path)
            .filter { $0.hasSuffix(".csv") }.sorted().map { "uprinfo/" + $0 } + ["vietnam/vnm-c2-uprinfo.csv"]
        for file in csvFiles {
            let records = try Self.csvRecords(data.appendingPathComponent(file))
            let header = try XCTUnwrap(records.first?.fields, file)
            let to = try XCTUnwrap(header.firstIndex(of: "To"), "\(file): no To column")
            let from = try XCTUnwrap(header.firstIndex(of: "From"), "\(file): no From column")
            XCTAssertGreaterThan(records.count, 100, file)
            for record in records.dropFirst() {
                guard record.fields.count == header.count else {
                    failures.append("\(file):\(record.line): \(record.fields.count) fields, the header has \(header.count)")
                    continue
                }
                check(record.fields[from], file, record.line)
                check(record.fields[to], file, record.line)
                if let state = directory.resolve(record.fields[to]) { underReview.insert(state.name) }
            }
        }

        let positions = "vietnam/vnm-c2-positions.tsv"
        let table = try String(contentsOf: data.appendingPathComponent(positions), encoding: .utf8)
        for (offset, line) in table.components(separatedBy: "\n").enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let fields = line.components(separatedBy: "\t")
            XCTAssertGreaterThan(fields.count, 1, "\(positions):\(offset + 1)")
            if fields.count > 1 { check(fields[1], positions, offset + 1) }
        }

        for (name, places) in unresolved.sorted(by: { $0.key < $1.key }) {
            let more = places.count > 1 ? " (and \(places.count - 1) more)" : ""
            failures.append("\(places[0]): “\(name)” names no State\(more)")
        }
        XCTAssert(failures.isEmpty, "\n" + failures.prefix(40).joined(separator: "\n"))
        XCTAssertEqual(spellings.count, 196, "distinct spellings in the real documents")
        XCTAssertEqual(underReview.count, 193, "sessions 1 to 20 review every member")
        XCTAssert(underReview.allSatisfy { directory.resolve($0)?.status == "member" })
    }

    /// `../shared/upr-data` beside the package root (three levels up from this file).
    static func sharedData() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = root.appendingPathComponent("../shared/upr-data").standardizedFileURL
        guard FileManager.default.fileExists(atPath: data.appendingPathComponent("README.md").path) else {
            throw XCTSkip("\(data.path): ../shared/upr-data not found")
        }
        return data
    }

    /// Just enough CSV for the UPR Info exports: Latin-1, CR, LF or CRLF line ends, quoted fields
    /// with doubled quotes. `line` is the physical line where the record starts.
    static func csvRecords(_ url: URL) throws -> [(line: Int, fields: [String])] {
        let text = try String(contentsOf: url, encoding: .isoLatin1)
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = [], field = String.UnicodeScalarView(), quoted = false, line = 1, start = 1
        var previous: Unicode.Scalar = " "
        for character in text.unicodeScalars {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
                if character == "\r" || (character == "\n" && previous != "\r") { line += 1 }
            } else if character == "\"" {
                if previous == "\"" { field.append("\"") }
                quoted = true
            } else if character == "," {
                fields.append(String(field))
                field = .init()
            } else if character == "\r" || character == "\n" {
                if !(character == "\n" && previous == "\r") {
                    fields.append(String(field))
                    records.append((start, fields))
                    fields = []
                    field = .init()
                    line += 1
                    start = line
                }
            } else {
                field.append(character)
            }
            previous = character
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(String(field)); records.append((start, fields)) }
        return records
    }
}
