#include "api_staff.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "clocks.h"
#include "ledger_staff.h"

#define SESSION_COOKIE "wa_session"
#define SESSION_TTL_S (12 * 3600)
#define MAX_PARAM 200

struct wa_staff_api {
    wa_ctx *x;
    wa_login_limiter limiter;
    /* Checked when the name is unknown, so both cases take as long. */
    char dummy_hash[WA_PWHASH_MAX];
};

void wa_api_security_headers(struct MHD_Response *r)
{
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store");
}

wa_staff_api *wa_staff_api_new(wa_ctx *x)
{
    wa_staff_api *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->x = x;
    char pw[33];
    wa_password_random(pw, 32);
    if (wa_password_hash(pw, s->dummy_hash) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

void wa_staff_api_free(wa_staff_api *s)
{
    free(s);
}

int wa_staff_api_owns(const char *url)
{
    if (strcmp(url, "/healthz") == 0)
        return 1;
    return strncmp(url, "/api/", 5) == 0 && strcmp(url, "/api/complaints") != 0;
}

/* ---- replies ---- */

typedef struct {
    const char *cookie;      /* Set-Cookie value, or NULL */
    long long retry_after;   /* seconds, 0: none */
} extra_headers;

static enum MHD_Result send_json(struct MHD_Connection *conn, unsigned status, json_t *o, const extra_headers *eh)
{
    char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!text) {
        status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        eh = NULL;
    }
    const char *body = text ? text : "{\"error\":\"out of memory\"}";
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
    free(text);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
    wa_api_security_headers(r);
    if (eh && eh->cookie)
        MHD_add_response_header(r, "Set-Cookie", eh->cookie);
    if (eh && eh->retry_after > 0) {
        char v[32];
        snprintf(v, sizeof v, "%lld", eh->retry_after);
        MHD_add_response_header(r, "Retry-After", v);
    }
    enum MHD_Result ret = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *conn, unsigned status, const char *msg)
{
    return send_json(conn, status, json_pack("{s:s}", "error", msg), NULL);
}

static enum MHD_Result ledger_error(wa_staff_api *s, struct MHD_Connection *conn)
{
    fprintf(stderr, "wa-alertd: staff API: %s\n", wa_ledger_error(s->x->ledger));
    return send_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "the ledger cannot answer; try again");
}

/* ---- request helpers ---- */

/* The body as a JSON object, or NULL with msg set. */
static json_t *parse_object(const char *body, size_t len, char *msg, size_t msgcap)
{
    json_error_t jerr;
    json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!o) {
        snprintf(msg, msgcap, "the body is not valid JSON: %s (line %d, column %d)", jerr.text, jerr.line,
                 jerr.column);
        return NULL;
    }
    if (!json_is_object(o)) {
        snprintf(msg, msgcap, "the body must be one JSON object");
        json_decref(o);
        return NULL;
    }
    return o;
}

/* A string field of at most max bytes; *out NULL when absent. -1 when of the wrong type or too long. */
static int str_field(json_t *o, const char *key, size_t max, const char **out, char *msg, size_t msgcap)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v) || json_string_length(v) > max || strlen(json_string_value(v)) != json_string_length(v)) {
        snprintf(msg, msgcap, "%s must be a string of at most %zu bytes", key, max);
        return -1;
    }
    *out = json_string_value(v);
    return 0;
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
        return send_error(conn, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
    json_t *o = parse_object(body, len, msg, sizeof msg);
    if (!o)
        return send_error(conn, MHD_HTTP_BAD_REQUEST, msg);
    const char *name, *password;
    if (str_field(o, "name", WA_USERNAME_MAX, &name, msg, sizeof msg) != 0 ||
        str_field(o, "password", WA_PASSWORD_MAX, &password, msg, sizeof msg) != 0 || !name || !password) {
        if (!name || !password)
            snprintf(msg, sizeof msg, "name and password are required");
        json_decref(o);
        return send_error(conn, MHD_HTTP_BAD_REQUEST, msg);
    }
    long long now = wa_clock_now();
    long long wait = wa_login_blocked(&s->limiter, name, now);
    if (wait > 0) {
        json_decref(o);
        extra_headers eh = {NULL, wait};
        return send_json(conn, MHD_HTTP_TOO_MANY_REQUESTS,
                         json_pack("{s:s, s:I}", "error", "too many wrong passwords for this name; wait and try again",
                                   "retry_after", (json_int_t)wait),
                         &eh);
    }
    wa_user u;
    int found = 0;
    if (wa_ledger_user_get(s->x->ledger, name, &u, &found) != 0) {
        json_decref(o);
        return ledger_error(s, conn);
    }
    int good = wa_password_verify(found ? u.pwhash : s->dummy_hash, password) && found && !u.disabled;
    if (!good) {
        wa_login_failed(&s->limiter, name, now);
        wa_user_clear(&u);
        json_decref(o);
        return send_error(conn, MHD_HTTP_UNAUTHORIZED, "wrong name or password");
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
        return ledger_error(s, conn);
    }
    char cookie[160];
    snprintf(cookie, sizeof cookie, SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", token,
             SESSION_TTL_S);
    sodium_memzero(token, sizeof token);
    extra_headers eh = {cookie, 0};
    enum MHD_Result r = send_json(conn, MHD_HTTP_OK, user_json(&u, csrf), &eh);
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

/* A query parameter, NULL when absent or empty; -1 when longer than MAX_PARAM. */
static int param(struct MHD_Connection *conn, const char *key, const char **out)
{
    *out = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, key);
    if (*out && !(*out)[0])
        *out = NULL;
    return *out && strlen(*out) > MAX_PARAM ? -1 : 0;
}

