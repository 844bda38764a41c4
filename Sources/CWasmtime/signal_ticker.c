// The epoch ticker of a one-shot process without a thread of its own: a POSIX timer aimed at the
// thread that armed it delivers a real-time signal every period while wasm runs, and the handler
// advances the engine's epoch by the periods elapsed since arming (so deadlines follow wall time
// even when signals coalesce). One engine per process; the handler only reads atomics, reads the
// monotonic clock and calls wasmtime_engine_increment_epoch (an atomic increment), all safe in a
// signal handler.

#define _GNU_SOURCE
#include "cwasmtime.h"

#include <errno.h>

#ifndef __linux__

// Timers aimed at one thread (SIGEV_THREAD_ID) are Linux's: elsewhere the ticker keeps its thread.
int cw_signal_ticker_create(wasm_engine_t *engine, uint64_t period_nanoseconds) {
    (void)engine;
    (void)period_nanoseconds;
    return ENOSYS;
}
int cw_signal_ticker_arm(void) { return ENOSYS; }
void cw_signal_ticker_disarm(void) {}
void cw_signal_ticker_destroy(void) {}

#else

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static _Atomic(wasm_engine_t *) ticker_engine = NULL;
static _Atomic uint64_t ticker_origin = 0;
static _Atomic uint64_t ticker_sent = 0;
static uint64_t ticker_period = 1;
static int ticker_signal_number = 0;
static timer_t ticker_timer;
static pid_t ticker_thread = 0;  // the thread the timer is aimed at

// Aims a new timer at the calling thread, with the signal unblocked there (thread pools such as
// libdispatch's block asynchronous signals in their threads). 0 or an errno value.
static int aim_at_calling_thread(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, ticker_signal_number);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    pid_t thread = (pid_t)syscall(SYS_gettid);
    if (thread == ticker_thread) {
        return 0;
    }
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_THREAD_ID;
    event.sigev_signo = ticker_signal_number;
    event._sigev_un._tid = thread;  // sigev_notify_thread_id, not defined by every glibc
    timer_t timer;
    if (timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) {
        return errno;
    }
    if (ticker_thread != 0) {
        timer_delete(ticker_timer);
    }
    ticker_timer = timer;
    ticker_thread = thread;
    return 0;
}

static uint64_t monotonic_nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;
}

static void ticker_signal(int signal_number) {
    (void)signal_number;
    int saved = errno;
    wasm_engine_t *engine = atomic_load(&ticker_engine);
    if (engine != NULL) {
        uint64_t due = (monotonic_nanoseconds() - atomic_load(&ticker_origin)) / ticker_period;
        uint64_t sent = atomic_load(&ticker_sent);
        while (sent < due) {
            wasmtime_engine_increment_epoch(engine);
            sent++;
        }
        atomic_store(&ticker_sent, sent);
    }
    errno = saved;
}

int cw_signal_ticker_create(wasm_engine_t *engine, uint64_t period_nanoseconds) {
    if (engine == NULL || period_nanoseconds == 0) {
        return EINVAL;
    }
    static atomic_flag taken = ATOMIC_FLAG_INIT;
    if (atomic_flag_test_and_set(&taken)) {
        return EBUSY;
    }
    int signal_number = SIGRTMAX - 2;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ticker_signal;
    action.sa_flags = SA_RESTART | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    if (sigaction(signal_number, &action, NULL) != 0) {
        return errno;
    }
    ticker_signal_number = signal_number;
    int failure = aim_at_calling_thread();
    if (failure != 0) {
        signal(signal_number, SIG_DFL);
        return failure;
    }
    ticker_period = period_nanoseconds;
    atomic_store(&ticker_engine, engine);
    return 0;
}

int cw_signal_ticker_arm(void) {
    int failure = aim_at_calling_thread();
    if (failure != 0) {
        return failure;
    }
    atomic_store(&ticker_sent, 0);
    atomic_store(&ticker_origin, monotonic_nanoseconds());
    struct itimerspec every;
    every.it_interval.tv_sec = (time_t)(ticker_period / 1000000000ull);
    every.it_interval.tv_nsec = (long)(ticker_period % 1000000000ull);
    every.it_value = every.it_interval;
    return timer_settime(ticker_timer, 0, &every, NULL) == 0 ? 0 : errno;
}

void cw_signal_ticker_disarm(void) {
    struct itimerspec never;
    memset(&never, 0, sizeof never);
    timer_settime(ticker_timer, 0, &never, NULL);
}

void cw_signal_ticker_destroy(void) {
    cw_signal_ticker_disarm();
    atomic_store(&ticker_engine, NULL);
}

#endif  // __linux__
