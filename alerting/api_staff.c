#include "api_staff.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "api_admin.h"
#include "api_analyst.h"
#include "api_http.h"
#include "api_reports.h"
#include "api_stream.h"
#include "clocks.h"
#include "ledger_staff.h"
#include "sla.h"
#include "spans.h"

/* Text of one hit shown in the case detail; longer texts are cut (the spans with them). */
#define HIT_TEXT_MAX (32 * 1024)

#define SESSION_COOKIE "wa_session"
#define SESSION_TTL_S (12 * 3600)

struct wa_staff_api {
    wa_ctx *x;
    pthread_mutex_t *mu;     /* the server's: held around every use of x's ledger connection */
    wa_login_limiter limiter;
    /* Checked when the name is unknown, so both cases take as long. */
    char dummy_hash[WA_PWHASH_MAX];
    wa_stream_hub *hub;
    wa_analyst *analyst;
    wa_metrics_fn metrics;
    void *metrics_ctx;
};

/* A stream's session check, from the stream's own thread. */
static int session_alive(void *ctx, const char *token_hash)
{
    wa_staff_api *s = ctx;
    wa_user u;
    char csrf[WA_TOKEN_HEX];
    int found = 0;
    pthread_mutex_lock(s->mu);
    int rc = wa_ledger_session_get(s->x->ledger, token_hash, wa_clock_now(), &u, csrf, sizeof csrf, &found);
    pthread_mutex_unlock(s->mu);
    wa_user_clear(&u);
    /* A ledger that cannot answer for a moment does not end the stream. */
    return rc != 0 || found;
}

wa_staff_api *wa_staff_api_new(wa_ctx *x, const char *db_path, pthread_mutex_t *mu, char *err, size_t errcap)
{
    wa_staff_api *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    s->x = x;
    s->mu = mu;
    char pw[33];
    wa_password_random(pw, 32);
    if (wa_password_hash(pw, s->dummy_hash) != 0 || !(s->analyst = wa_analyst_new(x->ac->dict_dir))) {
        snprintf(err, errcap, "out of memory");
        wa_staff_api_free(s);
        return NULL;
    }
    if (!(s->hub = wa_stream_hub_start(db_path, session_alive, s, err, errcap))) {
        wa_staff_api_free(s);
        return NULL;
    }
    return s;
}

void wa_staff_api_stop(wa_staff_api *s)
{
    if (s)
        wa_stream_hub_stop(s->hub);
}

void wa_staff_api_free(wa_staff_api *s)
{
    if (!s)
        return;
    wa_stream_hub_free(s->hub);
    wa_analyst_free(s->analyst);
    free(s);
}

void wa_staff_api_set_metrics(wa_staff_api *s, wa_metrics_fn fn, void *ctx)
{
    s->metrics = fn;
    s->metrics_ctx = ctx;
}

int wa_staff_api_owns(const char *url)
{
    if (strcmp(url, "/healthz") == 0 || strcmp(url, "/metrics") == 0)
        return 1;
    return strncmp(url, "/api/", 5) == 0 && strcmp(url, "/api/complaints") != 0;
}

static int is_json_request(struct MHD_Connection *conn)
{
    const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    return ct && strncasecmp(ct, "application/json", 16) == 0 && (ct[16] == '\0' || ct[16] == ';');
}

static json_t *user_json(const wa_user *u, const char *csrf)
{
    return json_pack("{s:s, s:s, s:s?, s:s}", "name", u->name, "role", u->role, "prefecture", u->prefecture,
                     "csrf_token", csrf);
}

/* ---- login, logout ---- */

