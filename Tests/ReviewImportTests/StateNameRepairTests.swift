import XCTest
import ReviewModel
@testable import ReviewImport

/// Names the list of States does not know, as reports print them, repaired only where one State is meant.
final class StateNameRepairTests: XCTestCase {
    func testMisprintsVariantsFormalStylesAndTwoStatesInOne() throws {
        let directory = try StateDirectory.bundled()
        func repaired(_ name: String) -> [String]? { StateNameRepair.repair(name, in: directory)?.names }
        XCTAssertEqual(repaired("Azerbeijan"), ["Azerbaijan"])
        XCTAssertEqual(repaired("Holly See"), ["Holy See"])
        XCTAssertEqual(repaired("New Zeeland"), ["New Zealand"])
        XCTAssertEqual(repaired("Namibia and Togo"), ["Namibia", "Togo"])
        XCTAssertEqual(repaired("United Kingdom of the Great Britain and Northern Ireland"), ["United Kingdom of Great Britain and Northern Ireland"])
        XCTAssertEqual(repaired("Bolivia (Plurinational Republic of)"), ["Bolivia (Plurinational State of)"])
        XCTAssertEqual(repaired("Kingdom of Bahrain"), ["Bahrain"])
        XCTAssertEqual(repaired("Republic of Macedonia"), ["North Macedonia"])
        XCTAssertEqual(repaired("Korea (Republic of)"), ["Republic of Korea"])
        XCTAssertEqual(repaired("Congo (Democratic Republic of)"), ["Democratic Republic of the Congo"])
        XCTAssertEqual(repaired("Tanzania (United Republic of)"), ["United Republic of Tanzania"])
        XCTAssertEqual(repaired("Macedonia (the former Yugoslav Republic of)"), ["North Macedonia"])
        // Nothing is guessed where no single State is close.
        XCTAssertNil(repaired("Guinea Republic of Somewhere"))
        XCTAssertNil(repaired("European Commission"))
        XCTAssertNil(repaired("Korea"))
    }
}
