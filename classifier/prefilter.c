#include "prefilter.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hs/hs.h>
#include <sodium.h>

#include "../common/buf.h"
#include "../common/utf8.h"
#include "hs_cache.h"
#include "normalize.h"

/* Literal ids of the raw database. */
enum { SUBJECT = 0, EVENT = 1, SUBJECT_MAYBE = 2, EVENT_MAYBE = 3 };

struct wa_prefilter {
    hs_database_t *raw;    /* anchors in raw text */
    hs_database_t *exact;  /* whole terms in normalised text */
    size_t count[2];
    size_t nliterals;
};

/* ---- what normalisation drops between two characters ---------------------
 * Found by asking the normaliser about every codepoint, so the prefilter is
 * exactly as tolerant as the normaliser, now and after any change to it.
 * Each dropped codepoint is represented by a prefix of its UTF-8 bytes: one
 * byte for ASCII, the lead byte for two-byte characters, the first two bytes
 * otherwise, except in the blocks that also hold common characters that are
 * kept (。、 and the full-width forms), where the whole character is used. */
typedef struct {
    unsigned char b[4];
    unsigned char n;
} prefix;

static prefix *noise;
static size_t nnoise;
static pthread_once_t noise_once = PTHREAD_ONCE_INIT;

static int dropped_between_han(wa_norm *n, uint32_t cp)
{
    unsigned char in[16] = {0xE4, 0xB8, 0xAD}; /* 中 X 中 */
    size_t k = 3 + wa_utf8_encode(cp, in + 3);
    memcpy(in + k, "\xE4\xB8\xAD", 3);
    k += 3;
    wa_norm_reset(n);
    return wa_norm_append(n, (const char *)in, k, 0) == 0 && n->text.len == 6;
}

static void noise_init(void)
{
    wa_norm n;
    wa_norm_init(&n);
    n.no_map = 1;
    size_t cap = 0;
    for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0xDFFFF))
            continue;
        if (cp >= 0xE1000)
            break;
        if (!dropped_between_han(&n, cp))
            continue;
        prefix p = {{0}, 0};
        unsigned char u[4];
        size_t k = wa_utf8_encode(cp, u);
        int whole = k == 3 && ((u[0] == 0xE3 && (u[1] == 0x80 || u[1] == 0x83 || u[1] == 0x85)) ||
                               (u[0] == 0xEF && (u[1] == 0xBC || u[1] == 0xBD)));
        p.n = (unsigned char)(k == 1 ? 1 : k == 2 ? 1 : whole ? 3 : 2);
        memcpy(p.b, u, p.n);
        size_t i;
        for (i = 0; i < nnoise; i++)
            if (noise[i].n == p.n && memcmp(noise[i].b, p.b, p.n) == 0)
                break;
        if (i < nnoise)
            continue;
        void *arr = noise;
        if (wa_grow(&arr, &cap, nnoise + 1, sizeof(prefix)) != 0)
            break;
        noise = arr;
        noise[nnoise++] = p;
    }
    wa_norm_free(&n);
}

/* ---- choosing anchors ----------------------------------------------------- */

/* The commonest Chinese characters: a pair of them would pass almost every
 * document, so an anchor avoids them where it can. */
static const char common_han[] =
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么"
    "心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现"
    "分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位"
    "因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师"
    "书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及"
    "今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结"
    "六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区"
    "即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友"
    "孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切米";

static int is_common_han(uint32_t cp)
{
    unsigned char u[4];
    size_t k = wa_utf8_encode(cp, u);
    for (size_t i = 0; i + k <= sizeof common_han - 1; i += 3)
        if (memcmp(common_han + i, u, k) == 0)
            return 1;
    return 0;
}

/* Lower is a rarer, better anchor character; -1 cannot be part of a pair. */
static int anchor_rank(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') ? 4 : -1;
    if (cp >= 0x0F00 && cp <= 0x0FFF) {
        static const uint32_t frequent[] = {0x0F72, 0x0F74, 0x0F7A, 0x0F7C, 0x0F42, 0x0F44, 0x0F51, 0x0F53, 0x0F56,
                                            0x0F58, 0x0F60, 0x0F62, 0x0F63, 0x0F66, 0x0F40, 0x0F54, 0x0F4F, 0x0FB1,
                                            0x0FB2, 0x0F41, 0x0F46, 0x0F50, 0x0F5A, 0x0F5E, 0x0F61, 0x0F71};
        if (!wa_tibetan_is_syllable_cp(cp))
            return -1;
        for (size_t i = 0; i < sizeof frequent / sizeof frequent[0]; i++)
            if (frequent[i] == cp)
                return 3;
        return 1;
    }
    if (cp < 0x2E80)
        return -1;
    return is_common_han(cp) ? 2 : 0;
}

