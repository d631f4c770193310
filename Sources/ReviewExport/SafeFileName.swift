import Foundation

/// File names from State names that every file system takes: letters without accents, digits and
/// dashes, no path separators, no names Windows reserves, and no two alike even where case is
/// ignored (macOS, Windows).
enum SafeFileName {
    static func names(for titles: [String], fileExtension: String) -> [String] {
        var taken: Set<String> = []
        return titles.map { title in
            let base = stem(title)
            var name = base, attempt = 2
            while taken.contains(name.lowercased()) {
                name = "\(base)-\(attempt)"
                attempt += 1
            }
            taken.insert(name.lowercased())
            return "\(name).\(fileExtension)"
        }
    }

    static let reserved = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    static func stem(_ title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        out = String(out.prefix(100))
        while out.hasSuffix("-") { out.removeLast() }
        if out.isEmpty { return "state" }
        return reserved.contains(out.lowercased()) ? out + "-state" : out
    }
}
