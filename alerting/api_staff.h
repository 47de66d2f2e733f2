/* The staff API of wa-alertd (SPEC §3.3), served by the same libmicrohttpd
 * daemon as the hotline intake (hotline_api.c), on its thread and ledger
 * connection. JSON in and out; every response carries the security headers.
 *
 *   GET  /healthz                   200 {"status":"ok"}                      (no session needed)
 *   POST /api/login                 {"name","password"} → 200 {"name","role","prefecture","csrf_token"}
 *                                   and the session cookie (HttpOnly, SameSite=Strict, 12 h);
 *                                   401 wrong name or password; 429 after 5 wrong passwords
 *                                   for a name (locked 5 minutes, Retry-After)
 *   POST /api/logout                ends the session
 *   GET  /api/me                    the session's user and its csrf_token
 *   GET  /api/cases                 ?status= &level= &prefecture= &q= (text) &limit= (1-200, 50) &offset=
 *   GET  /api/cases/ID              the case, its hits, events, notifications with their attempts
 *   POST /api/cases/ID/actions      {"action": "report|assign|note|resolve|dismiss|close", "note": "..."}
 *
 * Every endpoint but /healthz and /api/login answers 401 without a live
 * session. Every POST but the login needs the session's CSRF token in the
 * X-CSRF-Token header (403 without it) and Content-Type application/json
 * (415). A case outside the user's prefecture is 404, as if it did not
 * exist, for reading and for actions alike; an action the role may not take
 * is 403 (accounts.h has the table); a step the workflow refuses is 409.
 * Bad JSON or fields: 400 {"error": ...}; a body over 16 KiB: 413. */
#ifndef WA_API_STAFF_H
#define WA_API_STAFF_H

#include <microhttpd.h>
#include <stddef.h>

#include "workflow.h"

#define WA_STAFF_MAX_BODY (16 * 1024)

typedef struct wa_staff_api wa_staff_api;

/* x: the ledger connection of the HTTP thread (borrowed). NULL on failure. */
wa_staff_api *wa_staff_api_new(wa_ctx *x);
void wa_staff_api_free(wa_staff_api *s);

/* 1 when url is the staff API's (/healthz, /api/... but the hotline's /api/complaints). */
int wa_staff_api_owns(const char *url);

/* Answer one complete request. too_big: the body went over the server's buffer. */
enum MHD_Result wa_staff_api_handle(wa_staff_api *s, struct MHD_Connection *conn, const char *url, const char *method,
                                    const char *body, size_t len, int too_big);

/* The headers every response of the server carries (CSP, nosniff, no framing, no caching). */
void wa_api_security_headers(struct MHD_Response *r);

#endif
