/* Deciding whether a document is a wage-arrears hit.
 *
 * 1. Prefilter (prefilter.c): most documents stop here, most of them
 *    decided on the text as written, the rest after a quick normalisation.
 * 2. Normalise title and text (normalize.c) with a map back to the original.
 * 3. One Vectorscan pass finds every dictionary term; Tibetan terms must sit
 *    on syllable boundaries (an affixed case particle may follow).
 * 4. When a subject term is present, the PCRE2 signal patterns run; an event
 *    pattern only counts where it covers a wage term.
 * 5. Negations cancel the event matches they cover.
 * 6. Score: the best subject-event pair within the window, plus each cue
 *    group once, plus penalties, plus a bonus per entity found. A hit needs a
 *    pair and a score at or above the threshold.
 * 7. Entities, region, language and level for the hit.
 * The rules are described for analysts in dict/README.md. */
#include "classifier.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <pcre2.h>

#include "../common/utf8.h"
#include "normalize.h"
#include "numerals.h"
#include "prefilter.h"

struct wa_classifier {
    pthread_mutex_t mu;
    wa_dict *cur;
    char *dir;
    wa_load_opts opts;
    char *cache_dir;
};

struct wa_session {
    hs_scratch_t *scratch;
    uint64_t scratch_gen;
    wa_norm norm;
    wa_norm quick;         /* normalised without a map, for the prefilter */
    uint32_t text_start;   /* normalised offset where the text field begins */
    pcre2_match_data *md;
    uint8_t *may_match;    /* per pattern: the gate database fired on this text */
    size_t may_match_cap;
    unsigned gate_done;    /* bit g: may_match is filled for the patterns of gate g */
    int no_gate;           /* WA_NO_PREFILTER: every PCRE2 pattern runs */
    uint8_t *usable;       /* per match: may it be the subject or the event of the pair */
    size_t usable_cap;
    wa_result res;
    const wa_dict *d;      /* dictionary of the call in progress */
};

/* ---- the shared classifier ---------------------------------------------------- */

wa_classifier *wa_classifier_open(const char *dir, const wa_load_opts *opts, wa_diag *diag)
{
    wa_classifier *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    if (pthread_mutex_init(&c->mu, NULL) != 0) {
        free(c);
        return NULL;
    }
    c->dir = strdup(dir);
    if (opts) {
        c->opts = *opts;
        if (opts->cache_dir)
            c->cache_dir = strdup(opts->cache_dir);
        c->opts.cache_dir = c->cache_dir;
    }
    if (!c->dir || wa_dict_load(dir, &c->opts, &c->cur, diag) != 0) {
        wa_classifier_free(c);
        return NULL;
    }
    return c;
}

int wa_classifier_reload(wa_classifier *c, wa_diag *diag)
{
    wa_dict *fresh = NULL;
    if (wa_dict_load(c->dir, &c->opts, &fresh, diag) != 0)
        return -1; /* the old dictionary stays in force */
    pthread_mutex_lock(&c->mu);
    wa_dict *old = c->cur;
    c->cur = fresh;
    pthread_mutex_unlock(&c->mu);
    wa_dict_release(old);
    return 0;
}

wa_dict *wa_classifier_acquire(wa_classifier *c)
{
    pthread_mutex_lock(&c->mu);
    wa_dict *d = c->cur;
    wa_dict_ref(d);
    pthread_mutex_unlock(&c->mu);
    return d;
}

void wa_classifier_version(wa_classifier *c, char out[WA_VERSION_SIZE])
{
    pthread_mutex_lock(&c->mu);
    memcpy(out, c->cur->version, sizeof c->cur->version);
    pthread_mutex_unlock(&c->mu);
}

void wa_classifier_free(wa_classifier *c)
{
    if (!c)
        return;
    wa_dict_release(c->cur);
    pthread_mutex_destroy(&c->mu);
    free(c->dir);
    free(c->cache_dir);
    free(c);
}

/* ---- sessions -------------------------------------------------------------------- */

wa_session *wa_session_new(void)
{
    wa_session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    wa_norm_init(&s->norm);
    wa_norm_init(&s->quick);
    s->quick.no_map = 1;
    wa_buf_init(&s->res.company_name);
    wa_buf_init(&s->res.explain);
    s->md = pcre2_match_data_create(32, NULL);
    if (!s->md) {
        wa_session_free(s);
        return NULL;
    }
    return s;
}

void wa_session_free(wa_session *s)
{
    if (!s)
        return;
    if (s->scratch)
        hs_free_scratch(s->scratch);
    wa_norm_free(&s->norm);
    wa_norm_free(&s->quick);
    if (s->md)
        pcre2_match_data_free(s->md);
    free(s->may_match);
    free(s->usable);
    free(s->res.matches);
    wa_buf_free(&s->res.company_name);
    wa_buf_free(&s->res.explain);
    free(s);
}

const char *wa_session_normalized(const wa_session *s, size_t *len)
{
    *len = s->norm.text.len;
    return s->norm.text.data ? s->norm.text.data : "";
}

static int ensure_scratch(wa_session *s, const wa_dict *d)
{
    if (s->scratch && s->scratch_gen == d->generation)
        return 0;
    /* hs_alloc_scratch grows an existing scratch to fit another database. */
    if (hs_alloc_scratch(d->hs_db, &s->scratch) != HS_SUCCESS)
        return -1;
    if (d->signal_db && hs_alloc_scratch(d->signal_db, &s->scratch) != HS_SUCCESS)
        return -1;
    for (int g = 0; g < WA_GATES; g++)
        if (d->gate_db[g] && hs_alloc_scratch(d->gate_db[g], &s->scratch) != HS_SUCCESS)
            return -1;
    if (d->npatterns > s->may_match_cap) {
        uint8_t *g = realloc(s->may_match, d->npatterns);
        if (!g)
            return -1;
        s->may_match = g;
        s->may_match_cap = d->npatterns;
    }
    void *sc = s->scratch;
    if (wa_prefilter_alloc_scratch(d->prefilter, &sc) != 0)
        return -1;
    s->scratch = sc;
    s->scratch_gen = d->generation;
    return 0;
}

/* ---- matches ---------------------------------------------------------------------- */

static int push_match(wa_result *r, uint32_t index, int group, uint32_t ns, uint32_t ne, int from_pattern)
{
    if (r->nmatches >= WA_MAX_MATCHES) {
        r->matches_capped = 1;
        return 1;
    }
    void *arr = r->matches;
    if (wa_grow(&arr, &r->matches_cap, r->nmatches + 1, sizeof(wa_match)) != 0)
        return -1;
    r->matches = arr;
    wa_match *m = &r->matches[r->nmatches++];
    memset(m, 0, sizeof *m);
    m->index = index;
    m->group = group;
    m->nstart = ns;
    m->nend = ne;
    m->from_pattern = (uint8_t)from_pattern;
    return 0;
}

static uint32_t cp_at(const wa_norm *n, size_t at)
{
    size_t adv;
    if (at >= n->text.len)
        return 0;
    return wa_utf8_decode((const unsigned char *)n->text.data + at, n->text.len - at, &adv);
}

static uint32_t cp_before(const wa_norm *n, size_t at)
{
    if (at == 0)
        return 0;
    size_t j = at - 1;
    while (j > 0 && ((unsigned char)n->text.data[j] & 0xC0) == 0x80)
        j--;
    return cp_at(n, j);
}

/* Case particles written onto the last syllable without a tsheg. */
static const char *const tib_affixes[] = {"འི", "ས", "ར", "འམ", "འང", "འོ"};

