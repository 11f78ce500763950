// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "atelier",
    products: [
        .executable(name: "atelier", targets: ["atelier"]),
        .library(name: "AtelierMockup", targets: ["AtelierMockup"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CInflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "AtelierCore"),
        .target(name: "AtelierStatistics"),
        .target(name: "CCSVScan"),
        .target(name: "AtelierTabular", dependencies: ["AtelierCore", "CInflate", "CCSVScan"]),
        .target(name: "AtelierYAML", dependencies: ["AtelierCore", "CYAML"]),
        .target(name: "AtelierMockup", dependencies: ["AtelierCore", "AtelierYAML"]),
        .target(name: "AtelierChecklist", dependencies: ["AtelierCore", "AtelierYAML", "AtelierMockup"]),
        .target(name: "AtelierImpact", dependencies: ["AtelierCore", "AtelierMockup", "AtelierStatistics", "AtelierTabular"]),
        .target(name: "AtelierGrading", dependencies: ["AtelierCore", "AtelierYAML", "AtelierMockup", "AtelierChecklist", "AtelierStatistics", "AtelierTabular"]),
        .target(name: "AtelierReport", dependencies: ["AtelierCore", "AtelierMockup", "AtelierChecklist", "AtelierImpact", "AtelierGrading", "AtelierStatistics", "AtelierTabular", "CXLSXWriter"]),
        .target(name: "AtelierUseCases", dependencies: ["AtelierCore", "AtelierMockup", "AtelierChecklist", "AtelierImpact", "AtelierGrading", "AtelierReport", "AtelierTabular"]),
        .target(name: "AtelierWorkshop", dependencies: [
            "AtelierCore", "AtelierYAML", "AtelierTabular", "AtelierMockup", "AtelierChecklist", "AtelierImpact", "AtelierGrading", "AtelierReport",
            "AtelierUseCases", "CQREncode",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .executableTarget(
            name: "atelier-fuzz",
            dependencies: ["AtelierCore", "AtelierMockup", "AtelierChecklist", "AtelierGrading", "AtelierImpact", "AtelierReport", "AtelierTabular"],
            path: "Sources/atelier-fuzz"
        ),
        .executableTarget(
            name: "atelier-read-bench",
            dependencies: ["AtelierTabular"],
            path: "Benchmarks/ReadCSV"
        ),
        .executableTarget(
            name: "atelier",
            dependencies: [
                "AtelierCore", "AtelierMockup", "AtelierChecklist", "AtelierReport", "AtelierGrading", "AtelierUseCases", "AtelierWorkshop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: the repository's paths, the scratch folders, the binary
        // run as a user would, the minimal mockup and the checker, the example plans.
        .target(
            name: "TestSupport",
            dependencies: ["AtelierCore", "AtelierYAML", "AtelierTabular", "AtelierMockup", "AtelierChecklist", "AtelierImpact",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/TestSupport"
        ),
        // One test target per layer, each declaring only the modules it imports.
        .testTarget(
            name: "BaseTests",
            dependencies: ["AtelierCore", "AtelierYAML", "AtelierTabular", "AtelierStatistics", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "FormatTests",
            dependencies: ["AtelierCore", "AtelierMockup", "AtelierChecklist", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "SurveyTests",
            dependencies: ["AtelierCore", "AtelierTabular", "AtelierStatistics", "AtelierMockup", "AtelierImpact", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "OutputTests",
            dependencies: ["AtelierCore", "AtelierYAML", "AtelierTabular", "AtelierMockup", "AtelierChecklist", "AtelierImpact", "AtelierGrading", "AtelierReport", "AtelierUseCases", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["AtelierTabular", "AtelierStatistics", "TestSupport"]
        ),
        .testTarget(
            name: "WorkshopTests",
            dependencies: ["AtelierCore", "AtelierYAML", "AtelierMockup", "AtelierUseCases", "AtelierWorkshop", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ]
)
