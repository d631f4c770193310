/// A ledger a command read, held until the process exits: the kernel takes back its memory at
/// once, where releasing 420,000 recommendations, decisions and changes one by one takes a fifth
/// of a second after the command's work is done.
enum ExitRelease {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}
