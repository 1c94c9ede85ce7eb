#ifndef TANDEM_CREADLINE_H
#define TANDEM_CREADLINE_H

/// Sets readline up for Tandem: Ctrl-C clears the line and shows a fresh prompt (it never ends the
/// program), other signals restore the terminal before they act, the screen size follows the window,
/// one Tab lists the choices, NO_COLOR turns off any colour an inputrc asks for, and Tab completes
/// the words given to tandem_rl_set_completions, never file names.
void tandem_rl_init(const char *name);

/// Reads a line with editing (the screen size is read again first). Returns a malloc'd string to free with tandem_rl_free, or NULL at end of input.
char *tandem_rl_readline(const char *prompt);

void tandem_rl_free(char *line);

/// Adds a line to this process's in-memory history (never written to a file).
void tandem_rl_add_history(const char *line);

/// Forgets the in-memory history.
void tandem_rl_clear_history(void);

/// Replaces the words Tab completes. The strings are copied.
void tandem_rl_set_completions(const char *const *words, int count);

/// Columns of the terminal on fd, or 0 when unknown.
int tandem_terminal_width(int fd);

/// Unblocks SIGINT, SIGTERM and SIGHUP (a parent may have blocked them).
void tandem_unblock_signals(void);

/// 1 when signal `sig` is ignored (as `nohup` leaves SIGHUP), else 0.
int tandem_signal_is_ignored(int sig);

/// SIGTERM and SIGHUP pause the plan, as /pause would: the handler puts the terminal back as it was,
/// writes `unfinished` (or `finished`, once tandem_pause_set_finished(1) says the plan is done) to
/// standard output, and exits with 0. Every answer is already on disk. The strings are copied.
/// A plain C handler, so it runs at once, even while readline waits for a key, and calls only
/// async-signal-safe functions (tcsetattr, write, _exit) on memory prepared here.
void tandem_pause_on_signal(const char *unfinished, const char *finished, int is_finished);

/// Whether the plan is finished now (for the message the handler writes).
void tandem_pause_set_finished(int is_finished);

/// For tests: what completing `text` at the start of a line would offer, joined by newlines (malloc'd).
char *tandem_rl_complete_for_test(const char *text);

/* Readline's callback interface, for `tandem connect` (ReadlineCallback.c): waits on the keyboard
   and a socket together, and prints lines from the server above the line being typed. */

/// What tandem_rlcb_wait saw (bit flags; 0 when the time ran out).
enum {
    TANDEM_RLCB_KEYBOARD = 1,
    TANDEM_RLCB_SOCKET = 2,
    TANDEM_RLCB_INTERRUPT = 4,
    TANDEM_RLCB_TERMINATE = 8,
    TANDEM_RLCB_RESIZE = 16,
    TANDEM_RLCB_STOP = 32,
};

/// What tandem_rlcb_read_char did.
enum {
    TANDEM_RLCB_LINE = 1,
    TANDEM_RLCB_ENDED = 2,
};

/// Sets readline up as tandem_rl_init does, shows the prompt and starts taking keys one at a time.
/// Ctrl-C, SIGTERM, SIGHUP, SIGWINCH and Ctrl-Z are noted and reported by tandem_rlcb_wait.
void tandem_rlcb_install(const char *prompt);

/// Waits until the keyboard (fd 0, or -1 to leave it out) or fd (-1: none) has something to read,
/// a signal comes, or timeout_ms pass (-1: no limit).
int tandem_rlcb_wait(int keyboard, int fd, int timeout_ms);

/// Takes the keys waiting. TANDEM_RLCB_LINE: a line is complete (tandem_rlcb_take_line);
/// TANDEM_RLCB_ENDED: Ctrl-D on an empty line or the end of input; 0: keep waiting.
int tandem_rlcb_read_char(void);

/// The completed line, malloc'd (free with tandem_rl_free), or NULL.
char *tandem_rlcb_take_line(void);

/// Prints text (whole lines, each ending in a newline) above the prompt and what is being typed.
void tandem_rlcb_print_above(const char *text);

/// After Ctrl-C: drops what was typed and shows a fresh prompt.
void tandem_rlcb_clear_line(void);

/// After SIGWINCH: readline learns the new width.
void tandem_rlcb_resize(void);

/// After Ctrl-Z: puts the terminal back, stops, and carries on with the same typed text after `fg`.
void tandem_rlcb_suspend(void);

/// Takes the prompt away and puts the terminal back as it was.
void tandem_rlcb_remove(void);

#endif
