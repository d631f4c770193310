import Foundation

/// The analysts' notes, searched as the texts are: folded (case and diacritics ignored), so that
/// "tu phap" finds "Bộ Tư pháp đề nghị xem xét". Notes change with every edit, so they are not in
/// the `SearchIndex`; they are folded when asked, and only the recommendations that carry a note
/// are looked at (a few hundred, where the texts are tens of thousands).
public enum NoteSearch {
    /// The positions (document order) whose note contains `query`, folded here.
    public static func positions(in ledger: Ledger, matching query: String) -> [Int] {
        var folder = TextFolder()
        return positions(in: ledger, containingFolded: folder.fold(query))
    }

    /// The positions whose note contains `needle` (already folded bytes).
    static func positions(in ledger: Ledger, containingFolded needle: [UInt8]) -> [Int] {
        guard !needle.isEmpty else { return [] }
        var folder = TextFolder()
        var found: [Int] = []
        needle.withUnsafeBufferPointer { needle in
            for (id, record) in ledger.decisions where !record.note.isEmpty {
                guard let position = ledger.indexByID[id] else { continue }
                let folded = folder.fold(record.note)
                if folded.withUnsafeBufferPointer({ ByteSearch.contains(needle, in: $0) }) { found.append(position) }
            }
        }
        return found.sorted()
    }

    /// The candidates whose note contains `needle` (folded), as a set.
    static func select(within candidates: PositionSet, _ ledger: Ledger, folded needle: String) -> PositionSet {
        let hits = positions(in: ledger, containingFolded: Array(needle.utf8))
        var result = PositionSet(count: candidates.count, full: false)
        for position in hits where candidates.contains(position) { result.insert(position) }
        return result
    }

    /// Whether one recommendation's note contains `needle` (folded).
    static func note(of position: Int, in ledger: Ledger, contains needle: String) -> Bool {
        guard let note = ledger.decisions[ledger.recommendations[position].id]?.note, !note.isEmpty else { return false }
        var folder = TextFolder()
        let folded = folder.fold(note)
        return Array(needle.utf8).withUnsafeBufferPointer { needle in folded.withUnsafeBufferPointer { ByteSearch.contains(needle, in: $0) } }
    }
}
