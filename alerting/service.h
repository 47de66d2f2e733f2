/* wa-alertd's service loop: consumes wa.hits in a consumer group and turns
 * hits into cases, publishes the case events and dead letters queued in the
 * ledger, runs the clocks, and drives the delivery worker and the HTTP API.
 *
 * Exactly-once as users see it: the hits of a batch are stored, with the
 * case changes and the notifications they cause, in one ledger transaction;
 * the batch's offsets are stored for commit to Kafka only after that
 * transaction has committed. A crash between the two redoes the batch, and
 * a hit of a document already in the ledger changes nothing. When the
 * ledger cannot be written (disk full, file read-only), the batch is kept
 * and retried every second with one error line each time; nothing past the
 * failure is committed to Kafka. */
#ifndef WA_SERVICE_H
#define WA_SERVICE_H

#include <signal.h>

#include "../common/config.h"
#include "alert_config.h"

typedef struct {
    const char *db_path;
    const char *listen;      /* HTTP API; NULL: none */
    const char *metrics;     /* Prometheus /metrics HOST:PORT; NULL: none */
    wa_config *cfg;
    const wa_alert_config *ac;
    int stats_interval_s;
    int clock_interval_ms;
    volatile sig_atomic_t *stop;
} wa_service_opts;

/* Runs until *stop is set. Returns the exit status (0 clean, 1 failure). */
int wa_service_run(const wa_service_opts *o);

#endif
