#include "hotline_api.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common/listen_addr.h"
#include "api_staff.h"
#include "clocks.h"
#include "notify.h"
#include "static_files.h"
#include "unitname.h"

#define MAX_BODY (64 * 1024)

struct wa_hotline_api {
    struct MHD_Daemon *d;
    wa_ledger *ledger;
    wa_ctx x;
    unsigned char token_hash[crypto_generichash_BYTES];
    int has_token;
    wa_staff_api *staff; /* the staff API on the same server (api_staff.h) */
    pthread_mutex_t mu;  /* a thread per connection: one request at a time on the ledger connection */
    char *dashboard_dir;
    void (*on_commit)(void *);
    void *ctx;
};

typedef struct {
    wa_buf body;
    int too_big;
} request;

/* A required or optional string field of at most max bytes. */
static int text_field(json_t *o, const char *key, const char *name, int required, size_t max, const char **out,
                      char *field, size_t fieldcap, char *err, size_t errcap)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0)) {
        if (!required)
            return 0;
        snprintf(field, fieldcap, "%s", name);
        snprintf(err, errcap, "%s is required", name);
        return -1;
    }
    if (!json_is_string(v) || json_string_length(v) > max) {
        snprintf(field, fieldcap, "%s", name);
        snprintf(err, errcap, "%s must be a string of at most %zu bytes", name, max);
        return -1;
    }
    *out = json_string_value(v);
    return 0;
}

static int count_field(json_t *o, const char *key, long long max, long long *out, char *field, size_t fieldcap,
                       char *err, size_t errcap)
{
    json_t *v = json_object_get(o, key);
    *out = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > max) {
        snprintf(field, fieldcap, "%s", key);
        snprintf(err, errcap, "%s must be a whole number from 0 to %lld", key, max);
        return -1;
    }
    *out = json_integer_value(v);
    return 0;
}

static int obj_field(json_t *o, const char *key, int required, json_t **out, char *field, size_t fieldcap, char *err,
                     size_t errcap)
{
    *out = json_object_get(o, key);
    if ((!*out && required) || (*out && !json_is_object(*out))) {
        snprintf(field, fieldcap, "%s", key);
        snprintf(err, errcap, "%s must be an object", key);
        return -1;
    }
    return 0;
}

/* "2026-11-25T08:00:00Z" → seconds; -1 when not of that form. */
static long long parse_utc(const char *s)
{
    struct tm tm = {0};
    const char *end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (!end || *end)
        return -1;
    return (long long)timegm(&tm);
}

/* The first max bytes of s, cut at a character boundary (the text stays valid UTF-8). */
static char *utf8_prefix(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    return strndup(s, n);
}

static const char *const prefectures[] = {"拉萨", "日喀则", "昌都", "林芝", "山南", "那曲", "阿里", NULL};

