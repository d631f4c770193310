/// The key bindings in force: the default table with the user's configuration applied. Dispatch,
/// the help screen and the footer all read this one value.
public struct KeyMap: Equatable, Sendable {
    public private(set) var bindings: [KeyBinding]
    private var lookup: [ModeKind: [Key: Command]] = [:]

    public static let standard = KeyMap(bindings: KeyBindings.table)

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        for binding in bindings {
            for key in binding.keys where lookup[binding.mode]?[key] == nil {
                lookup[binding.mode, default: [:]][key] = binding.command
            }
        }
    }

    public func command(for key: Key, in mode: ModeKind) -> Command? { lookup[mode]?[key] }

    public func bindings(in mode: ModeKind) -> [KeyBinding] { bindings.filter { $0.mode == mode && !$0.keys.isEmpty } }

    /// `a accept  c consider …  ? help  q quit` for the footer of a mode, fitted to `width`:
    /// the last two items (help, quit or cancel) always stay; others are left out from the end.
    public func footer(for mode: ModeKind, width: Int = .max) -> String {
        let items = bindings(in: mode).compactMap { binding in binding.footer.map { "\(binding.keys[0].name) \($0)" } }
        let kept = Array(items.suffix(2))
        var chosen: [String] = []
        for item in items.dropLast(kept.count) {
            let candidate = chosen + [item] + kept
            if DisplayText.width(of: candidate.joined(separator: "  ")) > width { break }
            chosen.append(item)
        }
        return (chosen + kept).joined(separator: "  ")
    }
}
