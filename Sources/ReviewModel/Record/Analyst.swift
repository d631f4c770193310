import Foundation

/// Who is deciding: `--analyst`, else `UPR_ANALYST`, else the login name.
public enum Analyst {
    public static func current(_ override: String? = nil) -> String {
        if let name = override?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        let environment = ProcessInfo.processInfo.environment
        for key in ["UPR_ANALYST", "USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        return NSUserName().isEmpty ? "analyst" : NSUserName()
    }
}
