/* Hotline intake (SPEC §3.3): POST /api/complaints records a complaint from
 * the 12345 / 12319 hotlines as a case, authenticated by a bearer token.
 *
 *   POST /api/complaints
 *   Authorization: Bearer TOKEN
 *   {"channel": "12345", "ticket": "GD-2026-001", "received_at": "2026-11-25T08:00:00Z" (optional),
 *    "complainant": {"name": "...", "phone": "..."},
 *    "unit": {"name": "...", "credit_code": "..." (optional)},
 *    "content": "...", "title": "..." (optional),
 *    "region": {"prefecture": "拉萨", "county": "城关区" (optional)},
 *    "workers": 12, "months": 3, "amount_yuan": 54000 (optional)}
 *
 * 201 {"case_id": N} for a new case; 200 with the same case for a ticket
 * already recorded (a client retrying gets one case); 400 {"error": ...,
 * "field": ...} naming the first invalid field; 401 without the right
 * token; 413 for a body over 64 KiB. libmicrohttpd with a thread per
 * connection; the server's own ledger connection, one request at a time.
 * The same server answers the staff API (api_staff.h) and the dashboard's
 * files (static_files.h). */
#ifndef WA_HOTLINE_API_H
#define WA_HOTLINE_API_H

#include <stddef.h>

#include "api_admin.h"
#include "workflow.h"

typedef struct wa_hotline_api wa_hotline_api;

/* Listen on HOST:PORT (port 0: any free port). on_commit (may be NULL) is
 * called after each new case is committed (to wake the delivery worker). */
wa_hotline_api *wa_hotline_start(const char *host_port, const char *db_path, const wa_alert_config *ac,
                                 const char *topic_cases, void (*on_commit)(void *), void *ctx, char *err,
                                 size_t errcap);
/* /metrics on this server renders with fn (the service's counters). */
void wa_hotline_set_metrics(wa_hotline_api *h, wa_metrics_fn fn, void *ctx);
unsigned wa_hotline_port(const wa_hotline_api *h);
void wa_hotline_stop(wa_hotline_api *h);

/* Validate and record one complaint (the JSON body) at now. Returns the HTTP
 * status; *case_id is set on 200/201; err names the field on 400. */
int wa_hotline_record(wa_ctx *x, const char *body, size_t len, long long now, long long *case_id, char *field,
                      size_t fieldcap, char *err, size_t errcap);

#endif
