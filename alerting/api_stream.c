#include "api_stream.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "accounts.h"
#include "clocks.h"
#include "ledger_views.h"

#define POLL_BATCH 500

typedef struct {
    char *frame;       /* the whole SSE frame */
    char *prefecture;  /* NULL: unknown */
    int is_hit;
    long long own_id;  /* event id or hit id */
} frame;

struct wa_stream_hub {
    pthread_mutex_t mu;
    pthread_cond_t cond;
    frame ring[WA_STREAM_RING];
    uint64_t head;              /* sequence number of the next frame */
    long long floor_event, floor_hit; /* ids at or below these are no longer (or never were) in the ring */
    int nstreams;
    atomic_int stopping;
    pthread_t poller;
    int poller_started;
    wa_ledger *ledger;          /* the poller's own */
    long long cur_event, cur_hit;
    wa_stream_alive_fn alive;
    void *alive_ctx;
};

typedef struct {
    wa_stream_hub *h;
    uint64_t next;
    long long min_event, min_hit; /* resume: frames at or below these were seen */
    char *scope;
    char token_hash[WA_TOKEN_HEX];
    wa_buf out;
    size_t off;
    long long last_beat;
    int fd;             /* the client's socket, watched for a hang-up; -1: unknown */
} stream;

static long long mono_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec;
}

/* ---- the poller ---- */

/* Add one frame (ownership of text and pref taken) under the hub's lock. */
static void push(wa_stream_hub *h, char *text, char *pref, int is_hit, long long own_id)
{
    frame *f = &h->ring[h->head % WA_STREAM_RING];
    if (f->frame) {
        /* The oldest frame leaves: a client resuming from before it has missed something. */
        if (f->is_hit)
            h->floor_hit = f->own_id;
        else
            h->floor_event = f->own_id;
        free(f->frame);
        free(f->prefecture);
    }
    f->frame = text;
    f->prefecture = pref;
    f->is_hit = is_hit;
    f->own_id = own_id;
    h->head++;
}

/* One SSE frame for a feed row: its id line, event name and data. */
static char *make_frame(wa_stream_hub *h, const char *event, json_t *row, const char *drop_key)
{
    json_object_del(row, drop_key);
    char *data = json_dumps(row, JSON_COMPACT);
    if (!data)
        return NULL;
    size_t n = strlen(data) + 128;
    char *text = malloc(n);
    if (text)
        snprintf(text, n, "id: %lld:%lld\nevent: %s\ndata: %s\n\n", h->cur_event, h->cur_hit, event, data);
    free(data);
    return text;
}

/* Turn rows into frames; 0, or -1 when out of memory (the rest is retried next round). */
static int publish(wa_stream_hub *h, json_t *rows, int is_hit)
{
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        long long own = json_integer_value(json_object_get(row, is_hit ? "hit_id" : "event_id"));
        const char *p = json_string_value(json_object_get(row, "prefecture"));
        if (is_hit)
            h->cur_hit = own;
        else {
            h->cur_event = own;
            json_t *kind = json_object_get(row, "kind");
            if (kind && json_object_set(row, "change", kind) != 0) {
                h->cur_event = own - 1;
                return -1;
            }
            json_object_del(row, "kind");
        }
        char *pref = p ? strdup(p) : NULL;
        char *text = make_frame(h, is_hit ? "hit" : "case", row, is_hit ? "" : "event_id");
        if (!text || (p && !pref)) {
            free(text);
            free(pref);
            if (is_hit)
                h->cur_hit = own - 1;
            else
                h->cur_event = own - 1;
            return -1;
        }
        pthread_mutex_lock(&h->mu);
        push(h, text, pref, is_hit, own);
        pthread_mutex_unlock(&h->mu);
    }
    return 0;
}

static void *poll_loop(void *arg)
{
    wa_stream_hub *h = arg;
    char last_err[256] = "";
    while (!atomic_load(&h->stopping)) {
        json_t *ev = NULL, *hits = NULL;
        int rc = wa_ledger_feed_events(h->ledger, h->cur_event, POLL_BATCH, &ev);
        if (rc == 0)
            rc = wa_ledger_feed_hits(h->ledger, h->cur_hit, POLL_BATCH, &hits);
        if (rc != 0) {
            /* One line per distinct failure: a locked or missing ledger would otherwise flood the log. */
            if (strncmp(last_err, wa_ledger_error(h->ledger), sizeof last_err - 1) != 0) {
                snprintf(last_err, sizeof last_err, "%s", wa_ledger_error(h->ledger));
                fprintf(stderr, "wa-alertd: live stream: %s\n", last_err);
            }
        } else {
            last_err[0] = '\0';
            size_t before = h->head;
            publish(h, ev, 0);
            publish(h, hits, 1);
            if (h->head != before) {
                pthread_mutex_lock(&h->mu);
                pthread_cond_broadcast(&h->cond);
                pthread_mutex_unlock(&h->mu);
            }
        }
        json_decref(ev);
        json_decref(hits);
        struct timespec ts = {0, WA_STREAM_POLL_MS * 1000000L};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
            ;
    }
    return NULL;
}

