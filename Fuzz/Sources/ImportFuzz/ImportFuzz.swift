import Foundation
@testable import ReviewImport

/// libFuzzer entry: every reader of official documents must reject any input with an error,
/// never crash or hang. The first byte picks the reader (report text, addendum, CSV, .docx, the
/// XML pdftohtml makes of a report PDF), the rest is the document.
@_cdecl("LLVMFuzzerTestOneInput")
public func importFuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 1 else { return 0 }
    let data = Data(bytes: bytes + 1, count: count - 1)
    let text = String(decoding: data, as: UTF8.self)
    switch bytes[0] % 5 {
    case 0: _ = try? WorkingGroupReport.parse(text, file: "fuzz")
    case 4:
        // What pdftohtml -xml prints, as the PDF path reads it: pieces with sizes and places.
        if let layout = try? PDFLayout.parse(data, file: "fuzz") {
            _ = try? WorkingGroupReport.parse(ReportText.fromPDF(layout), file: "fuzz", format: .reportPDF)
        }
    case 1: _ = try? Addendum.parse(text, file: "fuzz")
    case 2: _ = try? CSVReader.records(text, file: "fuzz")
    default:
        // The Office reader works on files: write the input where it can read it.
        let url = URL(fileURLWithPath: NSTemporaryDirectory() + "upr-fuzz-\(getpid()).docx")
        try? data.write(to: url)
        _ = try? ThematicList.read(url)
        _ = try? SourceDetection.detect(data, file: "fuzz")
    }
    return 0
}
