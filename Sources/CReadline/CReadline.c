#include "CReadline.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/select.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

static char **completion_words = NULL;
static int completion_count = 0;

static char *completion_generator(const char *text, int state) {
    static int index;
    static size_t length;
    if (state == 0) {
        index = 0;
        length = strlen(text);
    }
    while (index < completion_count) {
        const char *word = completion_words[index++];
        if (strncmp(word, text, length) == 0) {
            return strdup(word);
        }
    }
    return NULL;
}

static char **tandem_completion(const char *text, int start, int end) {
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1; /* never fall back to file names */
    return rl_completion_matches(text, completion_generator);
}

/* Ctrl-C. The signal handler only notes it (nothing else is safe in a handler); the line is
   cleared in tandem_getc, readline's source of keys, which waits for a key with SIGINT blocked
   everywhere except inside pselect. So a Ctrl-C is either seen before the wait or ends the wait:
   it is never left pending while readline sits waiting for the next key. */
static volatile sig_atomic_t interrupted = 0;

static void on_sigint(int sig) {
    (void)sig;
    interrupted = 1;
}

/* Drops what was typed and shows a fresh prompt, like a shell. Readline has already echoed ^C. */
static void clear_line_after_interrupt(void) {
    interrupted = 0;
    rl_crlf();
    rl_replace_line("", 1);
    rl_point = rl_end = rl_mark = 0;
    rl_on_new_line();
    rl_redisplay();
}

/* Signals readline's own handlers caught (SIGINT ends in on_sigint, SIGWINCH resizes, SIGTERM
   restores the terminal and ends the program), then a Ctrl-C. SIGINT must not be blocked here. */
static void act_on_signals(void) {
    if (rl_pending_signal() != 0) rl_check_signals();
    if (interrupted) clear_line_after_interrupt();
}

static int tandem_getc(FILE *stream) {
    int fd = fileno(stream);
    sigset_t sigint, outside, waiting;
    sigemptyset(&sigint);
    sigaddset(&sigint, SIGINT);
    for (;;) {
        act_on_signals();
        pthread_sigmask(SIG_BLOCK, &sigint, &outside);
        if (interrupted || rl_pending_signal() != 0) {
            pthread_sigmask(SIG_SETMASK, &outside, NULL);
            continue;
        }
        fd_set ready;
        FD_ZERO(&ready);
        FD_SET(fd, &ready);
        waiting = outside;
        sigdelset(&waiting, SIGINT);
        int result = pselect(fd + 1, &ready, NULL, NULL, NULL, &waiting);
        int failure = errno;
        if (result < 0) {
            pthread_sigmask(SIG_SETMASK, &outside, NULL);
            if (failure == EINTR) continue;
            return EOF;
        }
        /* Take the key while SIGINT is still blocked, so a Ctrl-C cannot slip in between. */
        int available = 0;
        if (ioctl(fd, FIONREAD, &available) == 0 && available > 0) {
            unsigned char c;
            ssize_t n = read(fd, &c, 1);
            pthread_sigmask(SIG_SETMASK, &outside, NULL);
            if (n == 1) return c;
            continue;
        }
        pthread_sigmask(SIG_SETMASK, &outside, NULL);
        /* Nothing to read: a Ctrl-C emptied the terminal's input (then clear the line), or the
           terminal has gone (then readline's own reader reports the end of input). */
        if (interrupted || rl_pending_signal() != 0) continue;
        return rl_getc(stream);
    }
}

