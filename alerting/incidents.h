/* Incidents, not posts (SPEC §3.3): a hit joins the case of its incident
 * when one was seen within the window — same prefecture and the same
 * employing unit (normalised name, unitname.h), or a near-duplicate text
 * (SimHash) — and opens a case otherwise. A hit of a document already in
 * the ledger changes nothing, which is what makes redelivery after a crash
 * invisible to users.
 *
 * The near-duplicate index lives in memory (loaded from the ledger at
 * start); additions made inside a transaction become part of it only when
 * the caller reports the commit, and are forgotten on a rollback. */
#ifndef WA_INCIDENTS_H
#define WA_INCIDENTS_H

#include <stddef.h>
#include <stdint.h>

#include "workflow.h"

typedef struct wa_incidents wa_incidents;

typedef enum {
    WA_HIT_NEW_CASE,   /* opened a case */
    WA_HIT_JOINED,     /* attached to an existing case */
    WA_HIT_DUPLICATE,  /* a document already stored: nothing changed */
    WA_HIT_MALFORMED,  /* not a hit: reason in the result */
} wa_hit_outcome;

typedef struct {
    wa_hit_outcome outcome;
    long long case_id;
    char reason[160];
} wa_hit_result;

/* Load the index of fingerprints seen within the window before now. */
wa_incidents *wa_incidents_new(wa_ctx *x, long long now, char *err, size_t errcap);
void wa_incidents_free(wa_incidents *inc);

/* One hit (the classifier's JSON object, len bytes, untrusted) received at
 * now, inside the caller's transaction. Returns 0 with the outcome in res,
 * or -1 on a ledger error (the caller rolls back). */
int wa_incidents_add(wa_incidents *inc, const char *json, size_t len, long long now, wa_hit_result *res);

/* The caller's transaction committed / rolled back. */
void wa_incidents_committed(wa_incidents *inc);
void wa_incidents_rolled_back(wa_incidents *inc);

/* Upper bound on a hit message (larger ones are malformed). */
#define WA_HIT_MAX_BYTES (4u * 1024u * 1024u)

#endif