/* Case particles are written onto open syllables only (ཀུང་སིའི, ལས་མིས), never
 * onto a syllable closed by a final letter (ཕོག + ས is ཕོགས, not ཕོག's). A
 * syllable is open when it ends in a vowel sign, a subjoined letter or the
 * a-chung, or when it has a single letter. */
static int open_syllable(const wa_norm *n, uint32_t ns, uint32_t ne)
{
    uint32_t start = ne;
    while (start > ns && !(start >= 3 && memcmp(n->text.data + start - 3, "\xE0\xBC\x8B", 3) == 0))
        start--;
    uint32_t last = cp_before(n, ne);
    if (last == 0x0F71 || last == 0x0F72 || last == 0x0F74 || (last >= 0x0F7A && last <= 0x0F7D) || last == 0x0F80 ||
        (last >= 0x0F8D && last <= 0x0FBC))
        return 1;
    int letters = 0;
    for (uint32_t i = start; i < ne;) {
        size_t adv;
        uint32_t cp = wa_utf8_decode((const unsigned char *)n->text.data + i, ne - i, &adv);
        letters += cp >= 0x0F40 && cp <= 0x0F6C;
        i += (uint32_t)adv;
    }
    return letters <= 1;
}

static int tibetan_boundaries_ok(const wa_norm *n, uint32_t ns, uint32_t ne)
{
    if (wa_tibetan_is_syllable_cp(cp_before(n, ns)))
        return 0;
    if (!wa_tibetan_is_syllable_cp(cp_at(n, ne)))
        return 1;
    if (!open_syllable(n, ns, ne))
        return 0;
    for (size_t i = 0; i < sizeof tib_affixes / sizeof tib_affixes[0]; i++) {
        size_t k = strlen(tib_affixes[i]);
        if (ne + k <= n->text.len && memcmp(n->text.data + ne, tib_affixes[i], k) == 0 &&
            !wa_tibetan_is_syllable_cp(cp_at(n, ne + k)))
            return 1;
    }
    return 0;
}

static int on_term(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)from;
    (void)flags;
    wa_session *s = ctx;
    const wa_term *t = &s->d->terms[id];
    uint32_t ne = (uint32_t)to, ns = ne - t->norm_len;
    if (t->tibetan && !tibetan_boundaries_ok(&s->norm, ns, ne))
        return 0;
    return push_match(&s->res, id, t->group, ns, ne, 0) != 0;
}

static int cmp_match(const void *a, const void *b)
{
    const wa_match *x = a, *y = b;
    if (x->nstart != y->nstart)
        return x->nstart < y->nstart ? -1 : 1;
    if (x->nend != y->nend)
        return x->nend > y->nend ? -1 : 1;
    return 0;
}

static wa_role role_of(const wa_dict *d, const wa_match *m)
{
    return d->groups[m->group].role;
}

static double weight_of(const wa_dict *d, const wa_match *m)
{
    return m->from_pattern ? d->groups[m->group].weight : d->terms[m->index].weight;
}

static int overlaps(const wa_match *a, const wa_match *b)
{
    return a->nstart < b->nend && b->nstart < a->nend;
}

/* Whether inner lies within outer (in the normalised text). */
static int contains(const wa_match *outer, const wa_match *inner)
{
    return outer->nstart <= inner->nstart && inner->nend <= outer->nend;
}

/* Whether inner is part of the longer word outer (环卫 in 环卫车). */
static int inside_longer(const wa_match *outer, const wa_match *inner)
{
    return contains(outer, inner) && outer->nend - outer->nstart > inner->nend - inner->nstart;
}

/* An event term that only anchors the patterns holding it (wa_term_is_anchor). */
static int is_anchor(const wa_dict *d, const wa_match *m)
{
    return !m->from_pattern && wa_term_is_anchor(d, &d->terms[m->index]);
}

/* Patterns kept in a bo/ or zh/ folder are written for that script: a text
 * without a single letter of it cannot match them, so PCRE2 is spared the
 * scan. */
static int script_present(const wa_norm *n, const wa_pattern *p)
{
    return p->script == 0 || (p->script == 1 && n->n_tibetan > 0) || (p->script == 2 && n->n_han > 0);
}

/* Add a signal-pattern match, unless it repeats one already found: Vectorscan
 * reports every end of a match, PCRE2 one match per start. */
static int add_signal(wa_session *s, const wa_dict *d, uint32_t p, uint32_t ms, uint32_t me)
{
    const wa_pattern *pat = &d->patterns[p];
    if (me <= ms)
        return 0;
    /* An event pattern counts only where it covers an event or wage term: that
     * keeps the prefilter sound whatever the pattern says. */
    wa_result *r = &s->res;
    if (d->groups[pat->group].role == WA_ROLE_EVENT) {
        int covers = 0;
        for (size_t i = 0; i < r->nmatches && !covers; i++) {
            const wa_match *m = &r->matches[i];
            wa_role mr = role_of(d, m);
            covers = !m->from_pattern && (mr == WA_ROLE_EVENT || mr == WA_ROLE_WAGE) && ms <= m->nstart &&
                     m->nend <= me;
        }
        if (!covers)
            return 0;
    }
    for (size_t i = r->nmatches; i-- > 0;) {
        wa_match *m = &r->matches[i];
        if (!m->from_pattern)
            continue;
        if (m->index == p && m->nstart == ms) {
            if (me > m->nend)
                m->nend = me;
            return 0;
        }
    }
    return push_match(r, p, pat->group, ms, me, 1);
}

static int on_signal(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)flags;
    wa_session *s = ctx;
    int rc = add_signal(s, s->d, id, (uint32_t)from, (uint32_t)to);
    return rc != 0; /* stop on error or when the match cap is reached */
}

static int on_gate(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    wa_session *s = ctx;
    s->may_match[id] = 1;
    return 0;
}

/* Whether PCRE2 pattern p can match the normalised text: one pass of a gate
 * database (the PCRE2 patterns in Vectorscan's prefilter mode) answers for
 * all the patterns of its gate (wa_pattern_gate). */
static int may_match(wa_session *s, const wa_dict *d, size_t p)
{
    const wa_pattern *pat = &d->patterns[p];
    if (!script_present(&s->norm, pat))
        return 0;
    if (!pat->gated || s->no_gate)
        return 1;
    int gate = wa_pattern_gate(pat);
    unsigned done = 1u << gate;
    if (!(s->gate_done & done)) {
        if (!s->gate_done)
            memset(s->may_match, 0, d->npatterns);
        hs_error_t e = hs_scan(d->gate_db[gate], s->norm.text.data, (unsigned)s->norm.text.len, 0, s->scratch,
                               on_gate, s);
        if (e != HS_SUCCESS) /* cannot tell: run them all */
            for (size_t q = 0; q < d->npatterns; q++)
                if (wa_pattern_gate(&d->patterns[q]) == gate)
                    s->may_match[q] = 1;
        s->gate_done |= done;
    }
    return s->may_match[p];
}

/* Run every signal pattern over the normalised text: one Vectorscan pass for
 * those it supports, PCRE2 for the others. */
