import Foundation
import ReviewModel
import ZIPFoundation

/// The small review of `ExportFixtures`, decided, with explanations for the addendum: 140.1 and
/// 140.2 share one (printed together under `140.1-2`), 140.3 has its own in two paragraphs.
enum DocxFixture {
    static func explainedLedger() throws -> Ledger {
        var ledger = try ExportFixtures.decidedLedger()
        let at = ExportFixtures.date
        try ledger.explain("140.1", "Viet Nam ratified the Convention against Torture in 2015.", by: "lan", at: at)
        try ledger.explain("140.2", "Viet Nam ratified the Convention against Torture in 2015.", by: "lan", at: at)
        try ledger.explain("140.3", "The question is kept under review.\n\nThe Penal Code of 2015 reduced the number of capital offences.", by: "lan", at: at)
        return ledger
    }

    /// The parts of a package, as text, by path.
    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    /// The text of each paragraph of `word/document.xml`, tabs as spaces, in order.
    static func paragraphs(_ xml: String) -> [String] {
        xml.components(separatedBy: "<w:p>").dropFirst().map { paragraph in
            let body = paragraph.components(separatedBy: "</w:p>")[0]
            var text = ""
            var rest = Substring(body)
            while let open = rest.range(of: "<") {
                text += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].range(of: ">") else { break }
                let tag = rest[open.upperBound..<close.lowerBound]
                if tag == "w:tab/" { text += " " } else if tag == "w:br/" { text += "\n" }
                rest = rest[close.upperBound...]
            }
            text += rest
            return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        }
    }
}
