/* The monthly dispatch report (SPEC §1, §3.3): per prefecture, the cases
 * opened in a month and how they were handled. Pure arithmetic over case
 * rows the caller reads from the ledger, so it can be tested alone.
 *
 * Definitions (the cohort is the cases opened in the month, Beijing time):
 *   opened     cases opened in the month, dismissed ones left out (they were
 *              judged not to be wage arrears; counted in dismissed)
 *   resolved   of those, the ones with a resolution time
 *   overdue    of those, the ones that missed a deadline: marked overdue by
 *              the clocks, reported or resolved after the deadline, or still
 *              not reported / resolved when the deadline has passed at `now`
 *   workers, amount_yuan   sums over the opened cases
 *   reported_within_2h_share   reported at or before the report deadline
 *                              (open + report_due_minutes, 2 h by default) / opened
 *   resolved_within_24h_share  resolved at or before the resolution deadline
 *                              (open + resolve_due_minutes, 24 h) / opened
 * A share is undefined (NULL in JSON, empty in CSV) when nothing was opened.
 * Rows: the seven prefectures in their fixed order, then 未知 for cases of
 * no known prefecture when there are any; the total sums every row. */
#ifndef WA_REPORT_MONTHLY_H
#define WA_REPORT_MONTHLY_H

#include <jansson.h>
#include <stddef.h>

#include "../common/buf.h"

#define WA_REPORT_PREFECTURES 7
#define WA_REPORT_UNKNOWN "未知"
#define WA_REPORT_TOTAL "合计"
#define WA_BEIJING_OFFSET_S (8 * 3600)

typedef struct {
    const char *prefecture; /* NULL: unknown */
    const char *status;
    long long opened_at, report_due, resolve_due;
    long long reported_at, resolved_at; /* 0: not yet */
    int report_overdue, resolve_overdue;
    long long workers, amount_yuan;
} wa_report_case;

typedef struct {
    const char *prefecture;
    long long opened, resolved, overdue, dismissed, workers, amount_yuan;
    long long reported_in_time, resolved_in_time;
} wa_report_row;

typedef struct {
    char month[8];                              /* YYYY-MM */
    long long from, to, now;                    /* the month's bounds in UTC seconds */
    wa_report_row rows[WA_REPORT_PREFECTURES + 1]; /* the seven, then unknown */
    int include[WA_REPORT_PREFECTURES + 1];     /* rows shown */
    wa_report_row total;
} wa_monthly_report;

/* "2026-11" → the month's bounds [from, to) in UTC seconds, Beijing time
 * midnights. -1 when month is not YYYY-MM (years 2000-2999). */
int wa_report_month_bounds(const char *month, long long *from, long long *to);
/* The month before the one holding now (Beijing time), as YYYY-MM. */
void wa_report_previous_month(long long now, char out[8]);

/* scope: the user's prefecture (only its row is shown), NULL for all. */
int wa_report_init(wa_monthly_report *r, const char *month, const char *scope, long long now);
/* Count one case of the month. */
void wa_report_add(wa_monthly_report *r, const wa_report_case *c);
/* The shares of a row; -1 when nothing was opened. */
double wa_report_share_reported(const wa_report_row *row);
double wa_report_share_resolved(const wa_report_row *row);

/* {"month", "from", "to", "rows": [...], "total": {...}}; NULL when out of memory. */
json_t *wa_report_json(const wa_monthly_report *r);
/* UTF-8 with a byte-order mark (spreadsheets then read Chinese right), CRLF lines. */
int wa_report_csv(const wa_monthly_report *r, wa_buf *out);
/* An XLSX workbook into out (a temporary file under tmpdir is written and
 * removed). err gets the reason on failure. */
int wa_report_xlsx(const wa_monthly_report *r, const char *tmpdir, wa_buf *out, char *err, size_t errcap);

#endif
