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

/// For tests: what completing `text` at the start of a line would offer, joined by newlines (malloc'd).
char *tandem_rl_complete_for_test(const char *text);

#endif