static int run_signal_patterns(wa_session *s, const wa_dict *d)
{
    const wa_norm *n = &s->norm;
    if (d->signal_db) {
        hs_error_t e = hs_scan(d->signal_db, n->text.data, (unsigned)n->text.len, 0, s->scratch, on_signal, s);
        if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED)
            return -1;
    }
    for (size_t p = 0; p < d->npatterns; p++) {
        const wa_pattern *pat = &d->patterns[p];
        if (pat->group < 0 || pat->in_signal_db || !may_match(s, d, p))
            continue;
        PCRE2_SIZE off = 0;
        for (int k = 0; k < 256 && off <= n->text.len; k++) {
            int rc = pcre2_match(pat->code, (PCRE2_SPTR)n->text.data, n->text.len, off, PCRE2_NO_UTF_CHECK, s->md,
                                 NULL);
            if (rc < 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
            uint32_t ms = (uint32_t)ov[0], me = (uint32_t)ov[1];
            int prc = add_signal(s, d, (uint32_t)p, ms, me);
            if (prc < 0)
                return -1;
            if (prc > 0)
                return 0;
            if (me > off)
                off = me;
            else {
                /* empty match: step one codepoint */
                size_t adv = 1;
                if (off < n->text.len)
                    wa_utf8_decode((const unsigned char *)n->text.data + off, n->text.len - off, &adv);
                off += adv;
            }
        }
    }
    return 0;
}

/* The bytes of normalised text between two spans, 0 when they overlap;
 * *from is where they start. */
static uint32_t gap_bytes(const wa_match *a, const wa_match *b, uint32_t *from)
{
    const wa_match *first = a->nstart <= b->nstart ? a : b, *second = first == a ? b : a;
    *from = first->nend;
    return second->nstart <= first->nend ? 0 : second->nstart - first->nend;
}

/* Characters between two spans (0 when they overlap), for "within limit":
 * up to limit it answers with the bytes, which are never fewer. */
static uint32_t char_gap(const wa_norm *n, const wa_match *a, const wa_match *b, uint32_t limit)
{
    uint32_t from, bytes = gap_bytes(a, b, &from);
    if (bytes <= limit)
        return bytes; /* bytes >= characters */
    if (bytes > 4 * limit)
        return limit + 1;
    return (uint32_t)wa_utf8_count(n->text.data + from, bytes);
}

/* Characters between two spans (0 when they overlap), counted exactly up to
 * cap: for comparing two distances, where char_gap's bytes would make a
 * comma (one byte) nearer than a Han character (three). */
static uint32_t exact_gap(const wa_norm *n, const wa_match *a, const wa_match *b, uint32_t cap)
{
    uint32_t from, bytes = gap_bytes(a, b, &from);
    if (bytes > 4 * cap)
        return cap + 1;
    uint32_t c = (uint32_t)wa_utf8_count(n->text.data + from, bytes);
    return c > cap ? cap + 1 : c;
}

static int same_sentence(const wa_norm *n, const wa_match *a, const wa_match *b)
{
    uint32_t lo = a->nstart < b->nstart ? a->nstart : b->nstart;
    uint32_t hi = a->nstart < b->nstart ? b->nstart : a->nstart;
    /* first break at or after lo */
    size_t l = 0, h = n->nbreaks;
    while (l < h) {
        size_t m = (l + h) / 2;
        if (n->breaks[m] < lo)
            l = m + 1;
        else
            h = m;
    }
    return l == n->nbreaks || n->breaks[l] >= hi;
}

/* Whether the normalised text has a Tibetan letter at byte off. */
static int tibetan_at(const wa_norm *n, uint32_t off)
{
    size_t adv;
    uint32_t cp = wa_utf8_decode((const unsigned char *)n->text.data + off, n->text.len - off, &adv);
    return cp >= 0x0F00 && cp <= 0x0FFF;
}

/* No clause mark (, ; and the sentence breaks) between the starts of a
 * and b: one clause of a sentence. */
static int same_clause(const wa_norm *n, const wa_match *a, const wa_match *b)
{
    if (!same_sentence(n, a, b))
        return 0;
    uint32_t lo = a->nstart < b->nstart ? a->nstart : b->nstart;
    uint32_t hi = a->nstart < b->nstart ? b->nstart : a->nstart;
    return !memchr(n->text.data + lo, ',', hi - lo) && !memchr(n->text.data + lo, ';', hi - lo);
}

static void explain(wa_session *s, int flags, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void explain(wa_session *s, int flags, const char *fmt, ...)
{
    if (!(flags & WA_EXPLAIN))
        return;
    va_list ap;
    va_start(ap, fmt);
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    wa_buf_append_str(&s->res.explain, line);
    wa_buf_append_str(&s->res.explain, "\n");
}

static const char *match_text(const wa_session *s, const wa_match *m, char *buf, size_t cap)
{
    size_t n = m->nend - m->nstart;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, s->norm.text.data + m->nstart, n);
    /* never cut a UTF-8 sequence in half: drop an incomplete last character */
    n = wa_utf8_check(buf, n);
    buf[n] = '\0';
    return buf;
}

/* Map a normalised span back to the original field. */
static void map_span(const wa_session *s, uint32_t ns, uint32_t ne, uint32_t *os, uint32_t *oe, uint8_t *field)
{
    const wa_norm *n = &s->norm;
    *field = (s->text_start == 0 || ns >= s->text_start) ? 1 : 0;
    *os = n->src_start[ns];
    *oe = ne > ns ? n->src_end[ne - 1] : *os;
}

/* ---- entities ------------------------------------------------------------------------ */

static double unit_multiplier(const char *s, size_t len)
{
    static const struct {
        const char *u;
        double v;
    } units[] = {{"亿", 1e8}, {"万", 1e4}, {"千", 1e3}, {"百", 100}, {"ཁྲི", 1e4}, {"འབུམ", 1e5},
                 {"སྟོང", 1e3}, {"བརྒྱ", 100}, {"年", 12}, {"ལོ", 12}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (memmem(s, len, units[i].u, strlen(units[i].u)))
            return units[i].v;
    return 1;
}

/* Other debts and other workers both take the event from the sanitation
 * workers when they are nearer to it. */
static inline int is_rival(wa_role r)
{
    return r == WA_ROLE_RIVAL || r == WA_ROLE_OTHERS;
}

/* A rival match that counts against the sanitation workers: one of no
 * weight against them (司机 0.5: garbage trucks have drivers too) names no
 * one else. */
static int names_others(const wa_dict *d, const wa_match *m)
{
    return is_rival(role_of(d, m)) && weight_of(d, m) < 0;
}

/* Whether a debt word m inside event e is only the pretext of a deduction
 * from the pay (ཟླ་ཕོགས་ནས་འགན་ལེན་དངུལ་སྒོར་1000བཅད, 从工资里扣了押金): the event
 * names the pay before it, and m is another debt, not other workers (拖欠农民工
 * 工资 stays theirs). Named before the pay, the debt owns it (欠我们饭馆的饭钱). */
static int pretext_in(const wa_dict *d, const wa_result *r, const wa_match *e, const wa_match *m)
{
    if (role_of(d, m) != WA_ROLE_RIVAL || !contains(e, m))
        return 0;
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *w = &r->matches[i];
        if (role_of(d, w) == WA_ROLE_WAGE && !w->cancelled && contains(e, w) && w->nend <= m->nstart)
            return 1;
    }
    return 0;
}

/* The number an entity match gives, or 0 when it gives none: (?<n>) read as
 * a number and multiplied by (?<mult>), or a span of months (?<from>) to
 * (?<to>), counted across the new year (11月至次年2月: 4). */
