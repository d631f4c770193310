import Foundation
import WorkbenchCore

/// For the key benchmark (Benchmarks/keys.sh): with UPR_TRACE_KEYS=FILE, appends to FILE how long
/// each key took, from the key read to the next screen made (the reducer, the save, the render;
/// the terminal's own drawing apart), in microseconds, one line a key.
final class KeyTimeTrace: Terminal {
    private let inner: Terminal
    private let file: FileHandle?
    private var keyRead: UInt64?

    init(_ inner: Terminal, path: String?) {
        self.inner = inner
        file = path.flatMap { path in
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }
    }

    var size: Size { inner.size }
    func redraw() { inner.redraw() }
    func suspend() { inner.suspend() }

    func nextEvent() -> TerminalEvent {
        let event = inner.nextEvent()
        if file != nil, case .key = event { keyRead = DispatchTime.now().uptimeNanoseconds }
        return event
    }

    func draw(_ screen: ScreenBuffer) {
        if let file, let keyRead {
            file.write(Data("\((DispatchTime.now().uptimeNanoseconds - keyRead) / 1_000)\n".utf8))
            self.keyRead = nil
        }
        inner.draw(screen)
    }
}
