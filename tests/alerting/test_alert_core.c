/* Unit tests of the alerting service's core: unit-name normalisation, the
 * ledger's migrations and append-only trail, incident grouping, the
 * workflow, the clocks, the fast report, hotline validation. Each test
 * works on a fresh ledger in a temporary folder. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../alerting/clocks.h"
#include "../../alerting/deliver.h"
#include "../../alerting/hotline_api.h"
#include "../../alerting/incidents.h"
#include "../../alerting/notify.h"
#include "../../alerting/unitname.h"

typedef struct {
    char dir[64], db[96], cfgpath[96];
    wa_config cfg;
    wa_alert_config ac;
    wa_ledger *l;
    wa_ctx x;
    wa_incidents *inc;
} fixture;

static const char config_json[] =
    "{\"alerting\": {\"report_due_minutes\": 120, \"resolve_due_minutes\": 1440,"
    " \"spread\": {\"yellow\": 0, \"orange\": 0, \"red\": 0},"
    " \"routes\": ["
    "  {\"name\": \"cyber\", \"office\": \"cyberspace\", \"channel\": \"webhook\", \"url\": \"http://127.0.0.1:9/h\", \"secret\": \"s\"},"
    "  {\"name\": \"housing\", \"office\": \"housing\", \"channel\": \"webhook\", \"url\": \"http://127.0.0.1:9/h\", \"secret\": \"s\"},"
    "  {\"name\": \"boss\", \"office\": \"supervisors\", \"channel\": \"wecom\", \"url\": \"http://127.0.0.1:9/w\"},"
    "  {\"name\": \"lhasa-only\", \"office\": \"petition\", \"channel\": \"dingtalk\", \"url\": \"http://127.0.0.1:9/d\","
    "   \"prefectures\": [\"拉萨\"], \"min_level\": \"orange\"}]}}";

static const long long T0 = 1795000000; /* a fixed "now" */

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->dir, sizeof f->dir, "/tmp/wa-alert-test-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->db, sizeof f->db, "%s/ledger.db", f->dir);
    snprintf(f->cfgpath, sizeof f->cfgpath, "%s/wa.json", f->dir);
    FILE *fp = fopen(f->cfgpath, "w");
    assert_non_null(fp);
    fputs(config_json, fp);
    fclose(fp);
    char err[512];
    assert_int_equal(wa_config_load(&f->cfg, f->cfgpath, NULL, err, sizeof err), 0);
    if (wa_alert_config_load(&f->ac, &f->cfg, err, sizeof err) != 0)
        fail_msg("%s", err);
    assert_int_equal(wa_ledger_open(&f->l, f->db, err, sizeof err), 0);
    f->x.ledger = f->l;
    f->x.ac = &f->ac;
    f->x.topic_cases = "wa.cases";
    f->inc = wa_incidents_new(&f->x, T0, err, sizeof err);
    assert_non_null(f->inc);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    wa_incidents_free(f->inc);
    wa_ledger_close(f->l);
    wa_alert_config_free(&f->ac);
    wa_config_free(&f->cfg);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

