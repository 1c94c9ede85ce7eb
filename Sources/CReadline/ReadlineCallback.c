/* Readline's callback interface, for `tandem connect`: the program waits on the keyboard and a
   socket at once, and lines from the server are printed above the line being typed without
   garbling it.

   Signals are not left to readline here (rl_catch_signals = 0): between keys the program sits in
   poll(), not inside readline, so readline's handlers would not be installed when a signal comes.
   Instead each handler below notes the signal and writes a byte to a pipe that tandem_rlcb_wait
   watches, so a signal always ends the wait, whichever thread it was delivered to. */

#include "CReadline.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

static int wake_pipe[2] = {-1, -1};
static volatile sig_atomic_t caught_interrupt = 0;
static volatile sig_atomic_t caught_terminate = 0;
static volatile sig_atomic_t caught_resize = 0;
static volatile sig_atomic_t caught_stop = 0;

static char *finished_line = NULL;
static int line_ready = 0;
static int input_ended = 0;
static char *current_prompt = NULL;
static int installed = 0;

static void on_signal(int sig) {
    int saved = errno;
    switch (sig) {
    case SIGINT: caught_interrupt = 1; break;
    case SIGWINCH: caught_resize = 1; break;
    case SIGTSTP: caught_stop = 1; break;
    default: caught_terminate = 1; break;
    }
    if (wake_pipe[1] >= 0) {
        char byte = 0;
        ssize_t ignored = write(wake_pipe[1], &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

static void on_line(char *line) {
    if (line == NULL) {
        input_ended = 1;
    } else {
        free(finished_line);
        finished_line = line;
        line_ready = 1;
    }
}

static void catch_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}

static void make_wake_pipe(void) {
    if (wake_pipe[0] >= 0) return;
    if (pipe(wake_pipe) != 0) {
        wake_pipe[0] = wake_pipe[1] = -1;
        return;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
    }
}

void tandem_rlcb_install(const char *prompt) {
    tandem_rl_init("tandem");
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_getc_function = rl_getc;
    make_wake_pipe();
    catch_signals();
    free(current_prompt);
    current_prompt = strdup(prompt);
    rl_callback_handler_install(current_prompt, on_line);
    installed = 1;
}

int tandem_rlcb_wait(int keyboard, int fd, int timeout_ms) {
    struct pollfd fds[3];
    int count = 0;
    /* A negative descriptor is left out by poll() itself. */
    fds[count].fd = keyboard;
    fds[count].events = POLLIN;
    fds[count].revents = 0;
    count++;
    fds[count].fd = fd;
    fds[count].events = POLLIN;
    fds[count].revents = 0;
    count++;
    if (wake_pipe[0] >= 0) {
        fds[count].fd = wake_pipe[0];
        fds[count].events = POLLIN;
        count++;
    }
    int flags = 0;
    /* A signal that came before the wait began is reported now. */
    if (!(caught_interrupt || caught_terminate || caught_resize || caught_stop)) {
        int result = poll(fds, (nfds_t)count, timeout_ms);
        if (result > 0) {
            if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) flags |= TANDEM_RLCB_KEYBOARD;
            if ((fds[1].revents & (POLLIN | POLLHUP | POLLERR))) flags |= TANDEM_RLCB_SOCKET;
        }
    }
    if (wake_pipe[0] >= 0) {
        char drain[64];
        while (read(wake_pipe[0], drain, sizeof drain) > 0) {}
    }
    if (caught_interrupt) { caught_interrupt = 0; flags |= TANDEM_RLCB_INTERRUPT; }
    if (caught_terminate) { caught_terminate = 0; flags |= TANDEM_RLCB_TERMINATE; }
    if (caught_resize) { caught_resize = 0; flags |= TANDEM_RLCB_RESIZE; }
    if (caught_stop) { caught_stop = 0; flags |= TANDEM_RLCB_STOP; }
    return flags;
}

int tandem_rlcb_read_char(void) {
    if (!installed) return TANDEM_RLCB_ENDED;
    rl_callback_read_char();
    if (line_ready) return TANDEM_RLCB_LINE;
    if (input_ended) return TANDEM_RLCB_ENDED;
    return 0;
}

char *tandem_rlcb_take_line(void) {
    char *line = finished_line;
    finished_line = NULL;
    line_ready = 0;
    return line;
}

void tandem_rlcb_print_above(const char *text) {
    if (!installed) {
        fputs(text, stdout);
        fflush(stdout);
        return;
    }
    rl_clear_visible_line();
    fflush(rl_outstream);
    fputs(text, stdout);
    fflush(stdout);
    rl_on_new_line();
    rl_redisplay();
}

void tandem_rlcb_clear_line(void) {
    if (!installed) return;
    rl_echo_signal_char(SIGINT);
    rl_callback_sigcleanup();
    rl_free_line_state();
    rl_replace_line("", 1);
    rl_point = rl_end = rl_mark = 0;
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}

void tandem_rlcb_resize(void) {
    if (installed) rl_resize_terminal();
}

void tandem_rlcb_suspend(void) {
    if (!installed) {
        raise(SIGSTOP);
        return;
    }
    char *typed = rl_copy_text(0, rl_end);
    int point = rl_point;
    rl_callback_handler_remove();
    rl_crlf();
    fflush(rl_outstream);
    /* Stop as Ctrl-Z asks, with the terminal as it was; carry on here after `fg`. */
    raise(SIGSTOP);
    rl_callback_handler_install(current_prompt, on_line);
    rl_replace_line(typed != NULL ? typed : "", 0);
    rl_point = point <= rl_end ? point : rl_end;
    rl_redisplay();
    free(typed);
}

void tandem_rlcb_remove(void) {
    if (!installed) return;
    installed = 0;
    rl_clear_visible_line();
    rl_callback_handler_remove();
    fflush(rl_outstream);
    clear_history();
}
