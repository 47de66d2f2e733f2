/* Small helpers shared by the unit tests. Header-only: every test_*.c is
 * linked alone against build/libwaclassifier.a, so everything here is
 * static inline.
 *
 *   wt_make_dict(files)     write a temporary dictionary folder, return its path
 *   wt_remove_dir(path)     remove it again (and free the path)
 *   wt_repo_dict()          the repository's dictionary ($WA_TEST_DICT or dict/), loaded once
 *   wt_classify(...)        classify one text with a per-process session
 *   wt_norm(s)              the normalised form of a string (static buffer)
 *   wt_diag_find(...)       look for a "file:line: message" finding
 *   wt_find_match(...)      look for a match of a given term / group in a result
 *
 * Tests run with the repository root as the working directory and
 * WA_CACHE_DIR set to a temporary folder. */
#ifndef WA_TEST_UTIL_H
#define WA_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../classifier/classifier.h"
#include "../../classifier/dict.h"
#include "../../classifier/normalize.h"

/* ---- temporary dictionary folders ---------------------------------------- */

typedef struct {
    const char *name;    /* relative path, e.g. "zh/terms.dict"; NULL ends a list */
    const char *content; /* NULL: the file is not written */
    size_t len;          /* 0: strlen(content) */
} wt_file;

/* A minimal dictionary that loads cleanly. */
#define WT_GROUPS_CONF                                                                                       \
    "# name role weight\n"                                                                                   \
    "subject   subject   3\n"                                                                                \
    "arrears   event     3\n"                                                                                \
    "wage      wage      1\n"                                                                                \
    "negation  negation  0\n"
#define WT_RULES_CONF "threshold = 6\nwindow = 60\n"
#define WT_TERMS_DICT                                                                                        \
    "# minimal terms\n"                                                                                      \
    "[subject]\n"                                                                                            \
    "环卫工人\n"                                                                                             \
    "[arrears]\n"                                                                                            \
    "拖欠\n"                                                                                                 \
    "[wage]\n"                                                                                               \
    "工资\n"

static inline void wt_mkdirs_for(const char *path)
{
    char *p = strdup(path);
    assert_non_null(p);
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST)
                fail_msg("mkdir %s: %s", p, strerror(errno));
            *s = '/';
        }
    }
    free(p);
}

static inline void wt_write_file(const char *dir, const char *name, const char *content, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    wt_mkdirs_for(path);
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s: %s", path, strerror(errno));
    if (len == 0)
        len = strlen(content);
    if (fwrite(content, 1, len, f) != len)
        fail_msg("short write to %s", path);
    fclose(f);
}

static inline void wt_write_files(const char *dir, const wt_file *files)
{
    for (size_t i = 0; files[i].name; i++)
        if (files[i].content)
            wt_write_file(dir, files[i].name, files[i].content, files[i].len);
}

static inline void wt_remove_tree(const char *dir);

/* Folders made by wt_make_dict and not removed yet: a failed assertion jumps
 * out of a test before its wt_remove_dir, so they are removed at exit. */
static char *wt_dirs_[256];

static inline void wt_remove_leftover_dirs(void)
{
    for (size_t i = 0; i < sizeof wt_dirs_ / sizeof wt_dirs_[0]; i++)
        if (wt_dirs_[i]) {
            wt_remove_tree(wt_dirs_[i]);
            free(wt_dirs_[i]);
            wt_dirs_[i] = NULL;
        }
}

static inline void wt_track_dir(const char *dir, int add)
{
    static int registered;
    if (!registered) {
        registered = 1;
        atexit(wt_remove_leftover_dirs);
    }
    for (size_t i = 0; i < sizeof wt_dirs_ / sizeof wt_dirs_[0]; i++) {
        if (add && !wt_dirs_[i]) {
            wt_dirs_[i] = strdup(dir);
            return;
        }
        if (!add && wt_dirs_[i] && strcmp(wt_dirs_[i], dir) == 0) {
            free(wt_dirs_[i]);
            wt_dirs_[i] = NULL;
            return;
        }
    }
}

