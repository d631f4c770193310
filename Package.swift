// swift-tools-version:6.0
import PackageDescription

// Dependency direction: upr → ReviewImport → ReviewRecord → ReviewModel; upr → WorkbenchCore → ReviewExport, ReviewRecord → ReviewModel;
// upr → NcursesBackend → WorkbenchCore, CNcursesw.
// ReviewModel knows nothing of terminals; WorkbenchCore knows nothing of ncurses.
let package = Package(
    name: "upr",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "upr", targets: ["upr"]),
        .library(name: "ReviewModel", targets: ["ReviewModel"]),
        .library(name: "ReviewImport", targets: ["ReviewImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/google/swift-benchmark", from: "0.1.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The embedded illustrative sample lives in the top-level Resources folder.
        .target(
            name: "BundledResources",
            path: "Resources",
            sources: ["BundledResources.swift"],
            resources: [.copy("Sample/sample-viet-nam-c4.json"), .copy("States/un-states.json")]
        ),
        .target(name: "ReviewModel", dependencies: ["BundledResources"]),
        // Readers of the official documents: Working Group reports, addenda, OHCHR thematic lists, UPR Info CSV.
        .target(name: "ReviewImport", dependencies: ["ReviewModel", "ReviewRecord", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The public UPR record (every review in UPR Info): precedent of an ask, suggested themes.
        .target(name: "ReviewRecord", dependencies: ["ReviewModel"]),
        // Decision lists and reports: IDs, CSV, JSON, addendum, XLSX, Markdown, HTML, per State.
        .target(name: "ReviewExport", dependencies: ["ReviewModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "WorkbenchCore", dependencies: ["ReviewModel", "ReviewExport", "ReviewRecord"]),
        .target(name: "NcursesBackend", dependencies: ["WorkbenchCore", "CNcursesw"]),
        .executableTarget(
            name: "upr",
            dependencies: [
                "BundledResources", "ReviewModel", "ReviewImport", "ReviewExport", "ReviewRecord", "WorkbenchCore", "NcursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift run -c release upr-bench`: the figures quoted in issues and closing notes.
        .executableTarget(
            name: "upr-bench",
            dependencies: ["ReviewModel", "ReviewImport", "ReviewRecord", "WorkbenchCore", .product(name: "Benchmark", package: "swift-benchmark")],
            path: "Benchmarks/UPRBenchmarks"
        ),
        .testTarget(name: "ReviewModelTests", dependencies: ["ReviewModel"]),
        .testTarget(name: "ReviewImportTests", dependencies: ["ReviewImport", "ReviewModel", "ReviewExport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ReviewExportTests", dependencies: ["ReviewExport", "ReviewModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ReviewRecordTests", dependencies: ["ReviewRecord", "ReviewImport", "ReviewModel"]),
        .testTarget(name: "WorkbenchCoreTests", dependencies: ["WorkbenchCore", "ReviewExport", "ReviewModel", "ReviewRecord"]),
        .testTarget(name: "EndToEndTests", dependencies: ["upr", "ReviewModel"]),
    ]
)
