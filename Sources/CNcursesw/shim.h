// The one place that touches C. Wraps what Swift cannot import (macros, stdscr, LINES/COLS as
// shared mutable state under Swift 6) in small static inline functions.
#ifndef UPR_CNCURSESW_SHIM_H
#define UPR_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <string.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#include <unistd.h>

/// Sets the locale from the environment; where that gives no UTF-8 codeset (LANG unset, as in CI
/// or a bare SSH session) falls back to C.UTF-8 so that ncursesw draws "Việt Nam", not "Vi ~Gt Nam".
/// Returns 1 when the resulting codeset is UTF-8.
static inline int upr_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
        codeset = nl_langinfo(CODESET);
    }
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

static inline void upr_define_common_keys(void);

/// Starts curses on the controlling terminal without exiting the process on failure (initscr would).
static inline int upr_start_screen(int use_color) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return 0;
    set_term(screen);
    raw();              // Ctrl-C arrives as a key and quits cleanly through the normal path
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    upr_define_common_keys();
    set_escdelay(25);
    curs_set(0);
    wtimeout(stdscr, 200); // wake up regularly to notice SIGTERM/SIGHUP
    if (use_color && has_colors()) {
        start_color();
        use_default_colors();
        init_pair(1, COLOR_GREEN, -1);
        init_pair(2, COLOR_YELLOW, -1);
        init_pair(3, COLOR_RED, -1);
        init_pair(4, COLOR_CYAN, -1);
        init_pair(5, COLOR_BLACK, COLOR_CYAN);
        init_pair(6, COLOR_WHITE, COLOR_RED);
    }
    return 1;
}

/// What the terminal type can do, before curses starts: 0 it can draw the workbench, 1 the type
/// is unknown here (no terminfo entry), 2 it cannot move the cursor (dumb, a hard-copy terminal).
static inline int upr_terminal_capability(const char *term) {
    int status = 0;
    if (setupterm(term, STDOUT_FILENO, &status) != OK) return status == 1 ? 2 : 1;
    const char *cup = tigetstr("cup");
    int hardcopy = tigetflag("hc") > 0 || tigetflag("gn") > 0;
    int capable = cup != NULL && cup != (char *)-1 && !hardcopy;
    del_curterm(cur_term);
    return capable ? 0 : 2;
}

/// Escape sequences terminals send for the editing keys that some terminfo entries leave out
/// (vt100 has no PgUp, PgDn, Home, End or Delete; tmux and screen send them anyway): taught to
/// ncurses' keypad translation where the entry has no key of its own for them, so that they
/// arrive as keys rather than as Esc, [, 6, ~.
static inline void upr_define_common_keys(void) {
    static const struct { const char *sequence; int code; } keys[] = {
        {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
        {"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME}, {"\033[H", KEY_HOME}, {"\033OH", KEY_HOME},
        {"\033[4~", KEY_END}, {"\033[8~", KEY_END}, {"\033[F", KEY_END}, {"\033OF", KEY_END},
        {"\033[3~", KEY_DC}, {"\033[Z", KEY_BTAB},
        {"\033[A", KEY_UP}, {"\033[B", KEY_DOWN}, {"\033[C", KEY_RIGHT}, {"\033[D", KEY_LEFT},
        {"\033OA", KEY_UP}, {"\033OB", KEY_DOWN}, {"\033OC", KEY_RIGHT}, {"\033OD", KEY_LEFT},
    };
    for (unsigned i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (key_defined(keys[i].sequence) == 0) define_key(keys[i].sequence, keys[i].code);
    }
}

/// The next refresh repaints the whole screen (Ctrl-L).
static inline void upr_redraw(void) { clearok(curscr, TRUE); }

/// Ctrl-Z: gives the terminal back (endwin), stops the process as the shell's Ctrl-Z would, and
/// once continued (fg) takes the terminal again and repaints it whole.
static inline void upr_suspend(void) {
    endwin();
    struct sigaction stop, previous;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &previous);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
    clearok(curscr, TRUE);
    wrefresh(stdscr);
}

static inline void upr_end_screen(void) {
    if (!isendwin()) endwin();
}

static inline int upr_lines(void) { return LINES; }
static inline int upr_cols(void) { return COLS; }

static inline void upr_erase(void) { werase(stdscr); }
static inline void upr_refresh(void) { wnoutrefresh(stdscr); doupdate(); }

static inline unsigned int upr_attr_bold(void) { return A_BOLD; }
static inline unsigned int upr_attr_reverse(void) { return A_REVERSE; }
static inline unsigned int upr_attr_underline(void) { return A_UNDERLINE; }
static inline unsigned int upr_attr_dim(void) { return A_DIM; }
static inline unsigned int upr_attr_color(int pair) { return COLOR_PAIR(pair); }

/// Draws a UTF-8 string at (y, x) with the given attributes. Errors at the bottom-right corner
/// (where ncurses would scroll) are expected and ignored.
static inline void upr_draw(int y, int x, const char *utf8, unsigned int attrs) {
    wattrset(stdscr, (int)attrs);
    mvwaddstr(stdscr, y, x, utf8);
    wattrset(stdscr, A_NORMAL);
}

/// Reads one key. Returns 0 on timeout, 1 for a character in *ch, 2 for a function key in *ch.
static inline int upr_read_key(unsigned int *ch) {
    wint_t wch = 0;
    int rc = wget_wch(stdscr, &wch);
    *ch = (unsigned int)wch;
    if (rc == KEY_CODE_YES) return 2;
    if (rc == OK) return 1;
    return 0;
}

// Signals: the handler only records the signal; the main loop restores the terminal and exits.
static volatile sig_atomic_t upr_received_signal = 0;
static inline void upr_signal_handler(int sig) { upr_received_signal = sig; }
static inline void upr_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = upr_signal_handler;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
}
static inline int upr_pending_signal(void) { return upr_received_signal; }

// A crash (a Swift trap, a bad access) must not leave the analyst's terminal in raw mode:
// restore it, then die of the same signal. endwin is not async-signal-safe; this is best effort.
static inline void upr_crash_handler(int sig) {
    if (!isendwin()) endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}
static inline void upr_install_crash_handlers(void) {
    int signals[] = { SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], upr_crash_handler);
}

static inline int upr_key_up(void) { return KEY_UP; }
static inline int upr_key_down(void) { return KEY_DOWN; }
static inline int upr_key_left(void) { return KEY_LEFT; }
static inline int upr_key_right(void) { return KEY_RIGHT; }
static inline int upr_key_ppage(void) { return KEY_PPAGE; }
static inline int upr_key_npage(void) { return KEY_NPAGE; }
static inline int upr_key_home(void) { return KEY_HOME; }
static inline int upr_key_end(void) { return KEY_END; }
static inline int upr_key_enter(void) { return KEY_ENTER; }
static inline int upr_key_backspace(void) { return KEY_BACKSPACE; }
static inline int upr_key_dc(void) { return KEY_DC; }
static inline int upr_key_resize(void) { return KEY_RESIZE; }
static inline int upr_key_btab(void) { return KEY_BTAB; }
static inline int upr_key_mouse(void) { return KEY_MOUSE; }

/// Mouse, when asked for: clicks and the wheel only.
static inline void upr_enable_mouse(void) {
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}

/// Reads the pending mouse event: 1 click, 2 wheel up, 3 wheel down, 0 other; row and column out.
static inline int upr_read_mouse(int *row, int *column) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *row = event.y;
    *column = event.x;
    if (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
    if (event.bstate & BUTTON5_PRESSED) return 3;
    return 0;
}

#endif
