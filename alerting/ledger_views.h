/* More of the ledger's storage interface (like ledger.h and
 * ledger_staff.h): the statistics and report views, the record of views of
 * personal data, account switches, and the change feed the live stream
 * polls. 0 on success, -1 with the reason in wa_ledger_error(). */
#ifndef WA_LEDGER_VIEWS_H
#define WA_LEDGER_VIEWS_H

#include <jansson.h>

#include "ledger.h"
#include "report_monthly.h"

/* Counts of cases opened and hits received in [from, to), of one prefecture
 * (scope) or all (NULL): {"from", "to", "by_prefecture": [{"prefecture",
 * "cases", "hits"}], "by_day": [{"day", "cases", "hits"}] (days in Beijing
 * time), "by_level": [{"level", "cases"}]}. */
int wa_ledger_stats_json(wa_ledger *l, long long from, long long to, const char *scope, json_t **out);

/* Every case opened in [from, to) of scope (NULL: all) into the report. */
int wa_ledger_report_fill(wa_ledger *l, const char *scope, wa_monthly_report *r);

/* Record that a user saw a case's personal data (fields: e.g. "phone,name"). */
int wa_ledger_pii_view_add(wa_ledger *l, long long at, const char *user, const char *role, long long case_id,
                           const char *fields);
/* {"total", "views": [{"id", "at", "user", "role", "case_id", "fields"}]}, newest first. */
int wa_ledger_pii_views_json(wa_ledger *l, long long limit, long long offset, json_t **out);

/* Disable (1) or enable (0) a user; disabling ends the user's sessions. *found 0 when no such user. */
int wa_ledger_user_set_disabled(wa_ledger *l, const char *name, int disabled, int *found);
/* [{"name", "role", "prefecture", "created_at", "disabled"}] by name. */
int wa_ledger_users_json(wa_ledger *l, json_t **out);

/* The change feed: the newest event and hit ids, and what came after them. */
int wa_ledger_feed_heads(wa_ledger *l, long long *event_id, long long *hit_id);
/* Up to max events after after_id with their case's current state:
 * [{"event_id", "kind", "id", "level", "status", "prefecture", "county", "unit",
 *   "title", "opened_at", "report_due", "resolve_due"}]. */
int wa_ledger_feed_events(wa_ledger *l, long long after_id, int max, json_t **out);
/* Up to max hits after after_id: [{"hit_id", "case_id", "doc_id", "level", "title", "prefecture"}]. */
int wa_ledger_feed_hits(wa_ledger *l, long long after_id, int max, json_t **out);

#endif