int wa_hotline_record(wa_ctx *x, const char *body, size_t len, long long now, long long *case_id, char *field,
                      size_t fieldcap, char *err, size_t errcap)
{
    field[0] = '\0';
    json_error_t jerr;
    json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!json_is_object(o)) {
        snprintf(field, fieldcap, "body");
        snprintf(err, errcap, "the body must be one JSON object%s%s", o ? "" : ": ", o ? "" : jerr.text);
        json_decref(o);
        return 400;
    }
    int status = 400;
    wa_case c = {0};
    wa_buf key;
    wa_buf_init(&key);
    json_t *comp, *unit, *region;
    const char *channel, *ticket, *received, *cname, *cphone, *uname, *ucode, *content, *title, *pref, *county;
    long long workers, months, amount;
    if (text_field(o, "channel", "channel", 1, 16, &channel, field, fieldcap, err, errcap) ||
        text_field(o, "ticket", "ticket", 1, 128, &ticket, field, fieldcap, err, errcap) ||
        text_field(o, "received_at", "received_at", 0, 32, &received, field, fieldcap, err, errcap) ||
        obj_field(o, "complainant", 1, &comp, field, fieldcap, err, errcap) ||
        text_field(comp, "name", "complainant.name", 1, 200, &cname, field, fieldcap, err, errcap) ||
        text_field(comp, "phone", "complainant.phone", 0, 40, &cphone, field, fieldcap, err, errcap) ||
        obj_field(o, "unit", 1, &unit, field, fieldcap, err, errcap) ||
        text_field(unit, "name", "unit.name", 1, 300, &uname, field, fieldcap, err, errcap) ||
        text_field(unit, "credit_code", "unit.credit_code", 0, 18, &ucode, field, fieldcap, err, errcap) ||
        text_field(o, "content", "content", 1, 20000, &content, field, fieldcap, err, errcap) ||
        text_field(o, "title", "title", 0, 500, &title, field, fieldcap, err, errcap) ||
        obj_field(o, "region", 1, &region, field, fieldcap, err, errcap) ||
        text_field(region, "prefecture", "region.prefecture", 1, 64, &pref, field, fieldcap, err, errcap) ||
        text_field(region, "county", "region.county", 0, 64, &county, field, fieldcap, err, errcap) ||
        count_field(o, "workers", 1000000, &workers, field, fieldcap, err, errcap) ||
        count_field(o, "months", 1200, &months, field, fieldcap, err, errcap) ||
        count_field(o, "amount_yuan", 100000000000LL, &amount, field, fieldcap, err, errcap))
        goto out;
    if (strcmp(channel, "12345") != 0 && strcmp(channel, "12319") != 0) {
        snprintf(field, fieldcap, "channel");
        snprintf(err, errcap, "channel must be \"12345\" or \"12319\"");
        goto out;
    }
    long long at = now;
    if (received && ((at = parse_utc(received)) < 0 || at > now + 300)) {
        snprintf(field, fieldcap, "received_at");
        snprintf(err, errcap, "received_at must be a past time like 2026-11-25T08:00:00Z");
        goto out;
    }
    int known_pref = 0;
    for (size_t i = 0; prefectures[i]; i++)
        known_pref |= strcmp(pref, prefectures[i]) == 0;
    if (!known_pref) {
        snprintf(field, fieldcap, "region.prefecture");
        snprintf(err, errcap, "region.prefecture must be one of 拉萨 日喀则 昌都 林芝 山南 那曲 阿里");
        goto out;
    }
    if (ucode && strlen(ucode) != 18) {
        snprintf(field, fieldcap, "unit.credit_code");
        snprintf(err, errcap, "unit.credit_code must be the 18-character unified social credit code");
        goto out;
    }
    status = 500;
    char ext[160];
    snprintf(ext, sizeof ext, "%s:%s", channel, ticket);
    if (wa_ledger_begin(x->ledger) != 0)
        goto dberr;
    if (wa_ledger_case_by_external_id(x->ledger, ext, case_id) != 0)
        goto dberr;
    if (*case_id) {
        /* The same ticket again (a client retrying): the case it made. */
        wa_ledger_rollback(x->ledger);
        status = 200;
        goto out;
    }
    if (wa_unit_key(uname, strlen(uname), &key) != 0)
        goto dberr;
    c.status = strdup("open");
    c.level = strdup("orange"); /* a complaint with a named complainant is a concrete case */
    c.channel = strdup(channel);
    c.links = strdup("[]");
    c.prefecture = strdup(pref);
    c.unit_name = strdup(uname);
    c.unit_key = strdup(key.data);
    c.complainant_name = strdup(cname);
    c.external_id = strdup(ext);
    c.excerpt = utf8_prefix(content, 2000);
    if (!c.status || !c.level || !c.channel || !c.links || !c.prefecture || !c.unit_name || !c.unit_key ||
        !c.complainant_name || !c.external_id || !c.excerpt || (county && !(c.county = strdup(county))) ||
        (cphone && !(c.complainant_phone = strdup(cphone))) || (ucode && !(c.credit_code = strdup(ucode))) ||
        (title && !(c.title = strdup(title))))
        goto dberr;
    c.workers = workers;
    c.months = months;
    c.amount_yuan = amount;
    c.hit_count = 0;
    c.first_seen = c.last_seen = c.opened_at = at;
    c.report_due = at + x->ac->report_due_s;
    c.resolve_due = at + x->ac->resolve_due_s;
    char note[200];
    snprintf(note, sizeof note, "hotline %s ticket %s", channel, ticket);
    if (wa_ledger_case_insert(x->ledger, &c) != 0 ||
        wa_ledger_company_case(x->ledger, c.unit_key, uname, ucode, at) != 0 ||
        wa_case_event(x, &c, now, "hotline", "opened", NULL, "open", note) != 0 ||
        wa_notify(x, &c, "case_opened", NULL, now) != 0 || wa_notify(x, &c, "fast_report", NULL, now) != 0 ||
        wa_ledger_commit(x->ledger) != 0)
        goto dberr;
    *case_id = c.id;
    status = 201;
    goto out;