static double entity_value(const wa_session *s, const wa_pattern *pat, int rc)
{
    const wa_norm *n = &s->norm;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    double v;
    if (pat->from_group) {
        uint32_t f = pat->from_group, t = pat->to_group;
        double a, b;
        if ((uint32_t)rc <= f || (uint32_t)rc <= t || ov[2 * f] == PCRE2_UNSET || ov[2 * t] == PCRE2_UNSET ||
            wa_parse_number(n->text.data + ov[2 * f], ov[2 * f + 1] - ov[2 * f], &a) != 0 ||
            wa_parse_number(n->text.data + ov[2 * t], ov[2 * t + 1] - ov[2 * t], &b) != 0 || a < 1 || a > 12 ||
            b < 1 || b > 12)
            return 0;
        return b >= a ? b - a + 1 : b + 12 - a + 1;
    }
    uint32_t g = pat->name_group;
    if ((uint32_t)rc <= g || ov[2 * g] == PCRE2_UNSET ||
        wa_parse_number(n->text.data + ov[2 * g], ov[2 * g + 1] - ov[2 * g], &v) != 0 || v <= 0)
        return 0;
    uint32_t mg = pat->mult_group;
    if (mg > 0 && mg < (uint32_t)rc && ov[2 * mg] != PCRE2_UNSET)
        v *= unit_multiplier(n->text.data + ov[2 * mg], ov[2 * mg + 1] - ov[2 * mg]);
    /* 我和另外3名司机: the writer and three others */
    uint32_t me = pat->me_group;
    if (me > 0 && me < (uint32_t)rc && ov[2 * me] != PCRE2_UNSET)
        v += 1;
    /* Months listed with spaces (7 8 9月) are one number once the spaces
     * are gone: no one is owed for more than ten years. */
    if (pat->entity == WA_ENT_MONTHS && v > 120)
        return 0;
    return v;
}

static void set_entity(wa_session *s, wa_entity *e, double v, uint32_t start, uint32_t end)
{
    uint32_t os, oe;
    uint8_t field;
    map_span(s, start, end, &os, &oe, &field);
    e->value = v;
    e->start = os;
    e->end = oe;
    e->field = field;
}

static void extract_entities(wa_session *s, const wa_dict *d, int flags)
{
    const wa_norm *n = &s->norm;
    wa_result *r = &s->res;
    wa_entity *slots[WA_ENT_COUNT] = {&r->workers, &r->months, &r->amount, &r->company};
    /* "一位环卫工人" is a worker, not a count of them, and "一个月两千五" a
     * rate, not the months owed: a count of one is kept only when no
     * pattern finds a larger one. */
    wa_entity one[WA_ENT_COUNT];
    const wa_pattern *one_pat[WA_ENT_COUNT] = {NULL};
    for (int k = 0; k < WA_ENT_COUNT; k++)
        one[k].value = -1;
    for (size_t p = 0; p < d->npatterns; p++) {
        const wa_pattern *pat = &d->patterns[p];
        if (pat->entity < 0 || slots[pat->entity]->value >= 0 || !may_match(s, d, p))
            continue;
        wa_entity *e = slots[pat->entity];
        if (pat->entity == WA_ENT_COMPANY) {
            int rc = pcre2_match(pat->code, (PCRE2_SPTR)n->text.data, n->text.len, 0, PCRE2_NO_UTF_CHECK, s->md, NULL);
            if (rc < 0)
                continue;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
            uint32_t g = pat->name_group;
            if ((uint32_t)rc <= g || ov[2 * g] == PCRE2_UNSET)
                continue;
            size_t gs = ov[2 * g], ge = ov[2 * g + 1];
            /* Cut words like 反映 or 我们 that the pattern swallowed in front. */
            int cut = 1;
            while (cut) {
                cut = 0;
                for (size_t k = 0; k < d->rules.ncompany_strip; k++) {
                    size_t pl = strlen(d->rules.company_strip[k]);
                    if (ge - gs > pl && memcmp(n->text.data + gs, d->rules.company_strip[k], pl) == 0) {
                        gs += pl;
                        cut = 1;
                    }
                }
            }
            if (wa_utf8_count(n->text.data + gs, ge - gs) < 3)
                continue; /* a bare 公司 or 物业 (我们公司 once 我们 is cut) names no one */
            set_entity(s, e, 1, (uint32_t)gs, (uint32_t)ge);
            r->company_name.len = 0;
            explain(s, flags, "entity company: pattern %s:%u", d->files[pat->file], pat->line);
            continue;
        }
        /* The first match that gives a number (这都第几个月了，第四个月了: 4). */
        PCRE2_SIZE off = 0;
        for (int k = 0; k < 64 && off <= n->text.len; k++) {
            int rc = pcre2_match(pat->code, (PCRE2_SPTR)n->text.data, n->text.len, off, PCRE2_NO_UTF_CHECK, s->md, NULL);
            if (rc < 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
            uint32_t ms = (uint32_t)ov[0], me = (uint32_t)ov[1];
            double v = entity_value(s, pat, rc);
            if (v > 0 && (pat->entity == WA_ENT_WORKERS || pat->entity == WA_ENT_MONTHS) && v < 2) {
                wa_entity *o = &one[pat->entity];
                if (o->value < 0) {
                    o->value = v;
                    o->start = ms;
                    o->end = me;
                    one_pat[pat->entity] = pat;
                }
                v = 0;
            }
            if (v > 0) {
                set_entity(s, e, v, ms, me);
                explain(s, flags, "entity %s = %.0f: pattern %s:%u",
                        pat->entity == WA_ENT_WORKERS ? "workers" : pat->entity == WA_ENT_MONTHS ? "months" : "amount",
                        v, d->files[pat->file], pat->line);
                break;
            }
            if (me > off) {
                off = me;
            } else {
                size_t adv = 1;
                if (off < n->text.len)
                    wa_utf8_decode((const unsigned char *)n->text.data + off, n->text.len - off, &adv);
                off += adv;
            }
        }
    }
    for (int k = WA_ENT_WORKERS; k <= WA_ENT_MONTHS; k++)
        if (slots[k]->value < 0 && one_pat[k]) {
            set_entity(s, slots[k], one[k].value, one[k].start, one[k].end);
            explain(s, flags, "entity %s = %g: pattern %s:%u", k == WA_ENT_WORKERS ? "workers" : "months", one[k].value,
                    d->files[one_pat[k]->file], one_pat[k]->line);
        }
}

/* ---- the decision ---------------------------------------------------------------------- */

static void reset_result(wa_result *r)
{
    r->hit = 0;
    r->prefiltered_out = 0;
    r->score = 0;
    r->level = NULL;
    r->lang = "zh";
    r->nmatches = 0;
    r->matches_capped = 0;
    r->pref = r->county = -1;
    r->workers.value = r->months.value = r->amount.value = r->company.value = -1;
    r->company_name.len = 0;
    r->explain.len = 0;
    if (r->explain.data)
        r->explain.data[0] = '\0';
}

static const char *detect_lang(const wa_norm *n)
{
    /* A Tibetan syllable is about three codepoints; a Han character one. */
    double bo = (double)n->n_tibetan / 3.0, zh = (double)n->n_han;
    if (bo == 0 && zh == 0)
        return "zh";
    double share = bo / (bo + zh);
    if (share >= 0.85)
        return "bo";
    if (share <= 0.15)
        return "zh";
    return "mixed";
}

static void choose_region(wa_session *s, const wa_dict *d)
{
    wa_result *r = &s->res;
    int best = -1, best_count = 0, best_is_county = 0;
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *m = &r->matches[i];
        if (m->from_pattern || role_of(d, m) != WA_ROLE_PLACE)
            continue;
        const wa_term *t = &d->terms[m->index];
        int region = t->county >= 0 ? t->county : t->pref;
        int is_county = t->county >= 0;
        int count = 0;
        for (size_t j = 0; j < r->nmatches; j++) {
            const wa_match *o = &r->matches[j];
            if (!o->from_pattern && role_of(d, o) == WA_ROLE_PLACE) {
                const wa_term *u = &d->terms[o->index];
                if ((u->county >= 0 ? u->county : u->pref) == region)
                    count++;
            }
        }
        if (best < 0 || is_county > best_is_county || (is_county == best_is_county && count > best_count)) {
            best = region;
            best_count = count;
            best_is_county = is_county;
        }
    }
    if (best < 0)
        return;
    if (best_is_county) {
        r->county = best;
        r->pref = d->regions[best].pref;
    } else {
        r->pref = best;
    }
}

