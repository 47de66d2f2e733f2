/* The compiled-dictionary cache (classifier/hs_cache.h): a stored database
 * loads back, a load marks its file used, and pruning keeps the folder under
 * its size by removing the files used longest ago, never a recent one. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <time.h>

#include "test_util.h"
#include "../../classifier/hs_cache.h"

/* A file of size bytes in dir, last used age seconds ago. */
static void put_file(const char *dir, const char *name, size_t size, time_t age)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < size; i++)
        assert_int_not_equal(fputc('x', f), EOF);
    assert_int_equal(fclose(f), 0);
    struct timespec t[2] = {{time(NULL) - age, 0}, {time(NULL) - age, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static int present(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, F_OK) == 0;
}

static void prune_removes_least_recently_used_first(void **state)
{
    (void)state;
    char *dir = wt_make_dict(NULL);
    put_file(dir, "terms-old.hsdb", 1000, 3 * 86400);
    put_file(dir, "signals-older.hsdb", 1000, 4 * 86400);
    put_file(dir, "gate-mid.hsdb", 1000, 86400);
    put_file(dir, "terms-new.hsdb", 1000, 2 * WA_CACHE_KEEP_S);
    put_file(dir, "notes.txt", 5000, 9 * 86400); /* not the cache's: left alone */
    wa_cache_prune(dir, 2500);
    assert_false(present(dir, "signals-older.hsdb"));
    assert_false(present(dir, "terms-old.hsdb"));
    assert_true(present(dir, "gate-mid.hsdb"));
    assert_true(present(dir, "terms-new.hsdb"));
    assert_true(present(dir, "notes.txt"));
    /* under the size: nothing goes */
    wa_cache_prune(dir, 2000);
    assert_true(present(dir, "gate-mid.hsdb"));
    assert_true(present(dir, "terms-new.hsdb"));
    wt_remove_dir(dir);
}

static void prune_keeps_files_in_use(void **state)
{
    (void)state;
    char *dir = wt_make_dict(NULL);
    put_file(dir, "terms-a.hsdb", 1000, 10);
    put_file(dir, "terms-b.hsdb", 1000, 20);
    put_file(dir, "terms-c.hsdb", 1000, 3 * WA_CACHE_KEEP_S);
    wa_cache_prune(dir, 0);
    assert_false(present(dir, "terms-c.hsdb"));
    assert_true(present(dir, "terms-a.hsdb"));
    assert_true(present(dir, "terms-b.hsdb"));
    wt_remove_dir(dir);
}

static void prune_removes_stale_temporary_files(void **state)
{
    (void)state;
    char *dir = wt_make_dict(NULL);
    put_file(dir, ".terms-x.hsdb.123.tmp", 10, 2 * WA_CACHE_KEEP_S);
    put_file(dir, ".terms-y.hsdb.456.tmp", 10, 5); /* a writer at work */
    wa_cache_prune(dir, 1ull << 40);
    assert_false(present(dir, ".terms-x.hsdb.123.tmp"));
    assert_true(present(dir, ".terms-y.hsdb.456.tmp"));
    wt_remove_dir(dir);
}

/* A stored database loads back, and the load marks the file used, so the
 * database in force outlives older ones when the folder is pruned. */
static void load_marks_the_file_used(void **state)
{
    (void)state;
    char *dir = wt_make_dict(NULL);
    const char *exprs[] = {"abc", "def"};
    unsigned flags[] = {0, 0}, ids[] = {0, 1};
    hs_database_t *db = NULL;
    hs_compile_error_t *err = NULL;
    assert_int_equal(hs_compile_multi(exprs, flags, ids, 2, HS_MODE_BLOCK, NULL, &db, &err), HS_SUCCESS);
    wa_cache_store_noted(dir, "terms-in-force.hsdb", db, "note", 4);
    hs_free_database(db);
    char path[512];
    snprintf(path, sizeof path, "%s/terms-in-force.hsdb", dir);
    struct timespec t[2] = {{time(NULL) - 86400, 0}, {time(NULL) - 86400, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
    put_file(dir, "terms-other.hsdb", 100, 3600);

    wa_buf note;
    wa_buf_init(&note);
    hs_database_t *back = wa_cache_load_noted(dir, "terms-in-force.hsdb", &note);
    assert_non_null(back);
    assert_int_equal(note.len, 4);
    assert_memory_equal(note.data, "note", 4);
    hs_free_database(back);
    wa_buf_free(&note);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(time(NULL) - st.st_mtime < 60);

    /* terms-other was used more recently than the day-old mark, but now
     * less recently than the database just loaded */
    struct timespec u[2] = {{time(NULL) - 2 * WA_CACHE_KEEP_S, 0}, {time(NULL) - 2 * WA_CACHE_KEEP_S, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path, u, 0), 0);
    snprintf(path, sizeof path, "%s/terms-other.hsdb", dir);
    struct timespec v[2] = {{time(NULL) - 3 * WA_CACHE_KEEP_S, 0}, {time(NULL) - 3 * WA_CACHE_KEEP_S, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path, v, 0), 0);
    wa_cache_prune(dir, 1);
    assert_false(present(dir, "terms-other.hsdb"));
    assert_false(present(dir, "terms-in-force.hsdb")); /* still over: it goes too */
    wt_remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prune_removes_least_recently_used_first),
        cmocka_unit_test(prune_keeps_files_in_use),
        cmocka_unit_test(prune_removes_stale_temporary_files),
        cmocka_unit_test(load_marks_the_file_used),
    };
    return cmocka_run_group_tests_name("test_hs_cache", tests, NULL, NULL);
}