static enum MHD_Result login(wa_staff_api *s, struct MHD_Connection *conn, const char *body, size_t len)
{
    char msg[300];
    if (!is_json_request(conn))
        return wa_api_send_error(conn, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
    json_t *o = wa_api_parse_object(body, len, msg, sizeof msg);
    if (!o)
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST, msg);
    const char *name, *password;
    if (wa_api_str_field(o, "name", WA_USERNAME_MAX, &name, msg, sizeof msg) != 0 ||
        wa_api_str_field(o, "password", WA_PASSWORD_MAX, &password, msg, sizeof msg) != 0 || !name || !password) {
        if (!name || !password)
            snprintf(msg, sizeof msg, "name and password are required");
        json_decref(o);
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST, msg);
    }
    long long now = wa_clock_now();
    long long wait = wa_login_blocked(&s->limiter, name, now);
    if (wait > 0) {
        json_decref(o);
        wa_api_extra eh = {NULL, wait};
        return wa_api_send_json(conn, MHD_HTTP_TOO_MANY_REQUESTS,
                         json_pack("{s:s, s:I}", "error", "too many wrong passwords for this name; wait and try again",
                                   "retry_after", (json_int_t)wait),
                         &eh);
    }
    wa_user u;
    int found = 0;
    if (wa_ledger_user_get(s->x->ledger, name, &u, &found) != 0) {
        json_decref(o);
        return wa_api_ledger_error(s->x, conn);
    }
    int good = wa_password_verify(found ? u.pwhash : s->dummy_hash, password) && found && !u.disabled;
    if (!good) {
        wa_login_failed(&s->limiter, name, now);
        wa_user_clear(&u);
        json_decref(o);
        return wa_api_send_error(conn, MHD_HTTP_UNAUTHORIZED, "wrong name or password");
    }
    wa_login_succeeded(&s->limiter, name);
    json_decref(o);
    char token[WA_TOKEN_HEX], token_hash[WA_TOKEN_HEX], csrf[WA_TOKEN_HEX];
    wa_token_new(token);
    wa_token_hash(token, token_hash);
    wa_token_new(csrf);
    if (wa_ledger_session_add(s->x->ledger, token_hash, u.id, csrf, now, now + SESSION_TTL_S) != 0) {
        wa_user_clear(&u);
        sodium_memzero(token, sizeof token);
        return wa_api_ledger_error(s->x, conn);
    }
    char cookie[160];
    snprintf(cookie, sizeof cookie, SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", token,
             SESSION_TTL_S);
    sodium_memzero(token, sizeof token);
    wa_api_extra eh = {cookie, 0};
    enum MHD_Result r = wa_api_send_json(conn, MHD_HTTP_OK, user_json(&u, csrf), &eh);
    sodium_memzero(cookie, sizeof cookie);
    wa_user_clear(&u);
    return r;
}

/* ---- cases ---- */

static int known(const char *v, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(v, list[i]) == 0)
            return 1;
    return 0;
}

static const char *const statuses[] = {"open", "reported", "assigned", "resolved", "closed", "dismissed", NULL};
static const char *const levels[] = {"blue", "yellow", "orange", "red", NULL};

static enum MHD_Result list_cases(wa_staff_api *s, struct MHD_Connection *conn, const wa_user *u)
{
    wa_case_filter f = {0};
    const char *limit, *offset, *from, *to;
    f.limit = 50;
    if (wa_api_param(conn, "status", &f.status) || wa_api_param(conn, "level", &f.level) ||
        wa_api_param(conn, "prefecture", &f.prefecture) || wa_api_param(conn, "q", &f.text) ||
        wa_api_param(conn, "limit", &limit) || wa_api_param(conn, "offset", &offset) ||
        wa_api_param(conn, "from", &from) || wa_api_param(conn, "to", &to))
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST, "a query parameter is longer than 200 bytes");
    if (wa_api_time(from, &f.from) != 0 || wa_api_time(to, &f.to) != 0)
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST,
                                 "from and to must be times like 2026-11-01, 2026-11-01T08:00:00Z or epoch seconds");
    f.has_from = from != NULL;
    f.has_to = to != NULL;
    if (f.status && !known(f.status, statuses))
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST,
                          "status must be open, reported, assigned, resolved, closed or dismissed");
    if (f.level && !known(f.level, levels))
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST, "level must be blue, yellow, orange or red");
    if (wa_api_num(limit, 1, 200, &f.limit) || wa_api_num(offset, 0, 1000000000, &f.offset))
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST, "limit must be 1 to 200 and offset 0 or more");
    f.scope = u->prefecture;
    json_t *o;
    if (wa_ledger_cases_json(s->x->ledger, &f, &o) != 0)
        return wa_api_ledger_error(s->x, conn);
    /* The SLA state against one "now" for the whole page, given with it so
     * the client's countdowns start from the server's clock. */
    long long now = wa_clock_now();
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(o, "cases"), i, c)
    {
        wa_sla_input in = {json_string_value(json_object_get(c, "status")),
                           json_integer_value(json_object_get(c, "report_due")),
                           json_integer_value(json_object_get(c, "resolve_due")),
                           json_integer_value(json_object_get(c, "reported_at")),
                           json_integer_value(json_object_get(c, "resolved_at")),
                           (int)json_integer_value(json_object_get(c, "report_overdue")),
                           (int)json_integer_value(json_object_get(c, "resolve_overdue"))};
        long long next = 0;
        const char *state = wa_sla_state(&in, now, &next);
        if (json_object_set_new(c, "sla", json_string(state)) != 0 ||
            json_object_set_new(c, "next_due", next ? json_integer(next) : json_null()) != 0) {
            json_decref(o);
            return wa_api_send_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
        }
    }
    if (json_object_set_new(o, "now", json_integer(now)) != 0) {
        json_decref(o);
        return wa_api_send_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    }
    return wa_api_send_json(conn, MHD_HTTP_OK, o, NULL);
}

