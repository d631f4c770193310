import Foundation
import WorkbenchCore

/// Finds and reads the user's keys file: `$XDG_CONFIG_HOME/upr/keys`, else `~/.config/upr/keys`.
enum KeysFile {
    static func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return base.appendingPathComponent("upr/keys")
    }

    /// The keys in force, and a problem to show where the file could not be used.
    static func load() -> (keys: KeyMap, problem: String?) {
        let url = url()
        guard let data = FileManager.default.contents(atPath: url.path) else { return (.standard, nil) }
        do {
            return (try KeyConfig.apply(String(decoding: data, as: UTF8.self), file: url.path), nil)
        } catch {
            return (.standard, "\(error)")
        }
    }
}
