/* The case workflow (SPEC §3.3): open → reported → assigned → resolved →
 * closed, or dismissed (with a reason) from any state before resolved.
 * Every change is an event on the append-only trail (who, when, what,
 * note), and each event is also queued for the wa.cases topic in the same
 * transaction, so other systems see exactly the trail the ledger keeps. */
#ifndef WA_WORKFLOW_H
#define WA_WORKFLOW_H

#include "alert_config.h"
#include "ledger.h"

/* What every part of the service that changes a case needs. */
typedef struct {
    wa_ledger *ledger;
    const wa_alert_config *ac;
    const char *topic_cases; /* wa.cases */
} wa_ctx;

/* 1 when from → to is a step of the workflow, else 0. */
int wa_workflow_allowed(const char *from, const char *to);

/* Append an event to the case's trail and queue it for wa.cases. Runs
 * inside the caller's transaction. */
int wa_case_event(wa_ctx *x, const wa_case *c, long long at, const char *actor, const char *kind,
                  const char *from_status, const char *to_status, const char *note);

/* Move case_id to state `to` as `actor`, in its own transaction. note is
 * required for resolved (the resolution: wages paid, amount, date) and
 * dismissed (the reason); assigned takes the assignee from note. An illegal
 * step is refused with the reason in err (1 line) and changes nothing.
 * Returns 0, -1 on a refused or failed change. */
int wa_workflow_change(wa_ctx *x, long long case_id, const char *to, const char *actor, const char *note,
                       long long now, char *err, size_t errcap);

/* The same inside the caller's transaction on a loaded case (updated in place). */
int wa_workflow_apply(wa_ctx *x, wa_case *c, const char *to, const char *actor, const char *note, long long now,
                      char *err, size_t errcap);

#endif