/* Whether the text right before match m says it is not them: 不是打扫卫生的,
 * 并非环卫工人 (but not 是不是, 要不是, 可不是, 难道不是, 不只是: a question,
 * a condition, a yes, a "not only"). */
static int denied_before(const wa_norm *n, const wa_match *m)
{
    static const char *const nots[] = {"并非", "而非", "不是"};
    const char *t = n->text.data;
    for (size_t k = 0; k < sizeof nots / sizeof nots[0]; k++) {
        size_t l = strlen(nots[k]);
        if (m->nstart < l || memcmp(t + m->nstart - l, nots[k], l) != 0)
            continue;
        if (k < 2)
            return 1;
        static const char *const yes[] = {"是", "要", "可", "难道", "岂"};
        size_t at = m->nstart - l;
        int asked = 0;
        for (size_t y = 0; y < sizeof yes / sizeof yes[0] && !asked; y++) {
            size_t yl = strlen(yes[y]);
            asked = at >= yl && memcmp(t + at - yl, yes[y], yl) == 0;
        }
        return !asked;
    }
    return 0;
}

/* What each match may be to the decision (s->usable): a subject that
 * counts, an event that counts, an event that holds a rival, a rival that
 * names someone else. */
enum { SUBJECT_OK = 1, EVENT_OK = 2, HOLDS_RIVAL = 4, RIVAL = 8, OTHERS_KNOWN = 16, OTHERS_NEARER = 32 };

/* Whether a usable sanitation subject lies in the clause of match m. */
static int clause_names_subject(const wa_session *s, const wa_match *m)
{
    const wa_result *r = &s->res;
    for (size_t j = 0; j < r->nmatches; j++)
        if ((s->usable[j] & SUBJECT_OK) && same_clause(&s->norm, &r->matches[j], m))
            return 1;
    return 0;
}

/* Whether m is joined to a mention of the sanitation workers by "and"
 * alone (保洁和宿管, 保安、保洁, ལམ་ཕྱགས་པ་དང་སྒོ་སྲུང་བ): the two share what
 * happens to them. */
static int joined_to_subject(const wa_session *s, const wa_norm *n, const wa_match *m)
{
    static const char *const joins[] = {"和", "与", "及", "跟", "同", "、", "以及", "还有", "་དང་", "དང་"};
    const wa_result *r = &s->res;
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *a = &r->matches[i];
        if (!(s->usable[i] & SUBJECT_OK) || overlaps(a, m))
            continue;
        uint32_t from = a->nend <= m->nstart ? a->nend : m->nend;
        uint32_t to = a->nend <= m->nstart ? m->nstart : a->nstart;
        if (to < from || to - from > 12)
            continue;
        for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++)
            if (to - from == strlen(joins[k]) && memcmp(n->text.data + from, joins[k], to - from) == 0)
                return 1;
    }
    return 0;
}

/* Whether a Tibetan agentive or ablative particle follows m (城管ནས་ཟླ་བ་
 * བཞིའི་ཕོགས་ད་དུང་མ་སྤྲད, "from the city management": ཀྱིས, གྱིས, ཡིས, ནས):
 * then m is the one who pays, not the one owed. */
static int tibetan_payer(const wa_norm *n, const wa_match *m)
{
    static const char *const particles[] = {"ནས", "ཀྱིས", "གྱིས", "ཡིས"};
    const char *t = n->text.data + m->nend;
    size_t left = n->text.len - m->nend;
    if (left >= 3 && memcmp(t, "\xE0\xBC\x8B", 3) == 0) { /* a tsheg */
        t += 3;
        left -= 3;
    }
    for (size_t k = 0; k < sizeof particles / sizeof particles[0]; k++) {
        size_t pl = strlen(particles[k]);
        if (left < pl || memcmp(t, particles[k], pl) != 0)
            continue;
        /* the particle ends the syllable: a tsheg, a shad, a space or the end follows */
        size_t adv;
        uint32_t next = pl < left ? wa_utf8_decode((const unsigned char *)t + pl, left - pl, &adv) : 0;
        if (next == 0 || next < 0x0F40 || next > 0x0FBC)
            return 1;
    }
    return 0;
}

/* Whether event e names the pay inside itself (工资仍未发放; a word of the
 * pay that weighs less, 的钱, may be any money): then it is about the
 * workers' pay, whatever debt is named near it. */
static int names_pay(const wa_dict *d, const wa_result *r, const wa_match *e)
{
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *m = &r->matches[i];
        if (role_of(d, m) == WA_ROLE_WAGE && !m->cancelled && weight_of(d, m) >= 1 && contains(e, m))
            return 1;
    }
    return 0;
}

/* Whether a usable sanitation subject lies within the window of event e: an
 * event far from any of them (the closing remarks of a long settled story,
 * 欠薪不仅要还钱) speaks of arrears in general. */
static int subject_within(const wa_session *s, const wa_match *e, uint32_t window)
{
    const wa_result *r = &s->res;
    for (size_t i = 0; i < r->nmatches; i++)
        if ((s->usable[i] & SUBJECT_OK) && char_gap(&s->norm, &r->matches[i], e, window) <= window)
            return 1;
    return 0;
}

/* Whether event e, in the text under a title that reports the case settled
 * (保洁员欠薪已全部付清), reads as still open: a word of "still", "left" or
 * "again" in it or in the six characters before it (还没发, 仍未支付, 剩下两个月,
 * 又拖了). Without one it is the story of the settled case. */
static int still_open(const wa_session *s, const wa_match *e)
{
    static const char *const marks[] = {"还", "仍", "依然", "依旧", "剩", "又", "再次", "另外"};
    const char *t = s->norm.text.data;
    uint32_t from = e->nstart;
    for (int k = 0; k < 6 && from > s->text_start; k++) {
        from--;
        while (from > s->text_start && ((unsigned char)t[from] & 0xC0) == 0x80)
            from--;
    }
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t l = strlen(marks[k]);
        for (uint32_t i = from; i + l <= e->nend; i++)
            if (memcmp(t + i, marks[k], l) == 0)
                return 1;
    }
    return 0;
}

/* Whether event e starts inside a resolution, or right after one done (补发了):
 * the owed pay as the object of its payment (已解决（企业已补发拖欠工资）,
 * 当场支付拖欠工资, and with a long object, 补发了拖欠小区楼道清扫人员的五个月
 * 工资) is the debt being paid, not one still open. Right after one not
 * done it may be the goal (帮助他们讨回欠薪). */
static int inside_resolution(const wa_session *s, const wa_dict *d, const wa_match *e)
{
    const wa_result *r = &s->res;
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *m = &r->matches[i];
        if (role_of(d, m) != WA_ROLE_RESOLUTION || m->cancelled || m == e || m->nstart > e->nstart)
            continue;
        if (e->nstart < m->nend)
            return 1;
        if (e->nstart == m->nend && m->nend >= m->nstart + 3 &&
            memcmp(s->norm.text.data + m->nend - 3, "了", 3) == 0)
            return 1;
    }
    return 0;
}

/* Whether other workers or another debt are named nearer to event e than
 * any sanitation subject is (保安 in 我们保安的迟迟不发; 工伤赔偿款……拖了快一年):
 * then the event is theirs, and it does not reopen a case the sanitation
 * workers saw settled. An event that names the pay (工资仍未发放) is no
 * other debt's. */
