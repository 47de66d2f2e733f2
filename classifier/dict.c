/* Loading, checking and compiling a dictionary folder.
 *
 * Layout of a dictionary folder (see dict/README.md):
 *   groups.conf    the groups, their role in the rules and default weight
 *   rules.conf     thresholds, proximity window, level rules
 *   regions.tsv    prefectures and counties with their Chinese and Tibetan names
 *   **.dict        terms, one per line, under [group] headers
 *   **.re          PCRE2 patterns, under [group] or [entity:KIND] headers, and
 *                  @name = ... lists they share (pattern_names.h)
 * Files are read from the folder and its direct subfolders in name order.
 *
 * Loading and linting are one code path: every problem lint reports is one
 * that makes a load fail, so "lint passes" means "this will load". */
#include "dict.h"
#include "pattern_names.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <pcre2.h>
#include <sodium.h>

#include "../common/utf8.h"
#include "hs_cache.h"
#include "normalize.h"
#include "prefilter.h"

/* ---- diagnostics ---------------------------------------------------------- */

void wa_diag_init(wa_diag *d)
{
    memset(d, 0, sizeof *d);
}

void wa_diag_free(wa_diag *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->msgs[i]);
    free(d->msgs);
    memset(d, 0, sizeof *d);
}

void wa_diag_add(wa_diag *d, const char *file, unsigned line, const char *fmt, ...)
{
    wa_buf b;
    wa_buf_init(&b);
    if (file && line)
        wa_buf_printf(&b, "%s:%u: ", file, line);
    else if (file)
        wa_buf_printf(&b, "%s: ", file);
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    wa_buf_append_str(&b, msg ? msg : "(out of memory)");
    free(msg);
    void *arr = d->msgs;
    if (!b.data || wa_grow(&arr, &d->cap, d->n + 1, sizeof(char *)) != 0) {
        wa_buf_free(&b);
        return;
    }
    d->msgs = arr;
    d->msgs[d->n++] = b.data;
}

/* ---- small helpers ---------------------------------------------------------- */

static int read_file(const char *path, wa_buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char chunk[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (wa_buf_append(out, chunk, n) != 0) {
            rc = -1;
            break;
        }
    if (ferror(f))
        rc = -1;
    fclose(f);
    if (rc == 0)
        rc = wa_buf_terminate(out);
    return rc;
}

static int parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Iterate over the lines of a file's content, checking UTF-8 on the way.
 * Returns a pointer to the next line (modified in place) or NULL. */
typedef struct {
    char *p, *end;
    unsigned line;
} line_iter;

static char *next_line(line_iter *it)
{
    if (it->p >= it->end)
        return NULL;
    char *s = it->p;
    char *nl = memchr(s, '\n', (size_t)(it->end - s));
    if (nl) {
        *nl = '\0';
        it->p = nl + 1;
    } else {
        it->p = it->end;
    }
    it->line++;
    return s;
}

/* ---- the loader's working state -------------------------------------------- */

typedef struct {
    wa_dict *d;
    wa_diag *diag;
    const char *file;     /* relative name, for messages */
    uint16_t file_index;
    size_t terms_cap, patterns_cap;
    /* normalised term -> index + 1, open addressing, for duplicate detection */
    uint32_t *seen;
    size_t seen_cap, nseen;
    /* [pinyin] sections: a Han letter and its pinyin, for the spellings
     * generated from the terms (add_pinyin_spellings) */
    struct pinyin_entry {
        uint32_t cp;
        char py[8];
    } pinyin[512];
    size_t npinyin;
    int generating; /* add_term is adding a generated spelling: a clash is no finding */
} loader;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
    return h;
}

/* Returns the index of an earlier term with the same normalised form, or -1,
 * and remembers term idx otherwise. */
static long seen_check_add(loader *L, const char *norm, uint32_t idx)
{
    if ((L->nseen + 1) * 2 > L->seen_cap) {
        size_t ncap = L->seen_cap ? L->seen_cap * 2 : 1024;
        uint32_t *ns = calloc(ncap, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; i < L->seen_cap; i++) {
            if (!L->seen[i])
                continue;
            size_t j = hash_str(L->d->terms[L->seen[i] - 1].norm) & (ncap - 1);
            while (ns[j])
                j = (j + 1) & (ncap - 1);
            ns[j] = L->seen[i];
        }
        free(L->seen);
        L->seen = ns;
        L->seen_cap = ncap;
    }
    size_t j = hash_str(norm) & (L->seen_cap - 1);
    while (L->seen[j]) {
        if (strcmp(L->d->terms[L->seen[j] - 1].norm, norm) == 0)
            return (long)L->seen[j] - 1;
        j = (j + 1) & (L->seen_cap - 1);
    }
    L->seen[j] = idx + 1;
    L->nseen++;
    return -1;
}

static const char *const role_names[WA_ROLE_COUNT] = {
    "subject", "event", "wage", "cue", "collective", "negation", "penalty", "resolution", "rival", "others", "place"};

const char *wa_role_name(wa_role r)
{
    return r < WA_ROLE_COUNT ? role_names[r] : "?";
}

int wa_term_is_anchor(const wa_dict *d, const wa_term *t)
{
    return d->groups[t->group].role == WA_ROLE_EVENT && t->weight <= 0;
}

static int role_from_name(const char *s, wa_role *r)
{
    for (int i = 0; i < WA_ROLE_COUNT; i++)
        if (strcmp(s, role_names[i]) == 0) {
            *r = (wa_role)i;
            return 0;
        }
    return -1;
}

int wa_dict_group(const wa_dict *d, const char *name)
{
    for (size_t i = 0; i < d->ngroups; i++)
        if (strcmp(d->groups[i].name, name) == 0)
            return (int)i;
    return -1;
}

static void parse_groups(loader *L, char *content, size_t len)
{
    line_iter it = {content, content + len, 0};
    char *ln;
    while ((ln = next_line(&it))) {
        char *s = trim(ln);
        if (!*s || *s == '#')
            continue;
        char *save = NULL;
        char *name = strtok_r(s, " \t", &save), *role = strtok_r(NULL, " \t", &save), *w = strtok_r(NULL, " \t", &save);
        char *extra = strtok_r(NULL, " \t", &save);
        wa_role r;
        double weight;
        if (!role || !w || (extra && *extra != '#')) {
            wa_diag_add(L->diag, L->file, it.line, "expected 'NAME ROLE WEIGHT'");
            continue;
        }
        if (role_from_name(role, &r) != 0) {
            wa_diag_add(L->diag, L->file, it.line,
                        "unknown role '%s' (subject, event, wage, cue, collective, negation, penalty, resolution, rival, place)", role);
            continue;
        }
        if (parse_number(w, &weight) != 0) {
            wa_diag_add(L->diag, L->file, it.line, "weight '%s' is not a number", w);
            continue;
        }
        if (wa_dict_group(L->d, name) >= 0) {
            wa_diag_add(L->diag, L->file, it.line, "group '%s' is declared twice", name);
            continue;
        }
        void *arr = L->d->groups;
        size_t cap = L->d->ngroups;
        if (wa_grow(&arr, &cap, L->d->ngroups + 1, sizeof(wa_group)) != 0)
            return;
        L->d->groups = arr;
        wa_group *g = &L->d->groups[L->d->ngroups];
        g->name = strdup(name);
        if (!g->name)
            return;
        g->role = r;
        g->weight = weight;
        L->d->ngroups++;
    }
}

