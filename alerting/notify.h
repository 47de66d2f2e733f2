/* Notifications: which routes a case event goes to, what they say, and the
 * outbox rows that carry them (written in the transaction of the change,
 * so a change and its notifications are stored together or not at all).
 *
 * Kinds: case_opened (cyberspace and petition offices), fast_report (快报,
 * housing department), level_raised (cyberspace), overdue_report and
 * overdue_resolution (supervisors). A route takes a notification when its
 * office is the kind's audience, the case's level is at least the route's
 * min_level and the case's prefecture is among the route's (or it lists
 * none). The idempotency key is LEDGER:case-ID:KIND[:DETAIL]:ROUTE: a
 * notification re-sent after a crash carries the same key. */
#ifndef WA_NOTIFY_H
#define WA_NOTIFY_H

#include "../common/buf.h"
#include "workflow.h"

/* Queue notification `kind` about c to every matching route; detail (may
 * be NULL) makes the key unique for repeated kinds (e.g. the new level). */
int wa_notify(wa_ctx *x, const wa_case *c, const char *kind, const char *detail, long long now);

/* The fast report (快报) text of a case, in Chinese, times in Beijing time. */
int wa_fast_report_text(const wa_case *c, wa_buf *out);

/* Beijing time (UTC+8, the time Tibet's offices keep) as "2026-11-25 18:52". */
void wa_format_local(long long t, char *out, size_t cap);
/* UTC as "2026-11-25T10:52:00Z". */
void wa_format_utc(long long t, char *out, size_t cap);

#endif
