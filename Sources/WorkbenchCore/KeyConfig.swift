/// The user's keys file (`$XDG_CONFIG_HOME/upr/keys`, else `~/.config/upr/keys`):
///
///     # MODE is list, picker, note, export or help; COMMAND as listed by `?`
///     bind list A accept
///     bind list ctrl-n next-undecided
///     unbind list x
///
/// (MODE may also be command, for the `:` line.) A bad line is reported with its number, and the defaults are used instead of a half-read file.
public enum KeyConfig {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        /// What would have been right, after the message (it can be long).
        public var hint: String?
        public var description: String { "\(file):\(line): \(message); using the default keys" + (hint.map { " (\($0))" } ?? "") }
    }

    static let modes: [String: ModeKind] = ["list": .browse, "picker": .statePicker, "note": .noteEditor, "export": .exportMenu, "help": .help, "command": .prompt]

    public static func apply(_ text: String, file: String, to base: KeyMap = .standard) throws -> KeyMap {
        var bindings = base.bindings
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { continue }
            func problem(_ message: String, _ hint: String? = nil) -> Problem { Problem(file: file, line: index + 1, message: message, hint: hint) }
            guard words[0] == "bind" || words[0] == "unbind" else { throw problem("expected bind or unbind, found “\(words[0])”") }
            guard words.count == (words[0] == "bind" ? 4 : 3) else {
                throw problem(words[0] == "bind" ? "expected: bind MODE KEY COMMAND" : "expected: unbind MODE KEY")
            }
            guard let mode = modes[words[1]] else { throw problem("unknown mode “\(words[1])”", "modes: \(modes.keys.sorted().joined(separator: ", "))") }
            guard let key = parseKey(words[2]) else { throw problem("unknown key “\(words[2])”", "a character, ctrl-X, space, enter, esc, tab, up, down, left, right, pgup, pgdn, home, end, backspace, del") }
            // The key leaves whatever it was bound to in this mode.
            for i in bindings.indices where bindings[i].mode == mode { bindings[i].keys.removeAll { $0 == key } }
            guard words[0] == "bind" else { continue }
            let names = bindings.filter { $0.mode == mode }.map { KeyBindings.name(of: $0.command, in: mode) }
            guard let target = bindings.firstIndex(where: { $0.mode == mode && KeyBindings.name(of: $0.command, in: mode) == words[3] }) else {
                throw problem("unknown command “\(words[3])” in \(words[1])", "commands: \(names.joined(separator: ", "))")
            }
            bindings[target].keys.insert(key, at: 0)
        }
        return KeyMap(bindings: bindings)
    }

    static func parseKey(_ word: String) -> Key? {
        let lower = word.lowercased()
        switch lower {
        case "space": return .char(" ")
        case "enter", "return": return .enter
        case "esc", "escape": return .escape
        case "tab": return .tab
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "home": return .home
        case "end": return .end
        case "backspace": return .backspace
        case "del", "delete": return .delete
        default: break
        }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isLetter { return .ctrl(c) }
        if word.count == 1, let c = word.first { return .char(c) }
        return nil
    }
}