static void parse_rules(loader *L, char *content, size_t len)
{
    wa_rules *R = &L->d->rules;
    line_iter it = {content, content + len, 0};
    char *ln;
    while ((ln = next_line(&it))) {
        char *s = trim(ln);
        if (!*s || *s == '#')
            continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            wa_diag_add(L->diag, L->file, it.line, "expected 'key = value'");
            continue;
        }
        *eq = '\0';
        char *key = trim(s), *val = trim(eq + 1);
        char *hash = strstr(val, " #");
        if (hash) {
            *hash = '\0';
            val = trim(val);
        }
        if (strcmp(key, "company.strip_prefix") == 0) {
            char *save = NULL;
            for (char *tok = strtok_r(val, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
                char *t = trim(tok);
                if (!*t)
                    continue;
                void *arr = R->company_strip;
                size_t cap = R->ncompany_strip;
                if (wa_grow(&arr, &cap, R->ncompany_strip + 1, sizeof(char *)) != 0)
                    return;
                R->company_strip = arr;
                wa_buf nb;
                wa_buf_init(&nb);
                if (wa_norm_string(t, strlen(t), &nb) != 0 || !nb.data) {
                    wa_buf_free(&nb);
                    continue;
                }
                R->company_strip[R->ncompany_strip++] = nb.data;
            }
            continue;
        }
        static const struct {
            const char *key;
            size_t off;
        } keys[] = {
            {"threshold", offsetof(wa_rules, threshold)},
            {"same_sentence_bonus", offsetof(wa_rules, same_sentence_bonus)},
            {"entity_bonus", offsetof(wa_rules, entity_bonus)},
            {"level.red.workers", offsetof(wa_rules, red_workers)},
            {"level.red.amount", offsetof(wa_rules, red_amount)},
            {"level.red.score", offsetof(wa_rules, red_score)},
            {"level.orange.workers", offsetof(wa_rules, orange_workers)},
            {"level.orange.months", offsetof(wa_rules, orange_months)},
            {"level.orange.amount", offsetof(wa_rules, orange_amount)},
            {"level.orange.score", offsetof(wa_rules, orange_score)},
            {"level.yellow.score", offsetof(wa_rules, yellow_score)},
        };
        double v;
        if (parse_number(val, &v) != 0) {
            wa_diag_add(L->diag, L->file, it.line, "value of '%s' is not a number: '%s'", key, val);
            continue;
        }
        int found = 0;
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            if (strcmp(key, keys[i].key) == 0) {
                *(double *)((char *)R + keys[i].off) = v;
                found = 1;
            }
        if (strcmp(key, "window") == 0 || strcmp(key, "window.tibetan") == 0) {
            if (v < 1 || v > 100000)
                wa_diag_add(L->diag, L->file, it.line, "%s must be 1..100000 characters", key);
            else if (key[6] == '.')
                R->window_tibetan = (uint32_t)v;
            else
                R->window = (uint32_t)v;
            found = 1;
        } else if (strcmp(key, "level.red.collective") == 0) {
            R->red_collective = v != 0;
            found = 1;
        }
        if (!found)
            wa_diag_add(L->diag, L->file, it.line, "unknown key '%s'", key);
    }
}

/* Adds a term after the checks that make a dictionary safe to load. */
static void add_term(loader *L, unsigned line, const char *raw, int group, double weight, int pref,
                     int county)
{
    wa_dict *d = L->d;
    wa_buf nb;
    wa_buf_init(&nb);
    if (wa_norm_string(raw, strlen(raw), &nb) != 0)
        return;
    if (nb.len == 0) {
        wa_diag_add(L->diag, L->file, line, "term '%s' is empty after normalisation", raw);
        wa_buf_free(&nb);
        return;
    }
    size_t ncp = 0, nhan = 0, ntib = 0, nascii = 0;
    int bad_tib = 0;
    for (size_t i = 0; i < nb.len;) {
        size_t adv;
        uint32_t cp = wa_utf8_decode((unsigned char *)nb.data + i, nb.len - i, &adv);
        i += adv;
        ncp++;
        if (cp >= 0x0F00 && cp <= 0x0FFF) {
            ntib++;
            if (!wa_tibetan_is_syllable_cp(cp) && cp != 0x0F0B)
                bad_tib = 1;
        } else if (cp < 0x80) {
            nascii++;
        } else if (cp >= 0x2E80 && !wa_pictograph_word(cp)) {
            nhan++; /* a pictograph word (🧹) is rare enough to stand alone */
        }
        if (wa_norm_is_break_cp(cp))
            bad_tib = 2;
    }
    if (bad_tib == 2) {
        wa_diag_add(L->diag, L->file, line, "term '%s' contains a sentence break", raw);
        wa_buf_free(&nb);
        return;
    }
    if (bad_tib) {
        wa_diag_add(L->diag, L->file, line, "Tibetan term '%s' contains a character that is not part of a syllable", raw);
        wa_buf_free(&nb);
        return;
    }
    if ((nhan == 1 && ncp == 1) || (nascii == ncp && ncp < 2)) {
        if (!L->generating)
            wa_diag_add(L->diag, L->file, line, "term '%s' is too short: it would match almost everywhere", raw);
        wa_buf_free(&nb);
        return;
    }
    void *arr = d->terms;
    if (wa_grow(&arr, &L->terms_cap, d->nterms + 1, sizeof(wa_term)) != 0) {
        wa_buf_free(&nb);
        return;
    }
    d->terms = arr;
    wa_term *t = &d->terms[d->nterms];
    memset(t, 0, sizeof *t);
    t->raw = strdup(raw);
    t->norm = nb.data;
    t->norm_len = (uint32_t)nb.len;
    t->group = group;
    t->weight = weight;
    t->file = L->file_index;
    t->line = line;
    t->tibetan = ntib > 0;
    t->pref = (int16_t)pref;
    t->county = (int16_t)county;
    if (!t->raw) {
        free(nb.data);
        return;
    }
    long dup = seen_check_add(L, t->norm, (uint32_t)d->nterms);
    if (dup >= 0) {
        const wa_term *o = &d->terms[dup];
        if (!L->generating)
            wa_diag_add(L->diag, L->file, line, "duplicate term '%s': same as '%s' at %s:%u", raw, o->raw,
                        d->files[o->file], o->line);
        free(t->raw);
        free(t->norm);
        return;
    }
    d->nterms++;
}

/* A [pinyin] line: one Han letter, then its pinyin in lower-case letters
 * (环 huan). */
