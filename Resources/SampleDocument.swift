import Foundation

/// The embedded illustrative sample: 320 invented recommendations in the shape of Viet Nam's
/// 4th-cycle Working Group report. Not the official text of A/HRC/57/6.
public enum SampleDocument {
    public static let resourceName = "sample-viet-nam-c4"

    public static func url() -> URL? {
        Bundle.module.url(forResource: resourceName, withExtension: "json")
    }
}
