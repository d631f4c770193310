import Foundation

/// The folded forms of every recommendation of one ledger, built once (at load, or when the
/// recommendations change) so that searching and filtering never fold text again: a key press
/// over 42,000 recommendations is byte comparisons only.
///
/// Positions are indices into `ledger.recommendations`. Decisions are not indexed: they change
/// with every key, and filters read them from the ledger.
public struct SearchIndex: Sendable {
    /// Folded texts end to end (one buffer rather than 42,000 strings keeps memory near the size
    /// of the text itself).
    let texts: FlatLists<UInt8>
    let ids: FlatLists<UInt8>
    /// The original texts (for highlighting) and IDs (for decisions); they share storage with
    /// the ledger's strings.
    let originals: [String]
    let originalIDs: [String]
    /// Every distinct State name of the ledger once, with its canonical name, folded spelling and
    /// regional group; positions refer to them by number.
    let stateNames: [String]
    let foldedStates: [[UInt8]]
    let stateRefs: FlatLists<Int32>
    let foldedThemes: [[UInt8]]
    let themeRefs: FlatLists<Int32>
    /// One bit per `RegionalGroup` of any co-recommender.
    let groupMasks: [UInt8]
    /// The words of the folded texts, built on demand on a thread of its own (`prepareWordPostings`).
    let words = WordPostings()
    /// The clusters of the same ask, for `in:cluster` and `conflict:cluster`. Not computed here
    /// (seconds at 42,000): whoever holds the index sets them (`ClusterCache.load`, or
    /// `Clustering.clusters`); until then no recommendation is in a cluster.
    public var clusters: ClusterMap
    /// The earlier cycle's closest asks, for `has:earlier` and `was:supported`. Like the clusters,
    /// set by whoever holds the index (`CycleMemory(ledger)`); until then nothing has an earlier match.
    public var memory: CycleMemory
    /// The positions whose record carries a note, in document order, where whoever holds the
    /// index keeps them (the workbench, from the history's new entries); nil: `note:` and `text:`
    /// look at every decision. Notes change with every edit: they are never folded here.
    public var notedPositions: [Int]?
    /// The public UPR record's facts of each position (`upr record`: `to:`, `session:`, `response:`).
    public var record: RecordFacts?
    /// The share of the same ask supported in the record (`precedent:>50`, `has:precedent`).
    public var precedent: PrecedentShares
    /// False for the stand-in (`pending(count:)`) that a workbench holds while the real index is
    /// built after the first screen: it has no texts, and no query may be asked of it.
    public let isBuilt: Bool
    public let count: Int

    /// Indexes `ledger` with the bundled list of States (for `state:` aliases and `group:`).
    public init(_ ledger: Ledger) {
        self.init(ledger, states: try? StateDirectory.bundled())
    }

    /// Without a directory, States are matched by the name the ledger gives and belong to no group.
    public init(_ ledger: Ledger, states directory: StateDirectory?) {
        self.init(recommendations: ledger.recommendations, states: directory)
    }

    /// Over the recommendations alone: an index built in the background holds no more of the
    /// ledger than it reads.
    public init(recommendations: [Recommendation], states directory: StateDirectory?) {
        var folder = TextFolder()
        var texts = FlatLists<UInt8>(), ids = FlatLists<UInt8>()
        var stateRefs = FlatLists<Int32>(), themeRefs = FlatLists<Int32>()
        var stateNumbers: [String: Int32] = [:], themeNumbers: [String: Int32] = [:]
        var stateNames: [String] = [], foldedStates: [[UInt8]] = [], stateGroups: [UInt8] = []
        var foldedThemes: [[UInt8]] = []
        var groupMasks: [UInt8] = []
        let count = recommendations.count
        groupMasks.reserveCapacity(count)
        texts.reserve(lists: count, elements: recommendations.reduce(0) { $0 + $1.text.utf8.count })

        for recommendation in recommendations {
            folder.append(recommendation.text, to: &texts.elements)
            texts.close()
            folder.append(recommendation.id, to: &ids.elements)
            ids.close()
            var mask: UInt8 = 0
            for state in recommendation.states {
                let number: Int32
                if let known = stateNumbers[state] {
                    number = known
                } else {
                    number = Int32(stateNames.count)
                    stateNumbers[state] = number
                    let entry = directory?.resolve(state)
                    stateNames.append(entry?.name ?? state)
                    foldedStates.append(folder.fold(state))
                    stateGroups.append(entry.map { Self.bit(of: $0.group) } ?? 0)
                }
                stateRefs.elements.append(number)
                mask |= stateGroups[Int(number)]
            }
            stateRefs.close()
            groupMasks.append(mask)
            for theme in recommendation.themes {
                if let known = themeNumbers[theme] {
                    themeRefs.elements.append(known)
                } else {
                    let number = Int32(foldedThemes.count)
                    themeNumbers[theme] = number
                    foldedThemes.append(folder.fold(theme))
                    themeRefs.elements.append(number)
                }
            }
            themeRefs.close()
        }
        self.texts = texts
        self.ids = ids
        self.originals = recommendations.map(\.text)
        self.originalIDs = recommendations.map(\.id)
        self.stateNames = stateNames
        self.foldedStates = foldedStates
        self.stateRefs = stateRefs
        self.foldedThemes = foldedThemes
        self.themeRefs = themeRefs
        self.groupMasks = groupMasks
        self.clusters = .empty(count: recommendations.count)
        self.memory = .empty(count: recommendations.count)
        self.precedent = .empty(count: recommendations.count)
        self.isBuilt = true
        self.count = count
    }

