/* Statistics and the monthly dispatch report (SPEC §3.3), scoped to the
 * user's prefecture like everything else.
 *
 *   GET /api/stats?from=&to=     cases opened and hits received in [from, to)
 *        (times as 2026-11-01 (midnight Beijing time), 2026-11-01T08:00:00Z or epoch
 *        seconds; to is exclusive; default the last 30 days) → {"from", "to", "by_prefecture": [{"prefecture", "cases", "hits"}],
 *        "by_day": [{"day", "cases", "hits"}] (Beijing-time days), "by_level": [{"level", "cases"}]}
 *   GET /api/reports/monthly?month=YYYY-MM&format=json|csv|xlsx   (default: the previous
 *        month, json) → {"month", "from", "to", "rows": [{"prefecture", "opened", "resolved",
 *        "overdue", "dismissed", "workers", "amount_yuan", "reported_within_2h_share",
 *        "resolved_within_24h_share"}], "total": {same, "prefecture": "合计"}};
 *        csv: UTF-8 with a byte-order mark, Chinese headers, shares as percentages,
 *        attachment wa-report-YYYY-MM.csv; xlsx: one sheet, attachment
 *        wa-report-YYYY-MM.xlsx. The definitions are in report_monthly.h.
 * Every role may read both. */
#ifndef WA_API_REPORTS_H
#define WA_API_REPORTS_H

#include "api_http.h"

enum MHD_Result wa_api_stats(const wa_api_req *rq);
enum MHD_Result wa_api_report_monthly(const wa_api_req *rq);

#endif
