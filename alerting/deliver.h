/* Delivery of the notification outbox (SPEC §3.3): a worker thread with its
 * own ledger connection sends every due row over its route's channel, keeps
 * every attempt and its result, and retries failures with exponential
 * backoff and jitter until the route's horizon, so a receiver that is down
 * gets every message once it is back. A notification re-sent after a crash
 * carries the same Idempotency-Key, which receivers use to drop repeats.
 *
 * A delivered fast report is the housing department's acknowledgement: the
 * case moves from open to reported (recorded as an event), which stops its
 * 2-hour clock. */
#ifndef WA_DELIVER_H
#define WA_DELIVER_H

#include "workflow.h"

typedef struct wa_deliverer wa_deliverer;

/* Start the worker on its own connection to the ledger at db_path. */
wa_deliverer *wa_deliver_start(const char *db_path, const wa_alert_config *ac, const char *topic_cases, char *err,
                               size_t errcap);
/* Wake the worker (new rows were committed). */
void wa_deliver_kick(wa_deliverer *d);
/* Counters for stats: delivered, attempts failed, given up. */
void wa_deliver_stats(wa_deliverer *d, unsigned long *delivered, unsigned long *failed, unsigned long *gave_up);
void wa_deliver_stop(wa_deliverer *d);

/* One pass over the due rows on x's connection (the `deliver` command and
 * tests). *sent receives how many were delivered. */
int wa_deliver_pass(wa_ctx *x, int *sent, int *failed, char *err, size_t errcap);

/* The signature header value of a webhook: "sha256=" and the hex
 * HMAC-SHA256 of "TIMESTAMP.BODY" under secret. out needs 72 bytes. */
void wa_webhook_signature(const char *secret, const char *timestamp, const char *body, size_t body_len, char *out);

#endif