/* "13900001234" → "139****1234": what a role without the need sees. */
static void mask_phone(const char *p, char *out, size_t cap)
{
    size_t n = strlen(p);
    if (n <= 7) {
        snprintf(out, cap, "****");
        return;
    }
    snprintf(out, cap, "%.3s****%s", p, p + n - 4);
}

static json_t *case_json(const wa_case *c, const char *role)
{
    char phone[64] = "";
    if (c->complainant_phone) {
        if (wa_role_sees_personal_data(role))
            snprintf(phone, sizeof phone, "%s", c->complainant_phone);
        else
            mask_phone(c->complainant_phone, phone, sizeof phone);
    }
    const char *name = c->complainant_name;
    if (name && !wa_role_sees_personal_data(role))
        name = "***";
    json_t *links = c->links ? json_loads(c->links, 0, NULL) : NULL;
    if (!json_is_array(links)) {
        json_decref(links);
        links = json_array();
    }
    json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:o, s:s?, s:s?,"
                          " s:s?, s:s?}",
                          "id", (json_int_t)c->id, "status", c->status, "level", c->level, "channel", c->channel,
                          "prefecture", c->prefecture, "county", c->county, "unit", c->unit_name, "credit_code",
                          c->credit_code, "complainant", name, "complainant_phone", phone[0] ? phone : NULL, "title",
                          c->title, "excerpt", c->excerpt, "links", links, "assignee", c->assignee, "resolution",
                          c->resolution, "dismiss_reason", c->dismiss_reason, "external_id", c->external_id);
    if (!o)
        return NULL;
    const struct {
        const char *k;
        long long v;
    } nums[] = {{"workers", c->workers},         {"months", c->months},           {"amount_yuan", c->amount_yuan},
                {"hits", c->hit_count},          {"sources", c->source_count},    {"first_seen", c->first_seen},
                {"last_seen", c->last_seen},     {"opened_at", c->opened_at},     {"report_due", c->report_due},
                {"resolve_due", c->resolve_due}, {"reported_at", c->reported_at}, {"resolved_at", c->resolved_at},
                {"closed_at", c->closed_at},     {"report_overdue", c->report_overdue},
                {"resolve_overdue", c->resolve_overdue}};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        if (json_object_set_new(o, nums[i].k, json_integer(nums[i].v)) != 0) {
            json_decref(o);
            return NULL;
        }
    return o;
}

/* Load a case the user may see: 1 found, 0 not found or outside the scope, -1 ledger error. */
static int load_case(wa_staff_api *s, const wa_user *u, long long id, wa_case *c)
{
    memset(c, 0, sizeof *c);
    /* wa_ledger_case_get fails for a missing case too: tell the two apart. */
    if (wa_ledger_case_get(s->x->ledger, id, c) != 0) {
        char expect[48];
        snprintf(expect, sizeof expect, "no case %lld", id);
        return strcmp(wa_ledger_error(s->x->ledger), expect) == 0 ? 0 : -1;
    }
    if (!wa_scope_allows(u->prefecture, c->prefecture)) {
        wa_case_clear(c);
        return 0;
    }
    return 1;
}