static void parse_pinyin_line(loader *L, unsigned line, char *s)
{
    size_t adv;
    uint32_t cp = wa_utf8_decode((const unsigned char *)s, strlen(s), &adv);
    char *py = trim(s + adv);
    char *hash = strchr(py, '#');
    if (hash) {
        *hash = '\0';
        py = trim(py);
    }
    size_t n = strlen(py);
    int ok = cp >= 0x3400 && cp < 0x30000 && cp != WA_UTF8_INVALID && (s[adv] == ' ' || s[adv] == '\t') && n >= 1 &&
             n < sizeof L->pinyin[0].py;
    for (size_t k = 0; ok && k < n; k++)
        ok = py[k] >= 'a' && py[k] <= 'z';
    if (!ok) {
        wa_diag_add(L->diag, L->file, line, "a [pinyin] line is one Han character, a space and its pinyin in a-z");
        return;
    }
    for (size_t k = 0; k < L->npinyin; k++)
        if (L->pinyin[k].cp == cp) {
            wa_diag_add(L->diag, L->file, line, "pinyin given twice for this character");
            return;
        }
    if (L->npinyin == sizeof L->pinyin / sizeof L->pinyin[0]) {
        wa_diag_add(L->diag, L->file, line, "more than %zu [pinyin] lines", sizeof L->pinyin / sizeof L->pinyin[0]);
        return;
    }
    L->pinyin[L->npinyin].cp = cp;
    memcpy(L->pinyin[L->npinyin].py, py, n + 1);
    L->npinyin++;
}

static const char *pinyin_of(const loader *L, uint32_t cp)
{
    for (size_t k = 0; k < L->npinyin; k++)
        if (L->pinyin[k].cp == cp)
            return L->pinyin[k].py;
    return NULL;
}

/* People spell a word half in pinyin to get past filters (环wei, gong资,
 * 拖qian). For every subject, event and wage term of two to four Han
 * letters that all have a [pinyin] line, every such spelling becomes a term
 * of the same group and weight: each letter as written or in pinyin, all in
 * pinyin only when that is six letters or more (short pinyin runs occur
 * inside other words). A spelling that is already a term is left alone. */
static void add_pinyin_spellings(loader *L)
{
    if (!L->npinyin)
        return;
    size_t nterms = L->d->nterms;
    L->generating = 1;
    for (size_t i = 0; i < nterms; i++) {
        const wa_term *t = &L->d->terms[i];
        wa_role role = L->d->groups[t->group].role;
        if (role != WA_ROLE_SUBJECT && role != WA_ROLE_EVENT && role != WA_ROLE_WAGE)
            continue;
        uint32_t cps[4];
        const char *pys[4];
        size_t n = 0, pylen = 0;
        int ok = 1;
        for (size_t k = 0; ok && k < t->norm_len;) {
            size_t adv;
            uint32_t cp = wa_utf8_decode((const unsigned char *)t->norm + k, t->norm_len - k, &adv);
            k += adv;
            ok = n < 4 && (pys[n] = pinyin_of(L, cp)) != NULL;
            if (ok) {
                cps[n++] = cp;
                pylen += strlen(pys[n - 1]);
            }
        }
        if (!ok || n < 2)
            continue;
        /* the term's own file and line stand behind every spelling */
        unsigned line = t->line;
        uint16_t file = t->file;
        int group = t->group;
        double weight = t->weight;
        const char *saved = L->file;
        uint16_t saved_index = L->file_index;
        L->file = L->d->files[file];
        L->file_index = file;
        for (unsigned mask = 1; mask < (1u << n); mask++) {
            if (mask == (1u << n) - 1 && pylen < 6)
                continue;
            char v[64];
            size_t o = 0;
            for (size_t k = 0; k < n; k++) {
                if (mask & (1u << k)) {
                    size_t m = strlen(pys[k]);
                    memcpy(v + o, pys[k], m);
                    o += m;
                } else {
                    o += wa_utf8_encode(cps[k], (unsigned char *)v + o);
                }
            }
            v[o] = '\0';
            add_term(L, line, v, group, weight, -1, -1);
        }
        L->file = saved;
        L->file_index = saved_index;
    }
    L->generating = 0;
}

static void parse_terms(loader *L, char *content, size_t len)
{
    line_iter it = {content, content + len, 0};
    char *ln;
    int group = -1;
    while ((ln = next_line(&it))) {
        char *s = trim(ln);
        if (!*s || *s == '#')
            continue;
        if (*s == '[') {
            char *close = strchr(s, ']');
            if (!close) {
                wa_diag_add(L->diag, L->file, it.line, "section header without ']'");
                group = -2;
                continue;
            }
            *close = '\0';
            char *name = trim(s + 1);
            if (strcmp(name, "pinyin") == 0) {
                group = -3;
                continue;
            }
            group = wa_dict_group(L->d, name);
            if (group < 0) {
                wa_diag_add(L->diag, L->file, it.line, "unknown group '%s' (not in groups.conf)", name);
                group = -2;
            } else if (L->d->groups[group].role == WA_ROLE_PLACE) {
                wa_diag_add(L->diag, L->file, it.line, "place names belong in regions.tsv, not in a .dict file");
                group = -2;
            }
            continue;
        }
        if (group == -2)
            continue; /* already reported at the header */
        if (group == -3) {
            parse_pinyin_line(L, it.line, s);
            continue;
        }
        if (group < 0) {
            wa_diag_add(L->diag, L->file, it.line, "term before any [group] header");
            group = -2;
            continue;
        }
        char *term = s, *rest = s;
        while (*rest && *rest != ' ' && *rest != '\t')
            rest++;
        double weight = L->d->groups[group].weight;
        if (*rest) {
            *rest++ = '\0';
            rest = trim(rest);
            char *hash = strchr(rest, '#');
            if (hash) {
                *hash = '\0';
                rest = trim(rest);
            }
            if (*rest && parse_number(rest, &weight) != 0) {
                wa_diag_add(L->diag, L->file, it.line, "weight '%s' is not a number (a term has no spaces)", rest);
                continue;
            }
        }
        add_term(L, it.line, term, group, weight, -1, -1);
    }
}

static const char *entity_names[WA_ENT_COUNT] = {"workers", "months", "amount", "company"};

/* names: the file's @name definitions so far; x: room for a pattern with
 * its names written out. */