    /// A stand-in for the index of `count` recommendations, until the real one is built: it
    /// carries what others set (clusters, the earlier cycle, the record) and nothing to search.
    public static func pending(count: Int) -> SearchIndex { SearchIndex(pendingFor: count) }

    private init(pendingFor count: Int) {
        texts = FlatLists(); ids = FlatLists(); originals = []; originalIDs = []
        stateNames = []; foldedStates = []; stateRefs = FlatLists(); foldedThemes = []; themeRefs = FlatLists(); groupMasks = []
        clusters = .empty(count: count)
        memory = .empty(count: count)
        precedent = .empty(count: count)
        isBuilt = false
        self.count = count
    }

    /// This index with what others set on `other` (clusters, earlier cycle, record, notes): the
    /// built index taking the stand-in's place, or one built again for new themes.
    public func keeping(_ other: SearchIndex) -> SearchIndex {
        var index = self
        index.clusters = other.clusters
        index.memory = other.memory
        index.record = other.record
        index.precedent = other.precedent
        index.notedPositions = other.notedPositions
        return index
    }

    /// Starts indexing the texts' words on a thread of its own, for `text:`; until that is
    /// done `text:` scans every text, with the same answers.
    public func prepareWordPostings() { words.build(from: texts) }

    /// Indexes the words at once (tests, benchmarks).
    public func buildWordPostingsNow() { words.buildNow(from: texts) }

    public var wordPostingsReady: Bool { words.isReady }

    /// The folded text of one recommendation, as the search sees it.
    public func folded(_ position: Int) -> String {
        texts.withList(position) { String(decoding: $0, as: UTF8.self) }
    }

    /// The positions, in document order, whose ID, States or text contain `query` (case and
    /// diacritics folded). An empty query matches everything.
    public func positions(matching query: String) -> [Int] {
        var folder = TextFolder()
        let needle = folder.fold(query)
        guard !needle.isEmpty else { return Array(0..<count) }
        return needle.withUnsafeBufferPointer { needle in
            // Decide once per distinct State rather than once per co-recommendation.
            let stateHits = foldedStates.map { name in name.withUnsafeBufferPointer { ByteSearch.contains(needle, in: $0) } }
            return ids.withLists { ids in
                stateRefs.withLists { stateRefs in
                    texts.withLists { texts in
                        (0..<count).filter { position in
                            ByteSearch.contains(needle, in: ids[position])
                                || stateRefs[position].contains { stateHits[Int($0)] }
                                || ByteSearch.contains(needle, in: texts[position])
                        }
                    }
                }
            }
        }
    }

    /// Where `query` occurs in the ORIGINAL text of one recommendation, folded as the search
    /// folds: typing "viet nam" highlights "Việt Nam". Matches do not overlap.
    public func highlights(of query: String, inText position: Int) -> [Range<String.Index>] {
        var folder = TextFolder()
        let needle = folder.fold(query)
        guard !needle.isEmpty else { return [] }
        let (bytes, origins) = folder.foldWithMap(originals[position])
        var ranges: [Range<String.Index>] = []
        needle.withUnsafeBufferPointer { needle in
            bytes.withUnsafeBufferPointer { text in
                var start = 0
                while let found = ByteSearch.firstOffset(of: needle, in: text, from: start) {
                    let range = origins[found].lowerBound..<origins[found + needle.count - 1].upperBound
                    // A match that starts inside a character folded to several bytes (ß → ss)
                    // may share that character with the previous one: merge them.
                    if let last = ranges.last, range.lowerBound < last.upperBound {
                        ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
                    } else {
                        ranges.append(range)
                    }
                    start = found + needle.count
                }
            }
        }
        return ranges
    }

    // MARK: What filter terms ask (values already folded or resolved by the parser)

    func text(_ position: Int, contains foldedNeedle: String) -> Bool {
        var needle = foldedNeedle
        return needle.withUTF8 { needle in texts.withList(position) { ByteSearch.contains(needle, in: $0) } }
    }

    func themes(_ position: Int, contain foldedNeedle: String) -> Bool {
        var needle = foldedNeedle
        return needle.withUTF8 { needle in
            themeRefs.withList(position) { refs in
                refs.contains { foldedThemes[Int($0)].withUnsafeBufferPointer { ByteSearch.contains(needle, in: $0) } }
            }
        }
    }

    /// Whether the canonical name of any co-recommender is `name`.
    func hasState(_ position: Int, named name: String) -> Bool {
        stateRefs.withList(position) { refs in refs.contains { stateNames[Int($0)] == name } }
    }

    func hasState(_ position: Int, in group: RegionalGroup) -> Bool {
        groupMasks[position] & Self.bit(of: group) != 0
    }

    static func bit(of group: RegionalGroup) -> UInt8 {
        1 << UInt8(RegionalGroup.allCases.firstIndex(of: group)!)
    }
}
