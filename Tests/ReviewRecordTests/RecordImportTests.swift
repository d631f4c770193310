import Foundation
import ReviewImport
import ReviewModel
import ReviewRecord
import XCTest

final class RecordImportTests: XCTestCase {
    func testEveryRowOfTheFiveExportsIsReadAndEveryStateMapped() throws {
        let (record, report) = try RealRecord.record()
        XCTAssertEqual(report.rows, 41_066, "every row of the five exports")
        XCTAssertEqual(report.unmapped.map(\.description), [], "every State name maps to the list of States")
        XCTAssertEqual(report.sessions, 1...20)
        XCTAssertEqual(report.statesUnderReview, 193, "every Member State was reviewed in the first cycle")
        XCTAssertEqual(record.askCount, report.asks)
        // Joint asks are one: fewer asks than rows, each made by one State or more, all named canonically.
        XCTAssertLessThan(report.asks, report.rows)
        let directory = try StateDirectory.bundled()
        XCTAssertTrue(record.stateNames.allSatisfy { directory.resolve($0)?.name == $0 }, "canonical names only")
        XCTAssertTrue(record.stateNames.contains("Viet Nam"))
        XCTAssertEqual(Set(record.reviews.filter { record.stateNames[Int($0.state)] == "Viet Nam" }.map(\.session)), [5, 18])
    }

    func testTheFileReadsBackAsWrittenAndAnswersTheSame() throws {
        let (record, _) = try RealRecord.record()
        let back = try RecordFile.decode(RecordFile.encode(record), path: "record.uprrec")
        XCTAssertEqual(back.askCount, record.askCount)
        XCTAssertEqual(back.stateNames, record.stateNames)
        for ask in [0, 1234, record.askCount - 1] {
            XCTAssertEqual(back.text(ask), record.text(ask))
            XCTAssertEqual(back.recommendingStates(ask), record.recommendingStates(ask))
            XCTAssertEqual(back.issueLabels(ask), record.issueLabels(ask))
            XCTAssertEqual(back.askResponse[ask], record.askResponse[ask])
        }
        let text = "Ratify the Optional Protocol to the Convention against Torture"
        XCTAssertEqual(back.precedent(of: text, stateUnderReview: "Viet Nam"), record.precedent(of: text, stateUnderReview: "Viet Nam"))
    }

    func testACutShortOrForeignFileIsRefusedByName() throws {
        var builder = RecordBuilder()
        builder.add(.init(stateUnderReview: "Viet Nam", session: 18, text: "Ratify CAT", recommendingStates: ["Gabon"], issues: ["Torture"], response: .supported))
        let data = RecordFile.encode(builder.build())
        XCTAssertEqual(try RecordFile.decode(data, path: "r").askCount, 1)
        for cut in [data.count - 1, data.count / 2, 12] {
            XCTAssertThrowsError(try RecordFile.decode(data.prefix(cut), path: "/x/record.uprrec")) { error in
                guard case RecordFile.Failure.damaged(let path, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(path, "/x/record.uprrec")
                XCTAssertTrue("\(error)".contains("upr record import"))
            }
        }
        XCTAssertThrowsError(try RecordFile.decode(Data("{\"schemaVersion\": 2}".utf8), path: "ledger.json")) { error in
            XCTAssertEqual(error as? RecordFile.Failure, .notARecord(path: "ledger.json"))
        }
        // A number pointing outside its table (a flipped byte) is refused too.
        var flipped = [UInt8](data)
        flipped[8 + 8] = 0xFF  // the count of the State names' ends
        XCTAssertThrowsError(try RecordFile.decode(Data(flipped), path: "r"))
    }

    func testTheDefaultPlaceFollowsXDG() {
        XCTAssertEqual(RecordFile.defaultURL(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]).path, "/d/upr/record.uprrec")
        XCTAssertEqual(RecordFile.defaultURL(environment: ["HOME": "/h"]).path, "/h/.local/share/upr/record.uprrec")
    }
}