static int num_param(const char *v, long long min, long long max, long long *out)
{
    if (!v)
        return 0;
    char *e;
    errno = 0;
    long long n = strtoll(v, &e, 10);
    if (errno || e == v || *e || n < min || n > max)
        return -1;
    *out = n;
    return 0;
}

static const char *const statuses[] = {"open", "reported", "assigned", "resolved", "closed", "dismissed", NULL};
static const char *const levels[] = {"blue", "yellow", "orange", "red", NULL};

static enum MHD_Result list_cases(wa_staff_api *s, struct MHD_Connection *conn, const wa_user *u)
{
    wa_case_filter f = {0};
    const char *limit, *offset;
    f.limit = 50;
    if (param(conn, "status", &f.status) || param(conn, "level", &f.level) ||
        param(conn, "prefecture", &f.prefecture) || param(conn, "q", &f.text) || param(conn, "limit", &limit) ||
        param(conn, "offset", &offset))
        return send_error(conn, MHD_HTTP_BAD_REQUEST, "a query parameter is longer than 200 bytes");
    if (f.status && !known(f.status, statuses))
        return send_error(conn, MHD_HTTP_BAD_REQUEST,
                          "status must be open, reported, assigned, resolved, closed or dismissed");
    if (f.level && !known(f.level, levels))
        return send_error(conn, MHD_HTTP_BAD_REQUEST, "level must be blue, yellow, orange or red");
    if (num_param(limit, 1, 200, &f.limit) || num_param(offset, 0, 1000000000, &f.offset))
        return send_error(conn, MHD_HTTP_BAD_REQUEST, "limit must be 1 to 200 and offset 0 or more");
    f.scope = u->prefecture;
    json_t *o;
    if (wa_ledger_cases_json(s->x->ledger, &f, &o) != 0)
        return ledger_error(s, conn);
    return send_json(conn, MHD_HTTP_OK, o, NULL);
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
        return ledger_error(s, conn);
    if (r == 0)
        return send_error(conn, MHD_HTTP_NOT_FOUND, "no such case");
    json_t *o = case_json(&c, u->role);
    wa_case_clear(&c);
    if (!o)
        return send_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    if (wa_ledger_case_trail_json(s->x->ledger, id, o) != 0) {
        json_decref(o);
        return ledger_error(s, conn);
    }
    return send_json(conn, MHD_HTTP_OK, o, NULL);
}

