/* Unit tests of the staff accounts (alerting/accounts.h): password hashing
 * and checking, tokens and their comparison, roles and prefecture scope,
 * the login rate limit; and the accounts and sessions in a fresh ledger. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../alerting/accounts.h"
#include "../../alerting/ledger_staff.h"

static void test_password_hash_verify(void **state)
{
    (void)state;
    assert_int_equal(sodium_init() >= 0, 1);
    char h[WA_PWHASH_MAX], h2[WA_PWHASH_MAX];
    assert_int_equal(wa_password_hash("correct-horse-1", h), 0);
    assert_non_null(strstr(h, "$argon2id$"));
    assert_int_equal(wa_password_verify(h, "correct-horse-1"), 1);
    assert_int_equal(wa_password_verify(h, "correct-horse-2"), 0);
    assert_int_equal(wa_password_verify(h, ""), 0);
    assert_int_equal(wa_password_verify("not a hash", "correct-horse-1"), 0);
    /* Salted: the same password twice gives two hashes. */
    assert_int_equal(wa_password_hash("correct-horse-1", h2), 0);
    assert_string_not_equal(h, h2);
    /* Too short, too long. */
    assert_int_equal(wa_password_hash("short", h), -1);
    char longpw[WA_PASSWORD_MAX + 2];
    memset(longpw, 'a', sizeof longpw - 1);
    longpw[sizeof longpw - 1] = '\0';
    assert_int_equal(wa_password_hash(longpw, h), -1);
    char pw[21];
    wa_password_random(pw, 20);
    assert_int_equal(strlen(pw), 20);
}

static void test_tokens(void **state)
{
    (void)state;
    char a[WA_TOKEN_HEX], b[WA_TOKEN_HEX], ha[WA_TOKEN_HEX], ha2[WA_TOKEN_HEX];
    wa_token_new(a);
    wa_token_new(b);
    assert_int_equal(strlen(a), 64);
    assert_string_not_equal(a, b);
    wa_token_hash(a, ha);
    wa_token_hash(a, ha2);
    assert_string_equal(ha, ha2);
    assert_string_not_equal(ha, a);
    assert_int_equal(wa_token_equal(a, a), 1);
    assert_int_equal(wa_token_equal(a, b), 0);
    assert_int_equal(wa_token_equal(a, NULL), 0);
    assert_int_equal(wa_token_equal(a, ""), 0);
    char prefix[WA_TOKEN_HEX];
    snprintf(prefix, sizeof prefix, "%.63s", a);
    assert_int_equal(wa_token_equal(a, prefix), 0);
}

static void test_roles_and_scope(void **state)
{
    (void)state;
    assert_int_equal(wa_role_valid("housing"), 1);
    assert_int_equal(wa_role_valid("root"), 0);
    assert_int_equal(wa_role_valid(NULL), 0);
    assert_int_equal(wa_role_may("housing", "resolve"), 1);
    assert_int_equal(wa_role_may("housing", "report"), 0);
    assert_int_equal(wa_role_may("analyst", "note"), 0);
    assert_int_equal(wa_role_may("petition", "note"), 1);
    assert_int_equal(wa_role_may("admin", "close"), 1);
    assert_int_equal(wa_role_may("admin", "explode"), 0);
    assert_int_equal(wa_scope_allows("拉萨", "拉萨"), 1);
    assert_int_equal(wa_scope_allows("拉萨", "那曲"), 0);
    assert_int_equal(wa_scope_allows("拉萨", NULL), 0);
    assert_int_equal(wa_scope_allows(NULL, "那曲"), 1);
    assert_int_equal(wa_scope_allows("", "那曲"), 1);
    assert_int_equal(wa_username_valid("lhasa-housing.1"), 1);
    assert_int_equal(wa_username_valid("bad name"), 0);
    assert_int_equal(wa_username_valid(""), 0);
    assert_int_equal(wa_role_sees_personal_data("housing"), 0);
    assert_int_equal(wa_role_sees_personal_data("petition"), 1);
}

