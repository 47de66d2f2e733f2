/* The SLA state of a case for the case list (SPEC §3.3 clocks): what the
 * countdowns of the dashboard show, computed by the server so every client
 * agrees with the clocks.
 *
 *   overdue   a deadline was missed: marked by the clocks, reported or
 *             resolved after it, or a pending deadline has passed at now
 *   due_soon  a pending deadline comes within WA_SLA_DUE_SOON_S (30 min)
 *   on_time   otherwise (also every finished case that met its deadlines)
 *
 * Pending deadlines: the fast report while the case is open, the
 * resolution until it is resolved, closed or dismissed. */
#ifndef WA_SLA_H
#define WA_SLA_H

#define WA_SLA_DUE_SOON_S (30 * 60)

typedef struct {
    const char *status;
    long long report_due, resolve_due, reported_at, resolved_at; /* 0: not yet */
    int report_overdue, resolve_overdue;
} wa_sla_input;

/* "on_time", "due_soon" or "overdue"; *next_due the nearest pending deadline (0: none). */
const char *wa_sla_state(const wa_sla_input *c, long long now, long long *next_due);

#endif