static void parse_patterns_named(loader *L, char *content, size_t len, wa_pattern_names *names, wa_buf *x)
{
    line_iter it = {content, content + len, 0};
    char *ln;
    int group = -1, entity = -1, bad = 0, seen_header = 0;
    while ((ln = next_line(&it))) {
        char *s = trim(ln);
        if (!*s || *s == '#')
            continue;
        if (*s == '[') {
            char *close = strrchr(s, ']');
            bad = 1;
            seen_header = 1;
            group = entity = -1;
            if (!close) {
                wa_diag_add(L->diag, L->file, it.line, "section header without ']'");
                continue;
            }
            *close = '\0';
            char *name = trim(s + 1);
            if (strncmp(name, "entity:", 7) == 0) {
                for (int k = 0; k < WA_ENT_COUNT; k++)
                    if (strcmp(name + 7, entity_names[k]) == 0)
                        entity = k;
                if (entity < 0) {
                    wa_diag_add(L->diag, L->file, it.line, "unknown entity '%s' (workers, months, amount, company)", name + 7);
                    continue;
                }
            } else {
                group = wa_dict_group(L->d, name);
                if (group < 0) {
                    wa_diag_add(L->diag, L->file, it.line, "unknown group '%s' (not in groups.conf)", name);
                    continue;
                }
                wa_role r = L->d->groups[group].role;
                if (r == WA_ROLE_SUBJECT || r == WA_ROLE_WAGE || r == WA_ROLE_PLACE) {
                    wa_diag_add(L->diag, L->file, it.line,
                                "group '%s' takes dictionary terms only: its patterns would escape the prefilter", name);
                    continue;
                }
            }
            bad = 0;
            continue;
        }
        char err[256];
        int def = wa_pattern_names_define(names, s, err, sizeof err);
        if (def != 0) {
            if (def < 0)
                wa_diag_add(L->diag, L->file, it.line, "%s", err);
            continue;
        }
        if (!seen_header) {
            wa_diag_add(L->diag, L->file, it.line, "pattern before any [group] or [entity:KIND] header");
            seen_header = 1;
            bad = 1;
            continue;
        }
        if (bad)
            continue;
        if (wa_pattern_names_expand(names, s, x, err, sizeof err) != 0) {
            wa_diag_add(L->diag, L->file, it.line, "%s", err);
            continue;
        }
        s = x->data;
        int errcode;
        PCRE2_SIZE erroff;
        pcre2_code *re = pcre2_compile((PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &errcode,
                                       &erroff, NULL);
        if (!re) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(errcode, msg, sizeof msg);
            wa_diag_add(L->diag, L->file, it.line, "bad regex at offset %zu: %s", (size_t)erroff, (char *)msg);
            continue;
        }
        uint32_t cap_no = 0, from_no = 0, to_no = 0, mult_no = 0, me_no = 0;
        if (entity >= 0) {
            const char *want = entity == WA_ENT_COMPANY ? "name" : "n";
            int no = pcre2_substring_number_from_name(re, (PCRE2_SPTR)want);
            if (entity == WA_ENT_MONTHS) {
                /* or a span: 2024年10月至12月, 1月、2月、3月 */
                int f = pcre2_substring_number_from_name(re, (PCRE2_SPTR) "from");
                int t = pcre2_substring_number_from_name(re, (PCRE2_SPTR) "to");
                if ((f > 0) != (t > 0) || (no > 0 && f > 0)) {
                    wa_diag_add(L->diag, L->file, it.line,
                                "months pattern needs (?<n>...), or both (?<from>...) and (?<to>...)");
                    pcre2_code_free(re);
                    continue;
                }
                if (f > 0) {
                    from_no = (uint32_t)f;
                    to_no = (uint32_t)t;
                    no = 0;
                }
            }
            if (no <= 0 && !from_no) {
                wa_diag_add(L->diag, L->file, it.line, "entity pattern needs a named group (?<%s>...)", want);
                pcre2_code_free(re);
                continue;
            }
            cap_no = no > 0 ? (uint32_t)no : 0;
            int m = pcre2_substring_number_from_name(re, (PCRE2_SPTR) "mult");
            mult_no = m > 0 ? (uint32_t)m : 0;
            int me = pcre2_substring_number_from_name(re, (PCRE2_SPTR) "me");
            me_no = me > 0 ? (uint32_t)me : 0;
        }
        /* JIT is an optimisation: a pattern it cannot compile still works. */
        (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
        void *arr = L->d->patterns;
        if (wa_grow(&arr, &L->patterns_cap, L->d->npatterns + 1, sizeof(wa_pattern)) != 0) {
            pcre2_code_free(re);
            return;
        }
        L->d->patterns = arr;
        wa_pattern *p = &L->d->patterns[L->d->npatterns];
        memset(p, 0, sizeof *p);
        p->source = strdup(s);
        if (!p->source) {
            pcre2_code_free(re);
            return;
        }
        p->code = re;
        p->script = strncmp(L->file, "bo/", 3) == 0 ? 1 : strncmp(L->file, "zh/", 3) == 0 ? 2 : 0;
        p->group = group;
        p->entity = entity;
        p->name_group = cap_no;
        p->from_group = from_no;
        p->to_group = to_no;
        p->mult_group = mult_no;
        p->me_group = me_no;
        p->file = L->file_index;
        p->line = it.line;
        L->d->npatterns++;
    }
}

static void parse_patterns(loader *L, char *content, size_t len)
{
    wa_pattern_names names;
    wa_buf x;
    wa_pattern_names_init(&names);
    wa_buf_init(&x);
    parse_patterns_named(L, content, len, &names, &x);
    wa_buf_free(&x);
    wa_pattern_names_free(&names);
}

static int region_find(const wa_dict *d, const char *name, int pref)
{
    for (size_t i = 0; i < d->nregions; i++)
        if (d->regions[i].pref == pref && strcmp(d->regions[i].name, name) == 0)
            return (int)i;
    return -1;
}

static int region_add(wa_dict *d, const char *name, int pref)
{
    void *arr = d->regions;
    size_t cap = d->nregions;
    if (d->nregions >= 30000 || wa_grow(&arr, &cap, d->nregions + 1, sizeof(wa_region)) != 0)
        return -1;
    d->regions = arr;
    d->regions[d->nregions].name = strdup(name);
    if (!d->regions[d->nregions].name)
        return -1;
    d->regions[d->nregions].pref = pref;
    return (int)d->nregions++;
}

static void parse_regions(loader *L, char *content, size_t len)
{
    int place = -1;
    for (size_t i = 0; i < L->d->ngroups; i++)
        if (L->d->groups[i].role == WA_ROLE_PLACE)
            place = (int)i;
    if (place < 0) {
        wa_diag_add(L->diag, L->file, 0, "groups.conf declares no group with role 'place'");
        return;
    }
    line_iter it = {content, content + len, 0};
    char *ln;
    while ((ln = next_line(&it))) {
        if (ln[0] == '#' || !*trim(ln))
            continue;
        char *cols[3] = {ln, NULL, NULL};
        char *tab1 = strchr(ln, '\t');
        char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab1 || !tab2 || strchr(tab2 + 1, '\t')) {
            wa_diag_add(L->diag, L->file, it.line, "expected 3 tab-separated columns: prefecture, county, aliases");
            continue;
        }
        *tab1 = *tab2 = '\0';
        cols[1] = tab1 + 1;
        cols[2] = tab2 + 1;
        for (int k = 0; k < 3; k++)
            cols[k] = trim(cols[k]);
        if (!*cols[0] || !*cols[2]) {
            wa_diag_add(L->diag, L->file, it.line, "a prefecture and at least one alias are required");
            continue;
        }
        int pref = region_find(L->d, cols[0], -1);
        int county = -1;
        if (!*cols[1]) {
            if (pref >= 0) {
                wa_diag_add(L->diag, L->file, it.line, "prefecture '%s' is listed twice", cols[0]);
                continue;
            }
            pref = region_add(L->d, cols[0], -1);
        } else {
            if (pref < 0) {
                wa_diag_add(L->diag, L->file, it.line, "county before its prefecture's own row ('%s')", cols[0]);
                continue;
            }
            if (region_find(L->d, cols[1], pref) >= 0) {
                wa_diag_add(L->diag, L->file, it.line, "county '%s' is listed twice", cols[1]);
                continue;
            }
            county = region_add(L->d, cols[1], pref);
        }
        if (pref < 0 || (*cols[1] && county < 0))
            return;
        char *save = NULL;
        for (char *tok = strtok_r(cols[2], "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
            char *alias = trim(tok);
            if (*alias)
                add_term(L, it.line, alias, place, L->d->groups[place].weight, pref, county);
        }
    }
}

/* ---- the folder --------------------------------------------------------------- */

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static int wanted(const char *name)
{
    return strcmp(name, "groups.conf") == 0 || strcmp(name, "rules.conf") == 0 ||
           strcmp(name, "regions.tsv") == 0 || ends_with(name, ".dict") || ends_with(name, ".re");
}

static int add_file(wa_dict *d, size_t *cap, const char *rel)
{
    void *arr = d->files;
    if (d->nfiles >= 60000 || wa_grow(&arr, cap, d->nfiles + 1, sizeof(char *)) != 0)
        return -1;
    d->files = arr;
    d->files[d->nfiles] = strdup(rel);
    if (!d->files[d->nfiles])
        return -1;
    d->nfiles++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect the dictionary's files: the folder and its direct subfolders. */
static int list_files(wa_dict *d, wa_diag *diag)
{
    size_t cap = 0;
    DIR *top = opendir(d->dir);
    if (!top) {
        wa_diag_add(diag, d->dir, 0, "cannot open dictionary folder: %s", strerror(errno));
        return -1;
    }
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(top))) {
        if (e->d_name[0] == '.')
            continue;
        wa_buf path;
        wa_buf_init(&path);
        if (wa_buf_printf(&path, "%s/%s", d->dir, e->d_name) != 0) {
            rc = -1;
            break;
        }
        struct stat st;
        if (stat(path.data, &st) == 0 && S_ISDIR(st.st_mode)) {
            DIR *sub = opendir(path.data);
            struct dirent *f;
            while (sub && rc == 0 && (f = readdir(sub))) {
                if (f->d_name[0] == '.' || !(ends_with(f->d_name, ".dict") || ends_with(f->d_name, ".re")))
                    continue;
                wa_buf rel;
                wa_buf_init(&rel);
                if (wa_buf_printf(&rel, "%s/%s", e->d_name, f->d_name) != 0 || add_file(d, &cap, rel.data) != 0)
                    rc = -1;
                wa_buf_free(&rel);
            }
            if (sub)
                closedir(sub);
        } else if (wanted(e->d_name)) {
            if (add_file(d, &cap, e->d_name) != 0)
                rc = -1;
        }
        wa_buf_free(&path);
    }
    closedir(top);
    if (rc != 0) {
        wa_diag_add(diag, d->dir, 0, "out of memory while listing the folder");
        return -1;
    }
    if (d->nfiles > 1)
        qsort(d->files, d->nfiles, sizeof(char *), cmp_str);
    return 0;
}