static void test_rate_limit(void **state)
{
    (void)state;
    wa_login_limiter *lim = calloc(1, sizeof *lim);
    assert_non_null(lim);
    long long t = 1000000;
    for (int i = 0; i < WA_LOGIN_MAX_FAILURES - 1; i++) {
        assert_int_equal(wa_login_blocked(lim, "victim", t), 0);
        wa_login_failed(lim, "victim", t);
    }
    assert_int_equal(wa_login_blocked(lim, "victim", t), 0);
    wa_login_failed(lim, "victim", t);
    assert_int_equal(wa_login_blocked(lim, "victim", t), WA_LOGIN_LOCK_S);
    assert_int_equal(wa_login_blocked(lim, "other", t), 0);
    /* The lock ends. */
    assert_int_equal(wa_login_blocked(lim, "victim", t + WA_LOGIN_LOCK_S), 0);
    /* A success clears the count. */
    wa_login_failed(lim, "bob", t);
    wa_login_failed(lim, "bob", t);
    wa_login_succeeded(lim, "bob");
    for (int i = 0; i < WA_LOGIN_MAX_FAILURES - 1; i++)
        wa_login_failed(lim, "bob", t);
    assert_int_equal(wa_login_blocked(lim, "bob", t), 0);
    /* Failures spread beyond the window do not add up. */
    for (int i = 0; i < 3 * WA_LOGIN_MAX_FAILURES; i++)
        wa_login_failed(lim, "slow", t + (long long)i * (WA_LOGIN_WINDOW_S / 2 + 1));
    assert_true(wa_login_blocked(lim, "slow", t + 3LL * WA_LOGIN_MAX_FAILURES * WA_LOGIN_WINDOW_S) == 0);
    /* A flood of names does not overflow the table. */
    char name[32];
    for (int i = 0; i < 3 * WA_LOGIN_SLOTS; i++) {
        snprintf(name, sizeof name, "n%d", i);
        wa_login_failed(lim, name, t + i);
    }
    free(lim);
}

static void test_ledger_users_sessions(void **state)
{
    (void)state;
    char dir[] = "/tmp/wa-acct-XXXXXX", db[64], err[512];
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/l.db", dir);
    wa_ledger *l;
    assert_int_equal(wa_ledger_open(&l, db, err, sizeof err), 0);
    long long n = -1;
    assert_int_equal(wa_ledger_user_count(l, &n), 0);
    assert_int_equal(n, 0);
    char h[WA_PWHASH_MAX];
    assert_int_equal(wa_password_hash("correct-horse-1", h), 0);
    assert_int_equal(wa_ledger_user_add(l, "lh", "housing", "拉萨", h, 100), 0);
    assert_int_equal(wa_ledger_user_add(l, "lh", "admin", NULL, h, 100), -1);
    wa_user u;
    int found;
    assert_int_equal(wa_ledger_user_get(l, "lh", &u, &found), 0);
    assert_int_equal(found, 1);
    assert_string_equal(u.role, "housing");
    assert_string_equal(u.prefecture, "拉萨");
    long long uid = u.id;
    wa_user_clear(&u);
    assert_int_equal(wa_ledger_user_get(l, "nobody", &u, &found), 0);
    assert_int_equal(found, 0);
    char csrf[WA_TOKEN_HEX], got[WA_TOKEN_HEX];
    wa_token_new(csrf);
    assert_int_equal(wa_ledger_session_add(l, "hash1", uid, csrf, 100, 200), 0);
    assert_int_equal(wa_ledger_session_get(l, "hash1", 150, &u, got, sizeof got, &found), 0);
    assert_int_equal(found, 1);
    assert_string_equal(got, csrf);
    assert_string_equal(u.name, "lh");
    wa_user_clear(&u);
    /* Expired. */
    assert_int_equal(wa_ledger_session_get(l, "hash1", 200, &u, got, sizeof got, &found), 0);
    assert_int_equal(found, 0);
    /* A new password ends the sessions. */
    assert_int_equal(wa_ledger_session_add(l, "hash2", uid, csrf, 300, 900), 0);
    assert_int_equal(wa_ledger_user_set_password(l, "lh", h, 310, &found), 0);
    assert_int_equal(found, 1);
    assert_int_equal(wa_ledger_session_get(l, "hash2", 320, &u, got, sizeof got, &found), 0);
    assert_int_equal(found, 0);
    assert_int_equal(wa_ledger_user_set_password(l, "nobody", h, 310, &found), 0);
    assert_int_equal(found, 0);
    assert_int_equal(wa_ledger_session_add(l, "hash3", uid, csrf, 300, 900), 0);
    assert_int_equal(wa_ledger_session_delete(l, "hash3"), 0);
    assert_int_equal(wa_ledger_session_get(l, "hash3", 320, &u, got, sizeof got, &found), 0);
    assert_int_equal(found, 0);
    wa_ledger_close(l);
    char path[96];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s%s", db, suffix[i]);
        unlink(path);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_password_hash_verify), cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_roles_and_scope),      cmocka_unit_test(test_rate_limit),
        cmocka_unit_test(test_ledger_users_sessions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