static int term_side(const wa_dict *d, const wa_term *t)
{
    wa_role r = d->groups[t->group].role;
    if (r == WA_ROLE_SUBJECT)
        return 0;
    if (r == WA_ROLE_EVENT || r == WA_ROLE_WAGE)
        return 1;
    return -1;
}

/* Expressions are collected as strings prefixed by their id digit. */
typedef struct {
    char **lit;
    size_t n, cap;
} lit_list;

static int lit_add(lit_list *L, unsigned id, const char *expr)
{
    size_t len = strlen(expr);
    char *s = malloc(len + 2);
    if (!s)
        return -1;
    s[0] = (char)('0' + id);
    memcpy(s + 1, expr, len + 1);
    void *arr = L->lit;
    if (wa_grow(&arr, &L->cap, L->n + 1, sizeof(char *)) != 0) {
        free(s);
        return -1;
    }
    L->lit = arr;
    L->lit[L->n++] = s;
    return 0;
}

static int cmp_lit(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int escape_cp(wa_buf *b, uint32_t cp)
{
    unsigned char u[4];
    size_t k = wa_utf8_encode(cp, u);
    int rc = 0;
    for (size_t i = 0; i < k; i++)
        rc |= wa_buf_printf(b, "\\x%02X", u[i]);
    return rc;
}

/* "(?:\x20|\xE2\x80|...)": the first bytes of anything normalisation drops. */
static char *noise_alternation;

static int build_noise_alternation(void)
{
    wa_buf b;
    wa_buf_init(&b);
    int rc = wa_buf_append_str(&b, "(?:");
    for (size_t i = 0; i < nnoise && rc == 0; i++) {
        if (i)
            rc |= wa_buf_append_str(&b, "|");
        for (unsigned j = 0; j < noise[i].n; j++)
            rc |= wa_buf_printf(&b, "\\x%02X", noise[i].b[j]);
    }
    rc |= wa_buf_append_str(&b, ")");
    if (rc != 0) {
        wa_buf_free(&b);
        return -1;
    }
    noise_alternation = b.data;
    return 0;
}

/* The spellings of a character people actually type (the character, its
 * traditional forms, ASCII case, full-width forms, Tibetan precomposed
 * letters) are "ordinary"; compatibility forms (𝐠, ①, CJK compatibility
 * ideographs) are rare, and a document holding one just gets the exact pass. */
static int ordinary(uint32_t cp)
{
    return cp < 0x80 || (cp >= 0x0F00 && cp <= 0x0FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xFF21 && cp <= 0xFF5A);
}

/* Add the raw expressions of one term's anchor. */
static int add_anchor(lit_list *L, const wa_term *t, int side)
{
    uint32_t cps[512];
    size_t n = 0;
    int tibetan = 0;
    for (uint32_t k = 0; k < t->norm_len && n < 512;) {
        size_t adv;
        cps[n] = wa_utf8_decode((const unsigned char *)t->norm + k, t->norm_len - k, &adv);
        tibetan |= cps[n] >= 0x0F00 && cps[n] <= 0x0FFF;
        k += (uint32_t)adv;
        n++;
    }
    uint32_t pa[64];
    wa_buf e;
    wa_buf_init(&e);
    int rc = 0;
    if (tibetan) {
        /* Stack spellings vary too much inside a syllable for a pair: the
         * rarest letter alone, which no noise can split. */
        int best = 100;
        uint32_t pick = 0;
        for (size_t i = 0; i < n; i++) {
            int r = anchor_rank(cps[i]);
            if (r >= 0 && r < best)
                best = r, pick = cps[i];
        }
        size_t na = wa_norm_preimages(pick, pa, 64);
        for (size_t i = 0; i < na && rc == 0; i++) {
            e.len = 0;
            rc |= escape_cp(&e, pa[i]) | lit_add(L, (unsigned)side, e.data);
        }
        wa_buf_free(&e);
        return rc;
    }
    /* The whole term in its ordinary spellings is certain; a prefix of it
     * followed by something normalisation drops, or any rare spelling of one
     * of its characters, is a "maybe". */
    wa_buf prefix_re;
    wa_buf_init(&prefix_re);
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t np = wa_norm_preimages(cps[i], pa, 64);
        rc |= wa_buf_append_str(&prefix_re, "(?:");
        int first = 1;
        for (size_t k = 0; k < np && rc == 0; k++) {
            if (!ordinary(pa[k])) {
                e.len = 0;
                rc |= escape_cp(&e, pa[k]) | lit_add(L, (unsigned)side + 2, e.data);
                continue;
            }
            rc |= wa_buf_append_str(&prefix_re, first ? "" : "|") | escape_cp(&prefix_re, pa[k]);
            first = 0;
        }
        rc |= wa_buf_append_str(&prefix_re, ")");
        if (i + 1 < n) {
            e.len = 0;
            rc |= wa_buf_append(&e, prefix_re.data, prefix_re.len) | wa_buf_append_str(&e, noise_alternation) |
                  lit_add(L, (unsigned)side + 2, e.data);
        }
    }
    if (rc == 0)
        rc |= lit_add(L, (unsigned)side, prefix_re.data);
    wa_buf_free(&prefix_re);
    wa_buf_free(&e);
    return rc;
}

