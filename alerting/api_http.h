/* What every part of the staff API shares: replies with the security
 * headers, reading JSON bodies and query parameters, and the request as the
 * dispatcher (api_staff.c) hands it to an endpoint once the session is
 * checked. */
#ifndef WA_API_HTTP_H
#define WA_API_HTTP_H

#include <jansson.h>
#include <microhttpd.h>
#include <stddef.h>

#include "ledger_staff.h"
#include "workflow.h"

/* A request of a logged-in user. */
typedef struct {
    struct MHD_Connection *conn;
    wa_ctx *x;                 /* the API's ledger connection and configuration */
    const wa_user *u;
    const char *token_hash;    /* of the session (streams re-check it) */
    const char *url;
    int get, post;
    const char *body;
    size_t len;
} wa_api_req;

typedef struct {
    const char *cookie;      /* Set-Cookie value, or NULL */
    long long retry_after;   /* seconds, 0: none */
} wa_api_extra;

/* The headers every API response carries (CSP, nosniff, no framing, no caching). */
void wa_api_security_headers(struct MHD_Response *r);

/* Send o (its reference is taken) as JSON; eh may be NULL. */
enum MHD_Result wa_api_send_json(struct MHD_Connection *conn, unsigned status, json_t *o, const wa_api_extra *eh);
enum MHD_Result wa_api_send_error(struct MHD_Connection *conn, unsigned status, const char *msg);
/* A 500 naming nothing to the client; the ledger's reason goes to stderr. */
enum MHD_Result wa_api_ledger_error(wa_ctx *x, struct MHD_Connection *conn);
/* Any body (copied). filename: a Content-Disposition attachment, or NULL. */
enum MHD_Result wa_api_send_bytes(struct MHD_Connection *conn, unsigned status, const char *content_type,
                                  const void *data, size_t len, const char *filename);

/* The body as a JSON object, or NULL with msg set. */
json_t *wa_api_parse_object(const char *body, size_t len, char *msg, size_t msgcap);
/* A string field of at most max bytes without NUL; *out NULL when absent. -1 when of the wrong type or too long. */
int wa_api_str_field(json_t *o, const char *key, size_t max, const char **out, char *msg, size_t msgcap);

#define WA_API_MAX_PARAM 200
/* A query parameter, NULL when absent or empty; -1 when longer than WA_API_MAX_PARAM. */
int wa_api_param(struct MHD_Connection *conn, const char *key, const char **out);
/* v (may be NULL: *out unchanged) as a whole number in [min, max]; -1 otherwise. */
int wa_api_num(const char *v, long long min, long long max, long long *out);
/* v (may be NULL: *out unchanged) as a time: 2026-11-01 (midnight Beijing
 * time, 2026-10-31T16:00:00Z), 2026-11-01T08:00:00Z or seconds since the
 * epoch; -1 otherwise. */
int wa_api_time(const char *v, long long *out);

/* 1 when the role is one of the NULL-terminated list. */
int wa_api_role_in(const char *role, const char *const *roles);

#endif