dberr:
    snprintf(err, errcap, "the ledger cannot record the complaint: %s", wa_ledger_error(x->ledger));
    wa_ledger_rollback(x->ledger);
out:
    wa_case_clear(&c);
    wa_buf_free(&key);
    json_decref(o);
    return status;
}

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status, json_t *o)
{
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    const char *body = s ? s : "{\"error\":\"out of memory\"}";
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
    free(s);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
    wa_api_security_headers(r);
    if (status == 401)
        MHD_add_response_header(r, "WWW-Authenticate", "Bearer");
    enum MHD_Result ret = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result error_reply(struct MHD_Connection *conn, unsigned status, const char *msg, const char *field)
{
    json_t *o = json_pack("{s:s}", "error", msg);
    if (o && field && field[0])
        json_object_set_new(o, "field", json_string(field));
    return reply(conn, status, o);
}

/* Compare the bearer token in constant time (hashes of equal length). */
static int authorised(wa_hotline_api *h, struct MHD_Connection *conn)
{
    const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    if (!h->has_token || !auth || strncmp(auth, "Bearer ", 7) != 0)
        return 0;
    unsigned char got[crypto_generichash_BYTES];
    crypto_generichash(got, sizeof got, (const unsigned char *)auth + 7, strlen(auth + 7), NULL, 0);
    return sodium_memcmp(got, h->token_hash, sizeof got) == 0;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    wa_hotline_api *h = cls;
    request *rq = *con_cls;
    if (!rq) {
        if (!(rq = calloc(1, sizeof *rq)))
            return MHD_NO;
        wa_buf_init(&rq->body);
        *con_cls = rq;
        return MHD_YES;
    }
    if (*upload_size) {
        if (rq->body.len + *upload_size > MAX_BODY)
            rq->too_big = 1;
        else if (wa_buf_append(&rq->body, upload, *upload_size) != 0)
            return MHD_NO;
        *upload_size = 0;
        return MHD_YES;
    }
    if (wa_static_owns(url))
        return wa_static_handle(conn, url, method, h->dashboard_dir, h->x.ac->tibetan_font);
    if (wa_staff_api_owns(url)) {
        pthread_mutex_lock(&h->mu);
        enum MHD_Result r = wa_staff_api_handle(h->staff, conn, url, method, rq->body.data ? rq->body.data : "",
                                                rq->body.len, rq->too_big);
        pthread_mutex_unlock(&h->mu);
        return r;
    }
    if (strcmp(url, "/api/complaints") != 0)
        return error_reply(conn, MHD_HTTP_NOT_FOUND, "no such endpoint", NULL);
    if (strcmp(method, "POST") != 0)
        return error_reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST", NULL);
    if (!authorised(h, conn))
        return error_reply(conn, MHD_HTTP_UNAUTHORIZED, "a valid bearer token is required", NULL);
    if (rq->too_big)
        return error_reply(conn, MHD_HTTP_CONTENT_TOO_LARGE, "the body is larger than 64 KiB", NULL);
    long long case_id = 0;
    char field[64], err[256];
    pthread_mutex_lock(&h->mu);
    int status = wa_hotline_record(&h->x, rq->body.data ? rq->body.data : "", rq->body.len, wa_clock_now(), &case_id,
                                   field, sizeof field, err, sizeof err);
    pthread_mutex_unlock(&h->mu);
    if (status == 201 && h->on_commit)
        h->on_commit(h->ctx);
    if (status == 200 || status == 201)
        return reply(conn, (unsigned)status, json_pack("{s:I}", "case_id", (json_int_t)case_id));
    if (status == 500)
        fprintf(stderr, "wa-alertd: hotline: %s\n", err);
    return error_reply(conn, (unsigned)status, err, status == 400 ? field : NULL);
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)conn;
    (void)toe;
    request *rq = *con_cls;
    if (rq) {
        wa_buf_free(&rq->body);
        free(rq);
        *con_cls = NULL;
    }
}

