/* GET /api/stream: the live feed of the dashboard as Server-Sent Events.
 *
 *   event: case   data {"id", "level", "status", "prefecture", "county", "unit", "title",
 *                       "opened_at", "report_due", "resolve_due", "change"}
 *                 a case opened or changed ("change" is the event's kind: opened,
 *                 status, level_raised, overdue_report, note, ...)
 *   event: hit    data {"case_id", "doc_id", "level", "title", "prefecture", "hit_id"}
 *   event: reset  data {} — events were missed (the client was away longer than the
 *                 feed remembers): reload the lists
 *   ": keepalive" comment lines every 15 s
 *
 * Every event carries "id: E:H" (the newest case-event and hit ids of the
 * ledger up to it); a client that reconnects with Last-Event-ID (browsers do
 * this by themselves) or ?since=E:H gets what it missed, as far as the feed
 * remembers (the last 1,024 events). Without either, only new events.
 *
 * Session required; a user with a prefecture gets only that prefecture's
 * events. The session is re-checked at each keepalive: a stream ends within
 * 15 s of a logout, an expiry or the user being disabled. At most 32 streams
 * at once (503 beyond); a stream whose client has gone is ended within a
 * second (its socket is watched while it waits), freeing its place.
 *
 * Where the events come from: one thread polls the ledger (its own
 * connection) every 250 ms for events and hits with ids above the last seen,
 * so changes made by any writer — the Kafka loop, the hotline intake, the API,
 * the `wa-alertd case` command — reach the streams within about half a
 * second. The streams wait on a condition variable. */
#ifndef WA_API_STREAM_H
#define WA_API_STREAM_H

#include <stddef.h>

#include "api_http.h"

#define WA_STREAM_MAX 32
#define WA_STREAM_RING 1024
#define WA_STREAM_KEEPALIVE_S 15
#define WA_STREAM_POLL_MS 250

typedef struct wa_stream_hub wa_stream_hub;

/* 1 while the session of token_hash is live (called from a stream's thread). */
typedef int (*wa_stream_alive_fn)(void *ctx, const char *token_hash);

/* Start the poller on its own ledger connection. NULL with err on failure. */
wa_stream_hub *wa_stream_hub_start(const char *db_path, wa_stream_alive_fn alive, void *alive_ctx, char *err,
                                   size_t errcap);
/* End every stream and the poller (before the HTTP server stops). */
void wa_stream_hub_stop(wa_stream_hub *h);
/* Free (after the HTTP server has stopped: its streams are gone). */
void wa_stream_hub_free(wa_stream_hub *h);

enum MHD_Result wa_api_stream(wa_stream_hub *h, const wa_api_req *rq);

#endif
