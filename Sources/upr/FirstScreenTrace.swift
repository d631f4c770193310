import Foundation
import WorkbenchCore

/// For the start-up benchmark (Benchmarks/first-screen.sh): with UPR_TRACE_FIRST_SCREEN=FILE,
/// writes the wall-clock time (ns since 1970) at which the first screen was drawn.
final class FirstScreenTrace: Terminal {
    private let inner: Terminal
    private var path: String?

    init(_ inner: Terminal, path: String?) {
        self.inner = inner
        self.path = path
    }

    var size: Size { inner.size }
    func nextEvent() -> TerminalEvent { inner.nextEvent() }
    func redraw() { inner.redraw() }
    func suspend() { inner.suspend() }

    func draw(_ screen: ScreenBuffer) {
        inner.draw(screen)
        guard let path else { return }
        self.path = nil
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        try? Data("\(Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))\n".utf8).write(to: URL(fileURLWithPath: path))
    }
}