static enum MHD_Result get_case(wa_staff_api *s, struct MHD_Connection *conn, const wa_user *u, long long id)
{
    wa_case c;
    int r = load_case(s, u, id, &c);
    if (r < 0)
        return wa_api_ledger_error(s->x, conn);
    if (r == 0)
        return wa_api_send_error(conn, MHD_HTTP_NOT_FOUND, "no such case");
    json_t *o = case_json(&c, u->role);
    /* Personal data shown unmasked is recorded before it is shown. */
    char fields[32] = "";
    if (wa_role_sees_personal_data(u->role) && (c.complainant_name || c.complainant_phone))
        snprintf(fields, sizeof fields, "%s%s%s", c.complainant_name ? "name" : "",
                 c.complainant_name && c.complainant_phone ? "," : "", c.complainant_phone ? "phone" : "");
    wa_case_clear(&c);
    if (!o)
        return wa_api_send_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    if (wa_ledger_case_trail_json(s->x->ledger, id, o) != 0 ||
        (fields[0] && wa_pii_view_record(s->x, u, id, fields) != 0)) {
        json_decref(o);
        return wa_api_ledger_error(s->x, conn);
    }
    /* Each hit: its text and the matched spans in it, from the stored hit message. */
    size_t i;
    json_t *h;
    json_array_foreach(json_object_get(o, "hits"), i, h)
    {
        const char *body = json_string_value(json_object_get(h, "body"));
        json_t *view = body ? wa_hit_view(body, HIT_TEXT_MAX) : NULL;
        /* A stored message that does not parse shows as a hit without text. */
        int bad = json_object_del(h, "body") != 0 && body;
        bad |= json_object_set_new(h, "text", view ? json_incref(json_object_get(view, "text")) : json_null());
        bad |= json_object_set_new(h, "text_truncated",
                                   view ? json_incref(json_object_get(view, "text_truncated")) : json_false());
        bad |= json_object_set_new(h, "spans", view ? json_incref(json_object_get(view, "spans")) : json_array());
        json_decref(view);
        if (bad) {
            json_decref(o);
            return wa_api_send_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
        }
    }
    return wa_api_send_json(conn, MHD_HTTP_OK, o, NULL);
}

