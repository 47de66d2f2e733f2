/* Reading one JSON Lines document (classifier/json_input.h) and writing a
 * hit (classifier/hit_json.h), SPEC §3.1. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include <jansson.h>

#include "../../classifier/hit_json.h"
#include "../../classifier/json_input.h"

/* ---- reading ---------------------------------------------------------------------------------- */

static wa_json_reader *reader(void)
{
    static wa_json_reader *r;
    if (!r) {
        r = wa_json_reader_new();
        assert_non_null(r);
    }
    return r;
}

static void free_reader(void)
{
    wa_json_reader_free(reader());
}

/* Parse line; with pad, from a buffer with wa_json_padding() bytes after it
 * (the zero-copy path), else from an exact-size copy. */
static int read_line(const char *line, size_t len, int pad, wa_json_doc *out, char *err, size_t errcap)
{
    size_t cap = len + (pad ? wa_json_padding() : 0);
    char *buf = malloc(cap ? cap : 1);
    assert_non_null(buf);
    memcpy(buf, line, len);
    if (pad)
        memset(buf + len, ' ', cap - len);
    memset(out, 0, sizeof *out);
    err[0] = '\0';
    int rc = wa_json_read_doc(reader(), buf, len, cap, out, err, errcap);
    /* strings in out may point into buf: keep copies for the checks */
    static char keep_id[256], keep_title[256], keep_text[1024];
    if (rc == 0) {
        snprintf(keep_id, sizeof keep_id, "%.*s", (int)out->id_len, out->id);
        out->id = keep_id;
        if (out->title) {
            snprintf(keep_title, sizeof keep_title, "%.*s", (int)out->title_len, out->title);
            out->title = keep_title;
        }
        snprintf(keep_text, sizeof keep_text, "%.*s", (int)out->text_len, out->text);
        out->text = keep_text;
    }
    free(buf);
    return rc;
}

static void expect_doc(const char *line, const char *id, const char *title, const char *text)
{
    for (int pad = 0; pad < 2; pad++) {
        wa_json_doc d;
        char err[256];
        if (read_line(line, strlen(line), pad, &d, err, sizeof err) != 0)
            fail_msg("refused (%s): %s", err, line);
        assert_int_equal(d.id_len, strlen(id));
        assert_memory_equal(d.id, id, d.id_len);
        if (title) {
            assert_non_null(d.title);
            assert_int_equal(d.title_len, strlen(title));
            assert_memory_equal(d.title, title, d.title_len);
        } else {
            assert_null(d.title);
        }
        assert_int_equal(d.text_len, strlen(text));
        assert_memory_equal(d.text, text, d.text_len);
    }
}

static void expect_refused(const char *line, size_t len, const char *needle)
{
    for (int pad = 0; pad < 2; pad++) {
        wa_json_doc d;
        char err[256];
        int rc = read_line(line, len, pad, &d, err, sizeof err);
        if (rc == 0)
            fail_msg("accepted: %.*s", (int)len, line);
        if (!err[0] || strchr(err, '\n'))
            fail_msg("no one-line reason for: %.*s", (int)len, line);
        if (needle && !strstr(err, needle))
            fail_msg("reason '%s' does not mention '%s' for: %.*s", err, needle, (int)len, line);
    }
}

static void accepts_string_id(void **state)
{
    (void)state;
    expect_doc("{\"id\":\"zh-0001\",\"text\":\"环卫工人工资被拖欠\"}", "zh-0001", NULL, "环卫工人工资被拖欠");
    /* escapes are decoded */
    expect_doc("{\"id\":\"a\\\"b\",\"text\":\"line1\\nline2 \\u73af\\u536b\"}", "a\"b", NULL, "line1\nline2 环卫");
}

static void accepts_integer_id(void **state)
{
    (void)state;
    expect_doc("{\"id\":42,\"text\":\"x\"}", "42", NULL, "x");
    expect_doc("{\"id\":-7,\"text\":\"x\"}", "-7", NULL, "x");
    expect_doc("{\"id\":18446744073709551615,\"text\":\"x\"}", "18446744073709551615", NULL, "x");
}

