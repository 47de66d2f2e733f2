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
 *   GET  /api/cases                 ?status= &level= &prefecture= &q= (text) &from= &to= (opened_at in
 *                                   [from, to): 2026-11-01 (midnight Beijing time),
 *                                   2026-11-01T08:00:00Z or epoch seconds)
 *                                   &limit= (1-200, 50) &offset=  → {"total", "limit", "offset", "now",
 *                                   "cases": [{..., "report_due", "resolve_due", "sla": "on_time" |
 *                                   "due_soon" | "overdue", "next_due"}]}  (sla.h says how)
 *   GET  /api/cases/ID              the case, its hits, events, notifications with their attempts;
 *                                   each hit with "text" (cut at 32 KiB, "text_truncated") and
 *                                   "spans" (spans.h: byte, code-point and UTF-16 offsets).
 *                                   The complainant's name and phone are masked for the roles
 *                                   without the need (accounts.h); an unmasked view is recorded
 *                                   in pii_views (who, when, case) before it is answered
 *   POST /api/cases/ID/actions      {"action": "report|assign|note|resolve|dismiss|close", "note": "..."}
 *
 *
 * More endpoints in their own files, dispatched from here once the session
 * is checked: /api/stream (api_stream.h), /api/stats and /api/reports/monthly
 * (api_reports.h), /api/explain, /api/dict, /api/dict/reload (api_analyst.h),
 * /api/audit/pii, /api/users, /metrics (api_admin.h). GET / and /static/ are
 * the dashboard's files (static_files.h, no session).
 *
 * Every endpoint but /healthz and /api/login answers 401 without a live
 * session. Every POST but the login needs the session's CSRF token in the
 * X-CSRF-Token header (403 without it) and Content-Type application/json
 * (415). A case outside the user's prefecture is 404, as if it did not
 * exist, for reading and for actions alike; an action the role may not take
 * is 403 (accounts.h has the table); a step the workflow refuses is 409.
 * Bad JSON or fields: 400 {"error": ...}; a body over 16 KiB (64 KiB for
 * /api/explain): 413.
 *
 * Threads: the server runs a thread per connection, so a live stream does
 * not hold up other requests; every request that uses the API's ledger
 * connection runs under the server's mutex, one at a time. */
#ifndef WA_API_STAFF_H
#define WA_API_STAFF_H

#include <microhttpd.h>
#include <pthread.h>
#include <stddef.h>

#include "api_admin.h"
#include "api_http.h"
#include "workflow.h"

#define WA_STAFF_MAX_BODY (16 * 1024)

typedef struct wa_staff_api wa_staff_api;

/* x: the ledger connection of the HTTP server (borrowed), used under mu;
 * db_path: the ledger again, for the live stream's own connection. NULL
 * with err on failure. */
wa_staff_api *wa_staff_api_new(wa_ctx *x, const char *db_path, pthread_mutex_t *mu, char *err, size_t errcap);
/* End the live streams (before the HTTP server stops). */
void wa_staff_api_stop(wa_staff_api *s);
void wa_staff_api_free(wa_staff_api *s);
/* Where /metrics gets its counters (the service's). */
void wa_staff_api_set_metrics(wa_staff_api *s, wa_metrics_fn fn, void *ctx);

/* 1 when url is the staff API's (/healthz, /metrics, /api/... but the hotline's /api/complaints). */
int wa_staff_api_owns(const char *url);

/* Answer one complete request. too_big: the body went over the server's buffer. */
enum MHD_Result wa_staff_api_handle(wa_staff_api *s, struct MHD_Connection *conn, const char *url, const char *method,
                                    const char *body, size_t len, int too_big);

#endif