wa_stream_hub *wa_stream_hub_start(const char *db_path, wa_stream_alive_fn alive, void *alive_ctx, char *err,
                                   size_t errcap)
{
    wa_stream_hub *h = calloc(1, sizeof *h);
    if (!h) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    h->alive = alive;
    h->alive_ctx = alive_ctx;
    if (wa_ledger_open(&h->ledger, db_path, err, errcap) != 0) {
        free(h);
        return NULL;
    }
    /* Start at the ledger's present: a new stream shows what happens from now on. */
    if (wa_ledger_feed_heads(h->ledger, &h->cur_event, &h->cur_hit) != 0) {
        snprintf(err, errcap, "%s", wa_ledger_error(h->ledger));
        wa_ledger_close(h->ledger);
        free(h);
        return NULL;
    }
    h->floor_event = h->cur_event;
    h->floor_hit = h->cur_hit;
    pthread_mutex_init(&h->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&h->cond, &ca);
    pthread_condattr_destroy(&ca);
    if (pthread_create(&h->poller, NULL, poll_loop, h) != 0) {
        snprintf(err, errcap, "cannot start the live stream's thread");
        wa_stream_hub_free(h);
        return NULL;
    }
    h->poller_started = 1;
    return h;
}

void wa_stream_hub_stop(wa_stream_hub *h)
{
    if (!h)
        return;
    atomic_store(&h->stopping, 1);
    pthread_mutex_lock(&h->mu);
    pthread_cond_broadcast(&h->cond);
    pthread_mutex_unlock(&h->mu);
    if (h->poller_started) {
        pthread_join(h->poller, NULL);
        h->poller_started = 0;
    }
}

void wa_stream_hub_free(wa_stream_hub *h)
{
    if (!h)
        return;
    wa_stream_hub_stop(h);
    for (size_t i = 0; i < WA_STREAM_RING; i++) {
        free(h->ring[i].frame);
        free(h->ring[i].prefecture);
    }
    pthread_cond_destroy(&h->cond);
    pthread_mutex_destroy(&h->mu);
    wa_ledger_close(h->ledger);
    free(h);
}

/* ---- one stream ---- */

/* 1 when the client has closed its side. An event-stream client sends
 * nothing after its request, so readable with nothing to read is the end. */
static int peer_gone(int fd)
{
    if (fd < 0)
        return 0;
    struct pollfd p = {fd, POLLIN | POLLRDHUP, 0};
    if (poll(&p, 1, 0) <= 0)
        return 0;
    if (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL))
        return 1;
    char c;
    return (p.revents & POLLIN) && recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
}

static int in_scope(const stream *st, const frame *f)
{
    return !st->scope || (f->prefecture && strcmp(st->scope, f->prefecture) == 0);
}

/* Collect the frames after st->next (hub locked). */
static int collect(stream *st)
{
    wa_stream_hub *h = st->h;
    uint64_t oldest = h->head > WA_STREAM_RING ? h->head - WA_STREAM_RING : 0;
    int rc = 0;
    if (st->next < oldest)
        st->next = oldest;
    for (; st->next < h->head && rc == 0; st->next++) {
        const frame *f = &h->ring[st->next % WA_STREAM_RING];
        if (f->own_id <= (f->is_hit ? st->min_hit : st->min_event) || !in_scope(st, f))
            continue;
        rc = wa_buf_append_str(&st->out, f->frame);
    }
    return rc;
}

