import Foundation
import ReviewModel

/// What to make of a recommending State's name that the list of States does not know, as the
/// reports misprint them: two States in one (`Namibia and Togo`), a slip of the pen (`Azerbeijan`,
/// `Holly See`), a word too many or changed (`United Kingdom of the Great Britain and Northern
/// Ireland`, `Bolivia (Plurinational Republic of)`). A repair is taken only where it is the one
/// close name; it is always reported, and a name nothing repairs is kept as written.
enum StateNameRepair {
    struct Repair: Equatable {
        var names: [String]
        var how: String
    }

    /// Formal styles before a short name: `Kingdom of Bahrain`, `Republic of Belarus`.
    static let styles = ["Hashemite Kingdom of ", "Kingdom of ", "Sultanate of ", "State of ", "Republic of ", "Principality of ",
                         "Grand Duchy of ", "Commonwealth of ", "Federal Republic of ", "Islamic Republic of "]

    static func repair(_ name: String, in directory: StateDirectory) -> Repair? {
        // The style of some lists: `Korea (Republic of)`, `Tanzania (United Republic of)`.
        if name.hasSuffix(" of)"), let open = name.firstIndex(of: "(") {
            let short = name[..<open].trimmingCharacters(in: .whitespaces)
            let style = name[name.index(after: open)..<name.index(before: name.endIndex)].trimmingCharacters(in: .whitespaces)
            for candidate in ["\(style) \(short)", "\(style) the \(short)"] {
                if let entry = directory.resolve(candidate) { return Repair(names: [entry.name], how: "read as \(candidate)") }
            }
        }
        let plain = name.hasPrefix("the ") ? String(name.dropFirst(4)) : name
        for style in styles where plain.lowercased().hasPrefix(style.lowercased()) {
            if let entry = directory.resolve(String(plain.dropFirst(style.count))) {
                return Repair(names: [entry.name], how: "read as the formal name")
            }
        }
        for separator in [" and ", " & "] where name.contains(separator) {
            let parts = name.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            let resolved = parts.compactMap { directory.resolve($0)?.name }
            if resolved.count == parts.count, parts.count > 1 { return Repair(names: resolved, how: "read as \(parts.count) States") }
        }
        let key = StateDirectory.key(name)
        guard key.count >= 5 else { return nil }
        var best: [(entry: String, distance: Int)] = []
        for entry in directory.states {
            for spelling in [entry.name] + entry.aliases {
                let d = distance(key, StateDirectory.key(spelling), limit: 2)
                if d <= 2 { best.append((entry.name, d)) }
            }
        }
        if let closest = best.map(\.distance).min() {
            let names = Set(best.filter { $0.distance == closest }.map(\.entry))
            if names.count == 1 { return Repair(names: [names.first!], how: "read as a misspelling") }
            return nil
        }
        // A word added, dropped or changed: the same first word and two thirds of the words alike.
        let words = wordSet(name)
        guard let first = firstWord(name) else { return nil }
        var candidates: Set<String> = []
        for entry in directory.states {
            for spelling in [entry.name] + entry.aliases where firstWord(spelling) == first {
                let other = wordSet(spelling)
                let shared = words.intersection(other).count
                if shared * 3 >= max(words.count, other.count) * 2 { candidates.insert(entry.name) }
            }
        }
        return candidates.count == 1 ? Repair(names: [candidates.first!], how: "read as a variant spelling") : nil
    }

    private static func wordSet(_ name: String) -> Set<String> {
        Set(TextFolding.fold(name).lowercased().split { !$0.isLetter }.map(String.init).filter { $0 != "the" && $0 != "of" })
    }

    private static func firstWord(_ name: String) -> String? {
        TextFolding.fold(name).lowercased().split { !$0.isLetter }.map(String.init).first { $0 != "the" }
    }

    /// Levenshtein distance, or `limit + 1` as soon as it must exceed the limit.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            var rowMin = i
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            previous = current
        }
        return previous[y.count]
    }
}