void tandem_rl_init(const char *name) {
    rl_readline_name = name;
    /* Readline's own handlers stay on: on SIGTERM, SIGHUP, SIGQUIT and Ctrl-Z they put the terminal
       back as it was before passing the signal on. For SIGINT they clean up and then call the
       application's handler, installed below, which does not end the program. */
    rl_catch_signals = 1;
    rl_catch_sigwinch = 1;
    rl_getc_function = tandem_getc;
    rl_attempted_completion_function = tandem_completion;
    rl_completer_word_break_characters = " \t,";
    /* One Tab lists the choices when there are several (a person's ~/.inputrc can still say otherwise). */
    rl_variable_bind("show-all-if-ambiguous", "on");
    /* Tandem never colours anything. Readline colours completion lists only when an inputrc asks;
       NO_COLOR (https://no-color.org) overrides that, so the inputrc is read first, then overruled. */
    const char *no_color = getenv("NO_COLOR");
    if (no_color != NULL && no_color[0] != '\0') {
        rl_initialize();
        rl_variable_bind("colored-stats", "off");
        rl_variable_bind("colored-completion-prefix", "off");
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

char *tandem_rl_readline(const char *prompt) {
    /* A Ctrl-C pressed while Tandem was busy between prompts is not about this new line. */
    interrupted = 0;
    /* The window may have changed size while readline was not listening for SIGWINCH. */
    if (rl_instream != NULL) rl_reset_screen_size();
    return readline(prompt);
}

void tandem_rl_free(char *line) { free(line); }

void tandem_rl_add_history(const char *line) { add_history(line); }

void tandem_rl_clear_history(void) { clear_history(); }

void tandem_rl_set_completions(const char *const *words, int count) {
    for (int i = 0; i < completion_count; i++) free(completion_words[i]);
    free(completion_words);
    completion_words = NULL;
    completion_count = 0;
    if (count <= 0) return;
    completion_words = calloc((size_t)count, sizeof(char *));
    if (completion_words == NULL) return;
    for (int i = 0; i < count; i++) completion_words[i] = strdup(words[i]);
    completion_count = count;
}

int tandem_terminal_width(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 0;
}

int tandem_signal_is_ignored(int sig) {
    struct sigaction current;
    if (sigaction(sig, NULL, &current) != 0) return 0;
    return current.sa_handler == SIG_IGN;
}

void tandem_unblock_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGQUIT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

char *tandem_rl_complete_for_test(const char *text) {
    size_t total = 1;
    size_t length = strlen(text);
    for (int i = 0; i < completion_count; i++)
        if (strncmp(completion_words[i], text, length) == 0) total += strlen(completion_words[i]) + 1;
    char *out = calloc(total, 1);
    if (out == NULL) return NULL;
    for (int i = 0; i < completion_count; i++) {
        if (strncmp(completion_words[i], text, length) == 0) {
            if (out[0] != '\0') strcat(out, "\n");
            strcat(out, completion_words[i]);
        }
    }
    return out;
}

/* Pausing on SIGTERM and SIGHUP (see CReadline.h). Written only by the main thread before the
   handlers are installed, then only the finished flag (a sig_atomic_t). */
static char *pause_unfinished = NULL;
static char *pause_finished = NULL;
static volatile sig_atomic_t pause_is_finished = 0;
static struct termios pause_saved_terminal;
static int pause_has_saved_terminal = 0;

static void tandem_pause_handler(int sig) {
    (void)sig;
    if (pause_has_saved_terminal) tcsetattr(0, TCSANOW, &pause_saved_terminal);
    const char *message = pause_is_finished ? pause_finished : pause_unfinished;
    if (message) {
        ssize_t ignored = write(1, message, strlen(message));
        (void)ignored;
    }
    _exit(0);
}

void tandem_pause_on_signal(const char *unfinished, const char *finished, int is_finished) {
    free(pause_unfinished);
    free(pause_finished);
    pause_unfinished = strdup(unfinished);
    pause_finished = strdup(finished);
    pause_is_finished = is_finished;
    pause_has_saved_terminal = isatty(0) && tcgetattr(0, &pause_saved_terminal) == 0;
    signal(SIGTERM, tandem_pause_handler);
    signal(SIGHUP, tandem_pause_handler);
    /* Ctrl-\ in a terminal: Swift's crash reporter would show a crash and leave the program stuck,
       still holding the plan. It is one more way of stopping, so it pauses too. */
    signal(SIGQUIT, tandem_pause_handler);
}

void tandem_pause_set_finished(int is_finished) {
    pause_is_finished = is_finished;
}
