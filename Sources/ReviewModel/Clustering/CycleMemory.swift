import Foundation

/// What an earlier cycle published about one of its recommendations: kept in the ledger as its
/// `reference`, so that an ask made again is seen with the answer given last time.
public struct ReferenceRecommendation: Codable, Equatable, Sendable {
    /// The earlier position as published: supported (implemented or not) or noted.
    public enum Position: String, Codable, Equatable, Sendable {
        case supported, noted
    }

    /// `143.12`, as in the earlier report.
    public var id: String
    public var text: String
    public var states: [String]
    /// Nil where the earlier cycle's position is not known (a report imported without its addendum).
    public var position: Position?
    /// Where it comes from, e.g. `A/HRC/26/6 (2014)` or `A/HRC/26/6`.
    public var symbol: String
    /// Where the earlier cycle was a ledger with a national plan: how far it was implemented, and
    /// its last progress note. Absent otherwise (written only when set).
    public var implementation: ImplementationStatus?
    public var progress: String?

    public init(id: String, text: String, states: [String], position: Position?, symbol: String,
                implementation: ImplementationStatus? = nil, progress: String? = nil) {
        self.implementation = implementation
        self.progress = progress
        self.id = id
        self.text = text
        self.states = states
        self.position = position
        self.symbol = symbol
    }

    /// How an earlier cycle is named: its symbol (`A/HRC/26/6`, with the cycle where known); where
    /// the document does not say (a text cut to its recommendations), a symbol in a file's name
    /// (`vnm-c2-A_HRC_26_6.txt`), else the first file's name.
    public static func label(_ document: DocumentInfo, files: [String]) -> String {
        var symbol = document.symbol
        if symbol.isEmpty {
            let names = files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            let found = names.lazy.compactMap { name in
                name.range(of: #"A_HRC_[0-9]+_[0-9]+"#, options: .regularExpression).map { name[$0].replacingOccurrences(of: "_", with: "/") }
            }.first
            symbol = found ?? names.first ?? "earlier cycle"
        }
        return document.cycle.map { "\(symbol) (cycle \($0))" } ?? symbol
    }

    /// The recommendations of an earlier cycle's ledger, with their decisions as positions
    /// (accepted → supported, rejected → noted, anything else → unknown).
    public static func records(of ledger: Ledger, symbol: String? = nil) -> [ReferenceRecommendation] {
        let label = symbol ?? ledger.document.symbol
        return ledger.recommendations.map { recommendation in
            let position: Position? = switch ledger.status(of: recommendation.id) {
            case .accepted: .supported
            case .rejected: .noted
            case .underConsideration, nil: nil
            }
            let plan = ledger.implementation(of: recommendation.id)
            return ReferenceRecommendation(id: recommendation.id, text: recommendation.text, states: recommendation.states, position: position, symbol: label,
                                           implementation: position == .supported ? plan?.status : nil, progress: position == .supported ? plan?.progress.last?.text : nil)
        }
    }
}

/// How close an earlier recommendation must be to count as the same ask made again.
public struct CycleMemorySettings: Equatable, Sendable {
    /// Cosine similarity (TF-IDF over `ClusterText` tokens, IDF over both cycles together) at or
    /// above which the closest earlier recommendation is shown. Lower than the clustering's 0.5:
    /// across cycles the same ask is reworded more (the "consider ratifying" of one cycle is the
    /// "ratify promptly" of the next), and only the single closest earlier text is kept, so a
    /// looser bar costs one weak hint, not a chain of wrong links. Below about 0.35 asks that
    /// share only a verb and a common word ("strengthen", "rights") start to match.
    public var threshold: Double
    /// As in `ClusterSettings`: the treaty named is the ask.
    public var treatyBoost: Double
    /// Where both texts name treaties, they must share one: "ratify CAT" is never the same ask as
    /// an earlier "ratify ICCPR", however alike the verbs.
    public var shareTreaty: Bool

    public init(threshold: Double = 0.4, treatyBoost: Double = 3.0, shareTreaty: Bool = true) {
        self.threshold = threshold
        self.treatyBoost = treatyBoost
        self.shareTreaty = shareTreaty
    }

