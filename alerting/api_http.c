#include "api_http.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void wa_api_security_headers(struct MHD_Response *r)
{
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store");
}

enum MHD_Result wa_api_send_json(struct MHD_Connection *conn, unsigned status, json_t *o, const wa_api_extra *eh)
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

enum MHD_Result wa_api_send_error(struct MHD_Connection *conn, unsigned status, const char *msg)
{
    return wa_api_send_json(conn, status, json_pack("{s:s}", "error", msg), NULL);
}

enum MHD_Result wa_api_ledger_error(wa_ctx *x, struct MHD_Connection *conn)
{
    fprintf(stderr, "wa-alertd: staff API: %s\n", wa_ledger_error(x->ledger));
    return wa_api_send_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "the ledger cannot answer; try again");
}

enum MHD_Result wa_api_send_bytes(struct MHD_Connection *conn, unsigned status, const char *content_type,
                                  const void *data, size_t len, const char *filename)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", content_type);
    wa_api_security_headers(r);
    if (filename) {
        /* Our own names only (ASCII, no quotes), so no escaping is needed. */
        char v[160];
        snprintf(v, sizeof v, "attachment; filename=\"%s\"", filename);
        MHD_add_response_header(r, "Content-Disposition", v);
    }
    enum MHD_Result ret = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return ret;
}

json_t *wa_api_parse_object(const char *body, size_t len, char *msg, size_t msgcap)
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

int wa_api_str_field(json_t *o, const char *key, size_t max, const char **out, char *msg, size_t msgcap)
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

int wa_api_param(struct MHD_Connection *conn, const char *key, const char **out)
{
    *out = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, key);
    if (*out && !(*out)[0])
        *out = NULL;
    return *out && strlen(*out) > WA_API_MAX_PARAM ? -1 : 0;
}

int wa_api_num(const char *v, long long min, long long max, long long *out)
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

int wa_api_time(const char *v, long long *out)
{
    if (!v)
        return 0;
    struct tm tm = {0};
    const char *end = strptime(v, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (end && !*end) {
        *out = (long long)timegm(&tm);
        return 0;
    }
    memset(&tm, 0, sizeof tm);
    end = strptime(v, "%Y-%m-%d", &tm);
    if (end && !*end) {
        /* A date is a day of the offices' calendar: midnight in Beijing (UTC+8),
         * as the report's months and the statistics' days are. */
        *out = (long long)timegm(&tm) - 8 * 3600;
        return 0;
    }
    return wa_api_num(v, 0, 1LL << 40, out);
}

int wa_api_role_in(const char *role, const char *const *roles)
{
    for (size_t i = 0; roles[i]; i++)
        if (strcmp(role, roles[i]) == 0)
            return 1;
    return 0;
}
