// swift-tools-version:6.0
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// libFuzzer targets, kept out of the main package so that its ordinary build needs no fuzzer.
//   cd Fuzz && swift build -c debug --sanitize=fuzzer --product ledger-fuzz
//   SWIFT_BACKTRACE=enable=no .build/debug/ledger-fuzz -max_total_time=60 corpus/ledger
// (see Fuzz/README.md)
let package = Package(
    name: "upr-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "ledger-fuzz",
            dependencies: [.product(name: "ReviewModel", package: root)],
            path: "Sources/LedgerFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "import-fuzz",
            dependencies: [.product(name: "ReviewImport", package: root)],
            path: "Sources/ImportFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