static enum MHD_Result case_action(wa_staff_api *s, struct MHD_Connection *conn, const wa_user *u, long long id,
                                   const char *body, size_t len)
{
    static const struct {
        const char *action, *to;
    } steps[] = {{"report", "reported"}, {"assign", "assigned"},   {"resolve", "resolved"},
                 {"dismiss", "dismissed"}, {"close", "closed"},    {"note", NULL}};
    char msg[300];
    json_t *o = wa_api_parse_object(body, len, msg, sizeof msg);
    if (!o)
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST, msg);
    const char *action, *note;
    if (wa_api_str_field(o, "action", 16, &action, msg, sizeof msg) != 0 ||
        wa_api_str_field(o, "note", 4000, &note, msg, sizeof msg) != 0) {
        json_decref(o);
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST, msg);
    }
    size_t k = sizeof steps / sizeof steps[0];
    for (size_t i = 0; action && i < sizeof steps / sizeof steps[0]; i++)
        if (strcmp(action, steps[i].action) == 0)
            k = i;
    if (k == sizeof steps / sizeof steps[0]) {
        json_decref(o);
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST,
                          "action must be report, assign, note, resolve, dismiss or close");
    }
    int has_note = note && note[strspn(note, " \t\r\n")];
    if (!has_note && (!steps[k].to || strcmp(steps[k].to, "reported") != 0) && strcmp(steps[k].action, "close") != 0) {
        json_decref(o);
        return wa_api_send_error(conn, MHD_HTTP_BAD_REQUEST,
                          "this action needs a note (the assignee, the resolution, the reason or the progress)");
    }
    wa_case c;
    int r = load_case(s, u, id, &c);
    if (r <= 0) {
        json_decref(o);
        return r < 0 ? wa_api_ledger_error(s->x, conn) : wa_api_send_error(conn, MHD_HTTP_NOT_FOUND, "no such case");
    }
    if (!wa_role_may(u->role, steps[k].action)) {
        wa_case_clear(&c);
        json_decref(o);
        snprintf(msg, sizeof msg, "the %s role may not %s a case", u->role, steps[k].action);
        return wa_api_send_error(conn, MHD_HTTP_FORBIDDEN, msg);
    }
    long long now = wa_clock_now();
    char err[300];
    int rc;
    if (steps[k].to) {
        if (!wa_workflow_allowed(c.status, steps[k].to)) {
            snprintf(msg, sizeof msg, "case %lld is %s: it cannot become %s", id, c.status, steps[k].to);
            wa_case_clear(&c);
            json_decref(o);
            return wa_api_send_error(conn, MHD_HTTP_CONFLICT, msg);
        }
        rc = wa_workflow_change(s->x, id, steps[k].to, u->name, has_note ? note : NULL, now, err, sizeof err);
    } else {
        /* A progress note: an event on the trail, the status unchanged. */
        rc = wa_ledger_begin(s->x->ledger) != 0 ||
                     wa_case_event(s->x, &c, now, u->name, "note", NULL, NULL, note) != 0 ||
                     wa_ledger_commit(s->x->ledger) != 0
                 ? -1
                 : 0;
        if (rc != 0) {
            snprintf(err, sizeof err, "%s", wa_ledger_error(s->x->ledger));
            wa_ledger_rollback(s->x->ledger);
        }
    }
    wa_case_clear(&c);
    json_decref(o);
    if (rc != 0) {
        fprintf(stderr, "wa-alertd: staff API: case %lld: %s\n", id, err);
        return wa_api_send_error(conn, MHD_HTTP_CONFLICT, err);
    }
    return get_case(s, conn, u, id);
}

/* "/api/cases/123" → 123 and rest "", "/api/cases/123/actions" → rest "/actions"; 0 when not of that form. */
static long long case_path(const char *url, const char **rest)
{
    const char *p = url + strlen("/api/cases/");
    char *e;
    if (*p < '1' || *p > '9')
        return 0;
    errno = 0;
    long long id = strtoll(p, &e, 10);
    if (errno || id <= 0)
        return 0;
    *rest = e;
    return id;
}

/* ---- the dispatcher ---- */

