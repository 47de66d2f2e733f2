/* Staff accounts and sessions (SPEC §3.3): roles, prefecture scope,
 * Argon2id password hashes, session and CSRF tokens, the login rate limit.
 * The parts here hold no I/O so they can be tested alone; the storage is
 * in ledger_staff.h, the HTTP side in api_staff.c.
 *
 * Roles: cyberspace, petition, housing, analyst, admin. A user with a
 * prefecture sees and acts on that prefecture's cases only; a user without
 * one sees every prefecture. What each role may do to a case:
 *
 *   action    cyberspace petition housing analyst admin
 *   report        x                                 x
 *   assign        x                                 x
 *   note          x          x        x             x
 *   resolve       x                   x             x
 *   dismiss       x                                 x
 *   close         x                                 x
 */
#ifndef WA_ACCOUNTS_H
#define WA_ACCOUNTS_H

#include <stddef.h>

#include <sodium.h>

#define WA_TOKEN_HEX 65          /* 32 random bytes as hex, with the NUL */
#define WA_PWHASH_MAX crypto_pwhash_STRBYTES
#define WA_PASSWORD_MIN 10       /* bytes */
#define WA_PASSWORD_MAX 256
#define WA_USERNAME_MAX 64

/* 1 for one of the five roles, else 0. */
int wa_role_valid(const char *role);
/* 1 when a name is 1..64 bytes of [A-Za-z0-9._-], else 0. */
int wa_username_valid(const char *name);
/* 1 when the role may take the action (report, assign, note, resolve, dismiss, close). */
int wa_role_may(const char *role, const char *action);
/* 1 when a user of user_pref (NULL or "": every prefecture) may see a case of case_pref. */
int wa_scope_allows(const char *user_pref, const char *case_pref);
/* 1 when the role sees the complainant's phone number unmasked (petition, cyberspace, admin). */
int wa_role_sees_personal_data(const char *role);

/* Argon2id (libsodium crypto_pwhash_str, interactive limits). 0, or -1
 * when the password is not WA_PASSWORD_MIN..MAX bytes or memory is short. */
int wa_password_hash(const char *password, char out[WA_PWHASH_MAX]);
/* 1 when password matches the stored hash, else 0. */
int wa_password_verify(const char *hash, const char *password);
/* A random password of n characters (letters and digits, no look-alikes) into out[n + 1]. */
void wa_password_random(char *out, size_t n);

/* 32 random bytes as 64 hex characters. */
void wa_token_new(char out[WA_TOKEN_HEX]);
/* The stored form of a session token: BLAKE2b of it, as hex. */
void wa_token_hash(const char *token, char out[WA_TOKEN_HEX]);
/* 1 when got (may be NULL) equals expected, compared in constant time. */
int wa_token_equal(const char *expected, const char *got);

/* The login rate limit: after WA_LOGIN_MAX_FAILURES wrong passwords for a
 * name within WA_LOGIN_WINDOW_S, that name is refused for WA_LOGIN_LOCK_S
 * (even with the right password). Fixed size; the oldest entry makes room. */
#define WA_LOGIN_MAX_FAILURES 5
#define WA_LOGIN_WINDOW_S 900
#define WA_LOGIN_LOCK_S 300
#define WA_LOGIN_SLOTS 512
typedef struct {
    char name[WA_USERNAME_MAX + 1];
    int failures;
    long long first, locked_until;
} wa_login_slot;
typedef struct {
    wa_login_slot slots[WA_LOGIN_SLOTS];
} wa_login_limiter;

/* Seconds until name may try again, 0 when it may now. */
long long wa_login_blocked(wa_login_limiter *lim, const char *name, long long now);
void wa_login_failed(wa_login_limiter *lim, const char *name, long long now);
void wa_login_succeeded(wa_login_limiter *lim, const char *name);

#endif
