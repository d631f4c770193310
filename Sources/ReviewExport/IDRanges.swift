import Foundation

/// Writes ID lists the way addenda do: runs as ranges (`140.1-6`), and the paragraph number only
/// where it changes (`140.1-6, 9, 12-14, 141.2`); reads them back for the addendum's own check.
public enum IDRanges {
    public static func compress(_ ids: [String]) -> String {
        guard !ids.isEmpty else { return "none" }
        var parts: [String] = []
        var paragraph: String?
        var runStart: (item: Int, text: String)?
        var runEnd: Int?

        func flush() {
            guard let start = runStart, let end = runEnd else { return }
            parts.append(end > start.item ? "\(start.text)-\(end)" : start.text)
            runStart = nil
            runEnd = nil
        }

        for id in ids {
            let pieces = id.split(separator: ".", omittingEmptySubsequences: false)
            guard pieces.count == 2, let item = Int(pieces[1]) else {
                flush()
                parts.append(id)
                paragraph = nil
                continue
            }
            let head = String(pieces[0])
            if head == paragraph, let end = runEnd, item == end + 1 {
                runEnd = item
                continue
            }
            flush()
            runStart = (item, head == paragraph ? "\(item)" : id)
            runEnd = item
            paragraph = head
        }
        flush()
        return parts.joined(separator: ", ")
    }

    /// The IDs a compressed list stands for, in the order written: the inverse of `compress` for
    /// IDs of the form `paragraph.item`, and any other ID taken as written.
    public static func expand(_ text: String) -> [String] {
        guard text != "none" else { return [] }
        var ids: [String] = []
        var paragraph: String?
        for token in text.components(separatedBy: ", ") {
            let pieces = token.split(separator: ".", omittingEmptySubsequences: false)
            let head = pieces.count == 2 ? String(pieces[0]) : paragraph
            let items = pieces.count == 2 ? String(pieces[1]) : (pieces.count == 1 ? token : nil)
            guard let head, let items, let run = itemRun(items) else {
                ids.append(token)
                paragraph = nil
                continue
            }
            ids += run.map { "\(head).\($0)" }
            paragraph = head
        }
        return ids
    }

    /// `6` or `1-6`.
    private static func itemRun(_ text: String) -> ClosedRange<Int>? {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        switch bounds.count {
        case 1: return bounds[0].map { $0...$0 }
        case 2: if let low = bounds[0], let high = bounds[1], low < high { return low...high }
        default: break
        }
        return nil
    }
}