static hs_database_t *compile_cached(const char *cache_dir, const char *kind, const char **exprs, size_t *lens,
                                     unsigned *ids, unsigned *flags, unsigned n, wa_diag *diag, const char *dir,
                                     int regex)
{
    crypto_generichash_state ks;
    unsigned char key[16];
    crypto_generichash_init(&ks, NULL, 0, sizeof key);
    for (unsigned i = 0; i < n; i++) {
        crypto_generichash_update(&ks, (const unsigned char *)exprs[i], lens[i]);
        crypto_generichash_update(&ks, (const unsigned char *)&ids[i], sizeof ids[i]);
        crypto_generichash_update(&ks, (const unsigned char *)&lens[i], sizeof lens[i]);
    }
    crypto_generichash_final(&ks, key, sizeof key);
    char hex[33], name[80];
    sodium_bin2hex(hex, sizeof hex, key, sizeof key);
    snprintf(name, sizeof name, "%s-%s.hsdb", kind, hex);
    hs_database_t *db = wa_cache_load(cache_dir, name);
    if (db)
        return db;
    hs_compile_error_t *err = NULL;
    hs_error_t he = regex ? hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, NULL, &db, &err)
                          : hs_compile_lit_multi(exprs, flags, ids, lens, n, HS_MODE_BLOCK, NULL, &db, &err);
    if (he != HS_SUCCESS) {
        wa_diag_add(diag, dir, 0, "cannot compile the %s prefilter: %s", kind,
                    err && err->message ? err->message : "unknown error");
        hs_free_compile_error(err);
        return NULL;
    }
    wa_cache_store(cache_dir, name, db);
    return db;
}

