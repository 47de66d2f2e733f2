/* The SLA clocks (SPEC §3.3): fast report due at open + 2 h, resolution
 * due at open + 24 h (configurable). The due times are stored on the case
 * when it opens, so the clocks survive restarts and are checked against
 * whatever time the caller passes in: the service passes the wall clock,
 * tests pass the time they want (wa-alertd check-clocks --at TIME).
 *
 * A deadline passed without the needed state change (reported for the
 * first, resolved or beyond for the second; a dismissed case has no clock)
 * marks the case overdue, appends an "overdue" event and queues an
 * escalation to the supervisors' routes, once per deadline. */
#ifndef WA_CLOCKS_H
#define WA_CLOCKS_H

#include "workflow.h"

/* The wall clock, seconds since the epoch. */
long long wa_clock_now(void);

/* Check every clock at now, each overdue case in its own small transaction.
 * *escalated (may be NULL) receives how many deadlines were found passed.
 * Returns 0, or -1 on a ledger error (err says which). */
int wa_clocks_check(wa_ctx *x, long long now, int *escalated, char *err, size_t errcap);

#endif