    public static let standard = CycleMemorySettings()
}

/// For each recommendation of a ledger, the closest of its reference (earlier cycle), if any is
/// close enough. Computed once per session (the workbench holds it with the search index), never
/// per key.
public struct CycleMemory: Equatable, Sendable {
    public struct Match: Equatable, Sendable {
        /// Position in the ledger's `reference`.
        public var reference: Int
        public var similarity: Double
    }

    /// By position in `ledger.recommendations`.
    public let matches: [Match?]
    public let reference: [ReferenceRecommendation]

    /// No earlier cycle: no matches kept (every lookup by position is out of range, so none; a
    /// nil per position was 14 MB at 420,000, made before the first screen).
    public static func empty(count: Int) -> CycleMemory {
        CycleMemory(matches: [], reference: [])
    }

    init(matches: [Match?], reference: [ReferenceRecommendation]) {
        self.matches = matches
        self.reference = reference
    }

    public init(_ ledger: Ledger, settings: CycleMemorySettings = .standard) {
        self.init(texts: ledger.recommendations.map(\.text), reference: ledger.reference, settings: settings)
    }

    public init(texts: [String], reference: [ReferenceRecommendation], settings: CycleMemorySettings = .standard) {
        self.reference = reference
        guard !reference.isEmpty, !texts.isEmpty else {
            matches = [Match?](repeating: nil, count: texts.count)
            return
        }
        // One vocabulary and one IDF over both cycles: a word common to either is weak in both.
        let vectors = Clustering.Vectors(texts: texts + reference.map(\.text), treatyBoost: settings.treatyBoost)
        let first = texts.count
        // An inverted index of the earlier texts only; every current text probes it once.
        var postings = [[Int32]](repeating: [], count: vectors.frequency.count)
        var weightOf = [[Float]](repeating: [], count: vectors.frequency.count)
        for doc in first..<vectors.terms.count {
            for (token, weight) in zip(vectors.terms[doc], vectors.weights[doc]) {
                postings[Int(token)].append(Int32(doc - first))
                weightOf[Int(token)].append(weight)
            }
        }
        var sums = [Float](repeating: 0, count: reference.count)
        var touched: [Int] = []
        var out: [Match?] = []
        out.reserveCapacity(texts.count)
        for doc in 0..<first {
            for (token, weight) in zip(vectors.terms[doc], vectors.weights[doc]) {
                let list = postings[Int(token)], weights = weightOf[Int(token)]
                for (k, other) in list.enumerated() {
                    if sums[Int(other)] == 0 { touched.append(Int(other)) }
                    sums[Int(other)] += weight * weights[k]
                }
            }
            var best: Match?
            let mine = vectors.treaties[doc]
            for other in touched {
                let similarity = Double(sums[other])
                sums[other] = 0
                guard similarity >= settings.threshold else { continue }
                let theirs = vectors.treaties[first + other]
                if settings.shareTreaty, !mine.isEmpty, !theirs.isEmpty, mine.isDisjoint(with: theirs) { continue }
                // The closest; between equals, the earliest in the earlier document.
                if best == nil || similarity > best!.similarity || (similarity == best!.similarity && other < best!.reference) {
                    best = Match(reference: other, similarity: similarity)
                }
            }
            touched.removeAll(keepingCapacity: true)
            out.append(best)
        }
        matches = out
    }

    /// The closest earlier recommendation of the one at `position`, with its similarity.
    public func earlier(at position: Int) -> (ReferenceRecommendation, similarity: Double)? {
        guard matches.indices.contains(position), let match = matches[position] else { return nil }
        return (reference[match.reference], match.similarity)
    }

    /// How many recommendations have an earlier match.
    public var matchedCount: Int { matches.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
}

extension Ledger {
    /// The closest earlier recommendation of `id`. Computes the whole `CycleMemory`: call it for
    /// one answer; a session keeps a `CycleMemory` instead.
    public func earlier(of id: String, settings: CycleMemorySettings = .standard) -> (ReferenceRecommendation, similarity: Double)? {
        guard let position = indexByID[id], !reference.isEmpty else { return nil }
        return CycleMemory(self, settings: settings).earlier(at: position)
    }
}
