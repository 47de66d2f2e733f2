#include "dict_watch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* A dictionary is a dozen files in two levels; these bounds only stop a
 * wrong --dict (a home folder, a loop of symlinks) from costing much. */
#define MAX_DEPTH 6
#define MAX_ENTRIES 20000

struct wa_dict_watch {
    wa_classifier *c;
    char *dir;
    char *who;
    int interval_ms;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;            /* under mu */
    int requested;       /* under mu */
    _Atomic uint64_t generation;
    _Atomic unsigned long reloads, failures;
};

static uint64_t mix(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull; /* FNV-1a */
    }
    return h;
}

static int skipped(const char *name)
{
    size_t n = strlen(name);
    return name[0] == '.' || (n > 0 && name[n - 1] == '~');
}

/* Fingerprint the tree under path. Entries are visited in name order so
 * the same tree always gives the same value. */
static uint64_t fingerprint(const char *path, int depth, uint64_t h, size_t *budget)
{
    struct dirent **names = NULL;
    int n = scandir(path, &names, NULL, alphasort);
    if (n < 0)
        return mix(h, "?", 1); /* unreadable: a state of its own */
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (!skipped(name) && *budget > 0) {
            (*budget)--;
            char child[PATH_MAX];
            int w = snprintf(child, sizeof child, "%s/%s", path, name);
            struct stat st;
            if (w > 0 && (size_t)w < sizeof child && stat(child, &st) == 0) {
                h = mix(h, name, strlen(name) + 1);
                int64_t f[6] = {(int64_t)st.st_size, (int64_t)st.st_ino, (int64_t)st.st_mtim.tv_sec,
                                (int64_t)st.st_mtim.tv_nsec, (int64_t)st.st_ctim.tv_sec, (int64_t)st.st_ctim.tv_nsec};
                h = mix(h, f, sizeof f);
                if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH)
                    h = fingerprint(child, depth + 1, h, budget);
            }
        }
        free(names[i]);
    }
    free(names);
    return h;
}

static uint64_t take_fingerprint(const char *dir)
{
    size_t budget = MAX_ENTRIES;
    return fingerprint(dir, 0, 1469598103934665603ull, &budget);
}

static void reload(wa_dict_watch *w, const char *why)
{
    char before[WA_VERSION_SIZE], after[WA_VERSION_SIZE];
    wa_classifier_version(w->c, before);
    wa_diag diag;
    wa_diag_init(&diag);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (wa_classifier_reload(w->c, &diag) == 0) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        /* Counted before it is announced: once the line is out, the next
         * document is classified with the new dictionary. */
        atomic_fetch_add(&w->reloads, 1);
        atomic_fetch_add(&w->generation, 1);
        wa_classifier_version(w->c, after);
        fprintf(stderr, "%s: dictionary %s reloaded (%s): version %s -> %s in %.2f s\n", w->who, w->dir, why, before,
                after, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    } else {
        for (size_t i = 0; i < diag.n; i++)
            fprintf(stderr, "%s: %s/%s\n", w->who, w->dir, diag.msgs[i]);
        fprintf(stderr, "%s: error: dictionary %s refused (%zu problem%s, %s); version %s stays in force\n", w->who,
                w->dir, diag.n, diag.n == 1 ? "" : "s", why, before);
        atomic_fetch_add(&w->failures, 1);
    }
    wa_diag_free(&diag);
}

static void *run(void *arg)
{
    wa_dict_watch *w = arg;
    uint64_t loaded = take_fingerprint(w->dir); /* what the running dictionary was read from */
    uint64_t last = loaded;
    pthread_mutex_lock(&w->mu);
    while (!w->stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += w->interval_ms / 1000;
        until.tv_nsec += (long)(w->interval_ms % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        while (!w->stop && !w->requested) {
            if (pthread_cond_timedwait(&w->cv, &w->mu, &until) == ETIMEDOUT)
                break;
        }
        if (w->stop)
            break;
        int requested = w->requested;
        w->requested = 0;
        pthread_mutex_unlock(&w->mu);

        uint64_t now = take_fingerprint(w->dir);
        if (requested) {
            reload(w, "SIGHUP");
            loaded = last = now;
        } else if (now != loaded && now == last) {
            /* Changed, and still for one interval: load it. A refused
             * dictionary is not retried until the files change again. */
            reload(w, "files changed");
            loaded = now;
        }
        last = now;
        pthread_mutex_lock(&w->mu);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

wa_dict_watch *wa_dict_watch_start(wa_classifier *c, const char *dir, int interval_ms, const char *who)
{
    wa_dict_watch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->c = c;
    w->interval_ms = interval_ms > 0 ? interval_ms : 1000;
    w->dir = strdup(dir);
    w->who = strdup(who);
    if (!w->dir || !w->who || pthread_mutex_init(&w->mu, NULL) != 0) {
        free(w->dir);
        free(w->who);
        free(w);
        return NULL;
    }
    if (pthread_cond_init(&w->cv, NULL) != 0) {
        pthread_mutex_destroy(&w->mu);
        free(w->dir);
        free(w->who);
        free(w);
        return NULL;
    }
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        pthread_cond_destroy(&w->cv);
        pthread_mutex_destroy(&w->mu);
        free(w->dir);
        free(w->who);
        free(w);
        return NULL;
    }
    return w;
}

void wa_dict_watch_request(wa_dict_watch *w)
{
    pthread_mutex_lock(&w->mu);
    w->requested = 1;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

uint64_t wa_dict_watch_generation(const wa_dict_watch *w)
{
    return atomic_load(&((wa_dict_watch *)w)->generation);
}

unsigned long wa_dict_watch_reloads(const wa_dict_watch *w)
{
    return atomic_load(&((wa_dict_watch *)w)->reloads);
}

unsigned long wa_dict_watch_failures(const wa_dict_watch *w)
{
    return atomic_load(&((wa_dict_watch *)w)->failures);
}

void wa_dict_watch_stop(wa_dict_watch *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->stop = 1;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->cv);
    pthread_mutex_destroy(&w->mu);
    free(w->dir);
    free(w->who);
    free(w);
}