/* One statement's single integer answer, straight from the file. */
static long long q(fixture *f, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    long long v = -1;
    assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static const char *key_of(const char *name)
{
    static wa_buf b;
    assert_int_equal(wa_unit_key(name, strlen(name), &b), 0);
    return b.data;
}

static void unit_names_normalise(void **state)
{
    (void)state;
    char want[256];
    snprintf(want, sizeof want, "%s", key_of("拉萨市净美环卫有限公司"));
    const char *same[] = {"拉萨市净美环卫有限责任公司", "拉薩市淨美環衛有限公司", "拉萨市 净美 环卫 有限公司",
                          "拉萨市净美环卫（有限公司）", "拉萨市净美环卫有限責任公司", "拉 萨市净美环卫有限公司"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        assert_string_equal(key_of(same[i]), want);
    assert_string_not_equal(key_of("拉萨市净美物业有限公司"), want);
    assert_string_not_equal(key_of("日喀则市净美环卫有限公司"), want);
    wa_buf b;
    wa_buf_init(&b);
    assert_int_equal(wa_unit_key("  ", 2, &b), 0);
    assert_int_equal(b.len, 0);
    wa_buf_free(&b);
}

static void migrations_step_by_step(void **state)
{
    fixture *f = *state;
    char path[128], err[512];
    snprintf(path, sizeof path, "%s/old.db", f->dir);
    wa_ledger *l;
    assert_int_equal(wa_ledger_open_version(&l, path, 1, err, sizeof err), 0);
    assert_int_equal(wa_ledger_schema_version(l), 1);
    char id[40];
    snprintf(id, sizeof id, "%s", wa_ledger_id(l));
    assert_int_equal(strlen(id), 24);
    wa_ledger_close(l);
    /* A version-1 file is brought up to date and keeps its id. */
    assert_int_equal(wa_ledger_open(&l, path, err, sizeof err), 0);
    assert_int_equal(wa_ledger_schema_version(l), WA_LEDGER_SCHEMA_VERSION);
    assert_string_equal(wa_ledger_id(l), id);
    assert_int_equal(wa_ledger_kafka_add(l, "wa.cases", "1", "{}", "k1", T0), 0);
    wa_ledger_close(l);
    /* A file from a newer build is refused with a clear reason. */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(wa_ledger_open(&l, path, err, sizeof err), -1);
    assert_non_null(strstr(err, "newer than this build"));
}

static void events_are_append_only(void **state)
{
    fixture *f = *state;
    wa_hit_result r;
    const char *hit = "{\"id\":\"a1\",\"level\":\"yellow\",\"text\":\"x\",\"region\":{\"prefecture\":\"拉萨\"},"
                      "\"entities\":{\"company\":\"甲公司\"}}";
    assert_int_equal(wa_ledger_begin(f->l), 0);
    assert_int_equal(wa_incidents_add(f->inc, hit, strlen(hit), T0, &r), 0);
    assert_int_equal(wa_ledger_commit(f->l), 0);
    assert_true(q(f, "SELECT count(*) FROM events") > 0);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db, "UPDATE events SET note = 'x'", NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db, "DELETE FROM events", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static int add(fixture *f, const char *json, long long now, wa_hit_result *r)
{
    assert_int_equal(wa_ledger_begin(f->l), 0);
    int rc = wa_incidents_add(f->inc, json, strlen(json), now, r);
    assert_int_equal(wa_ledger_commit(f->l), 0);
    wa_incidents_committed(f->inc);
    return rc;
}

static void grouping_by_unit_and_text(void **state)
{
    fixture *f = *state;
    static const char *const forms[] = {"%s有限公司", "%s有限责任公司", "%s （有限公司）", "%s 有限 公司"};
    static const char *const prefs[] = {"拉萨", "日喀则", "昌都", "林芝", "山南", "那曲", "阿里"};
    static const char *const w[] = {"净美", "洁华", "绿源", "东兴", "顺达", "丰运", "宁清", "新雪", "恒泰", "鑫和"};
    char hit[2048], unit[128], base[64];
    wa_hit_result r;
    int n_inc = 40, per = 12;
    for (int k = 0; k < per; k++)
        for (int i = 0; i < n_inc; i++) {
            snprintf(base, sizeof base, "%s%s环卫", w[i % 10], w[(i / 10 + 3) % 10]);
            snprintf(unit, sizeof unit, forms[k % 4], base);
            snprintf(hit, sizeof hit,
                     "{\"id\":\"d-%d-%d\",\"level\":\"%s\",\"source\":\"s%d\",\"url\":\"https://e.org/%d/%d\","
                     "\"text\":\"%s的%s拖欠%d名环卫工人三个月工资，第%d条转发\","
                     "\"region\":{\"prefecture\":\"%s\",\"county\":null},"
                     "\"entities\":{\"company\":\"%s\",\"workers\":%d,\"months\":3,\"amount_yuan\":null}}",
                     i, k, k == 5 ? "red" : "blue", k % 3, i, k, prefs[i % 7], unit, 10 + i, k, prefs[i % 7], unit,
                     10 + i);
            assert_int_equal(add(f, hit, T0 + k, &r), 0);
            assert_int_equal(r.outcome, k == 0 ? WA_HIT_NEW_CASE : WA_HIT_JOINED);
        }
    assert_int_equal(q(f, "SELECT count(*) FROM cases"), n_inc);
    assert_int_equal(q(f, "SELECT count(*) FROM cases WHERE hit_count = 12 AND source_count = 3 AND level = 'red'"),
                     n_inc);
    assert_int_equal(q(f, "SELECT count(*) FROM companies WHERE case_count = 1"), n_inc);
    /* The same document again changes nothing. */
    long long events = q(f, "SELECT count(*) FROM events");
    assert_int_equal(add(f, hit, T0 + 100, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_DUPLICATE);
    assert_int_equal(q(f, "SELECT count(*) FROM events"), events);
    assert_int_equal(q(f, "SELECT sum(hit_count) FROM cases"), n_inc * per);

    /* A long post reposted without the unit joins by its text. */
    const char *story = "那曲色尼区某环卫公司拖欠二十多名环卫工人半年工资，工人们冬天在零下二十度清扫街道，"
                        "多次到公司讨薪都被保安拦在门外，项目负责人说要等财政拨款才能发工资，请领导关注。";
    snprintf(hit, sizeof hit, "{\"id\":\"t-1\",\"level\":\"yellow\",\"text\":\"%s\",\"region\":{\"prefecture\":\"那曲\"}}",
             story);
    assert_int_equal(add(f, hit, T0 + 200, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_NEW_CASE);
    long long story_case = r.case_id;
    snprintf(hit, sizeof hit, "{\"id\":\"t-2\",\"level\":\"yellow\",\"text\":\"转发 %s 求扩散\",\"region\":null}", story);
    assert_int_equal(add(f, hit, T0 + 201, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_JOINED);
    assert_int_equal(r.case_id, story_case);
    /* A unit name that normalises to nothing is no unit: the repost still joins by text. */
    snprintf(hit, sizeof hit,
             "{\"id\":\"t-blank\",\"level\":\"yellow\",\"text\":\"%s\",\"entities\":{\"company\":\" * \"}}", story);
    assert_int_equal(add(f, hit, T0 + 201, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_JOINED);
    assert_int_equal(r.case_id, story_case);
    /* The same words about another named unit in another place: another incident. */
    snprintf(hit, sizeof hit,
             "{\"id\":\"t-3\",\"level\":\"yellow\",\"text\":\"%s\",\"region\":{\"prefecture\":\"阿里\"},"
             "\"entities\":{\"company\":\"阿里某保洁公司\"}}", story);
    assert_int_equal(add(f, hit, T0 + 202, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_NEW_CASE);
    /* Outside the window, the unit opens a new case. */
    snprintf(hit, sizeof hit,
             "{\"id\":\"late\",\"level\":\"blue\",\"region\":{\"prefecture\":\"%s\"},\"entities\":{\"company\":\"%s\"}}",
             prefs[0], "净美东兴环卫有限公司");
    assert_int_equal(add(f, hit, T0 + 31LL * 86400, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_NEW_CASE);
    assert_int_equal(q(f, "SELECT case_count FROM companies WHERE name LIKE '净美东兴%' ORDER BY id LIMIT 1"), 2);
}

/* Texts of the test data (tests/alerting/gen_hits.py, seed 7, incidents 162,
 * 325 and 383): one Tibetan template, so the stories are close in SimHash.
 * The repost of 162 (naming no unit) is 5 bits from 162's second post and
 * also 5 from 325's and 383's first, 6 from 162's first. */
#define TIE_162_0 "阿里普兰县གི་丰福保洁（有限公司）ཡིས་གཙང་སྦྲའི་ལས་མི་25ལ་ཟླ་བ་2གི་གླ་ཕོགས་སྤྲད་མེད། འབོར་ཚད་37000ཡིན། 项目经理一直推脱说政府没拨款，编号1162"
#define TIE_162_1 "转发：阿里普兰县གི་豐福保潔有限公司ཡིས་གཙང་སྦྲའི་ལས་མི་25ལ་ཟླ་བ་2གི་གླ་ཕོགས་སྤྲད་མེད། འབོར་ཚད་37000ཡིན། 项目经理一直推脱说政府没拨款，编号1162"
#define TIE_162_8 "阿里普兰县གི་丰福保洁 有限 公司ཡིས་གཙང་སྦྲའི་ལས་མི་25ལ་ཟླ་བ་2གི་གླ་ཕོགས་སྤྲད་མེད། འབོར་ཚད་37000ཡིན། 项目经理一直推脱说政府没拨款，编号1162 请有关部门关注！"
#define TIE_325_0 "阿里普兰县གི་阿里市福华保洁有限公司ཡིས་གཙང་སྦྲའི་ལས་མི་31ལ་ཟླ་བ་12གི་གླ་ཕོགས་སྤྲད་མེད། འབོར་ཚད་135000ཡིན། 项目经理一直推脱说政府没拨款，编号1325"
#define TIE_383_2 "日喀则桑珠孜区གི་东阳绿化（有限公司）ཡིས་གཙང་སྦྲའི་ལས་མི་62ལ་ཟླ་བ་12གི་གླ་ཕོགས་སྤྲད་མེད། འབོར་ཚད་832000ཡིན། 项目经理一直推脱说政府没拨款，编号1383 请有关部门关注！"
#define TIE_HIT(id, pref, unit, text)                                                                              \
    "{\"id\":\"" id "\",\"level\":\"blue\",\"text\":\"" text "\",\"region\":{\"prefecture\":\"" pref "\"},"     \
    "\"entities\":{\"company\":" unit "}}"

static const char *const tie_162[] = {TIE_HIT("doc-162-0", "阿里", "\"丰福保洁（有限公司）\"", TIE_162_0),
                                      TIE_HIT("doc-162-1", "阿里", "\"豐福保潔有限公司\"", TIE_162_1),
                                      TIE_HIT("doc-162-8", "阿里", "\"丰福保洁 有限 公司\"", TIE_162_8)};
static const char tie_325[] = TIE_HIT("doc-325-0", "阿里", "\"阿里市福华保洁有限公司\"", TIE_325_0);
static const char tie_383[] = TIE_HIT("doc-383-2", "日喀则", "\"东阳绿化（有限公司）\"", TIE_383_2);
static const char tie_repost_325[] = TIE_HIT("doc-325-19", "阿里", "null", "转 " TIE_325_0);

/* The repost of 162 (doc id `id`), naming no unit. */
static const char *tie_repost_162(const char *id)
{
    static char b[1024];
    snprintf(b, sizeof b, TIE_HIT("%s", "阿里", "null", "转 " TIE_162_0), id);
    return b;
}

static long long case_of(fixture *f, const char *doc_id)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT case_id FROM hits WHERE doc_id = '%s'", doc_id);
    return q(f, sql);
}

/* A restart: the index is loaded from the ledger again. */
static void restart(fixture *f, long long now)
{
    char err[512];
    wa_incidents_free(f->inc);
    f->inc = wa_incidents_new(&f->x, now, err, sizeof err);
    if (!f->inc)
        fail_msg("%s", err);
}

/* The case a repost joins by its text must not depend on the order the
 * hits came in (it decides the case ids: partitions, redelivery and
 * restarts shuffle it), nor on which other reposts came first, nor on a
 * restart. Equal nearest distances were broken by the lower case id, so the
 * repost of 162 joined 325's case when 325's was opened first, and opened a
 * case of its own when 383's (another prefecture) was. */
static void near_text_choice_ignores_arrival_order(void **state)
{
    (void)state;
    /* Which incident's hits come first; 'r': 325's repost before 162's. */
    static const char *const orders[] = {"abc", "bac", "cab", "cba", "bacr", "cbar", "abcr"};
    for (size_t o = 0; o < sizeof orders / sizeof orders[0]; o++) {
        fixture *f;
        assert_int_equal(setup((void **)&f), 0);
        wa_hit_result r;
        long long t = T0;
        for (const char *p = orders[o]; *p; p++) {
            if (*p == 'a')
                for (size_t i = 0; i < sizeof tie_162 / sizeof tie_162[0]; i++)
                    assert_int_equal(add(f, tie_162[i], t++, &r), 0);
            else
                assert_int_equal(add(f, *p == 'b' ? tie_325 : *p == 'c' ? tie_383 : tie_repost_325, t++, &r), 0);
        }
        assert_int_equal(q(f, "SELECT count(*) FROM cases"), 3);
        long long want = case_of(f, "doc-162-0");
        assert_int_equal(add(f, tie_repost_162("doc-162-19"), t++, &r), 0);
        if (r.outcome != WA_HIT_JOINED || r.case_id != want)
            fail_msg("order %s: the repost of 162 %s case %lld, not 162's case %lld", orders[o],
                     r.outcome == WA_HIT_NEW_CASE ? "opened" : "joined", r.case_id, want);
        /* After a restart, another copy goes to the same case. */
        restart(f, t);
        assert_int_equal(add(f, tie_repost_162("doc-162-20"), t++, &r), 0);
        assert_int_equal(r.outcome, WA_HIT_JOINED);
        assert_int_equal(r.case_id, want);
        assert_int_equal(teardown((void **)&f), 0);
    }
}

/* The nearest text of a case the hit may not join (closed, or of another
 * place or unit) must not hide the next nearest. The running process still
 * indexes a case closed since, a restarted one does not load it: the answer
 * depended on when the process last started. */
static void near_text_skips_cases_it_may_not_join(void **state)
{
    fixture *f = *state;
    wa_hit_result r;
    /* 383's text (another prefecture) is nearer than 162's own. */
    assert_int_equal(add(f, tie_383, T0, &r), 0);
    assert_int_equal(add(f, tie_162[0], T0 + 1, &r), 0);
    long long c162 = r.case_id;
    assert_int_equal(add(f, tie_repost_162("r-1"), T0 + 2, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_JOINED);
    assert_int_equal(r.case_id, c162);
    /* 162's case closed; the story is reported again and opens a new case. */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
    char sql[96];
    snprintf(sql, sizeof sql, "UPDATE cases SET status = 'closed', closed_at = %lld WHERE id = %lld", T0 + 3, c162);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(add(f, tie_162[1], T0 + 4, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_NEW_CASE);
    long long reopened = r.case_id;
    /* The closed case holds texts as near as the new one's: the repost joins the open one... */
    assert_int_equal(add(f, tie_repost_162("r-2"), T0 + 5, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_JOINED);
    assert_int_equal(r.case_id, reopened);
    /* ...and so it does after a restart, which no longer loads the closed case. */
    restart(f, T0 + 6);
    assert_int_equal(add(f, tie_repost_162("r-3"), T0 + 6, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_JOINED);
    assert_int_equal(r.case_id, reopened);
}

static void malformed_hits(void **state)
{
    fixture *f = *state;
    static const char *const bad[] = {"not json", "[1,2]", "{\"level\":\"red\"}", "{\"id\":\"x\"}",
                                      "{\"id\":\"x\",\"level\":\"purple\"}", "{\"id\":\"x\",\"level\":\"red\",\"region\":3}",
                                      "{\"id\":\"\",\"level\":\"red\"}"};
    wa_hit_result r;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(add(f, bad[i], T0, &r), 0);
        assert_int_equal(r.outcome, WA_HIT_MALFORMED);
        assert_true(strlen(r.reason) > 0);
    }
    assert_int_equal(q(f, "SELECT count(*) FROM cases"), 0);
}

static long long open_case(fixture *f, const char *id, const char *pref)
{
    char hit[512];
    wa_hit_result r;
    snprintf(hit, sizeof hit,
             "{\"id\":\"%s\",\"level\":\"orange\",\"title\":\"欠薪\",\"url\":\"https://e.org/%s\",\"region\":{\"prefecture\":\"%s\",\"county\":\"城关区\"},"
             "\"entities\":{\"company\":\"%s净美环卫有限公司\",\"workers\":12,\"months\":3,\"amount_yuan\":54000}}",
             id, id, pref, id);
    assert_int_equal(add(f, hit, T0, &r), 0);
    assert_int_equal(r.outcome, WA_HIT_NEW_CASE);
    return r.case_id;
}

static void workflow_steps(void **state)
{
    fixture *f = *state;
    long long id = open_case(f, "w1", "拉萨");
    char err[256];
    assert_int_equal(wa_workflow_change(&f->x, id, "resolved", "u", "paid", T0 + 1, err, sizeof err), -1);
    assert_non_null(strstr(err, "is open: it cannot become resolved"));
    assert_int_equal(wa_workflow_change(&f->x, id, "reported", "u", NULL, T0 + 1, err, sizeof err), 0);
    assert_int_equal(wa_workflow_change(&f->x, id, "assigned", "u", NULL, T0 + 2, err, sizeof err), -1);
    assert_int_equal(wa_workflow_change(&f->x, id, "assigned", "u", "城关区住建局", T0 + 2, err, sizeof err), 0);
    assert_int_equal(wa_workflow_change(&f->x, id, "resolved", "u", "  ", T0 + 3, err, sizeof err), -1);
    assert_non_null(strstr(err, "needs a note"));
    assert_int_equal(wa_workflow_change(&f->x, id, "resolved", "u", "已补发 54000 元 2026-11-26", T0 + 3, err, sizeof err), 0);
    assert_int_equal(wa_workflow_change(&f->x, id, "dismissed", "u", "x", T0 + 4, err, sizeof err), -1);
    assert_int_equal(wa_workflow_change(&f->x, id, "closed", "u", NULL, T0 + 5, err, sizeof err), 0);
    assert_int_equal(wa_workflow_change(&f->x, id, "open", "u", NULL, T0 + 6, err, sizeof err), -1);
    assert_int_equal(q(f, "SELECT count(*) FROM events WHERE kind = 'status'"), 4);
    assert_int_equal(q(f, "SELECT count(*) FROM kafka_out WHERE topic = 'wa.cases'"), q(f, "SELECT count(*) FROM events"));
    long long id2 = open_case(f, "w2", "拉萨");
    assert_int_equal(wa_workflow_change(&f->x, id2, "dismissed", "u", "", T0 + 1, err, sizeof err), -1);
    assert_int_equal(wa_workflow_change(&f->x, id2, "dismissed", "u", "转载的旧闻，已于上月解决", T0 + 1, err, sizeof err), 0);
    assert_int_equal(wa_workflow_allowed("open", "reported"), 1);
    assert_int_equal(wa_workflow_allowed("closed", "open"), 0);
}

static void clocks_escalate_once(void **state)
{
    fixture *f = *state;
    char err[256];
    int n = -1;
    long long unreported = open_case(f, "c1", "拉萨");
    long long reported = open_case(f, "c2", "日喀则");
    long long resolved = open_case(f, "c3", "昌都");
    assert_int_equal(wa_workflow_change(&f->x, reported, "reported", "u", NULL, T0 + 60, err, sizeof err), 0);
    assert_int_equal(wa_workflow_change(&f->x, resolved, "reported", "u", NULL, T0 + 60, err, sizeof err), 0);
    assert_int_equal(wa_workflow_change(&f->x, resolved, "assigned", "u", "昌都住建局", T0 + 60, err, sizeof err), 0);
    assert_int_equal(wa_workflow_change(&f->x, resolved, "resolved", "u", "已支付", T0 + 3600, err, sizeof err), 0);
    assert_int_equal(wa_clocks_check(&f->x, T0 + 2 * 3600 - 1, &n, err, sizeof err), 0);
    assert_int_equal(n, 0);
    assert_int_equal(wa_clocks_check(&f->x, T0 + 2 * 3600, &n, err, sizeof err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(wa_clocks_check(&f->x, T0 + 2 * 3600 + 5, &n, err, sizeof err), 0);
    assert_int_equal(n, 0); /* once per deadline */
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT report_overdue FROM cases WHERE id = %lld", unreported);
    assert_int_equal(q(f, sql), 1);
    assert_int_equal(q(f, "SELECT count(*) FROM outbox WHERE kind = 'overdue_report' AND route = 'boss'"), 1);
    assert_int_equal(wa_clocks_check(&f->x, T0 + 24 * 3600, &n, err, sizeof err), 0);
    assert_int_equal(n, 2); /* the unreported and the reported one; not the resolved one */
    snprintf(sql, sizeof sql, "SELECT resolve_overdue FROM cases WHERE id = %lld", resolved);
    assert_int_equal(q(f, sql), 0);
    assert_int_equal(q(f, "SELECT count(*) FROM events WHERE kind LIKE 'overdue_%'"), 3);
    assert_int_equal(q(f, "SELECT count(*) FROM outbox WHERE kind = 'overdue_resolution'"), 2);
}

static void routes_and_fast_report(void **state)
{
    fixture *f = *state;
    long long id = open_case(f, "r1", "拉萨");
    open_case(f, "r2", "阿里");
    /* Every case: cyberspace (case_opened) and housing (fast_report); the
     * Lhasa petition route only Lhasa cases of orange and above. */
    assert_int_equal(q(f, "SELECT count(*) FROM outbox WHERE kind = 'case_opened' AND route = 'cyber'"), 2);
    assert_int_equal(q(f, "SELECT count(*) FROM outbox WHERE kind = 'fast_report' AND route = 'housing'"), 2);
    assert_int_equal(q(f, "SELECT count(*) FROM outbox WHERE route = 'lhasa-only'"), 1);
    wa_case c;
    assert_int_equal(wa_ledger_case_get(f->l, id, &c), 0);
    wa_buf b;
    wa_buf_init(&b);
    assert_int_equal(wa_fast_report_text(&c, &b), 0);
    assert_int_equal(wa_buf_terminate(&b), 0);
    assert_non_null(strstr(b.data, "快报"));
    assert_non_null(strstr(b.data, "r1净美环卫有限公司"));
    assert_non_null(strstr(b.data, "12 人"));
    assert_non_null(strstr(b.data, "3 个月"));
    assert_non_null(strstr(b.data, "54000 元"));
    assert_non_null(strstr(b.data, "https://e.org/r1"));
    assert_non_null(strstr(b.data, "橙色"));
    wa_buf_free(&b);
    wa_case_clear(&c);
    char sig[80], sig2[80];
    wa_webhook_signature("secret", "1700000000", "{}", 2, sig);
    wa_webhook_signature("secret", "1700000000", "{}", 2, sig2);
    assert_string_equal(sig, sig2);
    assert_int_equal(strlen(sig), 7 + 64);
    wa_webhook_signature("secret", "1700000001", "{}", 2, sig2);
    assert_string_not_equal(sig, sig2);
}

static void hotline_validation(void **state)
{
    fixture *f = *state;
    char field[64], err[256];
    long long id = 0;
    const char *good = "{\"channel\":\"12345\",\"ticket\":\"GD-1\",\"complainant\":{\"name\":\"张三\",\"phone\":\"139\"},"
                       "\"unit\":{\"name\":\"拉萨市净美环卫有限公司\"},\"content\":\"三个月没发工资\","
                       "\"region\":{\"prefecture\":\"拉萨\"},\"workers\":5}";
    assert_int_equal(wa_hotline_record(&f->x, good, strlen(good), T0, &id, field, sizeof field, err, sizeof err), 201);
    assert_true(id > 0);
    long long again = 0;
    assert_int_equal(wa_hotline_record(&f->x, good, strlen(good), T0, &again, field, sizeof field, err, sizeof err), 200);
    assert_int_equal(again, id);
    static const struct {
        const char *body, *field;
    } bad[] = {
        {"nope", "body"},
        {"{\"ticket\":\"1\"}", "channel"},
        {"{\"channel\":\"110\",\"ticket\":\"1\",\"complainant\":{\"name\":\"a\"},\"unit\":{\"name\":\"b\"},\"content\":\"c\",\"region\":{\"prefecture\":\"拉萨\"}}", "channel"},
        {"{\"channel\":\"12319\",\"complainant\":{\"name\":\"a\"}}", "ticket"},
        {"{\"channel\":\"12319\",\"ticket\":\"1\",\"complainant\":{}}", "complainant.name"},
        {"{\"channel\":\"12319\",\"ticket\":\"1\",\"complainant\":{\"name\":\"a\"},\"unit\":{\"name\":\"b\"},\"content\":\"c\",\"region\":{\"prefecture\":\"北京\"}}", "region.prefecture"},
        {"{\"channel\":\"12319\",\"ticket\":\"1\",\"complainant\":{\"name\":\"a\"},\"unit\":{\"name\":\"b\"},\"content\":\"c\",\"region\":{\"prefecture\":\"拉萨\"},\"workers\":-1}", "workers"},
        {"{\"channel\":\"12319\",\"ticket\":\"1\",\"complainant\":{\"name\":\"a\"},\"unit\":{\"name\":\"b\"},\"region\":{\"prefecture\":\"拉萨\"}}", "content"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(wa_hotline_record(&f->x, bad[i].body, strlen(bad[i].body), T0, &id, field, sizeof field, err,
                                           sizeof err),
                         400);
        assert_string_equal(field, bad[i].field);
    }
    assert_int_equal(q(f, "SELECT count(*) FROM cases WHERE channel = '12345' AND complainant_name = '张三'"), 1);
    /* A long complaint is cut for the excerpt at a character boundary, never inside one. */
    char big[8192];
    size_t n = (size_t)snprintf(big, sizeof big, "{\"channel\":\"12319\",\"ticket\":\"L-1\",\"complainant\":{\"name\":\"a\"},"
                                                 "\"unit\":{\"name\":\"b\"},\"region\":{\"prefecture\":\"阿里\"},\"content\":\"x");
    while (n + 8 < sizeof big - 8) {
        memcpy(big + n, "欠薪", 6);
        n += 6;
    }
    memcpy(big + n, "\"}", 3);
    assert_int_equal(wa_hotline_record(&f->x, big, strlen(big), T0, &id, field, sizeof field, err, sizeof err), 201);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unit_names_normalise),
        cmocka_unit_test_setup_teardown(migrations_step_by_step, setup, teardown),
        cmocka_unit_test_setup_teardown(events_are_append_only, setup, teardown),
        cmocka_unit_test_setup_teardown(grouping_by_unit_and_text, setup, teardown),
        cmocka_unit_test(near_text_choice_ignores_arrival_order),
        cmocka_unit_test_setup_teardown(near_text_skips_cases_it_may_not_join, setup, teardown),
        cmocka_unit_test_setup_teardown(malformed_hits, setup, teardown),
        cmocka_unit_test_setup_teardown(workflow_steps, setup, teardown),
        cmocka_unit_test_setup_teardown(clocks_escalate_once, setup, teardown),
        cmocka_unit_test_setup_teardown(routes_and_fast_report, setup, teardown),
        cmocka_unit_test_setup_teardown(hotline_validation, setup, teardown),
    };
    return cmocka_run_group_tests_name("test_alert_core", tests, NULL, NULL);
}
