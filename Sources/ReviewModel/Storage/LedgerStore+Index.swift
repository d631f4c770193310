import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension LedgerStore {
    /// Writes `LEDGER.index` for a file written before there was one (or copied, or restored),
    /// where the journal holds nothing and the file is byte for byte what upr writes of it: `upr
    /// fold` with nothing to fold. Every full write of the ledger writes the index anyway.
    /// Returns whether it wrote one (not where a matching one was there already).
    @discardableResult
    public func writeIndexIfMissing() -> Bool {
        guard !isReadOnly, journalCount == 0, folding == nil else { return false }
        let fd = Glibc.open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        var before = stat(), after = stat()
        guard fstat(fd, &before) == 0, Int(before.st_size) > LedgerIndex.writtenAbove else { return false }
        let identity = LedgerIndex.Identity(before)
        if let index = LedgerIndex(for: url, identity: identity) {
            index.closeFile()
            return false
        }
        guard let data = try? FileHandle(fileDescriptor: fd, closeOnDealloc: false).readToEnd(), data.count == Int(before.st_size),
              fstat(fd, &after) == 0, LedgerIndex.Identity(after) == identity,
              (try? LedgerCoding.encode(saved)) == data else { return false }
        LedgerIndex.write(for: url, ledger: saved, encoded: data, identity: identity)
        return LedgerIndex(for: url, identity: identity).map { $0.closeFile() } != nil
    }
}
