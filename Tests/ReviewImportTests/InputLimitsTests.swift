import Foundation
import XCTest
import ZIPFoundation
@testable import ReviewImport
import ReviewModel

/// A file made to exhaust memory or time is refused, quickly, with a message naming the file and
/// the part: a compressed bomb in a .docx or .xlsx, a text without line breaks, a huge file.
final class InputLimitsTests: XCTestCase {
    /// An Office file whose `part` unpacks to `size` bytes of spaces (a few KB packed).
    func bomb(_ name: String, part: String, size: Int, others: [String: String] = [:]) throws -> URL {
        let url = try SourcesTestData.temporaryFile(name, Data(), test: self)
        try FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in others.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, length in
                data.subdata(in: Int(position)..<Int(position) + length)
            }
        }
        let head = Data("<?xml version=\"1.0\"?><x>".utf8)
        try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { position, length in
            position == 0 ? head + Data(repeating: 0x20, count: length - head.count) : Data(repeating: 0x20, count: length)
        }
        return url
    }

    func testADocxBombIsRefusedNamingThePartBeforeItIsUnpacked() throws {
        let url = try bomb("list.docx", part: "word/document.xml", size: 200 << 20)
        XCTAssertLessThan(try Data(contentsOf: url).count, 1 << 20, "a bomb: small packed")
        let started = Date()
        XCTAssertThrowsError(try ThematicList.read(url)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("list.docx"), message)
            XCTAssertTrue(message.contains("word/document.xml"), message)
            XCTAssertTrue(message.contains("compressed bomb"), message)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "refused without unpacking it all")
    }

    func testAnXLSXBombInItsSharedStringsIsRefusedNamingThePart() throws {
        let workbook = #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"#
        let url = try bomb("back.xlsx", part: "xl/sharedStrings.xml", size: 100 << 20, others: ["xl/workbook.xml": workbook])
        XCTAssertThrowsError(try XLSXCells.read(url, file: "back.xlsx")) { error in
            XCTAssertTrue("\(error)".contains("xl/sharedStrings.xml"), "\(error)")
            XCTAssertTrue("\(error)".contains("back.xlsx"), "\(error)")
        }
    }

    func testThePartsOfOneFileShareOneBudget() throws {
        // What the parts read before left: here 4 MB, less than this part unpacks to.
        var budget = InputLimits.Budget()
        budget.left = 4 << 20
        let url = try bomb("small.docx", part: "word/document.xml", size: 8 << 20)
        let archive = try Archive(url: url, accessMode: .read)
        let entry = try XCTUnwrap(archive["word/document.xml"])
        XCTAssertThrowsError(try InputLimits.extract(entry, path: "word/document.xml", from: archive, file: "small.docx", budget: &budget)) { error in
            XCTAssertTrue("\(error)".contains("word/document.xml"), "\(error)")
        }
    }

    func testATextWithALineLongerThanTheLimitIsRefusedWithItsLineNumber() throws {
        var text = Data("first line\r\nsecond\n".utf8)
        text.append(Data(repeating: UInt8(ascii: "x"), count: InputLimits.lineBytes + 1))
        let url = try SourcesTestData.temporaryFile("report.txt", text, test: self)
        var importer = Importer(ledger: nil, options: .init(analyst: "lan"), states: try StateDirectory.bundled())
        XCTAssertThrowsError(try importer.add(url)) { error in
            XCTAssertTrue("\(error)".hasSuffix("report.txt:3: a line longer than 1 MB, more than upr reads of one line; this is not a document upr reads"), "\(error)")
        }
    }

    func testAFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws {
        let url = try SourcesTestData.temporaryFile("huge.txt", Data(), test: self)
        XCTAssertEqual(truncate(url.path, off_t(InputLimits.fileBytes + 1)), 0)  // sparse: nothing is written
        var importer = Importer(ledger: nil, options: .init(analyst: "lan"), states: try StateDirectory.bundled())
        XCTAssertThrowsError(try importer.add(url)) { error in
            XCTAssertTrue("\(error)".contains("huge.txt: cannot be read: it is 256 MB (268435457 bytes), more than the 256 MB upr reads"), "\(error)")
        }
    }

    func testTheRealThematicListIsWellWithinTheLimits() throws {
        let document = try ThematicList.read(try SourcesTestData.url("slovenia/svn-c4-thematic-list.docx"))
        XCTAssertFalse(document.recommendations.isEmpty)
    }
}