static int file_kind(const char *rel)
{
    if (strcmp(rel, "groups.conf") == 0)
        return 0;
    if (strcmp(rel, "rules.conf") == 0)
        return 1;
    if (strcmp(rel, "regions.tsv") == 0)
        return 2;
    if (ends_with(rel, ".dict"))
        return 3;
    return 4;
}

static void set_default_rules(wa_rules *R)
{
    R->threshold = 5;
    R->window = 60;
    R->same_sentence_bonus = 1;
    R->entity_bonus = 0.5;
    R->red_collective = 1;
    R->red_workers = 30;
    R->red_amount = 500000;
    R->red_score = 1e9;
    R->orange_workers = 10;
    R->orange_months = 3;
    R->orange_amount = 100000;
    R->orange_score = 1e9;
    R->yellow_score = 1e9;
}

/* Syntax Vectorscan does not support (lookaround, backreferences, atomic
 * groups, \K, possessive quantifiers, conditionals, recursion, callouts):
 * such a pattern runs with PCRE2. Deciding this from the text, not by a trial
 * compile of each pattern, keeps a warm start free of any compile. */
static int needs_pcre2(const char *src)
{
    static const char *const marks[] = {"(?=", "(?!", "(?<=", "(?<!", "(?>", "(?(", "(?C", "(?R", "(?|",
                                        "\\K", "\\g", "\\k", "*+", "++", "?+", "}+"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strstr(src, marks[i]))
            return 1;
    for (const char *q = src; (q = strchr(q, '\\')) != NULL; q += 2) {
        if (q[1] >= '1' && q[1] <= '9')
            return 1;
        if (q[1] == '\0')
            break;
    }
    return 0;
}

/* A counted repeat {m,n} at src (m, n digits) wider than this is loosened
 * to {m,} in a gate: Vectorscan builds a state for every count, and in UTF-8
 * mode [^།\n]{0,40} alone runs to megabytes, while [^།\n]* costs nothing. */
#define GATE_REPEAT_MAX 4

/* The length of "{m,n}" at s with n > GATE_REPEAT_MAX, else 0; *m_len is
 * the length of m's digits. */
static size_t wide_repeat(const char *s, size_t *m_len)
{
    size_t k = 1, m0 = 1;
    while (s[k] >= '0' && s[k] <= '9')
        k++;
    if (k == m0 || s[k] != ',')
        return 0;
    *m_len = k - m0;
    size_t n0 = ++k;
    unsigned long n = 0;
    while (s[k] >= '0' && s[k] <= '9' && n <= 100000)
        n = n * 10 + (unsigned long)(s[k++] - '0');
    if (k == n0 || s[k] != '}' || n <= GATE_REPEAT_MAX)
        return 0;
    return k + 1;
}

/* The pattern as a gate or prefilter database compiles it. Vectorscan and
 * PCRE2 read Unicode script and category properties from different tables
 * (PCRE2 gives \p{Han} the script extensions, so it matches 。 too), so every
 * property, and every character class that holds one, becomes "any
 * character"; with loosen, wide counted repeats become open ones. Either way
 * the database may fire more often, never less, and where the pattern
 * matches it reports the same ends. */
int wa_dict_gate_source(const char *src, int loosen, wa_buf *out)
{
    out->len = 0;
    for (size_t i = 0; src[i];) {
        size_t m_len, q = src[i] == '{' && loosen ? wide_repeat(src + i, &m_len) : 0;
        if (q) {
            if (wa_buf_append(out, src + i, 1 + m_len) != 0 || wa_buf_append_str(out, ",}") != 0)
                return -1;
            i += q;
            continue;
        }
        if (src[i] == '\\' && (src[i + 1] == 'p' || src[i + 1] == 'P')) {
            size_t j = i + 2;
            if (src[j] == '{') {
                while (src[j] && src[j] != '}')
                    j++;
                if (src[j])
                    j++;
            } else if (src[j]) {
                j++;
            }
            if (wa_buf_append_str(out, "[\\s\\S]") != 0)
                return -1;
            i = j;
            continue;
        }
        if (src[i] == '\\') {
            size_t k = src[i + 1] ? 2 : 1;
            if (src[i + 1] == 'Q') { /* \Q...\E is literal */
                const char *e = strstr(src + i + 2, "\\E");
                k = e ? (size_t)(e - (src + i)) + 2 : strlen(src + i);
            }
            if (wa_buf_append(out, src + i, k) != 0)
                return -1;
            i += k;
            continue;
        }
        if (src[i] == '[') {
            /* find the end of the class: a ']' right after '[' or '[^' is a
             * member; escapes and [:posix:] names are skipped */
            size_t j = i + 1, has_prop = 0;
            if (src[j] == '^')
                j++;
            if (src[j] == ']')
                j++;
            while (src[j] && src[j] != ']') {
                if (src[j] == '\\' && src[j + 1]) {
                    has_prop |= src[j + 1] == 'p' || src[j + 1] == 'P';
                    j += 2;
                } else if (src[j] == '[' && src[j + 1] == ':') {
                    const char *e = strstr(src + j + 2, ":]");
                    j = e ? (size_t)(e - src) + 2 : j + 1;
                } else {
                    j++;
                }
            }
            if (src[j])
                j++;
            int rc = has_prop ? wa_buf_append_str(out, "[\\s\\S]") : wa_buf_append(out, src + i, j - i);
            if (rc != 0)
                return -1;
            i = j;
            continue;
        }
        if (wa_buf_append(out, src + i, 1) != 0)
            return -1;
        i++;
    }
    return wa_buf_terminate(out);
}

