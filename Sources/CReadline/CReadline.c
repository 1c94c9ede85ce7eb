#include "CReadline.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
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

static void on_sigint(int sig) {
    (void)sig;
    /* Ctrl-C: drop what was typed and show a fresh prompt. */
    ssize_t ignored = write(STDOUT_FILENO, "\n", 1);
    (void)ignored;
    rl_on_new_line();
    rl_replace_line("", 0);
    rl_redisplay();
}

void tandem_rl_init(const char *name) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
    rl_attempted_completion_function = tandem_completion;
    rl_completer_word_break_characters = " \t,";
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

char *tandem_rl_readline(const char *prompt) { return readline(prompt); }

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

void tandem_unblock_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
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
