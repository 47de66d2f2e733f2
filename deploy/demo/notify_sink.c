/* wa-notify-sink — stands in for the offices' receivers in the demo (`make run`): accepts the
 * notifications wa-alertd sends, shows one readable line per notification and keeps them all.
 *
 * Usage: wa-notify-sink [--listen HOST:PORT] [--log FILE] [--quiet]
 *
 * Every POST (any path; the demo routes use /cyberspace, /petition, /housing, /supervisors and
 * /wecom) with a body of at most 1 MiB is answered 200 {"errcode":0,"errmsg":"ok"} — a 2xx for
 * webhooks, errcode 0 for the WeCom and DingTalk robot formats — and gives one line on stdout:
 *
 *   09:41:07  housing      fast_report       【快报】日喀则市桑珠孜区 日喀则市洁净城市环境服务有限公司 …
 *
 * (time, office, kind, subject; "(repeat)" when the Idempotency-Key was seen before, as after a
 * sender's retry). Robot messages (msgtype markdown or text) show their first line. Each
 * notification is appended to --log as one JSON line {"received_at", "path", "idempotency_key",
 * "signature", "body"} (body as received, when it is JSON; as a string otherwise). GET /healthz
 * answers "ok". The signature is recorded, not checked. Listens on 127.0.0.1:0 by default; the
 * base URL is the first line of stdout once it accepts connections. SIGINT or SIGTERM stops it
 * (exit 0).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "demo_http.h"

#define MAX_BODY (1u << 20)
#define MAX_KEYS 65536

typedef struct {
    char *data;
    size_t len;
    int too_big;
} upload;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *logf;
static const char *log_path;
static int quiet;
static char **keys; /* idempotency keys seen, for "(repeat)" */
static size_t nkeys;
static unsigned long received, repeats, log_errors;

/* Called with the lock held. 1 if the key was seen before; remembers it otherwise. */
static int seen_before(const char *key)
{
    for (size_t i = 0; i < nkeys; i++)
        if (strcmp(keys[i], key) == 0)
            return 1;
    if (nkeys == MAX_KEYS)
        return 0;
    char **p = realloc(keys, (nkeys + 1) * sizeof *keys);
    if (!p)
        return 0;
    keys = p;
    if ((keys[nkeys] = strdup(key)))
        nkeys++;
    return 0;
}

/* The first line of s, at most max bytes, cut on a UTF-8 character boundary. */
static void first_line(const char *s, char *out, size_t max)
{
    size_t n = strcspn(s, "\r\n");
    while (n > 0 && (s[0] == '#' || s[0] == ' ')) { /* markdown heading marks */
        s++;
        n--;
    }
    if (n >= max) {
        n = max - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, s, n);
    out[n] = '\0';
}

static const char *str_or(json_t *o, const char *key, const char *dflt)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : dflt;
}

static void record(struct MHD_Connection *c, const char *url, const upload *u)
{
    const char *key = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Idempotency-Key");
    const char *sig = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-WA-Signature");
    json_error_t je;
    json_t *body = json_loadb(u->data ? u->data : "", u->len, 0, &je);
    const char *office = url[0] == '/' && url[1] ? url + 1 : "-", *kind = "-";
    char subject[512] = "";
    if (json_is_object(body)) {
        office = str_or(body, "office", office);
        kind = str_or(body, "kind", kind);
        const char *subj = str_or(body, "subject", NULL);
        json_t *md = json_object_get(body, "markdown"), *tx = json_object_get(body, "text");
        if (!subj && json_is_object(md)) { /* WeCom / DingTalk markdown */
            kind = str_or(body, "msgtype", "markdown");
            subj = str_or(md, "content", str_or(md, "title", NULL));
        }
        if (!subj && json_is_object(tx)) {
            kind = str_or(body, "msgtype", "text");
            subj = str_or(tx, "content", NULL);
        }
        first_line(subj ? subj : "", subject, sizeof subject);
        json_t *cs = json_object_get(body, "case");
        if (json_is_object(cs)) { /* wa-alertd's webhook: the case in brief */
            json_t *id = json_object_get(cs, "id");
            size_t n = strlen(subject);
            snprintf(subject + n, sizeof subject - n, " | 案件 %lld %s %s %s %s",
                     json_is_integer(id) ? (long long)json_integer_value(id) : 0LL, str_or(cs, "prefecture", ""),
                     str_or(cs, "county", ""), str_or(cs, "unit", "(单位不详)"), str_or(cs, "level", ""));
        }
    } else
        first_line("(not JSON)", subject, sizeof subject);

    char when[32], stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm))
        strftime(when, sizeof when, "%H:%M:%S", &tm);
    else
        snprintf(when, sizeof when, "?");
    if (gmtime_r(&now, &tm))
        strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    else
        snprintf(stamp, sizeof stamp, "?");

    json_t *entry = json_pack("{s:s, s:s, s:s?, s:s?}", "received_at", stamp, "path", url, "idempotency_key", key,
                              "signature", sig);
    if (entry && json_object_set(entry, "body", json_is_object(body) ? body : json_null()) != 0) {
        json_decref(entry);
        entry = NULL;
    }
    if (entry && !json_is_object(body)) {
        json_t *t = json_stringn(u->data ? u->data : "", u->len); /* NULL when not UTF-8 */
        if (json_object_set_new(entry, "body_text", t ? t : json_string("(not UTF-8)")) != 0) {
            json_decref(entry);
            entry = NULL;
        }
    }
    char *line = entry ? json_dumps(entry, JSON_COMPACT) : NULL;

    if (pthread_mutex_lock(&lock) != 0)
        abort();
    int repeat = key && seen_before(key);
    received++;
    repeats += (unsigned long)repeat;
    if (logf && (!line || fprintf(logf, "%s\n", line) < 0 || fflush(logf) != 0)) {
        log_errors++;
        fprintf(stderr, "wa-notify-sink: cannot append to %s: %s\n", log_path, line ? strerror(errno) : "out of memory");
    }
    if (!quiet) {
        printf("%s  %-11s  %-18s  %s%s\n", when, office, kind, subject, repeat ? "  (repeat)" : "");
        fflush(stdout);
    }
    if (pthread_mutex_unlock(&lock) != 0)
        abort();
    free(line);
    json_decref(entry);
    json_decref(body);
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned status, const char *text, const char *type)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    if (MHD_add_response_header(r, "Content-Type", type) == MHD_NO) {
        MHD_destroy_response(r);
        return MHD_NO;
    }
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *data, size_t *size, void **state)
{
    (void)cls, (void)version;
    if (strcmp(method, "POST") != 0) {
        if (strcmp(method, "GET") == 0 && strcmp(url, "/healthz") == 0)
            return reply(c, 200, "ok\n", "text/plain");
        return reply(c, 405, "POST only\n", "text/plain");
    }
    upload *u = *state;
    if (!u) {
        if (!(u = calloc(1, sizeof *u)))
            return MHD_NO;
        *state = u;
        return MHD_YES;
    }
    if (*size) {
        if (!u->too_big && u->len + *size > MAX_BODY) {
            u->too_big = 1;
            free(u->data);
            u->data = NULL;
            u->len = 0;
        }
        if (!u->too_big) {
            char *p = realloc(u->data, u->len + *size + 1);
            if (!p)
                return MHD_NO;
            memcpy(p + u->len, data, *size);
            u->data = p;
            u->len += *size;
            u->data[u->len] = '\0';
        }
        *size = 0;
        return MHD_YES;
    }
    if (u->too_big)
        return reply(c, 413, "{\"errcode\":413,\"errmsg\":\"body over 1 MiB\"}", "application/json");
    record(c, url, u);
    return reply(c, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}", "application/json");
}

