#include "sla.h"

#include <string.h>

const char *wa_sla_state(const wa_sla_input *c, long long now, long long *next_due)
{
    const char *st = c->status ? c->status : "open";
    int finished = strcmp(st, "resolved") == 0 || strcmp(st, "closed") == 0 || strcmp(st, "dismissed") == 0;
    int report_pending = strcmp(st, "open") == 0;
    *next_due = 0;
    if (report_pending)
        *next_due = c->report_due;
    if (!finished && (!*next_due || c->resolve_due < *next_due))
        *next_due = c->resolve_due;
    int late = c->report_overdue || c->resolve_overdue || (c->reported_at && c->reported_at > c->report_due) ||
               (c->resolved_at && c->resolved_at > c->resolve_due);
    if (late || (report_pending && now > c->report_due) || (!finished && now > c->resolve_due))
        return "overdue";
    if (*next_due && *next_due - now <= WA_SLA_DUE_SOON_S)
        return "due_soon";
    return "on_time";
}
