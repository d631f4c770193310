import Foundation

/// Implementation changes in words (the history, undo messages) and their three-way merge.
public enum ImplementationChange {
    /// ` (implementation: in progress; action 2 done; progress note: …)`.
    public static func describe(_ before: Implementation?, _ after: Implementation?) -> String {
        let b = before ?? Implementation(), a = after ?? Implementation()
        var parts: [String] = []
        if b.status != a.status { parts.append(a.status?.label ?? "status cleared") }
        if b.lead != a.lead { parts.append(a.lead.map { "lead \($0)" } ?? "lead removed") }
        if b.partners != a.partners { parts.append("partners: \(a.partners.joined(separator: ", "))") }
        for (number, action) in a.actions.enumerated() {
            if number >= b.actions.count {
                parts.append("action \(number + 1) added: \(action.text)\(action.due.map { " (due \($0))" } ?? "")")
            } else if b.actions[number] != action {
                parts.append(b.actions[number].done != action.done ? "action \(number + 1) \(action.done ? "done" : "not done")" : "action \(number + 1) changed")
            }
        }
        if a.actions.count < b.actions.count { parts.append("\(b.actions.count - a.actions.count) action(s) removed") }
        if b.indicators != a.indicators { parts.append("indicators: \(a.indicators.joined(separator: "; "))") }
        if b.sdgs != a.sdgs { parts.append("SDGs: \(a.sdgs.joined(separator: ", "))") }
        if a.progress.count > b.progress.count, let note = a.progress.last { parts.append("progress note: \(note.text)") }
        if a.progress.count < b.progress.count { parts.append("progress note removed") }
        return parts.isEmpty ? "" : " (implementation: \(parts.joined(separator: "; ")))"
    }

    /// Three-way merge of two sides' implementation records: each field taken from the side that
    /// changed it; actions merged one by one (each side's new actions added after the base's, ours
    /// first), progress notes as the union in time order. Nil where both changed the same thing
    /// differently (the recommendation then becomes an open conflict).
    public static func merge(base: Implementation?, ours: Implementation?, theirs: Implementation?) -> Implementation? {
        let b = base ?? Implementation(), o = ours ?? Implementation(), t = theirs ?? Implementation()
        func pick<T: Equatable>(_ key: KeyPath<Implementation, T>) -> T? {
            let bv = b[keyPath: key], ov = o[keyPath: key], tv = t[keyPath: key]
            if ov == tv || tv == bv { return ov }
            if ov == bv { return tv }
            return nil
        }
        guard let status = pick(\.status), let lead = pick(\.lead), let partners = pick(\.partners),
              let indicators = pick(\.indicators), let sdgs = pick(\.sdgs) else { return nil }
        guard let actions = mergeActions(b.actions, o.actions, t.actions) else { return nil }
        var merged = Implementation(status: status, lead: lead, partners: partners, actions: actions, indicators: indicators, sdgs: sdgs)
        // Statuses reached and progress notes only grow: the union, by time.
        merged.reached = union(b.reached, o.reached, t.reached).sorted { $0.at < $1.at }
        if let current = status, merged.reached.last?.status != current {
            // Keep the current status's own arrival last.
            if let own = merged.reached.lastIndex(where: { $0.status == current }) { merged.reached.append(merged.reached.remove(at: own)) }
        }
        merged.progress = union(b.progress, o.progress, t.progress).sorted { ($0.at, $0.author) < ($1.at, $1.author) }
        return merged
    }

    static func mergeActions(_ base: [ImplementationAction], _ ours: [ImplementationAction], _ theirs: [ImplementationAction]) -> [ImplementationAction]? {
        // An action removed on one side and changed on the other cannot be told apart by place.
        guard ours.count >= base.count, theirs.count >= base.count else { return ours == theirs ? ours : (theirs == base ? ours : (ours == base ? theirs : nil)) }
        var out: [ImplementationAction] = []
        for index in base.indices {
            let b = base[index], o = ours[index], t = theirs[index]
            if o == t || t == b { out.append(o) } else if o == b { out.append(t) } else { return nil }
        }
        let addedOurs = ours[base.count...], addedTheirs = theirs[base.count...]
        out += addedOurs
        if Array(addedTheirs) != Array(addedOurs) { out += addedTheirs.filter { !addedOurs.contains($0) } }
        return out
    }

    private static func union<T: Equatable>(_ base: [T], _ ours: [T], _ theirs: [T]) -> [T] {
        var out = base.filter { ours.contains($0) && theirs.contains($0) }
        for item in ours + theirs where !out.contains(item) {
            // A note removed on one side stays removed.
            if base.contains(item) && !(ours.contains(item) && theirs.contains(item)) { continue }
            out.append(item)
        }
        return out
    }
}

extension LedgerMerge {
    /// Where both sides changed a recommendation's implementation record (and at most one changed
    /// the rest of its record), the two merged: two analysts who changed different actions do
    /// not conflict. Nil where that cannot be done.
    static func mergedImplementation(_ base: DecisionRecord?, _ ours: DecisionRecord?, _ theirs: DecisionRecord?) -> DecisionRecord? {
        guard ours?.implementation != nil || theirs?.implementation != nil || base?.implementation != nil else { return nil }
        func rest(_ record: DecisionRecord?) -> DecisionRecord? {
            var record = record
            record?.implementation = nil
            return record.flatMap { $0.isEmpty ? nil : $0 }
        }
        let b = rest(base), o = rest(ours), t = rest(theirs)
        let kept: DecisionRecord?
        if sameContent(o, t) { kept = later(ours, theirs) } else if sameContent(o, b) { kept = theirs } else if sameContent(t, b) { kept = ours } else { return nil }
        guard var record = kept ?? ours ?? theirs,
              let plan = ImplementationChange.merge(base: base?.implementation, ours: ours?.implementation, theirs: theirs?.implementation) else { return nil }
        record.implementation = plan.isEmpty ? nil : plan
        return record
    }
}