int wa_prefilter_build(wa_dict *d, const char *cache_dir, wa_diag *diag)
{
    pthread_once(&noise_once, noise_init);
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&mu);
    if (!noise_alternation && noise)
        build_noise_alternation();
    pthread_mutex_unlock(&mu);
    wa_prefilter *p = calloc(1, sizeof *p);
    size_t cap = d->nterms ? d->nterms : 1;
    const char **exprs = malloc(cap * sizeof *exprs);
    size_t *lens = malloc(cap * sizeof *lens);
    unsigned *ids = malloc(cap * sizeof *ids), *flags = malloc(cap * sizeof *flags);
    lit_list L = {0};
    int rc = 0;
    if (!p || !exprs || !lens || !ids || !flags || !noise_alternation) {
        rc = -1;
        goto out;
    }
    unsigned n = 0;
    for (size_t i = 0; i < d->nterms && rc == 0; i++) {
        int side = term_side(d, &d->terms[i]);
        if (side < 0)
            continue;
        exprs[n] = d->terms[i].norm;
        lens[n] = d->terms[i].norm_len;
        ids[n] = (unsigned)side;
        flags[n] = HS_FLAG_SINGLEMATCH;
        p->count[side]++;
        n++;
        rc = add_anchor(&L, &d->terms[i], side);
    }
    if (rc != 0)
        goto out;
    p->exact = compile_cached(cache_dir, "exact", exprs, lens, ids, flags, n, diag, d->dir, 0);
    if (!p->exact) {
        rc = -1;
        goto out;
    }
    /* The raw literals, without repeats. */
    qsort(L.lit, L.n, sizeof(char *), cmp_lit);
    size_t m = 0;
    for (size_t i = 0; i < L.n; i++) {
        if (m > 0 && strcmp(L.lit[m - 1], L.lit[i]) == 0) {
            free(L.lit[i]);
            continue;
        }
        L.lit[m++] = L.lit[i];
    }
    L.n = m;
    const char **rexprs = malloc((m ? m : 1) * sizeof *rexprs);
    size_t *rlens = malloc((m ? m : 1) * sizeof *rlens);
    unsigned *rids = malloc((m ? m : 1) * sizeof *rids), *rflags = malloc((m ? m : 1) * sizeof *rflags);
    if (rexprs && rlens && rids && rflags) {
        for (size_t i = 0; i < m; i++) {
            rexprs[i] = L.lit[i] + 1;
            rlens[i] = strlen(L.lit[i] + 1);
            rids[i] = (unsigned)(L.lit[i][0] - '0');
            rflags[i] = HS_FLAG_SINGLEMATCH;
        }
        p->nliterals = m;
        p->raw = compile_cached(cache_dir, "raw", rexprs, rlens, rids, rflags, (unsigned)m, diag, d->dir, 1);
    }
    if (!p->raw)
        rc = -1;
    free(rexprs);
    free(rlens);
    free(rids);
    free(rflags);
out:
    for (size_t i = 0; i < L.n; i++)
        free(L.lit[i]);
    free(L.lit);
    free(exprs);
    free(lens);
    free(ids);
    free(flags);
    if (rc != 0) {
        if (diag->n == 0)
            wa_diag_add(diag, d->dir, 0, "cannot build the prefilter (out of memory)");
        wa_prefilter_free(p);
        return -1;
    }
    d->prefilter = p;
    return 0;
}

void wa_prefilter_free(wa_prefilter *p)
{
    if (!p)
        return;
    if (p->raw)
        hs_free_database(p->raw);
    if (p->exact)
        hs_free_database(p->exact);
    free(p);
}

int wa_prefilter_alloc_scratch(const wa_prefilter *p, void **scratch)
{
    hs_scratch_t *s = *scratch;
    if (hs_alloc_scratch(p->raw, &s) != HS_SUCCESS || hs_alloc_scratch(p->exact, &s) != HS_SUCCESS)
        return -1;
    *scratch = s;
    return 0;
}

static int on_literal(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    unsigned *seen = ctx;
    *seen |= 1u << id;
    return (*seen & 3u) == 3u; /* a definite find on both sides: stop */
}

int wa_prefilter_raw(const wa_prefilter *p, void *scratch, const char *title, size_t title_len, const char *text,
                     size_t text_len)
{
    unsigned seen = 0;
    const char *parts[2] = {title, text};
    size_t lens[2] = {title_len, text_len};
    for (int i = 0; i < 2 && (seen & 3u) != 3u; i++) {
        if (!parts[i] || !lens[i])
            continue;
        hs_error_t e = hs_scan(p->raw, parts[i], (unsigned)lens[i], 0, scratch, on_literal, &seen);
        if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED)
            return -1;
    }
    if ((seen & 3u) == 3u)
        return WA_PF_YES;
    int subject = seen & ((1u << SUBJECT) | (1u << SUBJECT_MAYBE));
    int event = seen & ((1u << EVENT) | (1u << EVENT_MAYBE));
    return subject && event ? WA_PF_MAYBE : WA_PF_NO;
}

int wa_prefilter_exact(const wa_prefilter *p, void *scratch, const char *norm, size_t len)
{
    unsigned seen = 0;
    if (len == 0)
        return 0;
    hs_error_t e = hs_scan(p->exact, norm, (unsigned)len, 0, scratch, on_literal, &seen);
    if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED)
        return -1;
    return (seen & 3u) == 3u;
}

size_t wa_prefilter_count(const wa_prefilter *p, int side)
{
    return p->count[side & 1];
}

size_t wa_prefilter_literals(const wa_prefilter *p)
{
    return p->nliterals;
}
