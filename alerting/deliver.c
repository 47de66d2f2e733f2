#include "deliver.h"

#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clocks.h"
#include "notify.h"

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

void wa_webhook_signature(const char *secret, const char *timestamp, const char *body, size_t body_len, char *out)
{
    crypto_auth_hmacsha256_state st;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)timestamp, strlen(timestamp));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, body_len);
    crypto_auth_hmacsha256_final(&st, mac);
    memcpy(out, "sha256=", 7);
    sodium_bin2hex(out + 7, 65, mac, sizeof mac);
}

/* What one attempt found. */
typedef struct {
    int delivered;
    int gave_up; /* set by record(): the retry horizon has passed */
    long http_status;
    char detail[256];
} attempt;

typedef struct {
    const char *data;
    size_t len, pos;
} reader;

/* One notification in flight: the easy handle and everything it points
 * at, owned here until the transfer is over. */
typedef struct {
    CURL *h;                    /* from the sender's pool, kept for its connections */
    struct curl_slist *list;    /* HTTP headers, or SMTP recipients */
    wa_buf url, body, answer;
    reader mail;
    int robot, email, active;
    attempt *a;
} transfer;

/* The sender: a curl multi handle and a pool of easy handles, so that the
 * notifications of a pass travel concurrently over kept-alive connections. */
typedef struct {
    CURLM *multi;
    CURL *pool[32];
} sender;

static size_t collect(char *p, size_t size, size_t n, void *ud)
{
    wa_buf *b = ud;
    size_t len = size * n;
    /* Keep at most 8 KiB of an answer: enough for a robot's errcode. */
    if (b->len < 8192 && wa_buf_append(b, p, len < 8192 - b->len ? len : 8192 - b->len) != 0)
        return 0;
    return len;
}

static const wa_route *route_named(const wa_alert_config *ac, const char *name)
{
    for (size_t i = 0; i < ac->nroutes; i++)
        if (strcmp(ac->routes[i].name, name) == 0)
            return &ac->routes[i];
    return NULL;
}

/* Cut b to at most max bytes at a character boundary. */
static void utf8_cut(wa_buf *b, size_t max)
{
    if (b->len <= max)
        return;
    size_t n = max;
    while (n > 0 && ((unsigned char)b->data[n] & 0xC0) == 0x80)
        n--;
    b->len = n;
    wa_buf_terminate(b);
}

static int add_header(transfer *t, const char *line)
{
    struct curl_slist *l = curl_slist_append(t->list, line);
    if (!l)
        return -1;
    t->list = l;
    return 0;
}

/* Options shared by the HTTP channels; the body is t->body. */
static void http_options(transfer *t, long timeout_ms)
{
    CURL *h = t->h;
    curl_easy_setopt(h, CURLOPT_URL, t->url.data);
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, t->body.data);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)t->body.len);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->list);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 5000 ? timeout_ms : 5000L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &t->answer);
}

static int prep_webhook(transfer *t, const wa_route *r, const wa_outbox_row *row, long timeout_ms)
{
    char ts[32], sig[80], line[400];
    snprintf(ts, sizeof ts, "%lld", now_ms() / 1000);
    wa_webhook_signature(r->secret, ts, row->payload, strlen(row->payload), sig);
    if (wa_buf_append_str(&t->url, r->url) || wa_buf_terminate(&t->url) ||
        wa_buf_append_str(&t->body, row->payload) || wa_buf_terminate(&t->body) ||
        add_header(t, "Content-Type: application/json; charset=utf-8") || add_header(t, "Expect:"))
        return -1;
    snprintf(line, sizeof line, "Idempotency-Key: %s", row->idem_key);
    if (add_header(t, line))
        return -1;
    snprintf(line, sizeof line, "X-WA-Signature: %s", sig);
    if (add_header(t, line))
        return -1;
    snprintf(line, sizeof line, "X-WA-Timestamp: %s", ts);
    if (add_header(t, line))
        return -1;
    http_options(t, timeout_ms);
    return 0;
}