static int others_nearer(const wa_session *s, const wa_dict *d, const wa_match *e, uint32_t window)
{
    const wa_result *r = &s->res;
    uint32_t subject = UINT32_MAX, others = UINT32_MAX;
    int pay = names_pay(d, r, e);
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *m = &r->matches[i];
        uint32_t gap;
        if (s->usable[i] & SUBJECT_OK) {
            gap = char_gap(&s->norm, m, e, 4 * window);
            if (gap < subject)
                subject = gap;
        } else if ((s->usable[i] & RIVAL) && names_others(d, m) && !m->cancelled &&
                   (role_of(d, m) == WA_ROLE_OTHERS || !pay)) {
            gap = char_gap(&s->norm, m, e, 4 * window);
            if (gap < others)
                others = gap;
        }
    }
    return others < subject;
}

int wa_classify(wa_session *s, const wa_dict *d, const wa_doc *doc, int flags, const wa_result **out)
{
    wa_result *r = &s->res;
    reset_result(r);
    *out = r;
    s->d = d;
    s->gate_done = 0;
    s->no_gate = (flags & WA_NO_PREFILTER) != 0;
    if (ensure_scratch(s, d) != 0)
        return -1;

    if (!(flags & WA_NO_PREFILTER)) {
        int raw = WA_PREFILTER_UNSURE;
        if (!(flags & WA_NO_RAW_PREFILTER))
            raw = wa_prefilter_raw(d->prefilter, s->scratch, doc->title ? doc->title : "", doc->title ? doc->title_len : 0,
                                   doc->text ? doc->text : "", doc->text_len, doc->valid_utf8);
        if (raw < 0)
            return -1;
        /* Both sides as written settle it, unless they must also be close. */
        int pass = raw == WA_PREFILTER_PASS && !wa_prefilter_has_window(d->prefilter);
        if (raw == WA_PREFILTER_UNSURE || (raw == WA_PREFILTER_PASS && !pass)) {
            wa_norm *q = &s->quick;
            wa_norm_reset(q);
            int rc = 0;
            size_t title_end = 0;
            if (doc->title && doc->title_len) {
                rc |= wa_norm_append(q, doc->title, doc->title_len, 0) | wa_norm_append_break(q, 0);
                title_end = q->text.len;
            }
            rc |= wa_norm_append(q, doc->text ? doc->text : "", doc->text_len, 0);
            if (rc != 0)
                return -1;
            pass = wa_prefilter_pass(d->prefilter, s->scratch, q, title_end);
            if (pass < 0)
                return -1;
        }
        if (!pass) {
            r->prefiltered_out = 1;
            explain(s, flags, "prefilter: no subject term within reach of an event: not a hit");
            if (!(flags & WA_EXPLAIN))
                return 0;
        }
    }

    wa_norm *n = &s->norm;
    wa_norm_reset(n);
    s->text_start = 0;
    if (doc->title && doc->title_len) {
        if (wa_norm_append(n, doc->title, doc->title_len, 0) != 0 || wa_norm_append_break(n, 0) != 0)
            return -1;
        s->text_start = (uint32_t)n->text.len;
    }
    if (wa_norm_append(n, doc->text ? doc->text : "", doc->text_len, 0) != 0 || wa_buf_terminate(&n->text) != 0)
        return -1;
    if (n->text.len == 0)
        return 0;

    hs_error_t he = hs_scan(d->hs_db, n->text.data, (unsigned)n->text.len, 0, s->scratch, on_term, s);
    if (he != HS_SUCCESS && he != HS_SCAN_TERMINATED)
        return -1;

    int has_subject = 0;
    for (size_t i = 0; i < r->nmatches; i++)
        if (role_of(d, &r->matches[i]) == WA_ROLE_SUBJECT)
            has_subject = 1;
    if ((has_subject || (flags & WA_EXPLAIN)) && run_signal_patterns(s, d) != 0)
        return -1;
    if (r->nmatches > 1)
        qsort(r->matches, r->nmatches, sizeof(wa_match), cmp_match);

    /* Negations cancel the events they contain or touch (and the wage,
     * resolution and penalty matches), and the other debts they hold: the
     * fee in an excuse (因甲方服务费尚未到账) or denied (没有拖欠服务费) is owed
     * to no one here. */
    for (size_t i = 0; i < r->nmatches; i++) {
        if (role_of(d, &r->matches[i]) != WA_ROLE_NEGATION)
            continue;
        for (size_t j = 0; j < r->nmatches; j++) {
            wa_match *e = &r->matches[j];
            wa_role er = role_of(d, e);
            const wa_match *ng = &r->matches[i];
            /* An event that holds the whole negation already means "not paid"
             * (未足额发放工资): it stands; so does a resolution that holds it
             * (以前拖过……再没拖过了，现在每个月都按时). */
            int holds = (er == WA_ROLE_EVENT || er == WA_ROLE_RESOLUTION) && contains(e, ng);
            /* and the penalties it touches: 不是谣言 takes back 谣言 */
            int touched = (er == WA_ROLE_EVENT || er == WA_ROLE_WAGE || er == WA_ROLE_RESOLUTION || er == WA_ROLE_PENALTY)
                              ? overlaps(ng, e)
                              : er == WA_ROLE_RIVAL && contains(ng, e);
            if (touched && !holds && !e->cancelled) {
                e->cancelled = 1;
                char a[512], b[512];
                explain(s, flags, "negation '%s' cancels '%s'", match_text(s, &r->matches[i], a, sizeof a),
                        match_text(s, e, b, sizeof b));
            }
        }
    }
    /* A penalty word inside a longer word of another group is part of that
     * word, not a campaign's (通知 in 开庭通知). */
    for (size_t i = 0; i < r->nmatches; i++) {
        wa_match *m = &r->matches[i];
        if (m->from_pattern || m->cancelled || role_of(d, m) != WA_ROLE_PENALTY)
            continue;
        for (size_t j = 0; j < r->nmatches; j++) {
            const wa_match *w = &r->matches[j];
            if (j == i || w->from_pattern || w->group == m->group || !inside_longer(w, m))
                continue;
            m->cancelled = 1;
            char a[512], b[512];
            explain(s, flags, "'%s' is part of the longer word '%s'", match_text(s, m, a, sizeof a),
                    match_text(s, w, b, sizeof b));
            break;
        }
    }
    for (size_t i = 0; i < r->nmatches; i++) {
        wa_match *m = &r->matches[i];
        map_span(s, m->nstart, m->nend, &m->start, &m->end, &m->field);
    }

    /* The core: the best subject-event pair within the window. Which
     * subjects and events may pair is settled first, once per match, so the
     * pairing loop does no more than look at each pair once (these checks
     * look at pairs of matches too: at most WA_MAX_MATCHES squared, some
     * tens of milliseconds for a document that reaches the cap). */
    if (r->nmatches > s->usable_cap) {
        uint8_t *u = realloc(s->usable, r->nmatches);
        if (!u)
            return -1;
        s->usable = u;
        s->usable_cap = r->nmatches;
    }
    size_t nrival = 0;
    for (size_t i = 0; i < r->nmatches; i++)
        nrival += is_rival(role_of(d, &r->matches[i]));
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *a = &r->matches[i];
        uint8_t f = 0;
        if (role_of(d, a) == WA_ROLE_SUBJECT) {
            /* 环卫 inside 环卫清运费 names a fee, not the workers; but 司机
             * inside 清运司机 leaves them sanitation workers. */
            int in_rival = 0;
            for (size_t j = 0; nrival && j < r->nmatches && !in_rival; j++) {
                const wa_match *m = &r->matches[j];
                in_rival = names_others(d, m) && overlaps(a, m) && !contains(a, m);
            }
            /* 环卫 inside 环卫车 (the truck, not the workers) counts as the
             * longer term says. */
            int in_longer = 0;
            for (size_t j = 0; j < r->nmatches && !in_longer; j++) {
                const wa_match *m = &r->matches[j];
                in_longer = j != i && role_of(d, m) == WA_ROLE_SUBJECT && inside_longer(m, a);
            }
            /* ... and one inside a negation's span is part of what is denied,
             * supposed or compared (比拖欠环卫工工资的黑心公司还黑, 严禁拖欠环卫工人工资) */
            int denied = denied_before(n, a);
            for (size_t j = 0; j < r->nmatches && !denied; j++)
                denied = role_of(d, &r->matches[j]) == WA_ROLE_NEGATION && inside_longer(&r->matches[j], a);
            if (denied) {
                char b[512];
                explain(s, flags, "subject '%s' is denied: 'not' stands right before it, or a negation holds it",
                        match_text(s, a, b, sizeof b));
            }
            f = in_rival || in_longer || denied ? 0 : SUBJECT_OK;
        }
        s->usable[i] = f;
    }
    /* A rival word inside a longer word that is no rival names no one else:
     * 服务员 in the workers' own 客房服务员, 老师 in 老师傅 (an event pattern
     * that holds it is another matter: 拖欠农民工工资). */
    for (size_t i = 0; nrival && i < r->nmatches; i++) {
        const wa_match *m = &r->matches[i];
        if (!names_others(d, m))
            continue;
        int inside = 0;
        for (size_t j = 0; j < r->nmatches && !inside; j++) {
            const wa_match *w = &r->matches[j];
            wa_role rw = role_of(d, w);
            inside = !w->from_pattern && rw != WA_ROLE_EVENT && rw != WA_ROLE_WAGE && !names_others(d, w) &&
                     inside_longer(w, m) && (rw != WA_ROLE_SUBJECT || (s->usable[j] & SUBJECT_OK));
        }
        if (!inside)
            s->usable[i] |= RIVAL;
    }
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *a = &r->matches[i];
        /* An event word of no weight only anchors the patterns that hold it
         * (说好 in 说好按月结，可到现在没见过钱): it pairs with nothing. */
        if (role_of(d, a) != WA_ROLE_EVENT || a->cancelled || is_anchor(d, a))
            continue;
        uint8_t f = EVENT_OK;
        for (size_t k = 0; nrival && k < r->nmatches && (f & EVENT_OK); k++) {
            const wa_match *m = &r->matches[k];
            if (!(s->usable[k] & RIVAL) || !overlaps(a, m) || pretext_in(d, r, a, m))
                continue;
            /* 拖欠农民工工资 holds the rival; 项目款政府已经欠了 shares its verb
             * with the event: either way the event is about them. */
            if (contains(a, m))
                f |= HOLDS_RIVAL;
            else
                f = 0;
        }
        /* 我们护工被欠了两个月: other workers right before the event, in a
         * clause that does not name the sanitation workers, are the ones it
         * happened to. */
        for (size_t k = 0; nrival && k < r->nmatches && (f & EVENT_OK); k++) {
            const wa_match *m = &r->matches[k];
            if (!(s->usable[k] & RIVAL) || role_of(d, m) != WA_ROLE_OTHERS || m->cancelled || m->nend > a->nstart ||
                exact_gap(n, m, a, 1) > 1 || !same_clause(n, m, a))
                continue;
            if (!clause_names_subject(s, a))
                f = 0;
        }
        /* 拖欠垃圾车司机及装卸工共9人工资 names the sanitation workers too:
         * the event is theirs as well. */
        for (size_t k = 0; (f & HOLDS_RIVAL) && k < r->nmatches; k++)
            if ((s->usable[k] & SUBJECT_OK) && contains(a, &r->matches[k]))
                f &= (uint8_t)~HOLDS_RIVAL;
        s->usable[i] |= f;
    }
    /* 拖欠农民工工资: an event that names other workers or another debt inside
     * itself (or lies inside an event that does) is about them. */
    for (size_t e = 0; nrival && e < r->nmatches; e++) {
        if (!(s->usable[e] & HOLDS_RIVAL))
            continue;
        const wa_match *E = &r->matches[e];
        for (size_t j = 0; j < r->nmatches; j++) {
            const wa_match *b = &r->matches[j];
            if ((s->usable[j] & EVENT_OK) && contains(E, b))
                s->usable[j] &= (uint8_t)~EVENT_OK;
        }
    }
    double core = 0;
    const wa_match *ps = NULL, *pe = NULL;
    /* A Tibetan clause takes about three times the characters of a Chinese one. */
    uint32_t window = n->n_tibetan > 0 ? d->rules.window_tibetan : d->rules.window;
    int pair_same = 0;
    for (size_t i = 0; i < r->nmatches; i++) {
        if (!(s->usable[i] & SUBJECT_OK))
            continue;
        const wa_match *a = &r->matches[i];
        for (size_t j = 0; j < r->nmatches; j++) {
            if (!(s->usable[j] & EVENT_OK))
                continue;
            const wa_match *b = &r->matches[j];
            /* A subject in the title names the topic: it pairs with an event
             * anywhere in the text (a long letter or feature tells the
             * arrears far down), unless other workers or another debt are
             * nearer that event. */
            int near = char_gap(n, a, b, window) <= window;
            int titled = !near && s->text_start > 0 && a->nend <= s->text_start && b->nstart >= s->text_start;
            if (titled && !(s->usable[j] & OTHERS_KNOWN)) /* once per event: the pairs are many */
                s->usable[j] |= (uint8_t)(OTHERS_KNOWN | (others_nearer(s, d, b, window) ? OTHERS_NEARER : 0));
            if (!near && !(titled && !(s->usable[j] & OTHERS_NEARER)))
                continue;
            int same = same_sentence(n, a, b);
            double v = weight_of(d, a) + weight_of(d, b) + (same ? d->rules.same_sentence_bonus : 0);
            if (v > core) {
                core = v;
                ps = a;
                pe = b;
                pair_same = same;
            }
        }
    }
    double score = core;
    if (ps) {
        char a[512], b[512];
        explain(s, flags, "pair: subject '%s' + event '%s'%s: %+.1f", match_text(s, ps, a, sizeof a),
                match_text(s, pe, b, sizeof b), pair_same ? " (same sentence)" : "", core);
    } else {
        explain(s, flags, "no subject and event within %u characters: not a hit", d->rules.window);
    }

    /* Each cue or penalty group counts once, with its strongest match. */
    int collective = 0;
    for (size_t g = 0; g < d->ngroups; g++) {
        wa_role role = d->groups[g].role;
        if (role == WA_ROLE_SUBJECT || role == WA_ROLE_EVENT || role == WA_ROLE_NEGATION)
            continue;
        const wa_match *best = NULL;
        double bw = 0;
        for (size_t i = 0; i < r->nmatches; i++) {
            const wa_match *m = &r->matches[i];
            if (m->group != (int)g || m->cancelled)
                continue;
            double w = weight_of(d, m);
            int neg = role == WA_ROLE_PENALTY || role == WA_ROLE_RESOLUTION || is_rival(role);
            if (!best || (neg ? w < bw : w > bw)) {
                best = m;
                bw = w;
            }
        }
        if (!best)
            continue;
        if (role == WA_ROLE_RESOLUTION) {
            /* "paid back" ends a story only when nothing is still owed after it:
             * "已补发一半，还有两个月没发" stays a complaint. */
            const wa_match *later = NULL;
            for (size_t i = 0; i < r->nmatches && !later; i++) {
                const wa_match *m = &r->matches[i];
                if (m->group == (int)g && !m->cancelled && m->nstart > best->nstart)
                    best = m; /* the last resolution counts (one a negation took back does not) */
            }
            for (size_t i = 0; i < r->nmatches && !later; i++) {
                const wa_match *m = &r->matches[i];
                if (role_of(d, m) == WA_ROLE_EVENT && !m->cancelled && !is_anchor(d, m) && m->nstart >= best->nend &&
                    !others_nearer(s, d, m, window) && !inside_resolution(s, d, m) &&
                    !(best->nend <= s->text_start && m->nstart >= s->text_start && !still_open(s, m)) &&
                    (names_pay(d, r, m) || subject_within(s, m, window)))
                    later = m;
            }
            if (later) {
                char a[512], b[512];
                explain(s, flags, "resolution '%s' set aside: event '%s' follows it", match_text(s, best, a, sizeof a),
                        match_text(s, later, b, sizeof b));
                continue;
            }
            /* "the front desk was paid on time": a resolution in a clause
             * that names other workers and no sanitation workers is theirs. */
            const wa_match *others = NULL;
            int ours = clause_names_subject(s, best);
            for (size_t i = 0; i < r->nmatches && !others && !ours; i++) {
                const wa_match *m = &r->matches[i];
                if (same_clause(n, m, best) && role_of(d, m) == WA_ROLE_OTHERS && !m->cancelled)
                    others = m;
            }
            if (others) {
                char a[512], b[512];
                explain(s, flags, "resolution '%s' set aside: it is about '%s'", match_text(s, best, a, sizeof a),
                        match_text(s, others, b, sizeof b));
                continue;
            }
        }
        if (is_rival(role)) {
            /* Other workers or other debts matter when the arrears event is
             * about them: when one of them is nearer the event than the
             * sanitation subject is. */
            if (!ps)
                continue;
            /* An event that names the workers inside itself (先欠着保洁的工资)
             * is about them, whatever else is near. */
            /* the nearest mention of the workers counts, not only the one the
             * pair was made with (保安和厨师都发了，就我们保洁没发) */
            const wa_match *ns = ps;
            uint32_t subject_gap = char_gap(n, ps, pe, 4 * window);
            for (size_t i = 0; i < r->nmatches && subject_gap > 0; i++) {
                const wa_match *m = &r->matches[i];
                if (!(s->usable[i] & SUBJECT_OK))
                    continue;
                uint32_t g = contains(pe, m) ? 0 : char_gap(n, m, pe, 4 * window);
                if (g < subject_gap && (g == 0 || m->nstart < pe->nstart || same_clause(n, m, pe))) {
                    subject_gap = g;
                    ns = m;
                }
            }
            const wa_match *nearer = NULL;
            for (size_t i = 0; i < r->nmatches && !nearer; i++) {
                const wa_match *m = &r->matches[i];
                /* only a word that names someone else (司机 weighs nothing against
                 * the workers: garbage trucks have drivers too), and not other
                 * workers joined to the sanitation workers (保洁和宿管阿姨被扣了
                 * 一个月工资: it happened to both) */
                if (m->group != (int)g || m->cancelled || !names_others(d, m) || !(s->usable[i] & RIVAL) ||
                    pretext_in(d, r, pe, m) ||
                    (role == WA_ROLE_OTHERS && (joined_to_subject(s, n, m) || tibetan_payer(n, m))))
                    continue;
                /* A rival that holds the event (欠了房东半年的房租) is nearest of all.
                 * One named after the event is its object only in a Chinese
                 * clause (欠了半年的卫生费); in the next clause, or after the verb
                 * of a Tibetan one (objects come first there), it is what the
                 * arrears cost: 工资没发，房租都交不起了, ཕོགས་ཆ་མ་རག་པས་ཁང་གླ་སྤྲོད་ཐུབ་མེད. */
                int object = m->nstart < pe->nstart || (same_clause(n, m, pe) && !tibetan_at(n, m->nstart));
                /* In a Tibetan sentence the one owed stands before the verb: a
                 * subject in another sentence does not take the event from it.
                 * As near as the subject (in characters), the one in the
                 * event's clause is its object (厨师被欠了四个月工资，保洁那边没事). */
                int tibetan_owed = m->nstart < pe->nstart && tibetan_at(n, pe->nstart) && subject_gap > 0 &&
                                   same_sentence(n, m, pe) && !same_sentence(n, ns, pe);
                if (contains(m, pe) || tibetan_owed ||
                    (object && (char_gap(n, m, pe, 4 * window) < subject_gap ||
                                (subject_gap > 0 && same_clause(n, m, pe) && !same_clause(n, ns, pe) &&
                                 exact_gap(n, m, pe, 4 * window) <= exact_gap(n, ns, pe, 4 * window)))))
                    nearer = m;
            }
            if (!nearer)
                continue;
            best = nearer;
            bw = weight_of(d, nearer);
        }
        if (role == WA_ROLE_PENALTY) {
            /* A second distinct term of a penalty group doubles it: one mention of
             * 根治欠薪 in a complaint is not a policy text. A term inside the
             * other (清零 in 动态清零) is the same word, no second mention. */
            for (size_t i = 0; i < r->nmatches; i++) {
                const wa_match *m = &r->matches[i];
                if (m->group == (int)g && !m->cancelled && !contains(m, best) && !contains(best, m) &&
                    (m->index != best->index || m->from_pattern != best->from_pattern)) {
                    bw *= 2;
                    break;
                }
            }
        }
        if (role == WA_ROLE_COLLECTIVE)
            collective = 1;
        score += bw;
        char a[512];
        explain(s, flags, "%s '%s' (%s): %+.1f", bw < 0 ? "penalty" : "cue", match_text(s, best, a, sizeof a),
                d->groups[g].name, bw);
    }

    /* Entities matter for a hit (its fields and level) and may lift a score
     * to the threshold; a document they cannot lift there is spared them. */
    if (ps && (score + WA_ENT_COUNT * d->rules.entity_bonus >= d->rules.threshold || (flags & WA_EXPLAIN))) {
        extract_entities(s, d, flags);
        int found = (r->workers.value > 0) + (r->months.value > 0) + (r->amount.value > 0) + (r->company.value > 0);
        if (found) {
            score += found * d->rules.entity_bonus;
            explain(s, flags, "entities found: %d: %+.1f", found, found * d->rules.entity_bonus);
        }
        if (r->company.value > 0 && wa_buf_append(&r->company_name, (r->company.field ? doc->text : doc->title) + r->company.start,
                                                 r->company.end - r->company.start) != 0)
            return -1;
    }
    r->score = score;
    r->hit = ps != NULL && score >= d->rules.threshold && !r->prefiltered_out;
    explain(s, flags, "score %.1f, threshold %.1f: %s", score, d->rules.threshold, r->hit ? "HIT" : "not a hit");
    r->lang = detect_lang(n);
    choose_region(s, d);

    const wa_rules *R = &d->rules;
    if (collective && R->red_collective)
        r->level = "red";
    else if (r->workers.value >= R->red_workers || r->amount.value >= R->red_amount || score >= R->red_score)
        r->level = "red";
    else if (r->workers.value >= R->orange_workers || r->months.value >= R->orange_months ||
             r->amount.value >= R->orange_amount || score >= R->orange_score)
        r->level = "orange";
    else if (score >= R->yellow_score)
        r->level = "yellow";
    else
        r->level = "blue";
    if (r->hit)
        explain(s, flags, "level %s", r->level);
    return 0;
}