static ssize_t reader(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    stream *st = cls;
    wa_stream_hub *h = st->h;
    if (st->off >= st->out.len) {
        st->out.len = 0;
        st->off = 0;
        pthread_mutex_lock(&h->mu);
        for (;;) {
            if (atomic_load(&h->stopping)) {
                pthread_mutex_unlock(&h->mu);
                return MHD_CONTENT_READER_END_OF_STREAM;
            }
            /* Keepalive first, so a busy feed cannot put off the session check. */
            if (mono_s() >= st->last_beat + WA_STREAM_KEEPALIVE_S) {
                pthread_mutex_unlock(&h->mu);
                /* A logout, an expiry or a disabled account ends the stream. */
                if (!h->alive(h->alive_ctx, st->token_hash))
                    return MHD_CONTENT_READER_END_OF_STREAM;
                st->last_beat = mono_s();
                if (wa_buf_append_str(&st->out, ": keepalive\n\n") != 0)
                    return MHD_CONTENT_READER_END_WITH_ERROR;
                pthread_mutex_lock(&h->mu);
            }
            if (collect(st) != 0) {
                pthread_mutex_unlock(&h->mu);
                return MHD_CONTENT_READER_END_WITH_ERROR;
            }
            if (st->out.len)
                break;
            /* Wake at least once a second to see whether the client has gone:
             * its slot is freed then, not at the next keepalive. */
            struct timespec dl;
            clock_gettime(CLOCK_MONOTONIC, &dl);
            dl.tv_sec += 1;
            if (dl.tv_sec > st->last_beat + WA_STREAM_KEEPALIVE_S)
                dl.tv_sec = (time_t)(st->last_beat + WA_STREAM_KEEPALIVE_S);
            if (pthread_cond_timedwait(&h->cond, &h->mu, &dl) != 0 && peer_gone(st->fd)) {
                pthread_mutex_unlock(&h->mu);
                return MHD_CONTENT_READER_END_OF_STREAM;
            }
        }
        pthread_mutex_unlock(&h->mu);
    }
    size_t n = st->out.len - st->off;
    if (n > max)
        n = max;
    memcpy(buf, st->out.data + st->off, n);
    st->off += n;
    return (ssize_t)n;
}

static void stream_free(void *cls)
{
    stream *st = cls;
    pthread_mutex_lock(&st->h->mu);
    st->h->nstreams--;
    pthread_mutex_unlock(&st->h->mu);
    wa_buf_free(&st->out);
    free(st->scope);
    free(st);
}

/* "E:H" → the two ids; -1 when not of that form. */
static int parse_cursor(const char *s, long long *e, long long *hh)
{
    if (!s || strlen(s) > 48)
        return -1;
    char *end;
    errno = 0;
    long long a = strtoll(s, &end, 10);
    if (errno || end == s || *end != ':' || a < 0)
        return -1;
    const char *p = end + 1;
    long long b = strtoll(p, &end, 10);
    if (errno || end == p || *end || b < 0)
        return -1;
    *e = a;
    *hh = b;
    return 0;
}

enum MHD_Result wa_api_stream(wa_stream_hub *h, const wa_api_req *rq)
{
    if (!rq->get)
        return wa_api_send_error(rq->conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    const char *since = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, "Last-Event-ID");
    const char *q = MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, "since");
    if (!since || !since[0])
        since = q && q[0] ? q : NULL;
    long long ce = 0, ch = 0;
    if (since && parse_cursor(since, &ce, &ch) != 0)
        return wa_api_send_error(rq->conn, MHD_HTTP_BAD_REQUEST, "since and Last-Event-ID look like 123:456");
    stream *st = calloc(1, sizeof *st);
    if (!st || (rq->u->prefecture && rq->u->prefecture[0] && !(st->scope = strdup(rq->u->prefecture)))) {
        free(st);
        return wa_api_send_error(rq->conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    }
    st->h = h;
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(rq->conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    st->fd = ci ? ci->connect_fd : -1;
    snprintf(st->token_hash, sizeof st->token_hash, "%s", rq->token_hash);
    wa_buf_init(&st->out);
    st->last_beat = mono_s();
    int reset = 0;
    pthread_mutex_lock(&h->mu);
    int full = h->nstreams >= WA_STREAM_MAX || atomic_load(&h->stopping);
    if (!full) {
        h->nstreams++;
        if (since) {
            /* Replay what the ring still holds after the cursor; older is lost. */
            st->next = h->head > WA_STREAM_RING ? h->head - WA_STREAM_RING : 0;
            st->min_event = ce;
            st->min_hit = ch;
            reset = ce < h->floor_event || ch < h->floor_hit;
        } else {
            st->next = h->head;
        }
    }
    pthread_mutex_unlock(&h->mu);
    if (full) {
        wa_buf_free(&st->out);
        free(st->scope);
        free(st);
        wa_api_extra eh = {NULL, 5};
        return wa_api_send_json(rq->conn, MHD_HTTP_SERVICE_UNAVAILABLE,
                                json_pack("{s:s}", "error", "too many live streams; try again later"), &eh);
    }
    /* The first bytes go out at once, so the client knows the stream is open. */
    if (wa_buf_append_str(&st->out, "retry: 2000\n: connected\n\n") != 0 ||
        (reset && wa_buf_append_str(&st->out, "event: reset\ndata: {}\n\n") != 0)) {
        stream_free(st);
        return wa_api_send_error(rq->conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    }
    struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 16 * 1024, reader, st, stream_free);
    if (!r) {
        stream_free(st);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", "text/event-stream; charset=utf-8");
    wa_api_security_headers(r);
    MHD_add_response_header(r, "X-Accel-Buffering", "no");
    enum MHD_Result ret = MHD_queue_response(rq->conn, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}
