#include "clocks.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "notify.h"

long long wa_clock_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (long long)t.tv_sec;
}

static int escalate(wa_ctx *x, long long id, int which, long long now, char *err, size_t errcap)
{
    wa_case c;
    if (wa_ledger_begin(x->ledger) != 0)
        goto fail;
    if (wa_ledger_case_get(x->ledger, id, &c) != 0)
        goto fail;
    char due[32], note[160];
    wa_format_local(which ? c.resolve_due : c.report_due, due, sizeof due);
    snprintf(note, sizeof note, "%s deadline %s (Beijing time) passed while the case was %s",
             which ? "resolution" : "fast report", due, c.status);
    if (which)
        c.resolve_overdue = 1;
    else
        c.report_overdue = 1;
    int rc = wa_ledger_case_update(x->ledger, &c) != 0 ||
             wa_case_event(x, &c, now, "wa-alertd", which ? "overdue_resolution" : "overdue_report", NULL, NULL,
                           note) != 0 ||
             wa_notify(x, &c, which ? "overdue_resolution" : "overdue_report", NULL, now) != 0;
    wa_case_clear(&c);
    if (rc || wa_ledger_commit(x->ledger) != 0)
        goto fail;
    return 0;
fail:
    snprintf(err, errcap, "clocks: %s", wa_ledger_error(x->ledger));
    wa_ledger_rollback(x->ledger);
    return -1;
}

int wa_clocks_check(wa_ctx *x, long long now, int *escalated, char *err, size_t errcap)
{
    int total = 0;
    for (int which = 0; which < 2; which++) {
        for (;;) {
            long long ids[64];
            int n = 0;
            if (wa_ledger_overdue(x->ledger, which, now, 64, ids, &n) != 0) {
                snprintf(err, errcap, "clocks: %s", wa_ledger_error(x->ledger));
                return -1;
            }
            for (int i = 0; i < n; i++)
                if (escalate(x, ids[i], which, now, err, errcap) != 0)
                    return -1;
            total += n;
            if (n < 64)
                break;
        }
    }
    if (escalated)
        *escalated = total;
    return 0;
}