/* Remove expression k from exprs and ids (flags are the same for every
 * expression of one database), recording its id in left_out. */
static int leave_out(const char **exprs, unsigned *ids, unsigned *n, unsigned k, wa_buf *left_out)
{
    uint32_t idx = ids[k];
    if (wa_buf_append(left_out, &idx, sizeof idx) != 0)
        return -1;
    (*n)--;
    memmove(exprs + k, exprs + k + 1, (*n - k) * sizeof *exprs);
    memmove(ids + k, ids + k + 1, (*n - k) * sizeof *ids);
    return 0;
}

/* Compile exprs[0..n) into one Vectorscan database named by the hash of what
 * is compiled, or load it from the cache. An expression Vectorscan refuses
 * ("too large", say) is left out and the rest compiled again, and so is one
 * whose database alone is larger than max_bytes (when not 0); the indexes
 * (ids) of those left out are returned in left_out (uint32 each) and stored
 * beside the cached database, so a warm start compiles nothing. exprs and
 * ids are reordered. Returns 0 (with *out NULL when everything was left
 * out) or -1 with a finding in diag. */
static int compile_leaving_out(wa_dict *d, const char *cache, const char *prefix, const char **exprs,
                               const unsigned *flags, unsigned *ids, unsigned n, size_t max_bytes,
                               hs_database_t **out, wa_buf *left_out, wa_diag *diag)
{
    *out = NULL;
    left_out->len = 0;
    if (n == 0)
        return 0;
    crypto_generichash_state ks;
    unsigned char key[16];
    crypto_generichash_init(&ks, NULL, 0, sizeof key);
    for (unsigned i = 0; i < n; i++) {
        crypto_generichash_update(&ks, (const unsigned char *)exprs[i], strlen(exprs[i]) + 1);
        crypto_generichash_update(&ks, (const unsigned char *)&ids[i], sizeof ids[i]);
        crypto_generichash_update(&ks, (const unsigned char *)&flags[i], sizeof flags[i]);
    }
    uint64_t budget = max_bytes; /* which expressions are left out depends on it */
    crypto_generichash_update(&ks, (const unsigned char *)&budget, sizeof budget);
    crypto_generichash_final(&ks, key, sizeof key);
    char hex[33], name[80];
    sodium_bin2hex(hex, sizeof hex, key, sizeof key);
    snprintf(name, sizeof name, "%s-%s.hsdb", prefix, hex);
    hs_database_t *db = wa_cache_load_noted(cache, name, left_out);
    if (db) {
        int ok = left_out->len % sizeof(uint32_t) == 0;
        for (size_t k = 0; ok && k < left_out->len / sizeof(uint32_t); k++) {
            uint32_t idx;
            memcpy(&idx, left_out->data + k * sizeof idx, sizeof idx);
            ok = idx < d->npatterns;
        }
        if (ok)
            goto done;
        hs_free_database(db); /* a note that is not ours: compile afresh */
        db = NULL;
        left_out->len = 0;
    }
    for (unsigned k = 0; max_bytes && k < n;) {
        hs_database_t *one = NULL;
        hs_compile_error_t *err = NULL;
        size_t size = 0;
        int big = hs_compile(exprs[k], flags[k], HS_MODE_BLOCK, NULL, &one, &err) == HS_SUCCESS &&
                  hs_database_size(one, &size) == HS_SUCCESS && size > max_bytes;
        hs_free_database(one);
        hs_free_compile_error(err);
        if (!big) {
            k++; /* a refused one is left out below, with Vectorscan's reason */
            continue;
        }
        if (leave_out(exprs, ids, &n, k, left_out) != 0) {
            wa_diag_add(diag, d->dir, 0, "out of memory compiling the %s patterns", prefix);
            return -1;
        }
    }
    while (n > 0) {
        hs_compile_error_t *err = NULL;
        if (hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, NULL, &db, &err) == HS_SUCCESS) {
            wa_cache_store_noted(cache, name, db, left_out->data, left_out->len);
            break;
        }
        int bad = err ? err->expression : -1;
        if (bad < 0 || (unsigned)bad >= n || leave_out(exprs, ids, &n, (unsigned)bad, left_out) != 0) {
            wa_diag_add(diag, d->dir, 0, "cannot compile the %s patterns: %s", prefix,
                        err && err->message ? err->message : "unknown error");
            hs_free_compile_error(err);
            return -1;
        }
        hs_free_compile_error(err);
        db = NULL;
    }
done:
    *out = db;
    return 0;
}

/* The widest match, in bytes, of event pattern i (UINT32_MAX: no bound, or
 * Vectorscan cannot tell). Patterns PCRE2 runs are measured in prefilter
 * mode, whose matches include theirs. Costly (milliseconds per pattern). */
static uint32_t event_pattern_width(const wa_dict *d, size_t i)
{
    const wa_pattern *p = &d->patterns[i];
    wa_buf g;
    wa_buf_init(&g);
    const char *src = p->source;
    unsigned flags = HS_FLAG_UTF8 | HS_FLAG_UCP;
    if (!p->in_signal_db) {
        if (wa_dict_gate_source(p->source, 0, &g) != 0) {
            wa_buf_free(&g);
            return UINT32_MAX;
        }
        src = g.data;
        flags |= HS_FLAG_PREFILTER;
    }
    hs_expr_info_t *info = NULL;
    hs_compile_error_t *err = NULL;
    hs_error_t e = hs_expression_info(src, flags, &info, &err);
    wa_buf_free(&g);
    if (e != HS_SUCCESS || !info) {
        hs_free_compile_error(err);
        return UINT32_MAX;
    }
    unsigned w = info->max_width;
    free(info);
    return w == UINT_MAX || w >= UINT32_MAX ? UINT32_MAX : (uint32_t)w;
}

static int is_event_pattern(const wa_dict *d, const wa_pattern *p)
{
    return p->group >= 0 && d->groups[p->group].role == WA_ROLE_EVENT;
}

/* The widest match, in bytes, of any event pattern, or UINT32_MAX when one
 * has no bound. The prefilter's window rests on it: an event pattern pairs
 * with a subject where the wage term inside it may lie up to this much
 * further away. The prefilter keeps the answer in its cache. */
uint32_t wa_dict_event_pattern_width(const wa_dict *d)
{
    uint32_t width = 0;
    for (size_t i = 0; i < d->npatterns; i++) {
        if (!is_event_pattern(d, &d->patterns[i]))
            continue;
        uint32_t w = event_pattern_width(d, i);
        if (w == UINT32_MAX)
            return UINT32_MAX;
        if (w > width)
            width = w;
    }
    return width;
}

/* The first event pattern without a bounded width (a * or + where {0,N}
 * would do), or -1: one such pattern lets every document with a subject and
 * a wage word through the prefilter. Lint reports it. */
