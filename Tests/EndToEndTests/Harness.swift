import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `upr` binary: directly (for the command line) or inside a private tmux server
/// (for the workbench), as a user would in a real terminal.
enum UPRBinary {
    /// `upr` is built next to the test bundle.
    static var path: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("upr").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("upr").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `upr` with arguments in a folder, standard input from /dev/null (not a terminal).
    static func run(_ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws -> Result {
        let result = try Spawn.run(path, arguments, in: folder, environment: environment)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("upr-e2e-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One tmux server of its own (a private socket), one window running a shell command.
final class TmuxSession {
    let socket = "upr-e2e-\(UUID().uuidString.prefix(8))"
    let folder: URL

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || which("tmux") != nil }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts `command` (a shell command line) in a detached window of the given size. The
    /// command's exit status is printed after it ends, and the window stays open to be read.
    init(_ command: String, in folder: URL, width: Int = 100, height: Int = 30) throws {
        self.folder = folder
        let wrapped = "\(command); echo \"UPR-EXIT=$?\"; sleep 600"
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-c", folder.path, wrapped])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let tool = TmuxSession.which("tmux") ?? "/usr/bin/tmux"
        return try Spawn.run(tool, ["-u", "-L", socket, "-f", "/dev/null"] + arguments, in: folder).stdout
    }

    /// Named keys (`Enter`, `Escape`, `Down`) or single characters.
    func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", "0", key]) }
    }

    /// Literal text, typed as is.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text]) }

    /// The visible screen; lines the terminal wrapped (a long message) are joined again.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-J", "-t", "0"]) }

    /// Waits until the screen contains `text`; fails the test with the screen if it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("Timed out waiting for “\(text)”. Screen:\n\(last)", file: file, line: line)
        throw XCTSkip("screen never showed \(text)")
    }

    /// The pid of the program running in the window (the shell's child).
    func programPID() throws -> Int32? {
        let shell = try tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Whether the terminal is still in the alternate screen (curses not ended).
    func alternateScreenOn() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "0", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }
}

/// Shell-quotes a path or argument.
func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

/// posix_spawn and waitpid, with output through temporary files: Foundation's Process on Linux
/// was seen here to leave a tmux client unreaped and hang `waitUntilExit`.
enum Spawn {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts a process without waiting; its output goes to `outPath`.
    static func start(_ tool: String, _ arguments: [String], outPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let env = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let argv = ([tool] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, tool, &actions, nil, argv, envp)
        guard rc == 0 else { throw NSError(domain: "spawn", code: Int(rc)) }
        return pid
    }

    static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    static func run(_ tool: String, _ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws -> Output {
        let outPath = NSTemporaryDirectory() + "upr-spawn-\(UUID().uuidString).out"
        let errPath = outPath.replacingOccurrences(of: ".out", with: ".err")
        defer { unlink(outPath); unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        // The shell changes folder (posix_spawn_file_actions_addchdir_np is not visible from Swift).
        let argv = (["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder.path, tool] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard rc == 0 else { throw NSError(domain: "spawn", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "cannot run \(tool): \(String(cString: strerror(rc)))"]) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Output(status: code, stdout: out, stderr: err)
    }
}
