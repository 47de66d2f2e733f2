/* Reloading a dictionary in a running classifier (classifier.h, SPEC §3.1):
 * a changed dictionary is picked up, a broken one is refused and the old
 * one stays in force, and threads classifying all the while see one
 * consistent dictionary per call. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

/* Version A: the minimal dictionary. Version B: A plus the subject 保洁员. */
#define TERMS_A WT_TERMS_DICT
#define TERMS_B WT_TERMS_DICT "[subject]\n保洁员\n"
/* Broken: an unknown group on line 8. */
#define TERMS_BROKEN WT_TERMS_DICT "[no_such_group]\n保洁员\n"

#define DOC_BOTH "环卫工人工资被拖欠了"  /* a hit with A and with B */
#define DOC_B_ONLY "保洁员工资被拖欠了"  /* a hit with B only */
#define DOC_NONE "今天天气很好，我们去公园散步" /* never a hit */

static void write_terms(const char *dir, const char *terms)
{
    wt_write_file(dir, "zh/terms.dict", terms, 0);
}

static int classify_hit(wa_session *s, const wa_dict *d, const char *text)
{
    wa_doc doc = {"t", 1, NULL, 0, text, strlen(text), 0};
    const wa_result *r = NULL;
    if (wa_classify(s, d, &doc, 0, &r) != 0 || !r)
        return -1;
    return r->hit;
}

static char *version_of_terms(const char *terms)
{
    wt_file f[] = {{"zh/terms.dict", terms, 0}, {NULL, NULL, 0}};
    char *dir = wt_make_minimal_dict(f);
    wa_dict *d = wt_load_dir(dir);
    char *v = strdup(d->version);
    wa_dict_release(d);
    wt_remove_dir(dir);
    return v;
}

static wa_classifier *open_classifier(const char *dir)
{
    wa_diag diag;
    wa_diag_init(&diag);
    wa_classifier *c = wa_classifier_open(dir, NULL, &diag);
    if (!c) {
        wt_diag_print(&diag);
        wa_diag_free(&diag);
        fail_msg("wa_classifier_open(%s) failed", dir);
    }
    wa_diag_free(&diag);
    return c;
}

static char *current_version(wa_classifier *c)
{
    char v[WA_VERSION_SIZE];
    wa_classifier_version(c, v);
    return strdup(v);
}

/* ---- single-threaded ------------------------------------------------------------------ */

static void reload_changed_dictionary(void **state)
{
    (void)state;
    char *dir = wt_make_minimal_dict(NULL);
    wa_classifier *c = open_classifier(dir);
    wa_session *s = wa_session_new();
    assert_non_null(s);

    wa_dict *old = wa_classifier_acquire(c);
    char *va = strdup(old->version);
    assert_int_equal(classify_hit(s, old, DOC_BOTH), 1);
    assert_int_equal(classify_hit(s, old, DOC_B_ONLY), 0);

    write_terms(dir, TERMS_B);
    wa_diag diag;
    wa_diag_init(&diag);
    int rc = wa_classifier_reload(c, &diag);
    wt_diag_print(&diag);
    assert_int_equal(rc, 0);
    assert_int_equal(diag.n, 0);
    wa_diag_free(&diag);

    wa_dict *fresh = wa_classifier_acquire(c);
    assert_string_not_equal(fresh->version, va);
    assert_int_equal(classify_hit(s, fresh, DOC_B_ONLY), 1);
    assert_int_equal(classify_hit(s, fresh, DOC_BOTH), 1);
    assert_int_equal(classify_hit(s, fresh, DOC_NONE), 0);

    /* a thread that still holds the old dictionary keeps using it safely */
    assert_string_equal(old->version, va);
    assert_int_equal(classify_hit(s, old, DOC_B_ONLY), 0);
    assert_int_equal(classify_hit(s, old, DOC_BOTH), 1);
    wa_dict_release(old);
    assert_int_equal(classify_hit(s, fresh, DOC_B_ONLY), 1);
    wa_dict_release(fresh);

    free(va);
    wa_session_free(s);
    wa_classifier_free(c);
    wt_remove_dir(dir);
}

