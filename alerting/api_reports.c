#include "api_reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clocks.h"
#include "ledger_views.h"
#include "report_monthly.h"

static const char *scope_of(const wa_user *u)
{
    return u->prefecture && u->prefecture[0] ? u->prefecture : NULL;
}

enum MHD_Result wa_api_stats(const wa_api_req *rq)
{
    if (!rq->get)
        return wa_api_send_error(rq->conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    const char *from_s, *to_s;
    long long to = wa_clock_now() + 1, from;
    if (wa_api_param(rq->conn, "from", &from_s) || wa_api_param(rq->conn, "to", &to_s) ||
        wa_api_time(to_s, &to) != 0)
        return wa_api_send_error(rq->conn, MHD_HTTP_BAD_REQUEST,
                                 "from and to must be times like 2026-11-01 or 2026-11-01T08:00:00Z");
    from = to - 30LL * 86400;
    if (wa_api_time(from_s, &from) != 0 || from >= to)
        return wa_api_send_error(rq->conn, MHD_HTTP_BAD_REQUEST,
                                 "from must be a time like 2026-11-01, before to");
    json_t *o;
    if (wa_ledger_stats_json(rq->x->ledger, from, to, scope_of(rq->u), &o) != 0)
        return wa_api_ledger_error(rq->x, rq->conn);
    return wa_api_send_json(rq->conn, MHD_HTTP_OK, o, NULL);
}

enum MHD_Result wa_api_report_monthly(const wa_api_req *rq)
{
    if (!rq->get)
        return wa_api_send_error(rq->conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    const char *month, *format;
    if (wa_api_param(rq->conn, "month", &month) || wa_api_param(rq->conn, "format", &format))
        return wa_api_send_error(rq->conn, MHD_HTTP_BAD_REQUEST, "a query parameter is longer than 200 bytes");
    long long now = wa_clock_now();
    char prev[8];
    if (!month) {
        wa_report_previous_month(now, prev);
        month = prev;
    }
    if (!format)
        format = "json";
    int json = strcmp(format, "json") == 0, csv = strcmp(format, "csv") == 0, xlsx = strcmp(format, "xlsx") == 0;
    if (!json && !csv && !xlsx)
        return wa_api_send_error(rq->conn, MHD_HTTP_BAD_REQUEST, "format must be json, csv or xlsx");
    wa_monthly_report r;
    if (wa_report_init(&r, month, scope_of(rq->u), now) != 0)
        return wa_api_send_error(rq->conn, MHD_HTTP_BAD_REQUEST, "month must look like 2026-11");
    if (wa_ledger_report_fill(rq->x->ledger, scope_of(rq->u), &r) != 0)
        return wa_api_ledger_error(rq->x, rq->conn);
    if (json)
        return wa_api_send_json(rq->conn, MHD_HTTP_OK, wa_report_json(&r), NULL);
    char name[64], err[300];
    snprintf(name, sizeof name, "wa-report-%s.%s", r.month, format);
    wa_buf out;
    wa_buf_init(&out);
    int rc = csv ? wa_report_csv(&r, &out) : wa_report_xlsx(&r, getenv("TMPDIR"), &out, err, sizeof err);
    enum MHD_Result ret;
    if (rc != 0) {
        fprintf(stderr, "wa-alertd: monthly report %s: %s\n", r.month, csv ? "out of memory" : err);
        ret = wa_api_send_error(rq->conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "the report could not be written");
    } else {
        ret = wa_api_send_bytes(rq->conn, MHD_HTTP_OK,
                                csv ? "text/csv; charset=utf-8"
                                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                out.data, out.len, name);
    }
    wa_buf_free(&out);
    return ret;
}
