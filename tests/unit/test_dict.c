/* Dictionary loading and lint (classifier/dict.h): every finding is
 * "file:line: message", lint and load report the same findings, and the
 * version is a hash of the content. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

/* Lint and load dir; both must fail, and both must report a finding that
 * starts with prefix and contains needle. */
static void expect_finding(const char *dir, const char *prefix, const char *needle)
{
    wa_diag lint;
    wa_diag_init(&lint);
    int rc = wa_dict_lint(dir, &lint);
    long at = wt_diag_find(&lint, prefix, needle);
    if (rc == 0 || at < 0) {
        wt_diag_print(&lint);
        wa_diag_free(&lint);
        fail_msg("lint: want a failure with a finding '%s...%s', got rc %d", prefix ? prefix : "", needle ? needle : "",
                 rc);
    }
    wa_diag_free(&lint);

    wa_diag ld;
    wa_diag_init(&ld);
    wa_dict *d = NULL;
    rc = wa_dict_load(dir, NULL, &d, &ld);
    at = wt_diag_find(&ld, prefix, needle);
    if (rc == 0 || d != NULL || at < 0) {
        wt_diag_print(&ld);
        wa_diag_free(&ld);
        wa_dict_release(d);
        fail_msg("load: want a failure with a finding '%s...%s', got rc %d", prefix ? prefix : "", needle ? needle : "",
                 rc);
    }
    wa_diag_free(&ld);
}

/* A "file:line: " prefix followed by a message. */
static void expect_file_line_format(const char *msg, const char *file, unsigned line)
{
    char want[256];
    snprintf(want, sizeof want, "%s:%u: ", file, line);
    if (strncmp(msg, want, strlen(want)) != 0 || strlen(msg) <= strlen(want))
        fail_msg("finding '%s' is not '%s<message>'", msg, want);
}

/* Each case: a dictionary whose file holds content, and the finding it
 * must give (see expect_finding). */
typedef struct {
    const char *content, *where, *needle;
} finding_case;

static void expect_findings_in(const char *file, const finding_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        wt_file files[] = {{file, cases[i].content, 0}, {NULL, NULL, 0}};
        char *dir = wt_make_minimal_dict(files);
        expect_finding(dir, cases[i].where, cases[i].needle);
        wt_remove_dir(dir);
    }
}

/* ---- a clean dictionary ------------------------------------------------------------- */

static void clean_minimal_dictionary_loads(void **state)
{
    (void)state;
    char *dir = wt_make_minimal_dict(NULL);
    wa_diag diag;
    wa_diag_init(&diag);
    assert_int_equal(wa_dict_lint(dir, &diag), 0);
    assert_int_equal(diag.n, 0);
    wa_dict *d = NULL;
    int rc = wa_dict_load(dir, NULL, &d, &diag);
    wt_diag_print(&diag);
    assert_int_equal(rc, 0);
    assert_non_null(d);
    assert_int_equal(diag.n, 0);
    assert_int_equal(d->nterms, 3);
    assert_int_equal(d->ngroups, 4);
    assert_int_equal(strlen(d->version), 32);
    for (size_t i = 0; i < 32; i++)
        assert_non_null(strchr("0123456789abcdef", d->version[i]));
    assert_true(wa_dict_group(d, "subject") >= 0);
    assert_int_equal(wa_dict_group(d, "nosuch"), -1);
    assert_non_null(d->hs_db);
    assert_non_null(d->prefilter);
    wt_assert_double(d->rules.threshold, 6);
    assert_int_equal(d->rules.window, 60);
    wa_dict_release(d);
    wa_diag_free(&diag);
    wt_remove_dir(dir);
}

static void repo_dictionary_lints_clean(void **state)
{
    (void)state;
    wa_diag diag;
    wa_diag_init(&diag);
    int rc = wa_dict_lint(wt_repo_dict_dir(), &diag);
    wt_diag_print(&diag);
    assert_int_equal(rc, 0);
    assert_int_equal(diag.n, 0);
    wa_diag_free(&diag);
}