/* WeCom (企业微信) and DingTalk (钉钉) group robots take markdown. */
static int prep_robot(transfer *t, const wa_route *r, const wa_outbox_row *row, const char *subject,
                      const char *text, long timeout_ms)
{
    int dingtalk = strcmp(r->channel, "dingtalk") == 0, rc = -1;
    wa_buf md;
    wa_buf_init(&md);
    json_t *o = NULL;
    char *body = NULL;
    t->robot = 1;
    if (wa_buf_printf(&md, "### %s\n\n", subject) != 0)
        goto out;
    for (const char *p = text; *p; p++) /* markdown needs a blank line to break a line */
        if ((*p == '\n' ? wa_buf_append_str(&md, "\n\n") : wa_buf_append(&md, p, 1)) != 0)
            goto out;
    if (wa_buf_terminate(&md) != 0)
        goto out;
    utf8_cut(&md, dingtalk ? 15000 : 4000); /* the robots' content limits (20,000 / 4,096 bytes) */
    o = dingtalk ? json_pack("{s:s, s:{s:s, s:s}}", "msgtype", "markdown", "markdown", "title", subject, "text", md.data)
                 : json_pack("{s:s, s:{s:s}}", "msgtype", "markdown", "markdown", "content", md.data);
    body = o ? json_dumps(o, JSON_COMPACT) : NULL;
    if (!body || wa_buf_append_str(&t->body, body) || wa_buf_terminate(&t->body) || wa_buf_append_str(&t->url, r->url))
        goto out;
    if (dingtalk && r->secret) {
        /* DingTalk's signed robots: sign = base64(HMAC-SHA256(secret, "TIMESTAMP\nsecret")). */
        char ts[32], b64[64], *enc;
        unsigned char mac[crypto_auth_hmacsha256_BYTES];
        crypto_auth_hmacsha256_state st;
        snprintf(ts, sizeof ts, "%lld", now_ms());
        crypto_auth_hmacsha256_init(&st, (const unsigned char *)r->secret, strlen(r->secret));
        crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts, strlen(ts));
        crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
        crypto_auth_hmacsha256_update(&st, (const unsigned char *)r->secret, strlen(r->secret));
        crypto_auth_hmacsha256_final(&st, mac);
        sodium_bin2base64(b64, sizeof b64, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
        enc = curl_easy_escape(t->h, b64, 0);
        int bad = !enc || wa_buf_printf(&t->url, "%stimestamp=%s&sign=%s", strchr(r->url, '?') ? "&" : "?", ts, enc);
        curl_free(enc);
        if (bad)
            goto out;
    }
    char idem[300];
    snprintf(idem, sizeof idem, "Idempotency-Key: %s", row->idem_key);
    if (wa_buf_terminate(&t->url) || add_header(t, "Content-Type: application/json; charset=utf-8") ||
        add_header(t, idem) || add_header(t, "Expect:"))
        goto out;
    http_options(t, timeout_ms);
    rc = 0;
out:
    free(body);
    json_decref(o);
    wa_buf_free(&md);
    return rc;
}

static size_t read_mail(char *buf, size_t size, size_t n, void *ud)
{
    reader *r = ud;
    size_t want = size * n, left = r->len - r->pos;
    if (want > left)
        want = left;
    memcpy(buf, r->data + r->pos, want);
    r->pos += want;
    return want;
}

/* Base64 of s in lines of 76 characters (RFC 2045), CRLF line ends. */
static int base64_lines(wa_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i += 57) {
        size_t n = len - i < 57 ? len - i : 57;
        char line[80];
        sodium_bin2base64(line, sizeof line, (const unsigned char *)s + i, n, sodium_base64_VARIANT_ORIGINAL);
        if (wa_buf_printf(out, "%s\r\n", line) != 0)
            return -1;
    }
    return 0;
}

