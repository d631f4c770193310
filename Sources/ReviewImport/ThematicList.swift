import Foundation

/// Reads an OHCHR thematic list of recommendations (Word table: "Recommendation and recommending
/// State", "Position of the State under review", "Human rights themes and groups of persons",
/// "Relevant SDGs"). Rows that only name a theme, spanning the table, are headings and are skipped.
public enum ThematicList {
    public static func read(_ url: URL) throws -> ImportedDocument {
        let file = url.lastPathComponent
        let tables = try DocxTable.tables(in: url, file: file)
        let headed = tables.lazy.compactMap { table in
            table.rows.indices.lazy.compactMap { row in Columns(header: table.rows[row]).map { (table, row, $0) } }.first
        }.first
        guard let (table, headerIndex, columns) = headed else {
            let found = tables.isEmpty ? "no table" : "no table with a Recommendation and a Position column"
            throw ImportError.notRecognized(file: file, reason: "not an OHCHR thematic list: \(found)")
        }
        var recommendations: [ImportedRecommendation] = []
        var warnings: [ImportWarning] = []
        var seen: [String: Int] = [:]
        for index in table.rows.indices where index > headerIndex {
            let cells = table.rows[index]
            let line = index + 1  // the table row, counting the header row as 1
            guard cells.count > max(columns.recommendation, columns.position) else { continue }
            let paragraphs = cells[columns.recommendation].filter { !$0.hasPrefix("Source of Position") }
            let cellText = MatchKey.collapsingWhitespace(paragraphs.joined(separator: " "))
            guard let (id, rest) = leadingID(cellText) else {
                if !cellText.isEmpty { warnings.append(ImportWarning(file: file, line: line, message: "no recommendation ID at the start of “\(cellText.prefix(40))”; row skipped")) }
                continue
            }
            if let first = seen[id] {
                warnings.append(ImportWarning(file: file, line: line, message: "\(id) appears again (first in row \(first)); this row is skipped"))
                continue
            }
            seen[id] = line
            let (text, states) = StateParentheses.split(rest)
            let positionText = MatchKey.collapsingWhitespace(cells[columns.position].joined(separator: " "))
            let position = Self.position(positionText)
            if position == nil, !positionText.isEmpty {
                warnings.append(ImportWarning(file: file, line: line, message: "\(id): position “\(positionText)” is not Supported or Noted; left without a position"))
            }
            let (themes, groups) = columns.themes.map { $0 < cells.count ? themesAndGroups(cells[$0]) : ([], []) } ?? ([], [])
            let sdgs = columns.sdgs.map { $0 < cells.count ? cells[$0].compactMap(sdgNumber) : [] } ?? []
            recommendations.append(ImportedRecommendation(id: id, text: text, states: states, themes: themes, groups: groups,
                                                          sdgs: sdgs, position: position, line: line))
        }
        if recommendations.isEmpty {
            throw ImportError.notRecognized(file: file, reason: "the thematic list's table has no rows that start with a recommendation ID")
        }
        return ImportedDocument(file: file, format: .thematicList, recommendations: recommendations, warnings: warnings)
    }

    /// Which cell holds what, found from the header row's words.
    struct Columns {
        var recommendation: Int
        var position: Int
        var themes: Int?
        var sdgs: Int?

        init?(header cells: [[String]]) {
            let keys = cells.map { MatchKey.words($0.joined(separator: " ")).joined(separator: " ") }
            guard let recommendation = keys.firstIndex(where: { $0.contains("recommendation") }),
                  let position = keys.firstIndex(where: { $0.contains("position") }), recommendation != position else { return nil }
            self.recommendation = recommendation
            self.position = position
            themes = keys.firstIndex { $0.contains("theme") }
            sdgs = keys.firstIndex { $0.contains("sdg") || $0.contains("sustainable development") }
        }
    }

    /// `140.7 Ratify …` → (`140.7`, `Ratify …`); a trailing dot after the ID (`143.1.`) is dropped.
    static func leadingID(_ text: String) -> (String, String)? {
        let token = text.prefix { !$0.isWhitespace }
        let id = token.hasSuffix(".") ? token.dropLast() : token
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return (String(id), text.dropFirst(token.count).trimmingCharacters(in: .whitespaces))
    }

    static func position(_ text: String) -> PublishedPosition? {
        let key = MatchKey.key(text)
        if key.contains("note") || key.hasPrefix("not") || key.contains("reject") { return .noted }
        guard key.contains("support") || key.contains("accept") else { return nil }
        return key.contains("implemented") ? .supportedImplemented : .supported
    }

    /// Themes are list items (`- Right to education`) until "Groups of Persons:", groups after it.
    /// A paragraph without a bullet continues the item before it.
    static func themesAndGroups(_ paragraphs: [String]) -> (themes: [String], groups: [String]) {
        var lists: ([String], [String]) = ([], [])
        var inGroups = false
        for paragraph in paragraphs {
            var item = MatchKey.collapsingWhitespace(paragraph)
            if item.lowercased().hasPrefix("groups of persons") {
                inGroups = true
                item = item.split(separator: ":", maxSplits: 1).dropFirst().joined().trimmingCharacters(in: .whitespaces)
                if item.isEmpty { continue }
            }
            guard !item.isEmpty else { continue }
            let bulleted = ["-", "\u{2022}", "\u{2013}", "\u{25AA}"].contains { item.hasPrefix($0) }
            let text = bulleted ? String(item.dropFirst()).trimmingCharacters(in: .whitespaces) : item
            if inGroups {
                if !bulleted, let last = lists.1.popLast() { lists.1.append(last + " " + text) } else { lists.1.append(text) }
            } else {
                if !bulleted, let last = lists.0.popLast() { lists.0.append(last + " " + text) } else { lists.0.append(text) }
            }
        }
        return lists
    }

    /// `- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS` (or `SDG 16`, `Goal 16`) → `16`.
    static func sdgNumber(_ paragraph: String) -> String? {
        let words = MatchKey.words(paragraph)
        let index = words.first.map { $0 == "sdg" || $0 == "goal" ? 1 : 0 } ?? 0
        guard index < words.count, let number = Int(words[index]), (1...17).contains(number) else { return nil }
        return String(number)
    }
}
