import Foundation

/// Files shipped beside the binary in its resource folder: the embedded illustrative sample (320
/// invented recommendations in the shape of Viet Nam's 4th-cycle Working Group report, not the
/// official text of A/HRC/57/6) and the list of States with their aliases and regional groups.
///
/// Found by hand rather than through SwiftPM's `Bundle.module`, which stops the process
/// ("Illegal instruction") when the folder is missing: a binary copied without it then gets a
/// message naming what to copy. Looked for beside the binary (as run, and with links resolved),
/// then in the source checkout it was built from (a binary copied out of `.build` still runs).
/// `UPR_RESOURCES=FOLDER` names the one place to look instead (an installation that keeps the
/// folder elsewhere, e.g. under /usr/local/share/upr).
public enum BundledResources {
    /// The folder SwiftPM makes beside the binary.
    public static let folderName = "upr_BundledResources.resources"

    public static func sampleDocument() -> URL? { find("sample-viet-nam-c4.json", inSource: "Sample") }

    public static func states() -> URL? { find("un-states.json", inSource: "States") }

    /// Where the files are looked for, in order (for messages).
    public static var searched: [String] {
        if let named { return [named.path] }
        return besideBinary.map { $0.appendingPathComponent(folderName).path } + [sourceFolder.path]
    }

    private static func find(_ file: String, inSource folder: String) -> URL? {
        let candidates = named.map { [$0.appendingPathComponent(file)] }
            ?? besideBinary.map { $0.appendingPathComponent(folderName).appendingPathComponent(file) }
            + [sourceFolder.appendingPathComponent(folder).appendingPathComponent(file)]
        return candidates.first { FileManager.default.isReadableFile(atPath: $0.path) }
    }

    private static var named: URL? {
        guard let path = ProcessInfo.processInfo.environment["UPR_RESOURCES"], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// The binary's folder as run and as its links resolve (`~/bin/upr` linked to a build).
    private static var besideBinary: [URL] {
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent(),
           !folders.contains(executable) {
            folders.append(executable)
        }
        return folders
    }

    private static var sourceFolder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent() }
}