static int prep_email(transfer *t, const wa_alert_config *ac, const wa_route *r, const wa_outbox_row *row,
                      const char *subject, const char *text, long timeout_ms)
{
    char date[64], subj64[512], from[320], hex[33];
    unsigned char hash[16];
    time_t now = time(NULL);
    struct tm tm;
    t->email = 1;
    gmtime_r(&now, &tm);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    /* The subject in RFC 2047 encoded-word form: UTF-8 Chinese and Tibetan intact. */
    sodium_bin2base64(subj64, sizeof subj64, (const unsigned char *)subject,
                      strlen(subject) < 300 ? strlen(subject) : 300, sodium_base64_VARIANT_ORIGINAL);
    crypto_generichash(hash, sizeof hash, (const unsigned char *)row->idem_key, strlen(row->idem_key), NULL, 0);
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    int rc = wa_buf_printf(&t->body, "Date: %s\r\nFrom: <%s>\r\nTo: ", date, ac->smtp_from);
    for (size_t i = 0; i < r->nto; i++)
        rc |= wa_buf_printf(&t->body, "%s<%s>", i ? ", " : "", r->to[i]);
    rc |= wa_buf_printf(&t->body,
                        "\r\nSubject: =?UTF-8?B?%s?=\r\nMessage-ID: <%s@wa-watch>\r\nIdempotency-Key: %s\r\n"
                        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                        "Content-Transfer-Encoding: base64\r\n\r\n",
                        subj64, hex, row->idem_key);
    rc |= base64_lines(&t->body, text, strlen(text));
    for (size_t i = 0; rc == 0 && i < r->nto; i++) {
        char addr[320];
        snprintf(addr, sizeof addr, "<%s>", r->to[i]);
        rc = add_header(t, addr);
    }
    if (rc)
        return -1;
    snprintf(from, sizeof from, "<%s>", ac->smtp_from);
    t->mail.data = t->body.data;
    t->mail.len = t->body.len;
    t->mail.pos = 0;
    CURL *h = t->h;
    curl_easy_setopt(h, CURLOPT_URL, ac->smtp_url);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from); /* copied by libcurl */
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, t->list);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_mail);
    curl_easy_setopt(h, CURLOPT_READDATA, &t->mail);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
    if (ac->smtp_user)
        curl_easy_setopt(h, CURLOPT_USERNAME, ac->smtp_user);
    if (ac->smtp_password)
        curl_easy_setopt(h, CURLOPT_PASSWORD, ac->smtp_password);
    return 0;
}

/* The attempt's result from the finished transfer. */
static void finish(transfer *t, CURLcode cr)
{
    attempt *a = t->a;
    if (cr != CURLE_OK) {
        snprintf(a->detail, sizeof a->detail, "%s", curl_easy_strerror(cr));
        return;
    }
    curl_easy_getinfo(t->h, CURLINFO_RESPONSE_CODE, &a->http_status);
    if (t->email) {
        a->delivered = 1;
        snprintf(a->detail, sizeof a->detail, "SMTP %ld", a->http_status);
        return;
    }
    a->delivered = a->http_status >= 200 && a->http_status < 300;
    snprintf(a->detail, sizeof a->detail, "HTTP %ld", a->http_status);
    if (a->delivered && t->robot) {
        /* WeCom and DingTalk answer 200 with {"errcode": N, "errmsg": ...}: only 0 is success. */
        json_t *o = json_loadb(t->answer.data ? t->answer.data : "", t->answer.len, 0, NULL);
        json_t *ec = json_object_get(o, "errcode");
        if (!json_is_integer(ec) || json_integer_value(ec) != 0) {
            const char *msg = json_string_value(json_object_get(o, "errmsg"));
            a->delivered = 0;
            snprintf(a->detail, sizeof a->detail, "HTTP %ld, errcode %lld: %.180s", a->http_status,
                     json_is_integer(ec) ? (long long)json_integer_value(ec) : -1LL,
                     msg ? msg : "no errcode in the answer");
        }
        json_decref(o);
    }
}

static void transfer_clear(transfer *t)
{
    curl_slist_free_all(t->list);
    wa_buf_free(&t->url);
    wa_buf_free(&t->body);
    wa_buf_free(&t->answer);
    memset(t, 0, sizeof *t);
}