wa_hotline_api *wa_hotline_start(const char *host_port, const char *db_path, const wa_alert_config *ac,
                                 const char *topic_cases, void (*on_commit)(void *), void *ctx, char *err,
                                 size_t errcap)
{
    struct sockaddr_storage addr;
    int v6;
    char why[256];
    if (wa_listen_addr(host_port, &addr, &v6, why, sizeof why) != 0) {
        snprintf(err, errcap, "--listen: %s", why);
        return NULL;
    }
    wa_hotline_api *h = calloc(1, sizeof *h);
    if (!h) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    if (wa_ledger_open(&h->ledger, db_path, err, errcap) != 0) {
        free(h);
        return NULL;
    }
    h->x.ledger = h->ledger;
    h->x.ac = ac;
    h->x.topic_cases = topic_cases;
    h->on_commit = on_commit;
    h->ctx = ctx;
    pthread_mutex_init(&h->mu, NULL);
    if (!(h->dashboard_dir = strdup(ac->dashboard_dir))) {
        snprintf(err, errcap, "out of memory");
        goto fail;
    }
    if (!(h->staff = wa_staff_api_new(&h->x, db_path, &h->mu, err, errcap)))
        goto fail;
    if (ac->hotline_token && ac->hotline_token[0]) {
        h->has_token = 1;
        crypto_generichash(h->token_hash, sizeof h->token_hash, (const unsigned char *)ac->hotline_token,
                           strlen(ac->hotline_token), NULL, 0);
    }
    /* A thread per connection: a live stream waits in its own thread
     * without holding up other requests; h->mu keeps the ledger connection
     * to one request at a time. The connection limit leaves room beside
     * the WA_STREAM_MAX streams. */
    h->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG |
                                (v6 ? MHD_USE_IPv6 : 0),
                            0,
                            NULL, NULL, handle, h, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                            MHD_OPTION_CONNECTION_LIMIT, (unsigned)128, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                            (size_t)(32 * 1024), MHD_OPTION_END);
    if (!h->d) {
        snprintf(err, errcap, "cannot listen on %s (in use, or not an address of this machine)", host_port);
        goto fail;
    }
    return h;
fail:
    wa_staff_api_free(h->staff);
    free(h->dashboard_dir);
    pthread_mutex_destroy(&h->mu);
    wa_ledger_close(h->ledger);
    free(h);
    return NULL;
}

void wa_hotline_set_metrics(wa_hotline_api *h, wa_metrics_fn fn, void *ctx)
{
    pthread_mutex_lock(&h->mu);
    wa_staff_api_set_metrics(h->staff, fn, ctx);
    pthread_mutex_unlock(&h->mu);
}

unsigned wa_hotline_port(const wa_hotline_api *h)
{
    const union MHD_DaemonInfo *i = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
    return i ? i->port : 0;
}

void wa_hotline_stop(wa_hotline_api *h)
{
    if (!h)
        return;
    /* The streams end first, or the server would wait on them. */
    wa_staff_api_stop(h->staff);
    MHD_stop_daemon(h->d);
    wa_staff_api_free(h->staff);
    free(h->dashboard_dir);
    pthread_mutex_destroy(&h->mu);
    wa_ledger_close(h->ledger);
    free(h);
}
