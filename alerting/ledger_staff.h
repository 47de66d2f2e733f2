/* The ledger's staff side (part of the storage interface, like ledger.h):
 * accounts, sessions, and the read views of cases that the staff API
 * serves as JSON. Same conventions as ledger.h: 0 on success, -1 on failure
 * with the reason in wa_ledger_error(). */
#ifndef WA_LEDGER_STAFF_H
#define WA_LEDGER_STAFF_H

#include <jansson.h>
#include <stdio.h>

#include "ledger.h"

typedef struct {
    long long id;
    char *name, *role, *prefecture, *pwhash; /* prefecture NULL: every prefecture */
    long long created_at;
    int disabled;
} wa_user;
void wa_user_clear(wa_user *u);

/* Add a user; a name already taken is refused (-1, "user NAME exists"). */
int wa_ledger_user_add(wa_ledger *l, const char *name, const char *role, const char *prefecture, const char *pwhash,
                       long long now);
/* *found 0 when there is no such user (u then empty). */
int wa_ledger_user_get(wa_ledger *l, const char *name, wa_user *u, int *found);
/* Set a new password hash and end the user's sessions. *found as above. */
int wa_ledger_user_set_password(wa_ledger *l, const char *name, const char *pwhash, long long now, int *found);
int wa_ledger_user_count(wa_ledger *l, long long *n);
/* name, role, prefecture (or *), created (UTC), one per line, tab-separated, with a header. */
int wa_ledger_users_print(wa_ledger *l, FILE *out);

/* Sessions: the token's hash, never the token. */
int wa_ledger_session_add(wa_ledger *l, const char *token_hash, long long user_id, const char *csrf, long long now,
                          long long expires_at);
/* The user of a live session (not expired, user not disabled) and its CSRF
 * token into csrf[WA_TOKEN_HEX]; *found 0 when none. Expired sessions are removed. */
int wa_ledger_session_get(wa_ledger *l, const char *token_hash, long long now, wa_user *u, char *csrf, size_t csrfcap,
                          int *found);
int wa_ledger_session_delete(wa_ledger *l, const char *token_hash);

/* ---- case views ---- */
typedef struct {
    const char *status, *level, *prefecture, *text; /* NULL: any */
    const char *scope;                              /* the user's prefecture; NULL: every one */
    long long limit, offset;
    int has_from, has_to;                           /* opened_at in [from, to) when set */
    long long from, to;
} wa_case_filter;
/* {"total": N, "limit": L, "offset": O, "cases": [{id, status, level, channel, prefecture, county,
 * unit, title, excerpt, hits, sources, workers, months, amount_yuan, opened_at, last_seen,
 * report_due, resolve_due, reported_at, resolved_at, report_overdue, resolve_overdue}]}, newest first. */
int wa_ledger_cases_json(wa_ledger *l, const wa_case_filter *f, json_t **out);
/* The case's hits (each with "body", the hit message as stored), events, and
 * notifications each with its delivery attempts, set on o as "hits",
 * "events", "notifications". */
int wa_ledger_case_trail_json(wa_ledger *l, long long case_id, json_t *o);

#endif