static int sender_init(sender *s)
{
    memset(s, 0, sizeof *s);
    if (!(s->multi = curl_multi_init()))
        return -1;
    /* A few connections per receiver: concurrent, but no flood. */
    curl_multi_setopt(s->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 8L);
    for (size_t i = 0; i < sizeof s->pool / sizeof s->pool[0]; i++)
        if (!(s->pool[i] = curl_easy_init()))
            return -1;
    return 0;
}

static void sender_free(sender *s)
{
    for (size_t i = 0; i < sizeof s->pool / sizeof s->pool[0]; i++)
        curl_easy_cleanup(s->pool[i]);
    curl_multi_cleanup(s->multi);
    memset(s, 0, sizeof *s);
}

/* Send every row concurrently; results[i] receives row i's outcome. */
static void send_all(sender *s, const wa_alert_config *ac, wa_outbox_row *rows, int n, attempt *results)
{
    transfer t[32];
    memset(t, 0, sizeof t);
    for (int i = 0; i < n; i++) {
        wa_outbox_row *row = &rows[i];
        attempt *a = &results[i];
        memset(a, 0, sizeof *a);
        t[i].a = a;
        t[i].h = s->pool[i];
        curl_easy_reset(t[i].h);
        wa_buf_init(&t[i].url);
        wa_buf_init(&t[i].body);
        wa_buf_init(&t[i].answer);
        const wa_route *r = route_named(ac, row->route);
        json_t *p = json_loads(row->payload, 0, NULL);
        const char *subject = json_string_value(json_object_get(p, "subject"));
        const char *text = json_string_value(json_object_get(p, "text"));
        int rc = -1;
        if (!r)
            snprintf(a->detail, sizeof a->detail, "route %s is no longer in the configuration", row->route);
        else if (!subject || !text)
            snprintf(a->detail, sizeof a->detail, "the stored notification is not readable");
        else if (strcmp(r->channel, "webhook") == 0)
            rc = prep_webhook(&t[i], r, row, (long)ac->timeout_ms);
        else if (strcmp(r->channel, "email") == 0)
            rc = prep_email(&t[i], ac, r, row, subject, text, (long)ac->timeout_ms);
        else
            rc = prep_robot(&t[i], r, row, subject, text, (long)ac->timeout_ms);
        json_decref(p);
        if (rc != 0 && !a->detail[0])
            snprintf(a->detail, sizeof a->detail, "out of memory");
        if (rc == 0) {
            curl_easy_setopt(t[i].h, CURLOPT_PRIVATE, &t[i]);
            if (curl_multi_add_handle(s->multi, t[i].h) == CURLM_OK)
                t[i].active = 1;
            else
                snprintf(a->detail, sizeof a->detail, "cannot start the transfer");
        }
    }
    int running = 1;
    while (running) {
        if (curl_multi_perform(s->multi, &running) != CURLM_OK)
            break;
        CURLMsg *m;
        int left;
        while ((m = curl_multi_info_read(s->multi, &left))) {
            if (m->msg != CURLMSG_DONE)
                continue;
            transfer *done = NULL;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&done);
            if (done) {
                finish(done, m->data.result);
                curl_multi_remove_handle(s->multi, done->h);
                done->active = 0;
            }
        }
        if (running && curl_multi_poll(s->multi, NULL, 0, 100, NULL) != CURLM_OK)
            break;
    }
    for (int i = 0; i < n; i++) {
        if (t[i].active) { /* the multi handle failed: report it as this attempt's result */
            curl_multi_remove_handle(s->multi, t[i].h);
            snprintf(t[i].a->detail, sizeof t[i].a->detail, "the transfer was abandoned");
        }
        transfer_clear(&t[i]);
    }
}

/* When to try again after `attempts` failures: exponential backoff from the
 * initial delay, capped, with ±50 % jitter so that many rows failing
 * together do not hammer the receiver in step when it comes back. */
