import Foundation

/// Files shipped inside the binary's resource bundle: the embedded illustrative sample (320
/// invented recommendations in the shape of Viet Nam's 4th-cycle Working Group report, not the
/// official text of A/HRC/57/6) and the list of States with their aliases and regional groups.
public enum BundledResources {
    public static func sampleDocument() -> URL? {
        Bundle.module.url(forResource: "sample-viet-nam-c4", withExtension: "json")
    }

    public static func states() -> URL? {
        Bundle.module.url(forResource: "un-states", withExtension: "json")
    }
}