long wa_dict_unbounded_event_pattern(const wa_dict *d)
{
    /* the prefilter's window, measured (or cached) at load, says whether there is one */
    if (d->prefilter && wa_prefilter_has_window(d->prefilter))
        return -1;
    for (size_t i = 0; i < d->npatterns; i++)
        if (is_event_pattern(d, &d->patterns[i]) && event_pattern_width(d, i) == UINT32_MAX)
            return (long)i;
    return -1;
}

/* A signal pattern whose Vectorscan database alone is larger than this runs
 * with PCRE2 (behind its gate) instead. Tracking where a match starts
 * (SOM_LEFTMOST) makes a few shapes explode: a wide counted repeat after an
 * alternation (说好[^。\n]{0,24}?又说...) or an unbounded one ([0-9...]+元)
 * took 1 to 4.5 MB each, four fifths of the whole signal database, which
 * every start then copies and every scan walks; the others take under
 * 100 KB. */
#define SIGNAL_PATTERN_MAX_BYTES (512u << 10)

/* Signal patterns go into one Vectorscan database, scanned in one pass, when
 * Vectorscan supports their syntax; the rest run with PCRE2. Both engines see
 * the same normalised text and give the leftmost start of each match.
 *
 * Every pattern that runs with PCRE2 (those and the entity patterns) is also
 * compiled in Vectorscan's prefilter mode, which matches a superset of what
 * the pattern matches (lookarounds dropped, say): one pass of that "gate"
 * database tells which PCRE2 patterns can match a text at all, and only
 * those run. */
static int compile_patterns(wa_dict *d, const char *cache, wa_diag *diag)
{
    size_t cap = d->npatterns ? d->npatterns : 1;
    const char **exprs = malloc(cap * sizeof *exprs);
    unsigned *flags = malloc(cap * sizeof *flags);
    unsigned *ids = malloc(cap * sizeof *ids);
    wa_buf *gate_src = calloc(cap, sizeof *gate_src);
    unsigned ngate = 0;
    wa_buf left_out;
    wa_buf_init(&left_out);
    int rc = -1;
    if (!exprs || !flags || !ids || !gate_src) {
        wa_diag_add(diag, d->dir, 0, "out of memory compiling the patterns");
        goto out;
    }
    unsigned n = 0;
    for (size_t i = 0; i < d->npatterns; i++) {
        wa_pattern *p = &d->patterns[i];
        if (p->group < 0 || needs_pcre2(p->source))
            continue;
        p->in_signal_db = 1;
        exprs[n] = p->source;
        flags[n] = HS_FLAG_UTF8 | HS_FLAG_UCP | HS_FLAG_SOM_LEFTMOST;
        ids[n] = (unsigned)i;
        n++;
    }
    hs_database_t *db = NULL;
    if (compile_leaving_out(d, cache, "signals", exprs, flags, ids, n, SIGNAL_PATTERN_MAX_BYTES, &db, &left_out,
                            diag) != 0)
        goto out;
    d->signal_db = db;
    for (size_t k = 0; k < left_out.len / sizeof(uint32_t); k++) {
        uint32_t idx;
        memcpy(&idx, left_out.data + k * sizeof idx, sizeof idx);
        d->patterns[idx].in_signal_db = 0;
    }

    /* Three gates: the signal patterns PCRE2 runs are looked for in every
     * document with a subject, those for Tibetan text (bo/: megabytes in
     * prefilter mode) only where it has Tibetan letters; the entity patterns
     * only in a document they could lift to a hit. */
    for (int gate = 0; gate < WA_GATES; gate++) {
        for (unsigned k = 0; k < ngate; k++)
            wa_buf_free(&gate_src[k]);
        n = 0;
        ngate = 0;
        for (size_t i = 0; i < d->npatterns; i++) {
            wa_pattern *p = &d->patterns[i];
            if (p->in_signal_db || wa_pattern_gate(p) != gate)
                continue;
            wa_buf_init(&gate_src[n]);
            ngate = n + 1;
            if (wa_dict_gate_source(p->source, 1, &gate_src[n]) != 0) {
                wa_diag_add(diag, d->dir, 0, "out of memory compiling the patterns");
                goto out;
            }
            p->gated = 1;
            exprs[n] = gate_src[n].data;
            flags[n] = HS_FLAG_UTF8 | HS_FLAG_UCP | HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH;
            ids[n] = (unsigned)i;
            n++;
        }
        static const char *const names[WA_GATES] = {"gate", "gate-tibetan", "gate-entities"};
        if (compile_leaving_out(d, cache, names[gate], exprs, flags, ids, n, 0, &db, &left_out, diag) != 0)
            goto out;
        d->gate_db[gate] = db;
        for (size_t k = 0; k < left_out.len / sizeof(uint32_t); k++) {
            uint32_t idx;
            memcpy(&idx, left_out.data + k * sizeof idx, sizeof idx);
            d->patterns[idx].gated = 0; /* always runs */
        }
        if (!db)
            for (size_t i = 0; i < d->npatterns; i++)
                if (wa_pattern_gate(&d->patterns[i]) == gate)
                    d->patterns[i].gated = 0;
    }
    rc = 0;
out:
    for (unsigned k = 0; gate_src && k < ngate; k++)
        wa_buf_free(&gate_src[k]);
    free(gate_src);
    wa_buf_free(&left_out);
    free(exprs);
    free(flags);
    free(ids);
    return rc;
}

static uint64_t next_generation(void)
{
    static atomic_uint_fast64_t gen = 1;
    return atomic_fetch_add(&gen, 1);
}

