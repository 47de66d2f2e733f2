#include "accounts.h"

#include <stdio.h>
#include <string.h>

static const char *const roles[] = {"cyberspace", "petition", "housing", "analyst", "admin", NULL};

int wa_role_valid(const char *role)
{
    for (size_t i = 0; role && roles[i]; i++)
        if (strcmp(role, roles[i]) == 0)
            return 1;
    return 0;
}

int wa_username_valid(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > WA_USERNAME_MAX)
        return 0;
    return strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

int wa_role_may(const char *role, const char *action)
{
    static const struct {
        const char *action, *roles;
    } rules[] = {
        {"report", " cyberspace admin "},
        {"assign", " cyberspace admin "},
        {"note", " cyberspace petition housing admin "},
        {"resolve", " cyberspace housing admin "},
        {"dismiss", " cyberspace admin "},
        {"close", " cyberspace admin "},
    };
    if (!wa_role_valid(role) || !action)
        return 0;
    char key[32];
    snprintf(key, sizeof key, " %s ", role);
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].action, action) == 0)
            return strstr(rules[i].roles, key) != NULL;
    return 0;
}

int wa_scope_allows(const char *user_pref, const char *case_pref)
{
    if (!user_pref || !user_pref[0])
        return 1;
    return case_pref && strcmp(user_pref, case_pref) == 0;
}

int wa_role_sees_personal_data(const char *role)
{
    return role && (strcmp(role, "petition") == 0 || strcmp(role, "cyberspace") == 0 || strcmp(role, "admin") == 0);
}

int wa_password_hash(const char *password, char out[WA_PWHASH_MAX])
{
    size_t n = password ? strlen(password) : 0;
    if (n < WA_PASSWORD_MIN || n > WA_PASSWORD_MAX)
        return -1;
    return crypto_pwhash_str(out, password, n, crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) ==
                   0
               ? 0
               : -1;
}

int wa_password_verify(const char *hash, const char *password)
{
    if (!hash || !password || strlen(password) > WA_PASSWORD_MAX)
        return 0;
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void wa_password_random(char *out, size_t n)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    for (size_t i = 0; i < n; i++)
        out[i] = alphabet[randombytes_uniform((uint32_t)(sizeof alphabet - 1))];
    out[n] = '\0';
}

void wa_token_new(char out[WA_TOKEN_HEX])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(out, WA_TOKEN_HEX, raw, sizeof raw);
    sodium_memzero(raw, sizeof raw);
}

void wa_token_hash(const char *token, char out[WA_TOKEN_HEX])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
    sodium_bin2hex(out, WA_TOKEN_HEX, h, sizeof h);
}

int wa_token_equal(const char *expected, const char *got)
{
    if (!expected || !got || strlen(expected) != WA_TOKEN_HEX - 1 || strlen(got) != WA_TOKEN_HEX - 1)
        return 0;
    return sodium_memcmp(expected, got, WA_TOKEN_HEX - 1) == 0;
}

static wa_login_slot *slot_find(wa_login_limiter *lim, const char *name)
{
    for (size_t i = 0; i < WA_LOGIN_SLOTS; i++)
        if (lim->slots[i].failures > 0 && strcmp(lim->slots[i].name, name) == 0)
            return &lim->slots[i];
    return NULL;
}

long long wa_login_blocked(wa_login_limiter *lim, const char *name, long long now)
{
    wa_login_slot *s = slot_find(lim, name);
    return s && s->locked_until > now ? s->locked_until - now : 0;
}

void wa_login_failed(wa_login_limiter *lim, const char *name, long long now)
{
    wa_login_slot *s = slot_find(lim, name);
    if (s && (now - s->first > WA_LOGIN_WINDOW_S || (s->locked_until && s->locked_until <= now))) {
        /* The window or the lock is over: count afresh. */
        s->failures = 0;
        s->locked_until = 0;
    }
    if (!s || s->failures == 0) {
        if (!s) {
            /* A free slot, else the one whose last activity is oldest. */
            s = &lim->slots[0];
            for (size_t i = 0; i < WA_LOGIN_SLOTS; i++) {
                if (lim->slots[i].failures == 0) {
                    s = &lim->slots[i];
                    break;
                }
                if (lim->slots[i].first < s->first)
                    s = &lim->slots[i];
            }
        }
        memset(s, 0, sizeof *s);
        snprintf(s->name, sizeof s->name, "%s", name);
        s->first = now;
    }
    if (++s->failures >= WA_LOGIN_MAX_FAILURES)
        s->locked_until = now + WA_LOGIN_LOCK_S;
}

void wa_login_succeeded(wa_login_limiter *lim, const char *name)
{
    wa_login_slot *s = slot_find(lim, name);
    if (s)
        memset(s, 0, sizeof *s);
}
