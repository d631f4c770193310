import Foundation

/// The fast reader's part for implementation records (`Implementation` inside a decision record),
/// kept apart from the scanning of the rest. It reads exactly what JSONDecoder reads: absent or
/// null lists are empty, a key twice or anything else unexpected is a `Mismatch`, and the whole
/// file then goes through JSONDecoder. The differential tests cover it with the rest.
enum LedgerFastImplementation {
    typealias Mismatch = JSONScanner.Mismatch

    static func implementation(_ scanner: inout JSONScanner) throws -> Implementation {
        var plan = Implementation()
        var seen = Seen()
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "status":
                try seen.first(0)
                if try !scanner.null() { plan.status = try status(&scanner) }
            case "reached":
                try seen.first(1)
                plan.reached = try list(&scanner) { scanner in try reached(&scanner) }
            case "lead": try seen.first(2); plan.lead = try scanner.null() ? nil : scanner.string()
            case "partners": try seen.first(3); plan.partners = try scanner.null() ? [] : scanner.strings()
            case "actions":
                try seen.first(4)
                plan.actions = try list(&scanner) { scanner in try action(&scanner) }
            case "indicators": try seen.first(5); plan.indicators = try scanner.null() ? [] : scanner.strings()
            case "sdgs": try seen.first(6); plan.sdgs = try scanner.null() ? [] : scanner.strings()
            case "progress":
                try seen.first(7)
                plan.progress = try list(&scanner) { scanner in try note(&scanner) }
            default: _ = try scanner.valueBytes()
            }
        }
        return plan
    }

    private static func list<T>(_ scanner: inout JSONScanner, _ element: (inout JSONScanner) throws -> T) throws -> [T] {
        guard try !scanner.null() else { return [] }
        var out: [T] = []
        try scanner.beginArray()
        while try scanner.nextElement() { out.append(try element(&scanner)) }
        return out
    }

    private static func status(_ scanner: inout JSONScanner) throws -> ImplementationStatus {
        guard let status = ImplementationStatus(rawValue: try scanner.string()) else { throw Mismatch() }
        return status
    }

    private static func reached(_ scanner: inout JSONScanner) throws -> StatusReached {
        var status: ImplementationStatus?, at: Date?
        var seen = Seen()
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "status": try seen.first(0); status = try Self.status(&scanner)
            case "at": try seen.first(1); at = try timestamp(&scanner)
            default: _ = try scanner.valueBytes()
            }
        }
        guard let status, let at else { throw Mismatch() }
        var reached = StatusReached(status: status, at: at)
        reached.at = at
        return reached
    }

    private static func action(_ scanner: inout JSONScanner) throws -> ImplementationAction {
        var text: String?, due: String?, lead: String?, done = false
        var seen = Seen()
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "text": try seen.first(0); text = try scanner.string()
            case "due": try seen.first(1); due = try scanner.null() ? nil : scanner.string()
            case "lead": try seen.first(2); lead = try scanner.null() ? nil : scanner.string()
            case "done": try seen.first(3); done = try scanner.null() ? false : scanner.bool()
            default: _ = try scanner.valueBytes()
            }
        }
        guard let text else { throw Mismatch() }
        return ImplementationAction(text: text, due: due, lead: lead, done: done)
    }

    private static func note(_ scanner: inout JSONScanner) throws -> ProgressNote {
        var text: String?, author: String?, source: String?, at: Date?
        var seen = Seen()
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "text": try seen.first(0); text = try scanner.string()
            case "author": try seen.first(1); author = try scanner.string()
            case "source": try seen.first(2); source = try scanner.null() ? nil : scanner.string()
            case "at": try seen.first(3); at = try timestamp(&scanner)
            default: _ = try scanner.valueBytes()
            }
        }
        guard let text, let author, let at else { throw Mismatch() }
        // Not through the initialiser alone: it rounds `at`, and JSONDecoder keeps it as written.
        var note = ProgressNote(text: text, author: author, source: source, at: at)
        note.at = at
        return note
    }

    private static func timestamp(_ scanner: inout JSONScanner) throws -> Date { try scanner.time() }

    /// A key given twice: the slow path decides.
    private struct Seen {
        private var bits: UInt8 = 0
        mutating func first(_ bit: Int) throws {
            guard bits & (1 << bit) == 0 else { throw Mismatch() }
            bits |= 1 << bit
        }
    }
}
