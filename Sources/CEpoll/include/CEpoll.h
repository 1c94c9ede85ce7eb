// Linux's epoll for tandem-bench's load client: Swift's Glibc module does not bring in
// <sys/epoll.h>. Empty elsewhere.
#ifndef CEPOLL_H
#define CEPOLL_H
#ifdef __linux__
#include <sys/epoll.h>

static inline int cepoll_add(int epfd, int fd, unsigned int index) {
    struct epoll_event event = { .events = EPOLLIN, .data = { .u32 = index } };
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event);
}

static inline int cepoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

/// Waits up to `timeout_ms`; the index of each ready connection goes into `ready`.
static inline int cepoll_wait(int epfd, unsigned int *ready, int capacity, int timeout_ms) {
    struct epoll_event events[64];
    if (capacity > 64) capacity = 64;
    int n = epoll_wait(epfd, events, capacity, timeout_ms);
    for (int i = 0; i < n; i++) ready[i] = events[i].data.u32;
    return n;
}
#endif
#endif
