#include "report_monthly.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* The fixed order of the policy's list of prefecture-level cities. */
static const char *const names[WA_REPORT_PREFECTURES + 1] = {"拉萨", "日喀则", "昌都", "林芝",
                                                             "山南", "那曲",   "阿里", WA_REPORT_UNKNOWN};

int wa_report_month_bounds(const char *month, long long *from, long long *to)
{
    if (!month || strlen(month) != 7 || month[4] != '-')
        return -1;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (month[i] < '0' || month[i] > '9'))
            return -1;
    int y = atoi(month), m = atoi(month + 5);
    if (y < 2000 || y > 2999 || m < 1 || m > 12)
        return -1;
    struct tm a = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = 1};
    struct tm b = {.tm_year = (m == 12 ? y + 1 : y) - 1900, .tm_mon = m == 12 ? 0 : m, .tm_mday = 1};
    *from = (long long)timegm(&a) - WA_BEIJING_OFFSET_S;
    *to = (long long)timegm(&b) - WA_BEIJING_OFFSET_S;
    return 0;
}

void wa_report_previous_month(long long now, char out[8])
{
    time_t t = (time_t)(now + WA_BEIJING_OFFSET_S);
    struct tm tm;
    gmtime_r(&t, &tm);
    int y = tm.tm_year + 1900, m = tm.tm_mon; /* tm_mon is 0-based: the previous month's 1-based number */
    if (m == 0) {
        m = 12;
        y--;
    }
    /* Years of four digits only (the ledger's times are of this era). */
    if (y < 1000 || y > 9999)
        y = 2000;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '\0';
}

int wa_report_init(wa_monthly_report *r, const char *month, const char *scope, long long now)
{
    memset(r, 0, sizeof *r);
    if (wa_report_month_bounds(month, &r->from, &r->to) != 0)
        return -1;
    memcpy(r->month, month, 7);
    r->now = now;
    int known = 0;
    for (int i = 0; i <= WA_REPORT_PREFECTURES; i++) {
        r->rows[i].prefecture = names[i];
        r->include[i] = i < WA_REPORT_PREFECTURES && (!scope || strcmp(scope, names[i]) == 0);
        known |= r->include[i];
    }
    if (scope && !known) {
        /* A scope outside the seven: show its cases under the unknown row. */
        r->include[WA_REPORT_PREFECTURES] = 1;
    }
    r->total.prefecture = WA_REPORT_TOTAL;
    return 0;
}

/* A deadline missed: done after it, or not done and already past at now. */
static int missed(long long done_at, long long due, long long now)
{
    return done_at ? done_at > due : now > due;
}

void wa_report_add(wa_monthly_report *r, const wa_report_case *c)
{
    if (c->opened_at < r->from || c->opened_at >= r->to)
        return;
    int k = WA_REPORT_PREFECTURES;
    for (int i = 0; c->prefecture && i < WA_REPORT_PREFECTURES; i++)
        if (strcmp(c->prefecture, names[i]) == 0)
            k = i;
    wa_report_row *row = &r->rows[k];
    if (k == WA_REPORT_PREFECTURES) {
        /* Cases of no known prefecture are shown to users who see every prefecture. */
        int all = 1;
        for (int i = 0; i < WA_REPORT_PREFECTURES; i++)
            all &= r->include[i];
        r->include[k] |= all;
    }
    if (c->status && strcmp(c->status, "dismissed") == 0) {
        row->dismissed++;
        return;
    }
    row->opened++;
    row->workers += c->workers;
    row->amount_yuan += c->amount_yuan;
    if (c->resolved_at)
        row->resolved++;
    if (c->report_overdue || c->resolve_overdue || missed(c->reported_at, c->report_due, r->now) ||
        missed(c->resolved_at, c->resolve_due, r->now))
        row->overdue++;
    if (c->reported_at && c->reported_at <= c->report_due)
        row->reported_in_time++;
    if (c->resolved_at && c->resolved_at <= c->resolve_due)
        row->resolved_in_time++;
}

double wa_report_share_reported(const wa_report_row *row)
{
    return row->opened ? (double)row->reported_in_time / (double)row->opened : -1;
}

double wa_report_share_resolved(const wa_report_row *row)
{
    return row->opened ? (double)row->resolved_in_time / (double)row->opened : -1;
}

/* The total over the rows shown. */
static wa_report_row total_of(const wa_monthly_report *r)
{
    wa_report_row t = {0};
    t.prefecture = WA_REPORT_TOTAL;
    for (int i = 0; i <= WA_REPORT_PREFECTURES; i++) {
        if (!r->include[i])
            continue;
        const wa_report_row *w = &r->rows[i];
        t.opened += w->opened;
        t.resolved += w->resolved;
        t.overdue += w->overdue;
        t.dismissed += w->dismissed;
        t.workers += w->workers;
        t.amount_yuan += w->amount_yuan;
        t.reported_in_time += w->reported_in_time;
        t.resolved_in_time += w->resolved_in_time;
    }
    return t;
}

static json_t *share_json(double v)
{
    return v < 0 ? json_null() : json_real(round(v * 10000) / 10000);
}