/* The endpoints of the other files (api_stream.h, api_reports.h, api_analyst.h, api_admin.h). */
static enum MHD_Result more_endpoints(wa_staff_api *s, const wa_api_req *rq)
{
    const char *url = rq->url;
    if (strcmp(url, "/api/stream") == 0)
        return wa_api_stream(s->hub, rq);
    if (strcmp(url, "/api/stats") == 0)
        return wa_api_stats(rq);
    if (strcmp(url, "/api/reports/monthly") == 0)
        return wa_api_report_monthly(rq);
    if (strcmp(url, "/api/explain") == 0)
        return wa_api_explain(s->analyst, rq);
    if (strcmp(url, "/api/dict") == 0)
        return wa_api_dict(s->analyst, rq);
    if (strcmp(url, "/api/dict/reload") == 0)
        return wa_api_dict_reload(s->analyst, rq);
    if (strcmp(url, "/api/audit/pii") == 0)
        return wa_api_audit_pii(rq);
    if (strcmp(url, "/api/users") == 0)
        return wa_api_users(rq);
    if (strcmp(url, "/metrics") == 0) {
        if (!rq->get)
            return wa_api_send_error(rq->conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
        if (strcmp(rq->u->role, "admin") != 0)
            return wa_api_send_error(rq->conn, MHD_HTTP_FORBIDDEN, "only an admin may read the metrics");
        return wa_api_metrics(rq->conn, s->metrics, s->metrics_ctx);
    }
    return wa_api_send_error(rq->conn, MHD_HTTP_NOT_FOUND, "no such endpoint");
}

enum MHD_Result wa_staff_api_handle(wa_staff_api *s, struct MHD_Connection *conn, const char *url, const char *method,
                                    const char *body, size_t len, int too_big)
{
    int get = strcmp(method, "GET") == 0, post = strcmp(method, "POST") == 0;
    if (strcmp(url, "/healthz") == 0) {
        if (!get)
            return wa_api_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
        long long a, b, c;
        if (wa_ledger_counts(s->x->ledger, &a, &b, &c) != 0)
            return wa_api_ledger_error(s->x, conn);
        return wa_api_send_json(conn, MHD_HTTP_OK, json_pack("{s:s}", "status", "ok"), NULL);
    }
    /* The analyst pastes whole articles; everything else is small. */
    int explain = strcmp(url, "/api/explain") == 0;
    if (too_big || len > (explain ? WA_EXPLAIN_MAX_BODY : WA_STAFF_MAX_BODY))
        return wa_api_send_error(conn, MHD_HTTP_CONTENT_TOO_LARGE,
                                 explain ? "the body is larger than 64 KiB" : "the body is larger than 16 KiB");
    if (strcmp(url, "/metrics") == 0 && s->x->ac->metrics_public)
        return get ? wa_api_metrics(conn, s->metrics, s->metrics_ctx)
                   : wa_api_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    if (strcmp(url, "/api/login") == 0) {
        if (!post)
            return wa_api_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
        return login(s, conn, body, len);
    }
    /* Everything else needs a live session. */
    const char *token = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, SESSION_COOKIE);
    if (!token || strlen(token) != WA_TOKEN_HEX - 1)
        return wa_api_send_error(conn, MHD_HTTP_UNAUTHORIZED, "log in first");
    char token_hash[WA_TOKEN_HEX], csrf[WA_TOKEN_HEX];
    wa_token_hash(token, token_hash);
    wa_user u;
    int found = 0;
    if (wa_ledger_session_get(s->x->ledger, token_hash, wa_clock_now(), &u, csrf, sizeof csrf, &found) != 0)
        return wa_api_ledger_error(s->x, conn);
    if (!found)
        return wa_api_send_error(conn, MHD_HTTP_UNAUTHORIZED, "the session has ended: log in again");
    enum MHD_Result ret;
    if (!get && !post) {
        ret = wa_api_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET or POST");
        goto out;
    }
    if (post) {
        /* A page of another site can neither read this token nor send this header. */
        const char *got = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CSRF-Token");
        if (!wa_token_equal(csrf, got)) {
            ret = wa_api_send_error(conn, MHD_HTTP_FORBIDDEN, "missing or wrong X-CSRF-Token header");
            goto out;
        }
        if (!is_json_request(conn)) {
            ret = wa_api_send_error(conn, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
            goto out;
        }
    }
    const char *rest = "";
    long long id = 0;
    wa_api_req rq = {conn, s->x, &u, token_hash, url, get, post, body, len};
    if (strcmp(url, "/api/logout") == 0) {
        if (!post)
            ret = wa_api_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
        else if (wa_ledger_session_delete(s->x->ledger, token_hash) != 0)
            ret = wa_api_ledger_error(s->x, conn);
        else {
            wa_api_extra eh = {SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", 0};
            ret = wa_api_send_json(conn, MHD_HTTP_OK, json_pack("{s:b}", "logged_out", 1), &eh);
        }
    } else if (strcmp(url, "/api/me") == 0) {
        ret = get ? wa_api_send_json(conn, MHD_HTTP_OK, user_json(&u, csrf), NULL)
                  : wa_api_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    } else if (strcmp(url, "/api/cases") == 0) {
        ret = get ? list_cases(s, conn, &u) : wa_api_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    } else if (strncmp(url, "/api/cases/", 11) == 0 && (id = case_path(url, &rest)) > 0 && !rest[0]) {
        ret = get ? get_case(s, conn, &u, id) : wa_api_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    } else if (id > 0 && strcmp(rest, "/actions") == 0) {
        ret = post ? case_action(s, conn, &u, id, body, len)
                   : wa_api_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
    } else {
        ret = more_endpoints(s, &rq);
    }
out:
    wa_user_clear(&u);
    return ret;
}