static void terms_are_normalised(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict", "[subject]\n環衛工人\n[arrears]\n拖*欠 4.5\n[wage]\nGongZi\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    wa_dict *d = wt_load_dir(dir);
    assert_int_equal(d->nterms, 3);
    assert_string_equal(d->terms[0].raw, "環衛工人");
    assert_string_equal(d->terms[0].norm, "环卫工人");
    assert_string_equal(d->terms[1].norm, "拖欠");
    wt_assert_double(d->terms[1].weight, 4.5); /* own weight overrides the group's */
    assert_string_equal(d->terms[2].norm, "gongzi");
    wt_assert_double(d->terms[2].weight, 1);   /* the group's default */
    assert_int_equal(d->terms[0].line, 2);
    wa_dict_release(d);
    wt_remove_dir(dir);
}

/* ---- findings ------------------------------------------------------------------------- */

static void duplicate_term(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict", "[subject]\n环卫工人\n[arrears]\n拖欠\n拖欠\n[wage]\n工资\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/terms.dict:5: ", "duplicate");
    wt_remove_dir(dir);
}

static void duplicate_after_normalisation(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict", "[subject]\n环卫工人\n環衛工人\n[arrears]\n拖欠\n拖*欠\n[wage]\n工资\nＧＯＮＧＺＩ\ngongzi\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/terms.dict:3: ", "duplicate");
    expect_finding(dir, "zh/terms.dict:6: ", "duplicate");
    expect_finding(dir, "zh/terms.dict:10: ", "duplicate");
    /* the message names the earlier entry */
    wa_diag diag;
    wa_diag_init(&diag);
    assert_int_not_equal(wa_dict_lint(dir, &diag), 0);
    long at = wt_diag_find(&diag, "zh/terms.dict:3: ", "zh/terms.dict:2");
    wt_diag_print(&diag);
    assert_true(at >= 0);
    assert_int_equal(diag.n, 3); /* every finding at once, each once */
    wa_diag_free(&diag);
    wt_remove_dir(dir);
}