static void reload_unchanged_dictionary_same_version(void **state)
{
    (void)state;
    char *dir = wt_make_minimal_dict(NULL);
    wa_classifier *c = open_classifier(dir);
    char *v1 = current_version(c);
    wa_diag diag;
    wa_diag_init(&diag);
    assert_int_equal(wa_classifier_reload(c, &diag), 0);
    wa_diag_free(&diag);
    char *v2 = current_version(c);
    assert_string_equal(v1, v2);
    free(v1);
    free(v2);
    wa_classifier_free(c);
    wt_remove_dir(dir);
}

static void reload_broken_dictionary_keeps_old(void **state)
{
    (void)state;
    char *dir = wt_make_minimal_dict(NULL);
    wa_classifier *c = open_classifier(dir);
    wa_session *s = wa_session_new();
    char *va = current_version(c);

    write_terms(dir, TERMS_BROKEN);
    wa_diag diag;
    wa_diag_init(&diag);
    assert_int_not_equal(wa_classifier_reload(c, &diag), 0);
    /* refused with a clear finding */
    if (wt_diag_find(&diag, "zh/terms.dict:8: ", "no_such_group") < 0) {
        wt_diag_print(&diag);
        fail_msg("the broken dictionary is not refused with 'zh/terms.dict:8: ...no_such_group...'");
    }
    wa_diag_free(&diag);

    /* the old dictionary stays in force and still classifies */
    char *vnow = current_version(c);
    assert_string_equal(vnow, va);
    wa_dict *d = wa_classifier_acquire(c);
    assert_int_equal(classify_hit(s, d, DOC_BOTH), 1);
    assert_int_equal(classify_hit(s, d, DOC_B_ONLY), 0);
    wa_dict_release(d);

    /* a broken groups.conf is refused as well */
    wt_write_file(dir, "groups.conf", "subject subject three\n", 0);
    wa_diag_init(&diag);
    assert_int_not_equal(wa_classifier_reload(c, &diag), 0);
    assert_true(diag.n > 0);
    wa_diag_free(&diag);
    char *vnow2 = current_version(c);
    assert_string_equal(vnow2, va);

    /* once fixed, the next reload takes it */
    wt_write_file(dir, "groups.conf", WT_GROUPS_CONF, 0);
    write_terms(dir, TERMS_B);
    wa_diag_init(&diag);
    assert_int_equal(wa_classifier_reload(c, &diag), 0);
    wa_diag_free(&diag);
    d = wa_classifier_acquire(c);
    assert_string_not_equal(d->version, va);
    assert_int_equal(classify_hit(s, d, DOC_B_ONLY), 1);
    wa_dict_release(d);

    free(va);
    free(vnow);
    free(vnow2);
    wa_session_free(s);
    wa_classifier_free(c);
    wt_remove_dir(dir);
}

static void open_broken_dictionary_fails(void **state)
{
    (void)state;
    wt_file f[] = {{"zh/terms.dict", TERMS_BROKEN, 0}, {NULL, NULL, 0}};
    char *dir = wt_make_minimal_dict(f);
    wa_diag diag;
    wa_diag_init(&diag);
    wa_classifier *c = wa_classifier_open(dir, NULL, &diag);
    assert_null(c);
    assert_true(wt_diag_find(&diag, "zh/terms.dict:8: ", NULL) >= 0);
    wa_diag_free(&diag);
    wt_remove_dir(dir);
}

/* ---- threads ------------------------------------------------------------------------------ */

typedef struct {
    wa_classifier *c;
    atomic_int *stop;
    const char *va, *vb;
    long calls, saw_a, saw_b;
    int errors;
    char first_error[256];
} worker;

static void worker_error(worker *w, const char *fmt, const char *arg)
{
    if (w->errors++ == 0)
        snprintf(w->first_error, sizeof w->first_error, fmt, arg);
}

