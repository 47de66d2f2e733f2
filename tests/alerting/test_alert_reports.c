/* Unit tests of the report and view arithmetic of the staff API: the
 * monthly dispatch report (alerting/report_monthly.h) per prefecture, its
 * month bounds in Beijing time, CSV and XLSX; the SLA state of a case
 * (sla.h); span offsets (spans.h); prefecture spellings (prefecture.h); and
 * the ledger's views (ledger_views.h) on a fresh ledger: the report read
 * from stored cases, statistics, the append-only PII view record, disabling
 * a user. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../alerting/ledger_sqlite_internal.h"
#include "../../alerting/ledger_staff.h"
#include "../../alerting/ledger_views.h"
#include "../../alerting/prefecture.h"
#include "../../alerting/report_monthly.h"
#include "../../alerting/sla.h"
#include "../../alerting/spans.h"

static long long utc(int y, int mo, int d, int h, int mi)
{
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi};
    return (long long)timegm(&tm);
}

static void test_month_bounds(void **state)
{
    (void)state;
    long long a, b;
    assert_int_equal(wa_report_month_bounds("2026-11", &a, &b), 0);
    assert_int_equal(a, utc(2026, 10, 31, 16, 0)); /* 1 Nov 00:00 Beijing time */
    assert_int_equal(b, utc(2026, 11, 30, 16, 0));
    assert_int_equal(wa_report_month_bounds("2026-12", &a, &b), 0);
    assert_int_equal(b, utc(2026, 12, 31, 16, 0));
    const char *bad[] = {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "1999-01", "2026-11x", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(wa_report_month_bounds(bad[i], &a, &b), -1);
    char m[8];
    wa_report_previous_month(utc(2026, 12, 7, 9, 0), m);
    assert_string_equal(m, "2026-11");
    wa_report_previous_month(utc(2026, 12, 31, 16, 30), m); /* already 1 Jan 2027 in Beijing */
    assert_string_equal(m, "2026-12");
    wa_report_previous_month(utc(2027, 1, 15, 0, 0), m);
    assert_string_equal(m, "2026-12");
}

/* The cases of the API test (tests/alerting/api_reports_check.py), as report rows. */
typedef struct {
    const char *pref, *status;
    long long at, rep, res;  /* open time; report and resolution after it (s), 0: not done */
    long long workers, amount;
} known_case;

static const known_case known[] = {
    {"拉萨", "resolved", 0, 3600, 20 * 3600, 12, 54000},     /* in time */
    {"拉萨", "resolved", 1, 3 * 3600, 30 * 3600, 5, 10000},  /* both late */
    {"拉萨", "reported", 2, 3600, 0, 3, 6000},               /* reported in time, never resolved */
    {"拉萨", "dismissed", 3, 0, 0, 9, 9000},
    {"拉萨", "resolved", 4, 1800, 7200, 2, 1000},            /* 1 Nov 01:00 Beijing */
    {"拉萨", "resolved", 5, 1800, 7200, 4, 4000},            /* 1 Dec 00:30 Beijing: out */
    {"拉萨", "resolved", 6, 1800, 7200, 4, 4000},            /* 31 Oct 23:00 Beijing: out */
    {"那曲", "resolved", 7, 3600, 10 * 3600, 7, 20000},
    {NULL, "open", 8, 0, 0, 1, 100},                         /* no prefecture, open, past both deadlines */
};

static long long open_time(int k)
{
    const long long t[] = {utc(2026, 11, 3, 2, 0),   utc(2026, 11, 10, 2, 0), utc(2026, 11, 20, 2, 0),
                           utc(2026, 11, 25, 2, 0),  utc(2026, 10, 31, 17, 0), utc(2026, 11, 30, 16, 30),
                           utc(2026, 10, 31, 15, 0), utc(2026, 11, 15, 2, 0),  utc(2026, 11, 16, 2, 0)};
    return t[k];
}

static wa_report_case as_report_case(const known_case *k)
{
    long long o = open_time((int)k->at);
    wa_report_case c = {k->pref, k->status, o, o + 7200, o + 86400, k->rep ? o + k->rep : 0,
                        k->res ? o + k->res : 0, 0, 0, k->workers, k->amount};
    return c;
}

