import Foundation

/// The analysts' notes, searched as the texts are: folded (case and diacritics ignored), so that
/// "tu phap" finds "Bộ Tư pháp đề nghị xem xét". Notes change with every edit, so they are not in
/// the `SearchIndex`; they are folded when asked, and only the recommendations that carry a note
/// are looked at (a few hundred, where the texts are tens of thousands).
public enum NoteSearch {
    /// The positions (document order) whose note contains `query`, folded here. `noted`: the
    /// positions that carry a note, where known (else every decision is looked at).
    public static func positions(in ledger: Ledger, matching query: String, noted: [Int]? = nil) -> [Int] {
        var folder = TextFolder()
        return positions(in: ledger, containingFolded: folder.fold(query), noted: noted)
    }

    /// The positions whose note contains `needle` (already folded bytes).
    static func positions(in ledger: Ledger, containingFolded needle: [UInt8], noted: [Int]?) -> [Int] {
        guard !needle.isEmpty else { return [] }
        var folder = TextFolder()
        var found: [Int] = []
        needle.withUnsafeBufferPointer { needle in
            func look(_ position: Int, _ note: String) {
                let folded = folder.fold(note)
                if folded.withUnsafeBufferPointer({ ByteSearch.contains(needle, in: $0) }) { found.append(position) }
            }
            if let noted {
                for position in noted {
                    if let note = ledger.decisions.record(at: position)?.note, !note.isEmpty { look(position, note) }
                }
            } else {
                for position in ledger.decisions.positions {
                    if let note = ledger.decisions.record(at: position)?.note, !note.isEmpty { look(position, note) }
                }
            }
        }
        return found.sorted()
    }

    /// The positions whose record carries a note, in document order: one pass over the decisions.
    public static func notedPositions(in ledger: Ledger) -> [Int] {
        ledger.decisions.positions.filter { !(ledger.decisions.record(at: $0)?.note.isEmpty ?? true) }
    }

    /// The candidates whose note contains `needle` (folded), as a set.
    static func select(within candidates: PositionSet, _ ledger: Ledger, _ index: SearchIndex, folded needle: String) -> PositionSet {
        let hits = positions(in: ledger, containingFolded: Array(needle.utf8), noted: index.notedPositions)
        var result = PositionSet(count: candidates.count, full: false)
        for position in hits where candidates.contains(position) { result.insert(position) }
        return result
    }

    /// Whether one recommendation's note contains `needle` (folded).
    static func note(of position: Int, in ledger: Ledger, contains needle: String) -> Bool {
        guard let note = ledger.decisions.record(at: position)?.note, !note.isEmpty else { return false }
        var folder = TextFolder()
        let folded = folder.fold(note)
        return Array(needle.utf8).withUnsafeBufferPointer { needle in folded.withUnsafeBufferPointer { ByteSearch.contains(needle, in: $0) } }
    }
}
