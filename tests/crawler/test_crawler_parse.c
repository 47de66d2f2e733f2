/* Canonical URLs, dates, robots.txt and SimHash. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../crawler/dates.h"
#include "../../crawler/robots.h"
#include "../../crawler/simhash.h"
#include "../../crawler/urlcanon.h"

/* ---- URLs ---- */

static void expect_canonical(const char *base, const char *ref, const char *want)
{
    char *got = wa_url_canonical(base, ref);
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void canonical_urls(void **state)
{
    (void)state;
    expect_canonical(NULL, "HTTP://News.Example.ORG:80/a/./b/../c.html#comments", "http://news.example.org/a/c.html");
    expect_canonical(NULL, "https://example.org/p?utm_source=wx&id=7&utm_medium=share&spm=a.b&fbclid=x",
                     "https://example.org/p?id=7");
    expect_canonical(NULL, "https://example.org/p?b=2&a=1", "https://example.org/p?a=1&b=2");
    expect_canonical(NULL, "https://example.org", "https://example.org/");
    expect_canonical(NULL, "https://example.org:8443/x", "https://example.org:8443/x");
    expect_canonical("http://example.org/news/list.html", "../2026/11/a.html", "http://example.org/2026/11/a.html");
    expect_canonical("http://example.org/news/", "//cdn.example.org/x", "http://cdn.example.org/x");
    expect_canonical("http://example.org/", "  /a b.html  ", "http://example.org/a%20b.html");
    expect_canonical("http://example.org/", "/新闻/1.html", "http://example.org/%E6%96%B0%E9%97%BB/1.html");
    expect_canonical("http://example.org/", "javascript:void(0)", NULL);
    expect_canonical("http://example.org/", "mailto:a@example.org", NULL);
    expect_canonical(NULL, "ftp://example.org/x", NULL);
    expect_canonical(NULL, "", NULL);
}

static void url_parts(void **state)
{
    (void)state;
    char origin[128];
    assert_int_equal(wa_url_origin("http://Example.org:8080/a?b", origin, sizeof origin), 0);
    assert_string_equal(origin, "http://example.org:8080");
    char *pq = wa_url_path_query("http://example.org/a/b?x=1#frag");
    assert_string_equal(pq, "/a/b?x=1");
    free(pq);
    char *r = wa_url_resolve("http://example.org/a/", "b?utm_source=x#top");
    assert_string_equal(r, "http://example.org/a/b?utm_source=x"); /* fetch URL keeps the query */
    free(r);
}

/* ---- dates ---- */

static void expect_date(const char *s, const char *want)
{
    wa_date d;
    int rc = wa_date_parse(s, strlen(s), 480, &d);
    if (!want) {
        assert_int_not_equal(rc, 0);
        return;
    }
    if (rc != 0)
        fail_msg("'%s' not parsed", s);
    char buf[40];
    wa_date_format(&d, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void dates(void **state)
{
    (void)state;
    expect_date("2026-11-25T10:30:00+08:00", "2026-11-25T10:30:00+08:00");
    expect_date("2026-11-25T02:30:00Z", "2026-11-25T02:30:00Z");
    expect_date("2026-11-25 10:30", "2026-11-25T10:30:00+08:00");
    expect_date("2026/11/25", "2026-11-25T00:00:00+08:00");
    expect_date("2026.11.25 10:30:15", "2026-11-25T10:30:15+08:00");
    expect_date("2026年11月25日 10:30", "2026-11-25T10:30:00+08:00");
    expect_date("2026年11月25日10时30分", "2026-11-25T10:30:00+08:00");
    expect_date("2026年11月25日 下午3:05", "2026-11-25T15:05:00+08:00");
    expect_date("Wed, 25 Nov 2026 10:30:00 +0800", "2026-11-25T10:30:00+08:00");
    expect_date("25 Nov 2026 02:30:00 GMT", "2026-11-25T02:30:00Z");
    expect_date("1795573800", "2026-11-25T10:30:00+08:00");
    expect_date("1795573800000", "2026-11-25T10:30:00+08:00");
    expect_date("2026-02-30", NULL);
    expect_date("2026-13-01", NULL);
    expect_date("hello", NULL);
    expect_date("", NULL);
}

static void dates_in_text(void **state)
{
    (void)state;
    const char *t = "来源：拉萨新闻网 发布时间：2026年11月25日 10:30 浏览次数：12";
    wa_date d;
    assert_int_equal(wa_date_find(t, strlen(t), 480, &d), 0);
    char buf[40];
    wa_date_format(&d, buf, sizeof buf);
    assert_string_equal(buf, "2026-11-25T10:30:00+08:00");
    const char *none = "电话：0891-12345678 编号 120260 第2026期";
    assert_int_not_equal(wa_date_find(none, strlen(none), 480, &d), 0);
    int off;
    assert_int_equal(wa_date_parse_offset("+05:45", &off), 0);
    assert_int_equal(off, 345);
    assert_int_not_equal(wa_date_parse_offset("8", &off), 0);
}

static void relative_dates(void **state)
{
    (void)state;
    const time_t now = 1795573800; /* 2026-11-25 10:30 +08:00 */
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"刚刚", "2026-11-25T10:30:00+08:00"},          {"5分钟前", "2026-11-25T10:25:00+08:00"},
        {"3 小时前", "2026-11-25T07:30:00+08:00"},      {"昨天 08:05", "2026-11-24T08:05:00+08:00"},
        {"前天", "2026-11-23T00:00:00+08:00"},          {"11-20 09:00", "2026-11-20T09:00:00+08:00"},
        {"12月30日 09:00", "2025-12-30T09:00:00+08:00"}, {"2026-11-01 08:00", "2026-11-01T08:00:00+08:00"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wa_date d;
        if (wa_date_parse_at(cases[i].in, strlen(cases[i].in), 480, now, &d) != 0)
            fail_msg("'%s' not parsed", cases[i].in);
        char buf[40];
        wa_date_format(&d, buf, sizeof buf);
        assert_string_equal(buf, cases[i].want);
    }
}

/* ---- robots.txt ---- */

static void robots_groups_and_rules(void **state)
{
    (void)state;
    const char txt[] = "# comment\n"
                       "User-agent: *\n"
                       "Disallow: /private/\n"
                       "Allow: /private/open/\n"
                       "Disallow: /*.pdf$\n"
                       "Crawl-delay: 2.5\n"
                       "\n"
                       "User-agent: OtherBot\n"
                       "Disallow: /\n";
    wa_robots *r = wa_robots_parse(txt, sizeof txt - 1, "wa-crawler");
    assert_non_null(r);
    assert_true(wa_robots_allowed(r, "/news/1.html"));
    assert_false(wa_robots_allowed(r, "/private/a.html"));
    assert_true(wa_robots_allowed(r, "/private/open/a.html"));
    assert_false(wa_robots_allowed(r, "/files/a.pdf"));
    assert_true(wa_robots_allowed(r, "/files/a.pdf?x=1"));
    assert_true(wa_robots_crawl_delay(r) > 2.4 && wa_robots_crawl_delay(r) < 2.6);
    wa_robots_free(r);
}

static void robots_own_group_wins(void **state)
{
    (void)state;
    const char txt[] = "User-agent: *\nDisallow: /\n\nUser-agent: WA-Crawler\nUser-agent: other\nDisallow: /admin\n"
                       "Crawl-delay: 999\n";
    wa_robots *r = wa_robots_parse(txt, sizeof txt - 1, "wa-crawler");
    assert_non_null(r);
    assert_true(wa_robots_allowed(r, "/news/"));
    assert_false(wa_robots_allowed(r, "/admin/x"));
    assert_true(wa_robots_crawl_delay(r) <= 60.0); /* capped */
    wa_robots_free(r);
}

static void robots_edge_cases(void **state)
{
    (void)state;
    wa_robots *r = wa_robots_parse("", 0, "wa-crawler");
    assert_true(wa_robots_allowed(r, "/anything"));
    wa_robots_free(r);
    r = wa_robots_parse("User-agent: *\nDisallow:\n", 25, "wa-crawler");
    assert_true(wa_robots_allowed(r, "/anything"));
    wa_robots_free(r);
    r = wa_robots_deny_all();
    assert_false(wa_robots_allowed(r, "/"));
    wa_robots_free(r);
    /* hostile wildcards cost little */
    char txt[9000] = "User-agent: *\nDisallow: /";
    size_t n = strlen(txt);
    for (int i = 0; i < 4000; i++)
        txt[n++] = i % 2 ? 'a' : '*';
    txt[n++] = 'b';
    txt[n++] = '\n';
    r = wa_robots_parse(txt, n, "wa-crawler");
    char path[5000];
    memset(path, 'a', sizeof path - 1);
    path[0] = '/';
    path[sizeof path - 1] = '\0';
    assert_true(wa_robots_allowed(r, path));
    wa_robots_free(r);
}

/* ---- SimHash ---- */

static void simhash_reposts_close_others_far(void **state)
{
    (void)state;
    const char *a = "堆龙德庆区十多名环卫工人反映，他们所在的环卫公司从今年八月起就没有发过工资，到现在已经拖欠了整整四个月。"
                    "工人们说，他们多次到公司讨要，公司负责人总是说上面的款还没拨下来，让大家再等等。";
    const char *b = "堆龙德庆区十几名环卫工人反映：他们所在的环卫公司从今年八月起就没有发过工资，到现在已经拖欠了四个月。\n"
                    "工人们说，他们多次到公司讨要，公司负责人总是说上面的款还没拨下来，让大家再等等！";
    const char *c = "日喀则市桑珠孜区一家物业公司的保洁员向本报反映，公司拖欠她们两个月的工资，共计约八万元。"
                    "保洁员卓玛说，她们多次找公司要钱，公司一直以各种理由推脱，现在快到年底了，大家都很着急。";
    size_t na;
    uint64_t ha = wa_simhash(a, strlen(a), &na), hb = wa_simhash(b, strlen(b), NULL), hc = wa_simhash(c, strlen(c), NULL);
    assert_true(na >= WA_SIMHASH_MIN_SHINGLES);
    assert_true(wa_simhash_distance(ha, hb) <= WA_SIMHASH_NEAR);
    assert_true(wa_simhash_distance(ha, hc) > 16);
    /* layout and punctuation do not count */
    const char *a2 = "堆龙德庆区 十多名环卫工人反映 他们所在的环卫公司从今年八月起就没有发过工资 到现在已经拖欠了整整四个月"
                     "工人们说 他们多次到公司讨要 公司负责人总是说上面的款还没拨下来 让大家再等等";
    assert_int_equal(wa_simhash_distance(ha, wa_simhash(a2, strlen(a2), NULL)), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(canonical_urls),
        cmocka_unit_test(url_parts),
        cmocka_unit_test(dates),
        cmocka_unit_test(dates_in_text),
        cmocka_unit_test(relative_dates),
        cmocka_unit_test(robots_groups_and_rules),
        cmocka_unit_test(robots_own_group_wins),
        cmocka_unit_test(robots_edge_cases),
        cmocka_unit_test(simhash_reposts_close_others_far),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