static void test_report_rows(void **state)
{
    (void)state;
    wa_monthly_report r;
    long long now = utc(2026, 12, 7, 0, 0);
    assert_int_equal(wa_report_init(&r, "2026-11", NULL, now), 0);
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        wa_report_case c = as_report_case(&known[i]);
        wa_report_add(&r, &c);
    }
    const wa_report_row *l = &r.rows[0], *n = &r.rows[5], *u = &r.rows[WA_REPORT_PREFECTURES];
    assert_string_equal(l->prefecture, "拉萨");
    assert_int_equal(l->opened, 4);
    assert_int_equal(l->resolved, 3);
    assert_int_equal(l->overdue, 2);
    assert_int_equal(l->dismissed, 1);
    assert_int_equal(l->workers, 22);
    assert_int_equal(l->amount_yuan, 71000);
    assert_true(wa_report_share_reported(l) == 0.75);
    assert_true(wa_report_share_resolved(l) == 0.5);
    assert_string_equal(n->prefecture, "那曲");
    assert_int_equal(n->opened, 1);
    assert_int_equal(n->overdue, 0);
    assert_true(wa_report_share_reported(n) == 1.0);
    /* Without a prefecture: its own row, overdue because both deadlines passed at now. */
    assert_int_equal(r.include[WA_REPORT_PREFECTURES], 1);
    assert_int_equal(u->opened, 1);
    assert_int_equal(u->overdue, 1);
    assert_true(wa_report_share_reported(&r.rows[6]) < 0); /* 阿里: nothing opened */

    json_t *j = wa_report_json(&r);
    assert_non_null(j);
    json_t *t = json_object_get(j, "total");
    assert_int_equal(json_integer_value(json_object_get(t, "opened")), 6);
    assert_int_equal(json_integer_value(json_object_get(t, "overdue")), 3);
    assert_int_equal(json_integer_value(json_object_get(t, "amount_yuan")), 91100);
    assert_true(json_real_value(json_object_get(t, "reported_within_2h_share")) == 0.6667);
    assert_true(json_real_value(json_object_get(t, "resolved_within_24h_share")) == 0.5);
    assert_int_equal(json_array_size(json_object_get(j, "rows")), 8);
    assert_true(json_is_null(json_object_get(json_array_get(json_object_get(j, "rows"), 6), "reported_within_2h_share")));
    json_decref(j);

    wa_buf csv;
    wa_buf_init(&csv);
    assert_int_equal(wa_report_csv(&r, &csv), 0);
    assert_int_equal(wa_buf_terminate(&csv), 0);
    assert_memory_equal(csv.data, "\xEF\xBB\xBF", 3);
    assert_non_null(strstr(csv.data, "\r\n拉萨,4,3,2,1,22,71000,75.0%,50.0%\r\n"));
    assert_non_null(strstr(csv.data, "\r\n阿里,0,0,0,0,0,0,,\r\n"));
    assert_non_null(strstr(csv.data, "\r\n合计,6,4,3,1,30,91100,66.7%,50.0%\r\n"));
    wa_buf_free(&csv);

    wa_buf x;
    wa_buf_init(&x);
    char err[256];
    assert_int_equal(wa_report_xlsx(&r, getenv("TMPDIR"), &x, err, sizeof err), 0);
    assert_true(x.len > 1000);
    assert_memory_equal(x.data, "PK", 2);
    wa_buf_free(&x);
}

static void test_report_scope(void **state)
{
    (void)state;
    wa_monthly_report r;
    assert_int_equal(wa_report_init(&r, "2026-11", "那曲", utc(2026, 12, 7, 0, 0)), 0);
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        /* The ledger gives a scoped user only its cases; here every one, to see the rows shown. */
        wa_report_case c = as_report_case(&known[i]);
        if (c.prefecture && strcmp(c.prefecture, "那曲") == 0)
            wa_report_add(&r, &c);
    }
    json_t *j = wa_report_json(&r);
    assert_int_equal(json_array_size(json_object_get(j, "rows")), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j, "rows"), 0), "prefecture")),
                        "那曲");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "total"), "workers")), 7);
    json_decref(j);
    /* A month with no cases: zero counts, undefined shares. */
    assert_int_equal(wa_report_init(&r, "2025-01", NULL, utc(2026, 12, 7, 0, 0)), 0);
    assert_int_equal(r.total.opened, 0);
    assert_true(wa_report_share_reported(&r.rows[0]) < 0);
}