/* Read, check and parse every file; compile only when compile is set. */
static int load(const char *dir, const wa_load_opts *opts, int compile, wa_dict **out, wa_diag *diag)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (sodium_init() < 0) {
        wa_diag_add(diag, NULL, 0, "libsodium failed to initialise");
        return -1;
    }
    wa_dict *d = calloc(1, sizeof *d);
    if (!d || !(d->dir = strdup(dir))) {
        free(d);
        wa_diag_add(diag, NULL, 0, "out of memory");
        return -1;
    }
    d->refs = 1;
    d->generation = next_generation();
    set_default_rules(&d->rules);
    size_t before = diag->n;
    if (list_files(d, diag) != 0) {
        wa_dict_release(d);
        return -1;
    }
    int have[3] = {0, 0, 0};
    for (size_t i = 0; i < d->nfiles; i++)
        if (file_kind(d->files[i]) < 3)
            have[file_kind(d->files[i])] = 1;
    if (!have[0])
        wa_diag_add(diag, dir, 0, "groups.conf is missing");
    if (!have[1])
        wa_diag_add(diag, dir, 0, "rules.conf is missing");

    crypto_generichash_state hs;
    crypto_generichash_init(&hs, NULL, 0, 16);
    wa_buf *contents = calloc(d->nfiles ? d->nfiles : 1, sizeof(wa_buf));
    if (!contents) {
        wa_dict_release(d);
        return -1;
    }
    for (size_t i = 0; i < d->nfiles; i++) {
        wa_buf path;
        wa_buf_init(&path);
        wa_buf_init(&contents[i]);
        if (wa_buf_printf(&path, "%s/%s", dir, d->files[i]) != 0 || read_file(path.data, &contents[i]) != 0) {
            wa_diag_add(diag, d->files[i], 0, "cannot read: %s", strerror(errno));
            wa_buf_free(&path);
            continue;
        }
        wa_buf_free(&path);
        crypto_generichash_update(&hs, (const unsigned char *)d->files[i], strlen(d->files[i]) + 1);
        crypto_generichash_update(&hs, (const unsigned char *)contents[i].data, contents[i].len);
        size_t bad = wa_utf8_check(contents[i].data, contents[i].len);
        if (bad < contents[i].len) {
            unsigned line = 1;
            for (size_t k = 0; k < bad; k++)
                line += contents[i].data[k] == '\n';
            wa_diag_add(diag, d->files[i], line, "invalid UTF-8 (byte %zu of the file)", bad);
            contents[i].len = 0; /* the rest of the file is not parsed */
        }
        if (memchr(contents[i].data, '\0', contents[i].len))
            wa_diag_add(diag, d->files[i], 0, "file contains a NUL byte");
    }
    unsigned char hash[16];
    crypto_generichash_final(&hs, hash, sizeof hash);
    sodium_bin2hex(d->version, sizeof d->version, hash, sizeof hash);

    loader L;
    memset(&L, 0, sizeof L);
    L.d = d;
    L.diag = diag;
    for (int pass = 0; pass < 5; pass++) {
        for (size_t i = 0; i < d->nfiles; i++) {
            if (file_kind(d->files[i]) != pass || !contents[i].data)
                continue;
            L.file = d->files[i];
            L.file_index = (uint16_t)i;
            switch (pass) {
            case 0: parse_groups(&L, contents[i].data, contents[i].len); break;
            case 1: parse_rules(&L, contents[i].data, contents[i].len); break;
            case 2: parse_regions(&L, contents[i].data, contents[i].len); break;
            case 3: parse_terms(&L, contents[i].data, contents[i].len); break;
            default: parse_patterns(&L, contents[i].data, contents[i].len); break;
            }
        }
        if (pass == 3)
            add_pinyin_spellings(&L);
    }
    for (size_t i = 0; i < d->nfiles; i++)
        wa_buf_free(&contents[i]);
    free(contents);
    free(L.seen);
    if (!d->rules.window_tibetan)
        d->rules.window_tibetan = d->rules.window;

    int roles_present[WA_ROLE_COUNT] = {0};
    for (size_t i = 0; i < d->nterms; i++)
        roles_present[d->groups[d->terms[i].group].role] = 1;
    if (diag->n == before && (!roles_present[WA_ROLE_SUBJECT] || !roles_present[WA_ROLE_EVENT]))
        wa_diag_add(diag, dir, 0, "the dictionary needs terms in a 'subject' group and in an 'event' group");

    if (diag->n > before) {
        wa_dict_release(d);
        return -1;
    }
    if (compile) {
        char *cache = opts && opts->no_cache ? NULL : wa_cache_dir(opts ? opts->cache_dir : NULL);
        /* The cache is keyed by what is compiled (the normalised terms), not
         * by the files, so a change of the normaliser can never reuse a stale
         * database. */
        crypto_generichash_state ks;
        unsigned char key[16];
        char hex[33], name[80];
        crypto_generichash_init(&ks, NULL, 0, sizeof key);
        for (size_t i = 0; i < d->nterms; i++)
            crypto_generichash_update(&ks, (const unsigned char *)d->terms[i].norm, d->terms[i].norm_len + 1);
        crypto_generichash_final(&ks, key, sizeof key);
        sodium_bin2hex(hex, sizeof hex, key, sizeof key);
        snprintf(name, sizeof name, "terms-%s.hsdb", hex);
        hs_database_t *db = wa_cache_load(cache, name);
        d->cache_hit = db != NULL;
        if (!db) {
            const char **exprs = malloc(d->nterms * sizeof *exprs);
            unsigned *flags = calloc(d->nterms, sizeof *flags);
            unsigned *ids = malloc(d->nterms * sizeof *ids);
            size_t *lens = malloc(d->nterms * sizeof *lens);
            hs_compile_error_t *err = NULL;
            if (exprs && flags && ids && lens) {
                for (size_t i = 0; i < d->nterms; i++) {
                    exprs[i] = d->terms[i].norm;
                    ids[i] = (unsigned)i;
                    lens[i] = d->terms[i].norm_len;
                }
                if (hs_compile_lit_multi(exprs, flags, ids, lens, (unsigned)d->nterms, HS_MODE_BLOCK, NULL, &db,
                                         &err) != HS_SUCCESS) {
                    wa_diag_add(diag, dir, 0, "cannot compile the term database: %s",
                                err && err->message ? err->message : "unknown error");
                    hs_free_compile_error(err);
                    db = NULL;
                }
            } else {
                wa_diag_add(diag, dir, 0, "out of memory compiling the term database");
            }
            free(exprs);
            free(flags);
            free(ids);
            free(lens);
            if (db)
                wa_cache_store(cache, name, db);
        }
        d->hs_db = db;
        if (db && compile_patterns(d, cache, diag) != 0)
            db = NULL;
        if (db)
            wa_prefilter_build(d, cache, diag);
        free(cache);
        if (!db || !d->prefilter) {
            if (diag->n == before)
                wa_diag_add(diag, dir, 0, "cannot build the matcher");
            wa_dict_release(d);
            return -1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    d->load_seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    *out = d;
    return 0;
}

int wa_dict_load(const char *dir, const wa_load_opts *opts, wa_dict **out, wa_diag *diag)
{
    return load(dir, opts, 1, out, diag);
}

int wa_dict_lint(const char *dir, wa_diag *diag)
{
    wa_dict *d = NULL;
    int rc = load(dir, NULL, 0, &d, diag);
    if (d)
        wa_dict_release(d);
    return rc;
}

void wa_dict_ref(wa_dict *d)
{
    atomic_fetch_add_explicit(&d->refs, 1, memory_order_relaxed);
}

void wa_dict_release(wa_dict *d)
{
    if (!d || atomic_fetch_sub_explicit(&d->refs, 1, memory_order_acq_rel) != 1)
        return;
    for (size_t i = 0; i < d->nterms; i++) {
        free(d->terms[i].raw);
        free(d->terms[i].norm);
    }
    for (size_t i = 0; i < d->npatterns; i++) {
        free(d->patterns[i].source);
        pcre2_code_free(d->patterns[i].code);
    }
    for (size_t i = 0; i < d->ngroups; i++)
        free(d->groups[i].name);
    for (size_t i = 0; i < d->nregions; i++)
        free(d->regions[i].name);
    for (size_t i = 0; i < d->nfiles; i++)
        free(d->files[i]);
    for (size_t i = 0; i < d->rules.ncompany_strip; i++)
        free(d->rules.company_strip[i]);
    free(d->rules.company_strip);
    free(d->terms);
    free(d->patterns);
    free(d->groups);
    free(d->regions);
    free(d->files);
    if (d->hs_db)
        hs_free_database(d->hs_db);
    if (d->signal_db)
        hs_free_database(d->signal_db);
    for (int g = 0; g < WA_GATES; g++)
        if (d->gate_db[g])
            hs_free_database(d->gate_db[g]);
    wa_prefilter_free(d->prefilter);
    free(d->dir);
    free(d);
}