/* Create a fresh temporary folder holding files; returns a malloc'd path. */
static inline char *wt_make_dict(const wt_file *files)
{
    const char *tmp = getenv("TMPDIR");
    char tmpl[4096];
    snprintf(tmpl, sizeof tmpl, "%s/wa-unit-dict-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    char *dir = mkdtemp(tmpl);
    if (!dir)
        fail_msg("mkdtemp: %s", strerror(errno));
    char *out = strdup(dir);
    assert_non_null(out);
    wt_track_dir(out, 1);
    if (files)
        wt_write_files(out, files);
    return out;
}

/* The minimal dictionary, with some files replaced or removed: each
 * override with the name of a minimal file replaces it (content NULL
 * removes it); other overrides are added. */
static inline char *wt_make_minimal_dict(const wt_file *overrides)
{
    wt_file base[] = {
        {"groups.conf", WT_GROUPS_CONF, 0},
        {"rules.conf", WT_RULES_CONF, 0},
        {"zh/terms.dict", WT_TERMS_DICT, 0},
        {NULL, NULL, 0},
    };
    for (size_t i = 0; overrides && overrides[i].name; i++)
        for (size_t k = 0; base[k].name; k++)
            if (strcmp(base[k].name, overrides[i].name) == 0)
                base[k].content = NULL; /* replaced (or removed) below */
    char *dir = wt_make_dict(base);
    if (overrides)
        wt_write_files(dir, overrides);
    return dir;
}

static inline int wt_rm_cb(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static inline void wt_remove_tree(const char *dir)
{
    nftw(dir, wt_rm_cb, 16, FTW_DEPTH | FTW_PHYS);
}

static inline void wt_remove_dir(char *dir)
{
    if (!dir)
        return;
    wt_remove_tree(dir);
    wt_track_dir(dir, 0);
    free(dir);
}

/* ---- findings -------------------------------------------------------------- */

static inline void wt_diag_print(const wa_diag *d)
{
    for (size_t i = 0; i < d->n; i++)
        print_message("    finding: %s\n", d->msgs[i]);
}

/* Index of the first finding that starts with prefix (may be NULL) and
 * contains needle (may be NULL), or -1. */
static inline long wt_diag_find(const wa_diag *d, const char *prefix, const char *needle)
{
    for (size_t i = 0; i < d->n; i++) {
        const char *m = d->msgs[i];
        if (prefix && strncmp(m, prefix, strlen(prefix)) != 0)
            continue;
        if (needle && !strstr(m, needle))
            continue;
        return (long)i;
    }
    return -1;
}

/* ---- dictionaries ---------------------------------------------------------- */

static inline wa_dict *wt_load_dir(const char *dir)
{
    wa_diag diag;
    wa_diag_init(&diag);
    wa_dict *d = NULL;
    int rc = wa_dict_load(dir, NULL, &d, &diag);
    if (rc != 0 || !d) {
        wt_diag_print(&diag);
        wa_diag_free(&diag);
        fail_msg("dictionary %s does not load", dir);
    }
    wa_diag_free(&diag);
    return d;
}

static inline const char *wt_repo_dict_dir(void)
{
    const char *e = getenv("WA_TEST_DICT");
    return e && *e ? e : "dict";
}

static wa_dict *wt_repo_dict_;
static wa_session *wt_session_;

static inline void wt_cleanup(void)
{
    wa_session_free(wt_session_);
    wt_session_ = NULL;
    wa_dict_release(wt_repo_dict_);
    wt_repo_dict_ = NULL;
}

/* The repository's dictionary, loaded on first use and kept until exit. */
static inline wa_dict *wt_repo_dict(void)
{
    if (!wt_repo_dict_) {
        wt_repo_dict_ = wt_load_dir(wt_repo_dict_dir());
        atexit(wt_cleanup);
    }
    return wt_repo_dict_;
}

static inline wa_session *wt_session(void)
{
    if (!wt_session_) {
        wt_session_ = wa_session_new();
        assert_non_null(wt_session_);
        if (!wt_repo_dict_)
            atexit(wt_cleanup);
    }
    return wt_session_;
}

/* ---- classifying ------------------------------------------------------------- */

static inline const wa_result *wt_classify_doc(const wa_dict *d, const char *title, const char *text, int flags)
{
    wa_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.id_len = 1;
    doc.title = title;
    doc.title_len = title ? strlen(title) : 0;
    doc.text = text;
    doc.text_len = text ? strlen(text) : 0;
    const wa_result *r = NULL;
    assert_int_equal(wa_classify(wt_session(), d, &doc, flags, &r), 0);
    assert_non_null(r);
    return r;
}

/* Classify one text (no title) with the repository's dictionary. */
static inline const wa_result *wt_classify(const char *text)
{
    return wt_classify_doc(wt_repo_dict(), NULL, text, 0);
}

/* ---- results ------------------------------------------------------------------ */

/* The first live (not cancelled) match of a term whose raw form is term (or
 * any term when NULL) in the group named group (or any group when NULL). */
static inline const wa_match *wt_find_match(const wa_dict *d, const wa_result *r, const char *group,
                                            const char *term)
{
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *m = &r->matches[i];
        if (m->cancelled)
            continue;
        if (group && strcmp(d->groups[m->group].name, group) != 0)
            continue;
        if (term && (m->from_pattern || strcmp(d->terms[m->index].raw, term) != 0))
            continue;
        return m;
    }
    return NULL;
}

static inline void wt_print_result(const wa_dict *d, const wa_result *r)
{
    print_message("    hit %d prefiltered_out %d score %.2f level %s lang %s workers %.1f months %.1f amount %.1f\n",
                  r->hit, r->prefiltered_out, r->score, r->level ? r->level : "-", r->lang ? r->lang : "-",
                  r->workers.value, r->months.value, r->amount.value);
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *m = &r->matches[i];
        print_message("    match %-16s %s %u-%u field %u%s%s\n", d->groups[m->group].name,
                      m->from_pattern ? d->patterns[m->index].source : d->terms[m->index].raw, m->start, m->end,
                      m->field, m->from_pattern ? " (pattern)" : "", m->cancelled ? " (cancelled)" : "");
    }
}

/* ---- normalising ---------------------------------------------------------------- */

/* The normalised form of s, in a static buffer. Buffers rotate, so the
 * results of up to four calls can be compared with each other, e.g.
 * assert_string_equal(wt_norm(a), wt_norm(b)). */
static inline const char *wt_norm(const char *s)
{
    static char bufs[4][8192];
    static unsigned turn;
    char *out = bufs[turn++ % 4];
    wa_buf b;
    wa_buf_init(&b);
    assert_int_equal(wa_norm_string(s, strlen(s), &b), 0);
    assert_true(b.len < sizeof bufs[0]);
    if (b.len)
        memcpy(out, b.data, b.len);
    out[b.len] = '\0';
    wa_buf_free(&b);
    return out;
}

/* Tolerance check for doubles with a readable message. */
#define wt_assert_double(got, want)                                                                          \
    do {                                                                                                     \
        double wt_g_ = (got), wt_w_ = (want);                                                                \
        if (!(wt_g_ - wt_w_ < 1e-6 && wt_w_ - wt_g_ < 1e-6))                                                \
            fail_msg("%s: got %.6f, want %.6f", #got, wt_g_, wt_w_);                                         \
    } while (0)

#endif