static void test_sla(void **state)
{
    (void)state;
    long long now = 1000000;
    long long next;
    wa_sla_input c = {"open", now + 3600, now + 86400, 0, 0, 0, 0};
    assert_string_equal(wa_sla_state(&c, now, &next), "on_time");
    assert_int_equal(next, now + 3600);
    c.report_due = now + 1800;
    assert_string_equal(wa_sla_state(&c, now, &next), "due_soon");
    c.report_due = now - 1;
    assert_string_equal(wa_sla_state(&c, now, &next), "overdue");
    /* Reported in time: only the resolution is pending. */
    wa_sla_input r = {"reported", now - 3600, now + 600, now - 4000, 0, 0, 0};
    assert_string_equal(wa_sla_state(&r, now, &next), "due_soon");
    assert_int_equal(next, now + 600);
    r.resolve_due = now + 7200;
    assert_string_equal(wa_sla_state(&r, now, &next), "on_time");
    r.reported_at = now - 3000; /* after its deadline */
    assert_string_equal(wa_sla_state(&r, now, &next), "overdue");
    wa_sla_input done = {"closed", now - 90000, now - 10000, now - 95000, now - 20000, 0, 0};
    assert_string_equal(wa_sla_state(&done, now, &next), "on_time");
    assert_int_equal(next, 0);
    done.resolve_overdue = 1;
    assert_string_equal(wa_sla_state(&done, now, &next), "overdue");
    wa_sla_input dis = {"dismissed", now - 10, now - 5, 0, 0, 0, 0};
    assert_string_equal(wa_sla_state(&dis, now, &next), "on_time");
}

static void test_spans(void **state)
{
    (void)state;
    const char *t = "\xF0\x9F\x98\x80" "拉萨环卫"; /* an emoji (2 UTF-16 units), then 4 Han characters */
    json_t *s = wa_span_json(t, strlen(t), 10, 16, "text", "环卫", "subject");
    assert_non_null(s);
    assert_int_equal(json_integer_value(json_object_get(s, "start_char")), 3);
    assert_int_equal(json_integer_value(json_object_get(s, "end_char")), 5);
    assert_int_equal(json_integer_value(json_object_get(s, "start_u16")), 4);
    assert_int_equal(json_integer_value(json_object_get(s, "end_u16")), 6);
    json_decref(s);
    assert_null(wa_span_json(t, strlen(t), 5, 10, "text", "x", "g"));   /* inside a character */
    assert_null(wa_span_json(t, strlen(t), 10, 99, "text", "x", "g"));  /* past the end */
    assert_null(wa_span_json(t, strlen(t), 12, 10, "text", "x", "g"));  /* reversed */

    const char *body = "{\"id\":\"d\",\"title\":\"环卫\",\"text\":\"拉萨环卫工人\",\"matches\":["
                       "{\"term\":\"环卫\",\"group\":\"subject\",\"start\":6,\"end\":12,\"field\":\"text\"},"
                       "{\"term\":\"工人\",\"group\":\"subject\",\"start\":12,\"end\":18,\"field\":\"text\"},"
                       "{\"term\":\"环卫\",\"group\":\"subject\",\"start\":0,\"end\":6,\"field\":\"title\"},"
                       "{\"term\":\"bad\",\"group\":\"g\",\"start\":1,\"end\":2,\"field\":\"text\"}]}";
    json_t *v = wa_hit_view(body, 1 << 20);
    assert_non_null(v);
    assert_int_equal(json_array_size(json_object_get(v, "spans")), 3); /* the bad one dropped */
    assert_true(json_is_false(json_object_get(v, "text_truncated")));
    json_decref(v);
    /* Cut at 13 bytes: back to the character boundary at 12, the span past it dropped. */
    v = wa_hit_view(body, 13);
    assert_string_equal(json_string_value(json_object_get(v, "text")), "拉萨环卫");
    assert_true(json_is_true(json_object_get(v, "text_truncated")));
    assert_int_equal(json_array_size(json_object_get(v, "spans")), 2);
    json_decref(v);
    assert_null(wa_hit_view("[1]", 100));
    assert_null(wa_hit_view("not json", 100));
}

static void test_prefecture_short(void **state)
{
    (void)state;
    assert_string_equal(wa_prefecture_short("拉萨市"), "拉萨");
    assert_string_equal(wa_prefecture_short("拉萨"), "拉萨");
    assert_string_equal(wa_prefecture_short("阿里地区"), "阿里");
    assert_string_equal(wa_prefecture_short("日喀则市"), "日喀则");
    assert_string_equal(wa_prefecture_short("拉萨市城关区"), "拉萨市城关区");
    assert_string_equal(wa_prefecture_short("成都市"), "成都市");
    assert_null(wa_prefecture_short(NULL));
}