static json_t *row_json(const wa_report_row *w)
{
    return json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o}", "prefecture", w->prefecture, "opened",
                     (json_int_t)w->opened, "resolved", (json_int_t)w->resolved, "overdue", (json_int_t)w->overdue,
                     "dismissed", (json_int_t)w->dismissed, "workers", (json_int_t)w->workers, "amount_yuan",
                     (json_int_t)w->amount_yuan, "reported_within_2h_share", share_json(wa_report_share_reported(w)),
                     "resolved_within_24h_share", share_json(wa_report_share_resolved(w)));
}

json_t *wa_report_json(const wa_monthly_report *r)
{
    json_t *rows = json_array();
    if (!rows)
        return NULL;
    for (int i = 0; i <= WA_REPORT_PREFECTURES; i++)
        if (r->include[i] && json_array_append_new(rows, row_json(&r->rows[i])) != 0) {
            json_decref(rows);
            return NULL;
        }
    wa_report_row t = total_of(r);
    return json_pack("{s:s, s:I, s:I, s:o, s:o}", "month", r->month, "from", (json_int_t)r->from, "to",
                     (json_int_t)r->to, "rows", rows, "total", row_json(&t));
}

static const char *const headers[] = {"地市",         "立案数",       "已解决",          "超时",
                                      "不予立案",     "涉及人数",     "涉及金额（元）", "2小时内报告占比",
                                      "24小时内解决占比"};

static int csv_row(wa_buf *out, const wa_report_row *w)
{
    char a[16] = "", b[16] = "";
    double sa = wa_report_share_reported(w), sb = wa_report_share_resolved(w);
    if (sa >= 0)
        snprintf(a, sizeof a, "%.1f%%", sa * 100);
    if (sb >= 0)
        snprintf(b, sizeof b, "%.1f%%", sb * 100);
    return wa_buf_printf(out, "%s,%lld,%lld,%lld,%lld,%lld,%lld,%s,%s\r\n", w->prefecture, w->opened, w->resolved,
                         w->overdue, w->dismissed, w->workers, w->amount_yuan, a, b);
}

int wa_report_csv(const wa_monthly_report *r, wa_buf *out)
{
    int rc = wa_buf_append(out, "\xEF\xBB\xBF", 3);
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
        rc |= wa_buf_printf(out, "%s%s", headers[i], i + 1 < sizeof headers / sizeof headers[0] ? "," : "\r\n");
    for (int i = 0; i <= WA_REPORT_PREFECTURES; i++)
        if (r->include[i])
            rc |= csv_row(out, &r->rows[i]);
    wa_report_row t = total_of(r);
    rc |= csv_row(out, &t);
    return rc ? -1 : 0;
}

static int xlsx_row(lxw_worksheet *ws, lxw_row_t y, const wa_report_row *w, lxw_format *pct, lxw_format *bold)
{
    int rc = worksheet_write_string(ws, y, 0, w->prefecture, bold);
    const long long v[] = {w->opened, w->resolved, w->overdue, w->dismissed, w->workers, w->amount_yuan};
    for (lxw_col_t x = 0; x < 6; x++)
        rc |= worksheet_write_number(ws, y, (lxw_col_t)(x + 1), (double)v[x], bold);
    double s[2] = {wa_report_share_reported(w), wa_report_share_resolved(w)};
    for (lxw_col_t x = 0; x < 2; x++)
        if (s[x] >= 0)
            rc |= worksheet_write_number(ws, y, (lxw_col_t)(7 + x), s[x], pct);
    return rc;
}

int wa_report_xlsx(const wa_monthly_report *r, const char *tmpdir, wa_buf *out, char *err, size_t errcap)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/wa-report-XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp") >= (int)sizeof path) {
        snprintf(err, errcap, "the temporary folder's name is too long");
        return -1;
    }
    int fd = mkstemp(path);
    if (fd < 0) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        return -1;
    }
    close(fd);
    int rc = -1;
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, r->month) : NULL;
    if (!ws) {
        snprintf(err, errcap, "cannot start a workbook");
        goto out;
    }
    lxw_format *bold = workbook_add_format(wb);
    lxw_format *pct = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_num_format(pct, "0.0%");
    int bad = worksheet_set_column(ws, 0, 0, 10, NULL) | worksheet_set_column(ws, 1, 8, 16, NULL);
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
        bad |= worksheet_write_string(ws, 0, (lxw_col_t)i, headers[i], bold);
    lxw_row_t y = 1;
    for (int i = 0; i <= WA_REPORT_PREFECTURES; i++)
        if (r->include[i])
            bad |= xlsx_row(ws, y++, &r->rows[i], pct, NULL);
    wa_report_row t = total_of(r);
    bad |= xlsx_row(ws, y, &t, pct, bold);
    lxw_error e = workbook_close(wb);
    wb = NULL;
    if (bad || e != LXW_NO_ERROR) {
        snprintf(err, errcap, "writing the workbook: %s", e != LXW_NO_ERROR ? lxw_strerror(e) : "a cell was refused");
        goto out;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        goto out;
    }
    char chunk[16384];
    size_t n;
    rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (wa_buf_append(out, chunk, n) != 0) {
            snprintf(err, errcap, "out of memory");
            rc = -1;
            break;
        }
    if (ferror(f) && rc == 0) {
        snprintf(err, errcap, "reading the workbook back failed");
        rc = -1;
    }
    fclose(f);
out:
    if (wb)
        workbook_close(wb);
    unlink(path);
    return rc;
}