static enum MHD_Result case_action(wa_staff_api *s, struct MHD_Connection *conn, const wa_user *u, long long id,
                                   const char *body, size_t len)
{
    static const struct {
        const char *action, *to;
    } steps[] = {{"report", "reported"}, {"assign", "assigned"},   {"resolve", "resolved"},
                 {"dismiss", "dismissed"}, {"close", "closed"},    {"note", NULL}};
    char msg[300];
    json_t *o = parse_object(body, len, msg, sizeof msg);
    if (!o)
        return send_error(conn, MHD_HTTP_BAD_REQUEST, msg);
    const char *action, *note;
    if (str_field(o, "action", 16, &action, msg, sizeof msg) != 0 ||
        str_field(o, "note", 4000, &note, msg, sizeof msg) != 0) {
        json_decref(o);
        return send_error(conn, MHD_HTTP_BAD_REQUEST, msg);
    }
    size_t k = sizeof steps / sizeof steps[0];
    for (size_t i = 0; action && i < sizeof steps / sizeof steps[0]; i++)
        if (strcmp(action, steps[i].action) == 0)
            k = i;
    if (k == sizeof steps / sizeof steps[0]) {
        json_decref(o);
        return send_error(conn, MHD_HTTP_BAD_REQUEST,
                          "action must be report, assign, note, resolve, dismiss or close");
    }
    int has_note = note && note[strspn(note, " \t\r\n")];
    if (!has_note && (!steps[k].to || strcmp(steps[k].to, "reported") != 0) && strcmp(steps[k].action, "close") != 0) {
        json_decref(o);
        return send_error(conn, MHD_HTTP_BAD_REQUEST,
                          "this action needs a note (the assignee, the resolution, the reason or the progress)");
    }
    wa_case c;
    int r = load_case(s, u, id, &c);
    if (r <= 0) {
        json_decref(o);
        return r < 0 ? ledger_error(s, conn) : send_error(conn, MHD_HTTP_NOT_FOUND, "no such case");
    }
    if (!wa_role_may(u->role, steps[k].action)) {
        wa_case_clear(&c);
        json_decref(o);
        snprintf(msg, sizeof msg, "the %s role may not %s a case", u->role, steps[k].action);
        return send_error(conn, MHD_HTTP_FORBIDDEN, msg);
    }
    long long now = wa_clock_now();
    char err[300];
    int rc;
    if (steps[k].to) {
        if (!wa_workflow_allowed(c.status, steps[k].to)) {
            snprintf(msg, sizeof msg, "case %lld is %s: it cannot become %s", id, c.status, steps[k].to);
            wa_case_clear(&c);
            json_decref(o);
            return send_error(conn, MHD_HTTP_CONFLICT, msg);
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
        return send_error(conn, MHD_HTTP_CONFLICT, err);
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

enum MHD_Result wa_staff_api_handle(wa_staff_api *s, struct MHD_Connection *conn, const char *url, const char *method,
                                    const char *body, size_t len, int too_big)
{
    int get = strcmp(method, "GET") == 0, post = strcmp(method, "POST") == 0;
    if (strcmp(url, "/healthz") == 0) {
        if (!get)
            return send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
        long long a, b, c;
        if (wa_ledger_counts(s->x->ledger, &a, &b, &c) != 0)
            return ledger_error(s, conn);
        return send_json(conn, MHD_HTTP_OK, json_pack("{s:s}", "status", "ok"), NULL);
    }
    if (too_big || len > WA_STAFF_MAX_BODY)
        return send_error(conn, MHD_HTTP_CONTENT_TOO_LARGE, "the body is larger than 16 KiB");
    if (strcmp(url, "/api/login") == 0) {
        if (!post)
            return send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
        return login(s, conn, body, len);
    }
    /* Everything else needs a live session. */
    const char *token = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, SESSION_COOKIE);
    if (!token || strlen(token) != WA_TOKEN_HEX - 1)
        return send_error(conn, MHD_HTTP_UNAUTHORIZED, "log in first");
    char token_hash[WA_TOKEN_HEX], csrf[WA_TOKEN_HEX];
    wa_token_hash(token, token_hash);
    wa_user u;
    int found = 0;
    if (wa_ledger_session_get(s->x->ledger, token_hash, wa_clock_now(), &u, csrf, sizeof csrf, &found) != 0)
        return ledger_error(s, conn);
    if (!found)
        return send_error(conn, MHD_HTTP_UNAUTHORIZED, "the session has ended: log in again");
    enum MHD_Result ret;
    if (!get && !post) {
        ret = send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET or POST");
        goto out;
    }
    if (post) {
        /* A page of another site can neither read this token nor send this header. */
        const char *got = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CSRF-Token");
        if (!wa_token_equal(csrf, got)) {
            ret = send_error(conn, MHD_HTTP_FORBIDDEN, "missing or wrong X-CSRF-Token header");
            goto out;
        }
        if (!is_json_request(conn)) {
            ret = send_error(conn, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
            goto out;
        }
    }
    const char *rest = "";
    long long id = 0;
    if (strcmp(url, "/api/logout") == 0) {
        if (!post)
            ret = send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
        else if (wa_ledger_session_delete(s->x->ledger, token_hash) != 0)
            ret = ledger_error(s, conn);
        else {
            extra_headers eh = {SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", 0};
            ret = send_json(conn, MHD_HTTP_OK, json_pack("{s:b}", "logged_out", 1), &eh);
        }
    } else if (strcmp(url, "/api/me") == 0) {
        ret = get ? send_json(conn, MHD_HTTP_OK, user_json(&u, csrf), NULL)
                  : send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    } else if (strcmp(url, "/api/cases") == 0) {
        ret = get ? list_cases(s, conn, &u) : send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    } else if (strncmp(url, "/api/cases/", 11) == 0 && (id = case_path(url, &rest)) > 0 && !rest[0]) {
        ret = get ? get_case(s, conn, &u, id) : send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    } else if (id > 0 && strcmp(rest, "/actions") == 0) {
        ret = post ? case_action(s, conn, &u, id, body, len)
                   : send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
    } else {
        ret = send_error(conn, MHD_HTTP_NOT_FOUND, "no such endpoint");
    }
out:
    wa_user_clear(&u);
    return ret;
}