static void test_ledger_views(void **state)
{
    (void)state;
    char path[] = "/tmp/wa-test-views-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    wa_ledger *l;
    char err[512];
    assert_int_equal(wa_ledger_open(&l, path, err, sizeof err), 0);
    assert_int_equal(wa_ledger_schema_version(l), 4);
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        wa_report_case rc = as_report_case(&known[i]);
        char unit[32];
        snprintf(unit, sizeof unit, "unit-%zu", i);
        wa_case c = {0};
        c.status = (char *)known[i].status;
        c.level = (char *)"orange";
        c.channel = (char *)"12345";
        c.links = (char *)"[]";
        c.prefecture = (char *)known[i].pref;
        c.unit_name = c.unit_key = unit;
        c.workers = known[i].workers;
        c.amount_yuan = known[i].amount;
        c.first_seen = c.last_seen = c.opened_at = rc.opened_at;
        c.report_due = rc.report_due;
        c.resolve_due = rc.resolve_due;
        c.reported_at = rc.reported_at;
        c.resolved_at = rc.resolved_at;
        /* The strings are borrowed: c is not cleared. */
        assert_int_equal(wa_ledger_case_insert(l, &c), 0);
    }
    wa_monthly_report r;
    assert_int_equal(wa_report_init(&r, "2026-11", NULL, utc(2026, 12, 7, 0, 0)), 0);
    assert_int_equal(wa_ledger_report_fill(l, NULL, &r), 0);
    assert_int_equal(r.rows[0].opened, 4);
    assert_int_equal(r.rows[0].overdue, 2);
    assert_int_equal(r.rows[0].amount_yuan, 71000);
    assert_int_equal(r.rows[5].resolved, 1);
    assert_int_equal(wa_report_init(&r, "2026-11", "拉萨", utc(2026, 12, 7, 0, 0)), 0);
    assert_int_equal(wa_ledger_report_fill(l, "拉萨", &r), 0);
    assert_int_equal(r.rows[5].opened, 0);
    assert_int_equal(r.rows[0].workers, 22);

    json_t *st;
    assert_int_equal(wa_ledger_stats_json(l, utc(2026, 11, 1, 0, 0), utc(2026, 12, 1, 0, 0), "那曲", &st), 0);
    json_t *bp = json_object_get(st, "by_prefecture");
    assert_int_equal(json_array_size(bp), 1);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(bp, 0), "cases")), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(st, "by_day"), 0), "day")),
                        "2026-11-15");
    json_decref(st);

    assert_int_equal(wa_ledger_pii_view_add(l, 100, "p1", "petition", 1, "phone"), 0);
    json_t *pv;
    assert_int_equal(wa_ledger_pii_views_json(l, 10, 0, &pv), 0);
    assert_int_equal(json_integer_value(json_object_get(pv, "total")), 1);
    json_decref(pv);
    /* Append-only: the schema refuses deletes and updates. */
    assert_int_not_equal(sqlite3_exec(wa_ledger_sqlite(l), "DELETE FROM pii_views", NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(wa_ledger_sqlite(l), "UPDATE pii_views SET user_name = 'x'", NULL, NULL, NULL),
                         SQLITE_OK);

    assert_int_equal(wa_ledger_user_add(l, "u1", "housing", "拉萨", "$argon2id$x", 1), 0);
    assert_int_equal(wa_ledger_session_add(l, "h1", 1, "c1", 1, 1LL << 40), 0);
    int found = 0;
    assert_int_equal(wa_ledger_user_set_disabled(l, "u1", 1, &found), 0);
    assert_int_equal(found, 1);
    wa_user u;
    char csrf[80];
    assert_int_equal(wa_ledger_session_get(l, "h1", 2, &u, csrf, sizeof csrf, &found), 0);
    assert_int_equal(found, 0);
    wa_user_clear(&u);
    assert_int_equal(wa_ledger_user_set_disabled(l, "nobody", 1, &found), 0);
    assert_int_equal(found, 0);
    wa_ledger_close(l);
    char side[600];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_month_bounds), cmocka_unit_test(test_report_rows),
        cmocka_unit_test(test_report_scope), cmocka_unit_test(test_sla),
        cmocka_unit_test(test_spans),        cmocka_unit_test(test_prefecture_short),
        cmocka_unit_test(test_ledger_views),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