static void done(void *cls, struct MHD_Connection *c, void **state, enum MHD_RequestTerminationCode why)
{
    (void)cls, (void)c, (void)why;
    upload *u = *state;
    if (u) {
        free(u->data);
        free(u);
        *state = NULL;
    }
}

static void usage(FILE *f)
{
    fprintf(f, "Usage: wa-notify-sink [--listen HOST:PORT] [--log FILE] [--quiet]\n"
               "\n"
               "A local receiver for wa-alertd's notifications (webhook, WeCom and DingTalk robot\n"
               "formats): answers every POST with success, prints one line per notification (time,\n"
               "office, kind, subject; '(repeat)' for an Idempotency-Key seen before) and appends it\n"
               "as JSON to --log. Prints its base URL as the first line of stdout once it accepts\n"
               "connections. SIGINT or SIGTERM stops it (exit 0).\n"
               "\n"
               "  --listen HOST:PORT  where to listen (default 127.0.0.1:0, a free port)\n"
               "  --log FILE          append every notification as one JSON line\n"
               "  --quiet             no line per notification on stdout\n"
               "  --help              this text\n");
}

int main(int argc, char **argv)
{
    const char *listen = "127.0.0.1:0";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc)
            listen = argv[++i];
        else if (strcmp(argv[i], "--log") == 0 && i + 1 < argc)
            log_path = argv[++i];
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = 1;
        else {
            fprintf(stderr, "wa-notify-sink: unknown or incomplete option '%s' (see --help)\n", argv[i]);
            return 2;
        }
    }
    if (log_path && !(logf = fopen(log_path, "a"))) {
        fprintf(stderr, "wa-notify-sink: %s: %s\n", log_path, strerror(errno));
        return 2;
    }
    if (demo_http_block_signals("wa-notify-sink") != 0) {
        if (logf)
            fclose(logf);
        return 1;
    }
    int rc;
    char url[96];
    struct MHD_Daemon *d = demo_http_start("wa-notify-sink", listen, handle, done, url, sizeof url, &rc);
    if (!d) {
        if (logf)
            fclose(logf);
        return rc;
    }
    if (printf("%s\n", url) < 0 || fflush(stdout) != 0) {
        fprintf(stderr, "wa-notify-sink: cannot write to stdout\n");
        rc = 1;
    }
    int sig = rc == 0 ? demo_http_wait() : 0;
    MHD_stop_daemon(d);
    if (logf && fclose(logf) != 0) {
        fprintf(stderr, "wa-notify-sink: %s: %s\n", log_path, strerror(errno));
        rc = 1;
    }
    for (size_t i = 0; i < nkeys; i++)
        free(keys[i]);
    free(keys);
    if (rc == 0)
        fprintf(stderr, "wa-notify-sink: stopped (%s): %lu notifications received, %lu repeats%s\n",
                sig == SIGINT ? "SIGINT" : "SIGTERM", received, repeats, log_errors ? ", log errors" : "");
    return rc;
}