static long long backoff_ms(const wa_alert_config *ac, int attempts)
{
    double d = (double)ac->retry_initial_ms;
    for (int i = 1; i < attempts && d < (double)ac->retry_max_ms; i++)
        d *= 2;
    if (d > (double)ac->retry_max_ms)
        d = (double)ac->retry_max_ms;
    double jitter = 0.5 + (double)randombytes_uniform(1000001) / 1000000.0;
    long long ms = (long long)(d * jitter);
    return ms > 0 ? ms : 1;
}

/* Record the attempt (inside the caller's transaction); on delivery, the
 * receiver's acknowledgement goes on the case, and a delivered fast report
 * moves an open case to reported. */
static int record(wa_ctx *x, const wa_outbox_row *row, attempt *a, long long duration_ms, long long t,
                  char *err, size_t errcap)
{
    long long now = t / 1000;
    long long next = 0;
    int gave_up = 0;
    if (!a->delivered) {
        next = t + backoff_ms(x->ac, row->attempts + 1);
        if (next / 1000 - row->created_at > x->ac->retry_horizon_s) {
            next = 0;
            gave_up = a->gave_up = 1;
        }
    }
    wa_case c = {0};
    if (wa_ledger_outbox_attempt(x->ledger, row->id, now, a->delivered, (int)a->http_status, a->detail, duration_ms,
                                 next) != 0)
        goto fail;
    if (a->delivered || gave_up) {
        if (wa_ledger_case_get(x->ledger, row->case_id, &c) != 0)
            goto fail;
        char note[512];
        snprintf(note, sizeof note, "%s → %s (%s): %s after %d attempt%s", row->kind, row->route, row->channel,
                 a->delivered ? a->detail : "gave up", row->attempts + 1, row->attempts ? "s" : "");
        if (wa_case_event(x, &c, now, row->route, a->delivered ? "acknowledged" : "delivery_failed", NULL, NULL,
                          note) != 0)
            goto fail;
        if (a->delivered && strcmp(row->kind, "fast_report") == 0 && strcmp(c.status, "open") == 0 &&
            wa_workflow_apply(x, &c, "reported", row->route, "fast report delivered", now, err, errcap) != 0) {
            wa_case_clear(&c);
            return -1;
        }
    }
    wa_case_clear(&c);
    return 0;
fail:
    snprintf(err, errcap, "%s", wa_ledger_error(x->ledger));
    wa_case_clear(&c);
    return -1;
}

#define PASS_ROWS 32

/* Send up to PASS_ROWS due rows, then record every attempt in one
 * transaction (one write-lock round for the pass, not one per row). If
 * that transaction fails, the rows stay pending and are sent again later,
 * with the same keys. Returns the number of rows sent, or -1. */
static int deliver_rows(wa_ctx *x, sender *snd, int *sent, int *failed, int *gave_up, char *err, size_t errcap)
{
    wa_outbox_row *rows = NULL;
    int n = 0;
    if (wa_ledger_outbox_due(x->ledger, now_ms(), PASS_ROWS, &rows, &n) != 0) {
        snprintf(err, errcap, "%s", wa_ledger_error(x->ledger));
        return -1;
    }
    attempt results[PASS_ROWS];
    long long start = now_ms();
    send_all(snd, x->ac, rows, n, results);
    long long took = now_ms() - start;
    int rc = n;
    if (n > 0) {
        long long t = now_ms();
        int ok = wa_ledger_begin(x->ledger) == 0;
        if (!ok)
            snprintf(err, errcap, "%s", wa_ledger_error(x->ledger));
        for (int i = 0; ok && i < n; i++)
            ok = record(x, &rows[i], &results[i], took, t, err, errcap) == 0;
        if (ok && wa_ledger_commit(x->ledger) != 0) {
            snprintf(err, errcap, "%s", wa_ledger_error(x->ledger));
            ok = 0;
        }
        if (!ok) {
            wa_ledger_rollback(x->ledger);
            rc = -1;
        } else {
            for (int i = 0; i < n; i++) {
                if (results[i].delivered)
                    (*sent)++;
                else
                    (*failed)++;
                *gave_up += results[i].gave_up;
            }
        }
    }
    for (int i = 0; i < n; i++)
        wa_outbox_row_clear(&rows[i]);
    free(rows);
    return rc;
}