static void duplicate_tibetan_spellings(void **state)
{
    (void)state;
    /* U+0F0C for the tsheg, a precomposed U+0F43, a vowel typed before the
     * subjoined letter: the same terms once normalised */
    wt_file files[] = {
        {"bo/terms.dict",
         "[subject]\nལམ་ཕྱགས་མཁན\nལམ\u0F0Cཕྱགས\u0F0Cམཁན\n[arrears]\nཟླ་ཕོགས་\u0F42\u0FB7ོ་མ་སྤྲད\n"
         "ཟླ་ཕོགས་\u0F43ོ་མ་སྤྲད\nཟླ་ཕོགས་ཀྱི་མེད\nཟླ་ཕོགས་ཀ\u0F72\u0FB1་མེད\n",
         0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "bo/terms.dict:3: ", "duplicate");
    expect_finding(dir, "bo/terms.dict:6: ", "duplicate");
    expect_finding(dir, "bo/terms.dict:8: ", "duplicate");
    wt_remove_dir(dir);
}

static void duplicate_across_files(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/more.dict", "# more\n[subject]\n環衛工人\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/terms.dict:3: ", "duplicate");
    wt_remove_dir(dir);
}

static void unknown_group(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict", WT_TERMS_DICT "[nosuchgroup]\n某词语\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/terms.dict:8: ", "nosuchgroup");
    wt_remove_dir(dir);
}

static void unknown_group_in_patterns(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/patterns.re", "[nosuchgroup]\n工资.{0,3}没发\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/patterns.re:1: ", "nosuchgroup");
    wt_remove_dir(dir);
}

static void term_before_group_header(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict", "# comment\n\n环卫阿姨\n" WT_TERMS_DICT, 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/terms.dict:3: ", "before any");
    wt_remove_dir(dir);
}

static void bad_weight_in_terms(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict", "[subject]\n环卫工人\n环卫阿姨 heavy\n[arrears]\n拖欠\n[wage]\n工资\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/terms.dict:3: ", "heavy");
    wt_remove_dir(dir);
}

static void bad_weight_in_groups(void **state)
{
    (void)state;
    wt_file files[] = {
        {"groups.conf", "subject subject 3\narrears event 3x\nwage wage 1\nnegation negation 0\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "groups.conf:2: ", "3x");
    wt_remove_dir(dir);
}

static void bad_regex(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/patterns.re", "# patterns\n[arrears]\n(?:工资|薪水)没发\n(?:工资|薪水[没未]发\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/patterns.re:4: ", "regex");
    /* the PCRE2 error text is part of the message */
    expect_finding(dir, "zh/patterns.re:4: ", "missing");
    wt_remove_dir(dir);
}

/* @name lists: written out inside (?:...) wherever a pattern names them,
 * usable in later definitions, \@ a literal @; a name is known only below
 * its definition and only in its file. */
static void pattern_names_are_written_out(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/patterns.re",
         "@pay = 工资|工钱\n[arrears]\n@late = 拖|欠\n@pay_late = @pay[^,]{0,4}?@late\n@pay_late\n@pay没发\n找\\@@pay\n",
         0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    wa_dict *d = wt_load_dir(dir);
    assert_int_equal(d->npatterns, 3);
    assert_string_equal(d->patterns[0].source, "(?:(?:工资|工钱)[^,]{0,4}?(?:拖|欠))");
    assert_string_equal(d->patterns[1].source, "(?:工资|工钱)没发");
    assert_string_equal(d->patterns[2].source, "找\\@(?:工资|工钱)");
    assert_int_equal(d->patterns[1].line, 6);
    wa_dict_release(d);
    wt_remove_dir(dir);

    /* the names of zh/ are unknown in bo/ */
    wt_file other[] = {
        {"zh/patterns.re", "@pay = 工资\n[arrears]\n@pay没发\n", 0},
        {"bo/patterns.re", "[arrears]\n@pay没发\n", 0},
        {NULL, NULL, 0},
    };
    dir = wt_make_minimal_dict(other);
    expect_finding(dir, "bo/patterns.re:2: ", "unknown name '@pay'");
    wt_remove_dir(dir);
}

static void pattern_name_findings(void **state)
{
    (void)state;
    static const finding_case cases[] = {
        {"[arrears]\n@pay没发\n@pay = 工资\n", "zh/patterns.re:2: ", "unknown name '@pay'"},
        {"@pay = 工资\n@pay = 工钱\n[arrears]\n@pay没发\n", "zh/patterns.re:2: ", "defined twice"},
        {"@pay =\n[arrears]\n工资没发\n", "zh/patterns.re:1: ", "empty"},
        {"@pay = 工资|@nosuch\n[arrears]\n工资没发\n", "zh/patterns.re:1: ", "unknown name '@nosuch'"},
        {"@pay = 工资|(薪水\n[arrears]\n@pay没发\n", "zh/patterns.re:3: ", "regex"},
    };
    expect_findings_in("zh/patterns.re", cases, sizeof cases / sizeof cases[0]);
}

/* [pinyin]: every subject, event and wage term spelt only with listed
 * letters is matched half in pinyin too; all in pinyin only from six
 * letters; a spelling that is already a term is no finding. */
static void pinyin_spellings_are_generated(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict",
         "[subject]\n环卫工人\n环wei\n[arrears]\n拖欠\n[wage]\n工资\n[pinyin]\n环 huan\n卫 wei\n工 gong\n人 ren\n"
         "拖 tuo\n欠 qian\n资 zi\n",
         0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    wa_dict *d = wt_load_dir(dir);
    static const char *want[] = {"huan卫工人", "环wei工ren", "huanweigongren", "环wei", "tuo欠", "拖qian", "tuoqian",
                                 "gong资", "工zi", "gongzi"};
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        size_t i = 0;
        while (i < d->nterms && strcmp(d->terms[i].norm, want[k]) != 0)
            i++;
        if (i == d->nterms)
            fail_msg("no term '%s'", want[k]);
        assert_int_equal(d->groups[d->terms[i].group].role,
                         k < 4 ? WA_ROLE_SUBJECT : k < 7 ? WA_ROLE_EVENT : WA_ROLE_WAGE);
    }
    /* 环卫 alone is not a term here, so nothing is made from it; no short all-pinyin term */
    for (size_t i = 0; i < d->nterms; i++) {
        assert_string_not_equal(d->terms[i].norm, "huanwei");
        assert_string_not_equal(d->terms[i].norm, "qian");
    }
    wa_dict_release(d);
    wt_remove_dir(dir);

    static const finding_case bad[] = {
        {"[pinyin]\n环 Huan\n", "zh/terms.dict:2: ", "pinyin"},
        {"[pinyin]\n环卫 huanwei\n", "zh/terms.dict:2: ", "pinyin"},
        {"[pinyin]\n环 huan\n环 huan\n", "zh/terms.dict:3: ", "twice"},
    };
    expect_findings_in("zh/terms.dict", bad, sizeof bad / sizeof bad[0]);
}

static void entity_pattern_without_named_group(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/patterns.re",
         "[entity:workers]\n(?<n>[0-9]+)名\n([0-9]+)人\n[entity:company]\n(\\p{Han}{2,8}公司)\n"
         "[entity:months]\n(?<from>[0-9]{1,2})月至(?<to>[0-9]{1,2})月\n(?<from>[0-9]{1,2})月起\n",
         0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/patterns.re:3: ", "(?<n>");
    expect_finding(dir, "zh/patterns.re:5: ", "(?<name>");
    /* a span of months needs both ends; line 7 (both) is fine */
    expect_finding(dir, "zh/patterns.re:8: ", "(?<from>...) and (?<to>...)");
    wt_remove_dir(dir);
}

static void invalid_utf8_in_terms(void **state)
{
    (void)state;
    static const char bad[] = "[subject]\n环卫工人\n环卫\xE5\xB7\n[arrears]\n拖欠\n[wage]\n工资\n";
    wt_file files[] = {
        {"zh/terms.dict", bad, sizeof bad - 1},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/terms.dict:3: ", "UTF-8");
    wt_remove_dir(dir);
}

static void invalid_utf8_in_rules(void **state)
{
    (void)state;
    static const char bad[] = "threshold = 6\n# \xFF\xFE comment\nwindow = 60\n";
    wt_file files[] = {
        {"rules.conf", bad, sizeof bad - 1},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "rules.conf:2: ", "UTF-8");
    wt_remove_dir(dir);
}

static void too_short_term(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict", "[subject]\n环卫工人\n[arrears]\n拖欠\n欠\n[wage]\n工资\nx\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "zh/terms.dict:5: ", "short");
    expect_finding(dir, "zh/terms.dict:8: ", "short");
    wt_remove_dir(dir);
}

static void missing_groups_conf(void **state)
{
    (void)state;
    wt_file files[] = {
        {"groups.conf", NULL, 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, NULL, "groups.conf");
    wt_remove_dir(dir);
}

static void missing_rules_conf(void **state)
{
    (void)state;
    wt_file files[] = {
        {"rules.conf", NULL, 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, NULL, "rules.conf");
    wt_remove_dir(dir);
}

static void missing_folder(void **state)
{
    (void)state;
    expect_finding("/nonexistent/wa-unit-dict", NULL, "/nonexistent/wa-unit-dict");
}

static void unknown_rules_key(void **state)
{
    (void)state;
    wt_file files[] = {
        {"rules.conf", "threshold = 6\n\n# typo below\nthresold = 5\nwindow = 60\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    expect_finding(dir, "rules.conf:4: ", "thresold");
    wt_remove_dir(dir);
}

static void findings_are_file_line_message(void **state)
{
    (void)state;
    static const char terms[] = "orphan\n[subject]\n环卫工人\n环卫工人\n[nogroup]\n";
    wt_file files[] = {
        {"zh/terms.dict", terms, 0},
        {"zh/patterns.re", "[arrears]\n(unclosed\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    wa_diag diag;
    wa_diag_init(&diag);
    assert_int_not_equal(wa_dict_lint(dir, &diag), 0);
    wt_diag_print(&diag);
    assert_true(diag.n >= 4);
    long a = wt_diag_find(&diag, "zh/terms.dict:1: ", NULL);
    long b = wt_diag_find(&diag, "zh/terms.dict:4: ", NULL);
    long c = wt_diag_find(&diag, "zh/terms.dict:5: ", NULL);
    long e = wt_diag_find(&diag, "zh/patterns.re:2: ", NULL);
    assert_true(a >= 0 && b >= 0 && c >= 0 && e >= 0);
    expect_file_line_format(diag.msgs[a], "zh/terms.dict", 1);
    expect_file_line_format(diag.msgs[e], "zh/patterns.re", 2);
    /* one line per finding */
    for (size_t i = 0; i < diag.n; i++)
        assert_null(strchr(diag.msgs[i], '\n'));
    wa_diag_free(&diag);
    wt_remove_dir(dir);
}

/* ---- the version ------------------------------------------------------------------------ */

static char *version_of(const char *dir)
{
    wa_dict *d = wt_load_dir(dir);
    char *v = strdup(d->version);
    wa_dict_release(d);
    return v;
}

static void version_is_content_hash(void **state)
{
    (void)state;
    char *a = wt_make_minimal_dict(NULL);
    char *b = wt_make_minimal_dict(NULL); /* same files, another folder */
    char *va = version_of(a), *vb = version_of(b);
    assert_string_equal(va, vb);
    char *va2 = version_of(a); /* loading again changes nothing */
    assert_string_equal(va, va2);

    /* one changed byte, even in a comment */
    wt_file changed[] = {
        {"zh/terms.dict", "# minimal termz\n[subject]\n环卫工人\n[arrears]\n拖欠\n[wage]\n工资\n", 0},
        {NULL, NULL, 0},
    };
    wt_write_files(b, changed);
    char *vc = version_of(b);
    assert_string_not_equal(va, vc);

    /* one changed byte in rules.conf */
    wt_file rules[] = {
        {"rules.conf", "threshold = 7\nwindow = 60\n", 0},
        {NULL, NULL, 0},
    };
    wt_write_files(a, rules);
    char *vd = version_of(a);
    assert_string_not_equal(va, vd);
    assert_string_not_equal(vc, vd);

    /* back to the original bytes: back to the original version */
    wt_file orig[] = {
        {"rules.conf", WT_RULES_CONF, 0},
        {NULL, NULL, 0},
    };
    wt_write_files(a, orig);
    char *ve = version_of(a);
    assert_string_equal(va, ve);

    free(va);
    free(vb);
    free(va2);
    free(vc);
    free(vd);
    free(ve);
    wt_remove_dir(a);
    wt_remove_dir(b);
}

static void version_covers_added_file(void **state)
{
    (void)state;
    char *a = wt_make_minimal_dict(NULL);
    char *va = version_of(a);
    wt_file extra[] = {
        {"zh/extra.dict", "[subject]\n保洁员\n", 0},
        {NULL, NULL, 0},
    };
    wt_write_files(a, extra);
    char *vb = version_of(a);
    assert_string_not_equal(va, vb);
    free(va);
    free(vb);
    wt_remove_dir(a);
}

/* The gate's form of a pattern: properties become any character, and with
 * loosen only wide counted repeats open up; escapes and classes stay. */
static void gate_source_loosens_wide_repeats(void **state)
{
    (void)state;
    static const struct {
        const char *src;
        int loosen;
        const char *want;
    } cases[] = {
        {"工资[^,。]{0,12}?没发", 1, "工资[^,。]{0,}?没发"},
        {"工资[^,。]{0,12}?没发", 0, "工资[^,。]{0,12}?没发"},
        {"[0-9]{1,9}个月", 1, "[0-9]{1,}个月"},
        {"a{2,3}b{4}c{2,}", 1, "a{2,3}b{4}c{2,}"},
        {"\\{0,40}x[{0,40}]", 1, "\\{0,40}x[{0,40}]"},
        {"\\p{Han}{2,24}公司", 1, "[\\s\\S]{2,}公司"},
        {"x{0,}y{,9}", 1, "x{0,}y{,9}"},
    };
    wa_buf b;
    wa_buf_init(&b);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(wa_dict_gate_source(cases[i].src, cases[i].loosen, &b), 0);
        assert_string_equal(b.data, cases[i].want);
    }
    wa_buf_free(&b);
}

/* A signal pattern whose Vectorscan database alone would be megabytes (a
 * wide counted repeat, with the start of each match tracked) runs with
 * PCRE2 behind its gate; a small one stays in the signal database. Both
 * still match. */
static void oversized_signal_pattern_runs_with_pcre2(void **state)
{
    (void)state;
    wt_file files[] = {{"zh/patterns.re",
                        "[arrears]\n"
                        "说好[^。\\n]{0,24}?又说[^,;!?。\\n]{0,8}?(?:给|发|结|付|算)\n"
                        "没发工资\n",
                        0},
                       {NULL, NULL, 0}};
    char *dir = wt_make_minimal_dict(files);
    wa_dict *d = wt_load_dir(dir);
    assert_int_equal(d->npatterns, 2);
    assert_int_equal(d->patterns[0].in_signal_db, 0);
    assert_int_equal(d->patterns[0].gated, 1);
    assert_int_equal(d->patterns[1].in_signal_db, 1);
    wa_session *s = wa_session_new();
    assert_non_null(s);
    const char *text = "环卫工人说好年后给工资，过完年又说五月给，还说没发工资是因为财政没拨款";
    wa_doc doc = {.id = "1", .id_len = 1, .text = text, .text_len = strlen(text)};
    const wa_result *r = NULL;
    assert_int_equal(wa_classify(s, d, &doc, 0, &r), 0);
    int seen[2] = {0, 0};
    for (size_t i = 0; i < r->nmatches; i++)
        if (r->matches[i].from_pattern && r->matches[i].index < 2)
            seen[r->matches[i].index] = 1;
    assert_true(seen[0]);
    assert_true(seen[1]);
    wa_session_free(s);
    wa_dict_release(d);
    wt_remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_minimal_dictionary_loads),
        cmocka_unit_test(repo_dictionary_lints_clean),
        cmocka_unit_test(terms_are_normalised),
        cmocka_unit_test(duplicate_term),
        cmocka_unit_test(duplicate_after_normalisation),
        cmocka_unit_test(duplicate_tibetan_spellings),
        cmocka_unit_test(duplicate_across_files),
        cmocka_unit_test(unknown_group),
        cmocka_unit_test(unknown_group_in_patterns),
        cmocka_unit_test(term_before_group_header),
        cmocka_unit_test(bad_weight_in_terms),
        cmocka_unit_test(bad_weight_in_groups),
        cmocka_unit_test(bad_regex),
        cmocka_unit_test(pattern_names_are_written_out),
        cmocka_unit_test(pattern_name_findings),
        cmocka_unit_test(pinyin_spellings_are_generated),
        cmocka_unit_test(entity_pattern_without_named_group),
        cmocka_unit_test(invalid_utf8_in_terms),
        cmocka_unit_test(invalid_utf8_in_rules),
        cmocka_unit_test(too_short_term),
        cmocka_unit_test(missing_groups_conf),
        cmocka_unit_test(missing_rules_conf),
        cmocka_unit_test(missing_folder),
        cmocka_unit_test(unknown_rules_key),
        cmocka_unit_test(findings_are_file_line_message),
        cmocka_unit_test(version_is_content_hash),
        cmocka_unit_test(version_covers_added_file),
        cmocka_unit_test(gate_source_loosens_wide_repeats),
        cmocka_unit_test(oversized_signal_pattern_runs_with_pcre2),
    };
    return cmocka_run_group_tests_name("test_dict", tests, NULL, NULL);
}
