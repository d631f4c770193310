import CNcursesw
import Foundation
import WorkbenchCore

/// The thin ncurses backend: draws a ScreenBuffer and reads keys. ncurses owns SIGWINCH and
/// reports a resize as KEY_RESIZE; every exit path goes through `close()` (endwin).
public final class NcursesTerminal: Terminal {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case noTermVariable
        case cannotStart(term: String)
        case cannotAddressCursor(term: String)
        case unknownTerminal(term: String)

        public var description: String {
            switch self {
            case .notATerminal:
                return "upr's workbench needs a terminal: standard input and output must be a TTY. For scripts use `upr export`, `upr decide` or `upr stats`."
            case .noTermVariable:
                return "TERM is not set, so upr cannot tell what your terminal can draw. Set it (for example `export TERM=xterm-256color`) and try again."
            case .cannotAddressCursor(let term):
                return "TERM=\(term): this terminal cannot move the cursor, which the workbench needs to draw its screen. Run upr in a full terminal (xterm, tmux, screen, the Linux console), or use the command line: `upr stats`, `upr decide`, `upr export`."
            case .unknownTerminal(let term):
                return "TERM=\(term) is not a terminal type this system knows (no terminfo entry; see `infocmp \(term)`). Set TERM to your terminal's type, for example `export TERM=xterm-256color`, and try again."
            case .cannotStart(let term):
                return "ncurses could not start on this terminal (TERM=\(term)). Is the terminal type known to this system (see `infocmp \(term)`)?"
            }
        }
    }

    private var closed = false
    private let useColor: Bool

    /// Checks that there is a terminal to draw on, before anything else is opened.
    public static func preflight(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw StartError.notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw StartError.noTermVariable }
        switch upr_terminal_capability(term) {
        case 0: break
        case 1: throw StartError.unknownTerminal(term: term)
        default: throw StartError.cannotAddressCursor(term: term)
        }
    }

    /// Sets a UTF-8 locale and starts curses.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, mouse: Bool = false) throws {
        try NcursesTerminal.preflight(environment: environment)
        _ = upr_setup_locale()
        useColor = environment["NO_COLOR"].map { $0.isEmpty } ?? true
        upr_install_signal_handlers()
        upr_install_crash_handlers()
        guard upr_start_screen(useColor ? 1 : 0) == 1 else { throw StartError.cannotStart(term: environment["TERM"] ?? "") }
        if mouse { upr_enable_mouse() }
    }

    public var size: Size { Size(width: Int(upr_cols()), height: Int(upr_lines())) }

    public func draw(_ screen: ScreenBuffer) {
        upr_erase()
        let width = screen.size.width
        for row in 0..<screen.size.height {
            var column = 0
            while column < width {
                let style = screen[row, column].style
                var run = ""
                let start = column
                while column < width, screen[row, column].style == style {
                    run += screen[row, column].text
                    column += 1
                }
                upr_draw(Int32(row), Int32(start), run, attributes(style))
            }
        }
        upr_refresh()
    }

    private func attributes(_ style: Style) -> UInt32 {
        var attrs: UInt32 = 0
        if style.bold { attrs |= upr_attr_bold() }
        if style.reverse { attrs |= upr_attr_reverse() }
        if style.dim { attrs |= upr_attr_dim() }
        guard useColor else { return attrs }
        switch style.tone {
        case .normal, .title: break
        case .accepted: attrs |= upr_attr_color(1)
        case .considering: attrs |= upr_attr_color(2)
        case .rejected: attrs |= upr_attr_color(3)
        case .accent: attrs |= upr_attr_color(4)
        case .alarm: attrs |= upr_attr_color(3) | upr_attr_bold()
        }
        return attrs
    }

    public func nextEvent() -> TerminalEvent {
        while true {
            let signal = upr_pending_signal()
            if signal != 0 { return .signal(signal) }
            var code: UInt32 = 0
            switch upr_read_key(&code) {
            case 0:
                return .idle
            case 2:
                if Int32(code) == upr_key_resize() { return .resize(size) }
                if Int32(code) == upr_key_mouse() {
                    var row: Int32 = 0, column: Int32 = 0
                    switch upr_read_mouse(&row, &column) {
                    case 1: return .mouse(.click(row: Int(row), column: Int(column)))
                    case 2: return .mouse(.wheelUp)
                    case 3: return .mouse(.wheelDown)
                    default: continue
                    }
                }
                if let key = KeyMapping.functionKey(Int32(code)) { return .key(key) }
            default:
                if let key = KeyMapping.character(code) { return .key(key) }
            }
        }
    }

    public func redraw() { upr_redraw() }

    public func suspend() { upr_suspend() }

    public func close() {
        guard !closed else { return }
        closed = true
        upr_end_screen()
    }

    deinit { close() }
}

/// ncurses key codes to terminal-free keys.
enum KeyMapping {
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case upr_key_up(): .up
        case upr_key_down(): .down
        case upr_key_left(): .left
        case upr_key_right(): .right
        case upr_key_ppage(): .pageUp
        case upr_key_npage(): .pageDown
        case upr_key_home(): .home
        case upr_key_end(): .end
        case upr_key_enter(): .enter
        case upr_key_backspace(): .backspace
        case upr_key_dc(): .delete
        case upr_key_btab(): .backTab
        default: nil
        }
    }

    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 0x0D, 0x0A: return .enter
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x09: return .tab
        case 0x01...0x1A: return .ctrl(Character(UnicodeScalar(code + 0x60)!))
        default:
            guard let scalar = UnicodeScalar(code), code >= 0x20 else { return nil }
            return .char(Character(scalar))
        }
    }
}