int wa_deliver_pass(wa_ctx *x, int *sent, int *failed, char *err, size_t errcap)
{
    *sent = *failed = 0;
    sender snd;
    if (sender_init(&snd) != 0) {
        sender_free(&snd);
        snprintf(err, errcap, "cannot start libcurl");
        return -1;
    }
    int rc, gave_up = 0;
    while ((rc = deliver_rows(x, &snd, sent, failed, &gave_up, err, errcap)) == PASS_ROWS)
        ;
    sender_free(&snd);
    return rc < 0 ? -1 : 0;
}

struct wa_deliverer {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int kicked, stop, started;
    wa_ledger *ledger;
    wa_ctx x;
    atomic_ulong delivered, failed, gave_up;
};

static void *worker(void *arg)
{
    wa_deliverer *d = arg;
    sender snd;
    if (sender_init(&snd) != 0) {
        sender_free(&snd);
        fprintf(stderr, "wa-alertd: delivery: cannot start libcurl\n");
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&d->mu);
        int stop = d->stop;
        d->kicked = 0;
        pthread_mutex_unlock(&d->mu);
        if (stop)
            break;
        int sent = 0, failed = 0, gave_up = 0;
        char err[512];
        int n = deliver_rows(&d->x, &snd, &sent, &failed, &gave_up, err, sizeof err);
        if (n < 0)
            fprintf(stderr, "wa-alertd: delivery: %s (retrying)\n", err);
        atomic_fetch_add(&d->delivered, (unsigned long)sent);
        atomic_fetch_add(&d->failed, (unsigned long)failed);
        atomic_fetch_add(&d->gave_up, (unsigned long)gave_up);
        if (n == PASS_ROWS)
            continue;
        /* Nothing more due: sleep until kicked, or 200 ms for retries coming due. */
        pthread_mutex_lock(&d->mu);
        if (!d->kicked && !d->stop) {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += (n < 0 ? 1000 : 200) * 1000000L;
            until.tv_sec += until.tv_nsec / 1000000000L;
            until.tv_nsec %= 1000000000L;
            pthread_cond_timedwait(&d->cv, &d->mu, &until);
        }
        pthread_mutex_unlock(&d->mu);
    }
    sender_free(&snd);
    return NULL;
}

wa_deliverer *wa_deliver_start(const char *db_path, const wa_alert_config *ac, const char *topic_cases, char *err,
                               size_t errcap)
{
    wa_deliverer *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    if (wa_ledger_open(&d->ledger, db_path, err, errcap) != 0) {
        free(d);
        return NULL;
    }
    d->x.ledger = d->ledger;
    d->x.ac = ac;
    d->x.topic_cases = topic_cases;
    pthread_mutex_init(&d->mu, NULL);
    pthread_cond_init(&d->cv, NULL);
    if (pthread_create(&d->thread, NULL, worker, d) != 0) {
        snprintf(err, errcap, "cannot start the delivery thread");
        wa_deliver_stop(d);
        return NULL;
    }
    d->started = 1;
    return d;
}

void wa_deliver_kick(wa_deliverer *d)
{
    pthread_mutex_lock(&d->mu);
    d->kicked = 1;
    pthread_cond_signal(&d->cv);
    pthread_mutex_unlock(&d->mu);
}

void wa_deliver_stats(wa_deliverer *d, unsigned long *delivered, unsigned long *failed, unsigned long *gave_up)
{
    *delivered = atomic_load(&d->delivered);
    *failed = atomic_load(&d->failed);
    *gave_up = atomic_load(&d->gave_up);
}

void wa_deliver_stop(wa_deliverer *d)
{
    if (!d)
        return;
    if (d->started) {
        pthread_mutex_lock(&d->mu);
        d->stop = 1;
        pthread_cond_signal(&d->cv);
        pthread_mutex_unlock(&d->mu);
        pthread_join(d->thread, NULL);
    }
    pthread_mutex_destroy(&d->mu);
    pthread_cond_destroy(&d->cv);
    wa_ledger_close(d->ledger);
    free(d);
}
