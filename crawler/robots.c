#include "robots.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/buf.h"

#define MAX_RULES 10000
#define MAX_LINE 4096
#define MAX_DELAY_S 60.0

typedef struct {
    char *pattern; /* as written, percent-encoding untouched */
    size_t len;
    int allow;
} rule;

typedef struct {
    rule *rules;
    size_t n, cap;
    double delay;
    int has_delay;
} rule_set;

struct wa_robots {
    rule_set own;      /* rules of the groups naming our agent */
    rule_set star;     /* rules of the "*" groups */
    int matched_agent; /* some group named us: its rules replace "*" */
    int deny_all;
};

static void set_free(rule_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->rules[i].pattern);
    free(s->rules);
}

void wa_robots_free(wa_robots *r)
{
    if (!r)
        return;
    set_free(&r->own);
    set_free(&r->star);
    free(r);
}

wa_robots *wa_robots_allow_all(void)
{
    return calloc(1, sizeof(wa_robots));
}

wa_robots *wa_robots_deny_all(void)
{
    wa_robots *r = calloc(1, sizeof(wa_robots));
    if (r)
        r->deny_all = 1;
    return r;
}

static int add_rule(rule_set *s, const char *p, size_t len, int allow)
{
    if (s->n >= MAX_RULES)
        return 0;
    void *arr = s->rules;
    if (wa_grow(&arr, &s->cap, s->n + 1, sizeof *s->rules) != 0)
        return -1;
    s->rules = arr;
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, p, len);
    copy[len] = '\0';
    s->rules[s->n++] = (rule){copy, len, allow};
    return 0;
}

/* Does the group's user-agent value name our agent? RFC 9309: the product
 * token, case-insensitive; we also accept the value being a prefix of ours
 * ("wa" would not match, "wa-crawler/1.0" would). */
static int names_agent(const char *v, size_t vlen, const char *agent)
{
    size_t alen = strlen(agent);
    size_t tok = 0;
    while (tok < vlen && v[tok] != '/' && v[tok] != ' ')
        tok++;
    return tok == alen && strncasecmp(v, agent, alen) == 0;
}

static double parse_delay(const char *v, size_t len)
{
    char tmp[32];
    if (len == 0 || len >= sizeof tmp)
        return -1;
    memcpy(tmp, v, len);
    tmp[len] = '\0';
    char *end;
    double d = strtod(tmp, &end);
    if (end == tmp || d < 0 || d != d)
        return -1;
    return d > MAX_DELAY_S ? MAX_DELAY_S : d;
}

wa_robots *wa_robots_parse(const char *text, size_t len, const char *agent)
{
    wa_robots *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    if (len > WA_ROBOTS_MAX_BYTES)
        len = WA_ROBOTS_MAX_BYTES;
    /* State of the group being read: which sets its rules go to. A group
     * is one or more user-agent lines followed by rules. */
    int in_agents = 0, to_own = 0, to_star = 0;
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && text[i] != '\n' && text[i] != '\r')
            i++;
        size_t end = i;
        while (i < len && (text[i] == '\n' || text[i] == '\r'))
            i++;
        if (end - start > MAX_LINE)
            continue;
        const char *line = text + start;
        size_t n = end - start;
        const char *hash = memchr(line, '#', n);
        if (hash)
            n = (size_t)(hash - line);
        /* key: value */
        const char *colon = memchr(line, ':', n);
        if (!colon)
            continue;
        const char *k = line;
        size_t klen = (size_t)(colon - line);
        while (klen && (*k == ' ' || *k == '\t' || (unsigned char)*k == 0xEF || (unsigned char)*k == 0xBB ||
                        (unsigned char)*k == 0xBF)) {
            k++; /* leading blanks and a UTF-8 BOM */
            klen--;
        }
        while (klen && (k[klen - 1] == ' ' || k[klen - 1] == '\t'))
            klen--;
        const char *v = colon + 1;
        size_t vlen = n - (size_t)(v - line);
        while (vlen && (*v == ' ' || *v == '\t')) {
            v++;
            vlen--;
        }
        while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
            vlen--;

        if (klen == 10 && strncasecmp(k, "user-agent", 10) == 0) {
            if (!in_agents) {
                to_own = to_star = 0;
                in_agents = 1;
            }
            if (vlen == 1 && v[0] == '*')
                to_star = 1;
            else if (names_agent(v, vlen, agent)) {
                to_own = 1;
                r->matched_agent = 1;
            }
            continue;
        }
        in_agents = 0;
        int allow = klen == 5 && strncasecmp(k, "allow", 5) == 0;
        int disallow = klen == 8 && strncasecmp(k, "disallow", 8) == 0;
        if (allow || disallow) {
            if (vlen == 0)
                continue; /* "Disallow:" with nothing allows everything */
            if ((to_own && add_rule(&r->own, v, vlen, allow) != 0) ||
                (to_star && add_rule(&r->star, v, vlen, allow) != 0)) {
                wa_robots_free(r);
                return NULL;
            }
        } else if (klen == 11 && strncasecmp(k, "crawl-delay", 11) == 0) {
            double d = parse_delay(v, vlen);
            if (d >= 0) {
                if (to_own) {
                    r->own.delay = d;
                    r->own.has_delay = 1;
                }
                if (to_star) {
                    r->star.delay = d;
                    r->star.has_delay = 1;
                }
            }
        }
        /* Sitemap and unknown keys are ignored. */
    }
    return r;
}

/* Does pattern (with '*' for any run and a final '$' anchoring the end)
 * match a prefix of s (or all of s when anchored)? Iterative with one
 * backtrack point, so hostile patterns cost at most O(len(p) * len(s)). */
static int pattern_matches(const char *p, size_t plen, const char *s, size_t slen)
{
    int anchored = plen > 0 && p[plen - 1] == '$';
    if (anchored)
        plen--;
    size_t pi = 0, si = 0, star_p = (size_t)-1, star_s = 0;
    for (;;) {
        if (pi == plen) {
            if (!anchored || si == slen)
                return 1;
        } else if (p[pi] == '*') {
            star_p = pi++;
            star_s = si;
            continue;
        } else if (si < slen && p[pi] == s[si]) {
            pi++;
            si++;
            continue;
        }
        /* Mismatch (or an anchored pattern ended early): let the last '*'
         * swallow one more character. */
        if (star_p == (size_t)-1 || star_s >= slen)
            return 0;
        pi = star_p + 1;
        si = ++star_s;
    }
}

int wa_robots_allowed(const wa_robots *r, const char *path_query)
{
    if (r->deny_all)
        return 0;
    const rule_set *s = r->matched_agent ? &r->own : &r->star;
    size_t slen = strlen(path_query);
    size_t best_len = 0;
    int best_allow = 1, found = 0;
    for (size_t i = 0; i < s->n; i++) {
        const rule *ru = &s->rules[i];
        if (!pattern_matches(ru->pattern, ru->len, path_query, slen))
            continue;
        if (!found || ru->len > best_len || (ru->len == best_len && ru->allow)) {
            best_len = ru->len;
            best_allow = ru->allow;
            found = 1;
        }
    }
    return best_allow;
}

double wa_robots_crawl_delay(const wa_robots *r)
{
    const rule_set *s = r->matched_agent ? &r->own : &r->star;
    return s->has_delay ? s->delay : 0;
}

size_t wa_robots_rule_count(const wa_robots *r)
{
    return r->matched_agent ? r->own.n : r->star.n;
}