static void *work(void *arg)
{
    worker *w = arg;
    wa_session *s = wa_session_new();
    if (!s) {
        worker_error(w, "%s", "wa_session_new failed");
        return NULL;
    }
    while (!atomic_load(w->stop)) {
        wa_dict *d = wa_classifier_acquire(w->c);
        int is_a = strcmp(d->version, w->va) == 0, is_b = strcmp(d->version, w->vb) == 0;
        if (!is_a && !is_b)
            worker_error(w, "unknown dictionary version %s", d->version);
        w->saw_a += is_a;
        w->saw_b += is_b;
        int both = classify_hit(s, d, DOC_BOTH);
        int b_only = classify_hit(s, d, DOC_B_ONLY);
        int none = classify_hit(s, d, DOC_NONE);
        /* the dictionary must not change under the thread while it holds it */
        if (strcmp(d->version, is_b ? w->vb : w->va) != 0)
            worker_error(w, "version changed while held: %s", d->version);
        if (both != 1)
            worker_error(w, "'%s' is not a hit", DOC_BOTH);
        if (none != 0)
            worker_error(w, "'%s' is a hit", DOC_NONE);
        if (b_only != (is_b ? 1 : 0))
            worker_error(w, "'%s' inconsistent with the dictionary version", DOC_B_ONLY);
        wa_dict_release(d);
        w->calls++;
    }
    wa_session_free(s);
    return NULL;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void threads_classify_while_reloading(void **state)
{
    (void)state;
    char *va = version_of_terms(TERMS_A), *vb = version_of_terms(TERMS_B);
    assert_string_not_equal(va, vb);

    char *dir = wt_make_minimal_dict(NULL);
    wa_classifier *c = open_classifier(dir);
    atomic_int stop = 0;
    enum { NTHREADS = 4 };
    worker w[NTHREADS];
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].c = c;
        w[i].stop = &stop;
        w[i].va = va;
        w[i].vb = vb;
        assert_int_equal(pthread_create(&th[i], NULL, work, &w[i]), 0);
    }

    /* valid and broken dictionaries alternately: A, broken, B, broken, ... */
    const char *cycle[] = {TERMS_A, TERMS_BROKEN, TERMS_B, TERMS_BROKEN};
    const char *expect_version = va;
    int reloads = 0, refused = 0, bad = 0;
    double t0 = now_seconds();
    for (int i = 0; i < 400 && (i < 24 || now_seconds() - t0 < 2.0); i++) {
        const char *terms = cycle[i % 4];
        write_terms(dir, terms);
        wa_diag diag;
        wa_diag_init(&diag);
        int rc = wa_classifier_reload(c, &diag);
        int broken = i % 2 == 1;
        if (broken) {
            refused++;
            if (rc == 0 || diag.n == 0)
                bad++;
        } else {
            reloads++;
            if (rc != 0)
                bad++;
            expect_version = i % 4 == 0 ? va : vb;
        }
        wa_diag_free(&diag);
        char *v = current_version(c);
        if (strcmp(v, expect_version) != 0)
            bad++;
        free(v);
        /* let the workers run a little with each dictionary */
        struct timespec nap = {0, 2 * 1000 * 1000};
        nanosleep(&nap, NULL);
    }
    atomic_store(&stop, 1);
    long calls = 0;
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(th[i], NULL);
        calls += w[i].calls;
        if (w[i].errors)
            print_message("    thread %d: %d errors, first: %s\n", i, w[i].errors, w[i].first_error);
        print_message("    thread %d: %ld calls, %ld with A, %ld with B\n", i, w[i].calls, w[i].saw_a, w[i].saw_b);
    }
    print_message("    %d reloads, %d refused, %ld classifications\n", reloads, refused, calls);
    assert_int_equal(bad, 0);
    for (int i = 0; i < NTHREADS; i++) {
        assert_int_equal(w[i].errors, 0);
        assert_true(w[i].calls > 0);
    }
    assert_true(reloads >= 12);
    assert_true(refused >= 12);

    wa_classifier_free(c);
    wt_remove_dir(dir);
    free(va);
    free(vb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reload_changed_dictionary),
        cmocka_unit_test(reload_unchanged_dictionary_same_version),
        cmocka_unit_test(reload_broken_dictionary_keeps_old),
        cmocka_unit_test(open_broken_dictionary_fails),
        cmocka_unit_test(threads_classify_while_reloading),
    };
    return cmocka_run_group_tests_name("test_reload", tests, NULL, NULL);
}