static void accepts_optional_title_and_other_fields(void **state)
{
    (void)state;
    expect_doc("{\"id\":\"1\",\"title\":\"標題\",\"text\":\"正文\",\"url\":\"https://example.org/a\",\"source\":\"weibo\","
               "\"published_at\":\"2025-03-01T08:00:00+08:00\",\"extra\":{\"k\":[1,2,3]}}",
               "1", "標題", "正文");
    expect_doc("{\"title\":null,\"text\":\"t\",\"id\":\"2\"}", "2", NULL, "t");
    expect_doc("  {\"id\":\"3\",\"text\":\"\"}  ", "3", NULL, "");
    /* a label and a language are read when present */
    wa_json_doc d;
    char err[256];
    const char *l = "{\"id\":\"4\",\"text\":\"t\",\"label\":1,\"lang\":\"bo\"}";
    assert_int_equal(read_line(l, strlen(l), 0, &d, err, sizeof err), 0);
    assert_int_equal(d.label, 1);
    l = "{\"id\":\"5\",\"text\":\"t\"}";
    assert_int_equal(read_line(l, strlen(l), 0, &d, err, sizeof err), 0);
    assert_int_equal(d.label, -1);
}

static void refuses_not_json(void **state)
{
    (void)state;
    const char *bad[] = {"{\"id\":\"1\",\"text\":\"x\"", "not json", "{\"id\":\"1\",\"text\":\"x\"} trailing",
                         "{'id':'1','text':'x'}", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_refused(bad[i], strlen(bad[i]), NULL);
    expect_refused("not json", 8, "JSON");
}

static void refuses_not_an_object(void **state)
{
    (void)state;
    expect_refused("[1,2,3]", 7, "object");
    expect_refused("\"text\"", 6, "object");
    expect_refused("42", 2, "object");
    expect_refused("null", 4, "object");
}

static void refuses_missing_id(void **state)
{
    (void)state;
    const char *l = "{\"text\":\"环卫工人\"}";
    expect_refused(l, strlen(l), "\"id\"");
    l = "{\"id\":null,\"text\":\"x\"}";
    expect_refused(l, strlen(l), "\"id\"");
    l = "{\"id\":\"\",\"text\":\"x\"}"; /* empty */
    expect_refused(l, strlen(l), "\"id\"");
    l = "{\"id\":[1],\"text\":\"x\"}"; /* neither string nor integer */
    expect_refused(l, strlen(l), "\"id\"");
    l = "{\"id\":1.5,\"text\":\"x\"}";
    expect_refused(l, strlen(l), "\"id\"");
}

static void refuses_missing_text(void **state)
{
    (void)state;
    const char *l = "{\"id\":\"1\",\"title\":\"t\"}";
    expect_refused(l, strlen(l), "\"text\"");
    l = "{\"id\":\"1\",\"text\":null}";
    expect_refused(l, strlen(l), "\"text\"");
}

static void refuses_text_not_a_string(void **state)
{
    (void)state;
    const char *l = "{\"id\":\"1\",\"text\":42}";
    expect_refused(l, strlen(l), "\"text\"");
    l = "{\"id\":\"1\",\"text\":[\"a\"]}";
    expect_refused(l, strlen(l), "\"text\"");
    l = "{\"id\":\"1\",\"text\":{\"a\":1}}";
    expect_refused(l, strlen(l), "\"text\"");
    l = "{\"id\":\"1\",\"text\":\"x\",\"title\":7}";
    expect_refused(l, strlen(l), "\"title\"");
}

static void refuses_invalid_utf8(void **state)
{
    (void)state;
    static const char a[] = "{\"id\":\"1\",\"text\":\"环卫\xFF\"}";
    expect_refused(a, sizeof a - 1, "UTF-8");
    static const char b[] = "{\"id\":\"1\",\"text\":\"\xE7\x8E\"}"; /* truncated sequence */
    expect_refused(b, sizeof b - 1, "UTF-8");
    static const char c[] = "{\"id\":\"\xC0\xAF\",\"text\":\"x\"}"; /* overlong */
    expect_refused(c, sizeof c - 1, "UTF-8");
    static const char d[] = "{\"id\":\"1\",\"text\":\"\xED\xA0\x80\"}"; /* a surrogate */
    expect_refused(d, sizeof d - 1, "UTF-8");
}

static void reader_survives_errors(void **state)
{
    (void)state;
    /* a refused line leaves the reader usable */
    expect_refused("{", 1, NULL);
    expect_doc("{\"id\":\"ok\",\"text\":\"t\"}", "ok", NULL, "t");
}

/* ---- writing a hit ----------------------------------------------------------------------------------- */

static json_t *hit_json(const char *line, const wa_result **res_out)
{
    wa_json_doc jd;
    char err[256];
    size_t len = strlen(line);
    /* read from a padded buffer that stays alive for the classification */
    static char buf[8192];
    assert_true(len + wa_json_padding() < sizeof buf);
    memset(buf, ' ', sizeof buf);
    memcpy(buf, line, len);
    if (wa_json_read_doc(reader(), buf, len, sizeof buf, &jd, err, sizeof err) != 0)
        fail_msg("refused: %s", err);
    wa_doc doc = {jd.id, jd.id_len, jd.title, jd.title_len, jd.text, jd.text_len, 1};
    const wa_result *r = NULL;
    assert_int_equal(wa_classify(wt_session(), wt_repo_dict(), &doc, 0, &r), 0);
    assert_true(r->hit);
    wa_buf out;
    wa_buf_init(&out);
    assert_int_equal(wa_hit_to_json(wt_repo_dict(), r, &doc, line, len, 0, &out), 0);
    assert_true(out.len > 2);
    assert_int_equal(out.data[out.len - 1], '\n');
    assert_null(memchr(out.data, '\n', out.len - 1)); /* one line */
    json_error_t je;
    /* a hit's field never appears twice, whichever way it was written */
    json_t *o = json_loadb(out.data, out.len, JSON_REJECT_DUPLICATES, &je);
    if (!o)
        fail_msg("hit is not JSON (%s): %.*s", je.text, (int)out.len, out.data);
    assert_true(json_is_object(o));
    wa_buf_free(&out);
    if (res_out)
        *res_out = r;
    return o;
}

static void hit_has_every_field(void **state)
{
    (void)state;
    const char *text = "记者调查：拉萨市城关区50多名环卫工人被拖欠工资5个月，总额十五万元，涉及拉萨市清洁环卫服务有限公司";
    char line[2048];
    snprintf(line, sizeof line,
             "{\"id\":\"news-17\",\"title\":\"環衛工人討薪\",\"text\":\"%s\",\"url\":\"https://example.org/n/17\","
             "\"source\":\"toutiao\",\"published_at\":\"2025-03-01T08:00:00+08:00\",\"extra\":{\"k\":[1,2]}}",
             text);
    const wa_result *r;
    json_t *o = hit_json(line, &r);

    /* the document's own fields */
    assert_string_equal(json_string_value(json_object_get(o, "id")), "news-17");
    assert_string_equal(json_string_value(json_object_get(o, "title")), "環衛工人討薪");
    assert_string_equal(json_string_value(json_object_get(o, "text")), text);
    assert_string_equal(json_string_value(json_object_get(o, "url")), "https://example.org/n/17");
    assert_string_equal(json_string_value(json_object_get(o, "source")), "toutiao");
    assert_string_equal(json_string_value(json_object_get(o, "published_at")), "2025-03-01T08:00:00+08:00");
    json_t *extra = json_object_get(o, "extra");
    assert_true(json_is_object(extra));
    assert_int_equal(json_array_size(json_object_get(extra, "k")), 2);

    /* the classifier's fields */
    assert_true(json_is_number(json_object_get(o, "score")));
    assert_true(json_number_value(json_object_get(o, "score")) > 0);
    const char *level = json_string_value(json_object_get(o, "level"));
    assert_non_null(level);
    assert_true(!strcmp(level, "red") || !strcmp(level, "orange") || !strcmp(level, "yellow") || !strcmp(level, "blue"));
    assert_string_equal(level, r->level);
    assert_string_equal(json_string_value(json_object_get(o, "lang")), "zh");
    assert_string_equal(json_string_value(json_object_get(o, "dict_version")), wt_repo_dict()->version);

    json_t *ms = json_object_get(o, "matches");
    assert_true(json_is_array(ms));
    assert_true(json_array_size(ms) > 0);
    int saw_subject = 0, saw_title = 0;
    size_t i;
    json_t *m;
    json_array_foreach(ms, i, m)
    {
        const char *term = json_string_value(json_object_get(m, "term"));
        const char *group = json_string_value(json_object_get(m, "group"));
        json_t *js = json_object_get(m, "start"), *je = json_object_get(m, "end");
        assert_non_null(term);
        assert_non_null(group);
        assert_true(json_is_integer(js) && json_is_integer(je));
        json_int_t s = json_integer_value(js), e = json_integer_value(je);
        assert_true(0 <= s && s < e);
        const char *field = json_string_value(json_object_get(m, "field"));
        const char *src = field && !strcmp(field, "title") ? "環衛工人討薪" : text;
        assert_true((size_t)e <= strlen(src));
        saw_subject |= !strcmp(group, "subject");
        if (field && !strcmp(field, "title") && !strcmp(term, "环卫工人")) {
            /* offsets into the original title */
            saw_title = 1;
            assert_int_equal(s, 0);
            assert_int_equal(e, strlen("環衛工人"));
        }
    }
    assert_true(saw_subject);
    assert_true(saw_title);

    json_t *region = json_object_get(o, "region");
    assert_true(json_is_object(region));
    assert_string_equal(json_string_value(json_object_get(region, "prefecture")), "拉萨市");
    assert_string_equal(json_string_value(json_object_get(region, "county")), "城关区");

    json_t *ent = json_object_get(o, "entities");
    assert_true(json_is_object(ent));
    assert_int_equal(json_integer_value(json_object_get(ent, "workers")), 50);
    assert_int_equal(json_integer_value(json_object_get(ent, "months")), 5);
    assert_int_equal(json_integer_value(json_object_get(ent, "amount_yuan")), 150000);
    assert_non_null(json_object_get(ent, "company"));
    json_decref(o);
}

static void hit_with_integer_id_and_absent_entities(void **state)
{
    (void)state;
    json_t *o = hit_json("{\"id\":123,\"text\":\"我是环卫工人，公司拖欠工资了，求助\"}", NULL);
    /* the document's id as it was written */
    assert_true(json_is_integer(json_object_get(o, "id")));
    assert_int_equal(json_integer_value(json_object_get(o, "id")), 123);
    json_t *region = json_object_get(o, "region");
    assert_true(json_is_object(region));
    assert_true(json_is_null(json_object_get(region, "prefecture")));
    assert_true(json_is_null(json_object_get(region, "county")));
    json_t *ent = json_object_get(o, "entities");
    assert_true(json_is_object(ent));
    assert_true(json_is_null(json_object_get(ent, "workers")));
    assert_true(json_is_null(json_object_get(ent, "amount_yuan")));
    json_decref(o);
}

static void hit_fields_replace_document_fields_of_the_same_name(void **state)
{
    (void)state;
    json_t *o = hit_json("{\"id\":\"x\",\"text\":\"我是环卫工人，公司拖欠我们三个月工资了，求助\",\"score\":\"fake\","
                         "\"level\":\"none\",\"dict_version\":\"old\",\"source\":\"weibo\"}",
                         NULL);
    assert_true(json_is_number(json_object_get(o, "score")));
    assert_string_not_equal(json_string_value(json_object_get(o, "level")), "none");
    assert_string_equal(json_string_value(json_object_get(o, "dict_version")), wt_repo_dict()->version);
    assert_string_equal(json_string_value(json_object_get(o, "source")), "weibo");
    json_decref(o);
}

/* The document's line is carried through as written when it can be (its
 * spacing and field order kept); escaped names and a field named like a hit
 * field take the slower way. Either way: one object, no field twice. */
static void hit_keeps_the_line_as_written(void **state)
{
    (void)state;
    const char *complaint = "我是环卫工人，公司拖欠我们三个月工资了，求助";
    char line[1024];
    snprintf(line, sizeof line, "  { \"id\" : \"sp\",\t\"text\" : \"%s\", \"n\": [1, {\"a\": null}] }  ", complaint);
    json_t *o = hit_json(line, NULL);
    assert_string_equal(json_string_value(json_object_get(o, "id")), "sp");
    assert_true(json_is_array(json_object_get(o, "n")));
    assert_true(json_is_string(json_object_get(o, "lang")));
    json_decref(o);
    /* an escaped name that spells a hit field */
    snprintf(line, sizeof line, "{\"id\":\"esc\",\"text\":\"%s\",\"\\u006cang\":\"xx\",\"sc\\u006fre\":1}", complaint);
    o = hit_json(line, NULL);
    assert_string_not_equal(json_string_value(json_object_get(o, "lang")), "xx");
    assert_true(json_is_number(json_object_get(o, "score")));
    json_decref(o);
    /* a document field named like a hit field, and hit-field names inside the text */
    snprintf(line, sizeof line, "{\"id\":\"dup\",\"text\":\"%s \\\"matches\\\"\",\"lang\":\"xx\"}", complaint);
    o = hit_json(line, NULL);
    assert_string_not_equal(json_string_value(json_object_get(o, "lang")), "xx");
    json_decref(o);
}

static void hit_pattern_match_term_is_original_text(void **state)
{
    (void)state;
    const char *text = "环卫工人的工-资被拖欠了两个月";
    char line[512];
    snprintf(line, sizeof line, "{\"id\":\"p\",\"text\":\"%s\"}", text);
    json_t *o = hit_json(line, NULL);
    json_t *ms = json_object_get(o, "matches");
    size_t i;
    json_t *m;
    json_array_foreach(ms, i, m)
    {
        json_int_t s = json_integer_value(json_object_get(m, "start")), e = json_integer_value(json_object_get(m, "end"));
        assert_true(s >= 0 && e <= (json_int_t)strlen(text) && s < e);
        if (json_is_true(json_object_get(m, "pattern"))) {
            /* a pattern match is reported as the text it covers */
            char want[256];
            snprintf(want, sizeof want, "%.*s", (int)(e - s), text + s);
            assert_string_equal(json_string_value(json_object_get(m, "term")), want);
        }
    }
    json_decref(o);
}

/* Spans of the text go into the hit as strings: one holding a quote, a
 * backslash or a control character is escaped, not written as it is. */
static void hit_escapes_spans_that_need_it(void **state)
{
    (void)state;
    /* JSON-escaped: 环卫工人的工"资\被拖欠了两个月<TAB>，"拉萨"某某公司 */
    const char *line = "{\"id\":\"q\",\"text\":\"环卫工人的工\\\"资\\\\被拖欠了两个月\\t，\\\"拉萨\\\"某某清洁公司欠了我们三个月工资\"}";
    json_t *o = hit_json(line, NULL);
    json_t *ms = json_object_get(o, "matches");
    size_t i, spans = 0;
    json_t *m;
    json_array_foreach(ms, i, m)
    {
        const char *t = json_string_value(json_object_get(m, "term"));
        assert_non_null(t);
        spans += strchr(t, '"') != NULL || strchr(t, '\\') != NULL || strchr(t, '\t') != NULL;
    }
    assert_true(spans > 0); /* the case above: some span holds one of them */
    json_decref(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_string_id),
        cmocka_unit_test(accepts_integer_id),
        cmocka_unit_test(accepts_optional_title_and_other_fields),
        cmocka_unit_test(refuses_not_json),
        cmocka_unit_test(refuses_not_an_object),
        cmocka_unit_test(refuses_missing_id),
        cmocka_unit_test(refuses_missing_text),
        cmocka_unit_test(refuses_text_not_a_string),
        cmocka_unit_test(refuses_invalid_utf8),
        cmocka_unit_test(reader_survives_errors),
        cmocka_unit_test(hit_has_every_field),
        cmocka_unit_test(hit_with_integer_id_and_absent_entities),
        cmocka_unit_test(hit_fields_replace_document_fields_of_the_same_name),
        cmocka_unit_test(hit_pattern_match_term_is_original_text),
        cmocka_unit_test(hit_keeps_the_line_as_written),
        cmocka_unit_test(hit_escapes_spans_that_need_it),
    };
    int rc = cmocka_run_group_tests_name("test_input", tests, NULL, NULL);
    free_reader();
    return rc;
}
