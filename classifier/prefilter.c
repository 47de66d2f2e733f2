#include "prefilter.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hs/hs.h>
#include <sodium.h>

#include "../common/utf8.h"
#include "hs_cache.h"
#include "json_input.h"
#include "normalize.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

struct wa_prefilter {
    hs_database_t *db;      /* the terms, over normalised text: ids KIND_SUBJECT, KIND_EVENT, KIND_WAGE */
    hs_database_t *event_db; /* the event patterns for Han text (zh/ and shared) in prefilter mode; NULL: none */
    int events_unknown;     /* one of those would not compile: an event or wage term near a subject passes */
    int tibetan_events;     /* some event pattern runs on Tibetan text (bo/): in a text with Tibetan
                             * letters, an event or wage term near a subject passes */
    hs_database_t *raw_db;  /* the terms and their letters' variants, over the text as written; NULL: no raw stage */
    uint8_t *term_chars;    /* one bit per BMP codepoint: a letter of some term (ASCII in both cases) */
    int astral_terms;       /* some term has a letter beyond the BMP */
    uint8_t *drop_chars;    /* one bit per BMP codepoint normalisation may drop between two letters */
    uint8_t *variant_chars; /* one bit per BMP codepoint that hides_terms visits and normalises to a term letter */
    int digit_terms;        /* some term has a digit: a comma between digits matters */
    int tibetan_raw;        /* Tibetan text is decided as written too (no term holds a shad or other mark) */
    int skip_e0;            /* the scan may skip lead byte 0xE0 (U+0800..U+0FFF) */
    int avx2;               /* the scan may use AVX2 */
    int skip_common;        /* bits of common_marks that can never hide a term: the AVX2 scan passes them by */
    uint64_t *bigrams;      /* open addressing: (letter << 32 | next letter) of every term, 0 = empty */
    size_t bigram_mask;
    size_t count[2];
    size_t nvariants;
    uint32_t reach;         /* an event pattern covering an event or wage term further from a subject than this
                             * (end to end, bytes) never pairs with it; UINT32_MAX: no bound */
    uint32_t window;        /* rules.window: most characters between a subject and an event that pair */
    uint32_t window_bo;     /* rules.window_tibetan: the same in a text with Tibetan letters */
    uint32_t reach_bo;      /* reach for that window */
    uint32_t width;         /* widest event pattern match in bytes; UINT32_MAX: unbounded */
    uint8_t *term_kind;     /* by id in db: KIND_* */
    uint32_t *term_len;     /* by id in db: bytes */
};

static int term_side(const wa_dict *d, const wa_term *t)
{
    wa_role r = d->groups[t->group].role;
    if (r == WA_ROLE_SUBJECT)
        return 0;
    if (r == WA_ROLE_EVENT || r == WA_ROLE_WAGE)
        return 1;
    return -1;
}

/* What a term is to the normalised stage: a hit pairs a subject with an
 * event, and an event is an event term or an event pattern that covers an
 * event or wage term. A wage term counts only where an event pattern may cover it. */
enum { KIND_SUBJECT = 0, KIND_EVENT = 1, KIND_WAGE = 2 };

static int term_kind(const wa_dict *d, const wa_term *t)
{
    wa_role r = d->groups[t->group].role;
    if (wa_term_is_anchor(d, t))
        return KIND_WAGE; /* it counts only where an event pattern may hold it */
    return r == WA_ROLE_SUBJECT ? KIND_SUBJECT : r == WA_ROLE_EVENT ? KIND_EVENT : r == WA_ROLE_WAGE ? KIND_WAGE : -1;
}

/* ---- the raw stage ---------------------------------------------------------
 * Most documents hold none of the terms even as written, and normalising
 * them only to learn that is the largest cost of a run. A term can reach the
 * normalised text without being in the text as written in three ways only:
 *   - one of its letters is written as a variant that folds to it (a
 *     traditional or compatibility form, a full-width letter, a look-alike);
 *   - a character that normalisation drops sits inside it (環 衛, 环*卫);
 *   - it is Tibetan, whose marks normalisation reorders and whose spaces
 *     become tshegs.
 * The raw stage looks for the terms as written (ASCII without case) and for
 * every variant of their letters in one Vectorscan pass, and checks every
 * dropped character for a term letter just before it. A document with a
 * variant, such a gap, Tibetan or invalid UTF-8 is left to the normalised
 * prefilter; one with neither a gap nor a variant holds a term after
 * normalisation only if it holds it as written. */

enum { RAW_SUBJECT = 0, RAW_EVENT = 1, RAW_UNSURE = 2 };

/* The marks that make up most of what the dropped-character scan stops on
 * in Chinese text (，。、 and line breaks: four in five of its stops on the
 * benchmark corpus). Where the dictionary makes one of them neither dropped
 * nor a variant, the AVX2 scan recognises it whole and passes it by. */
static const uint32_t common_marks[] = {0xFF0C, 0x3002, 0x3001, '\n'};
#define TSHEG 0x0F0Bu

/* Every codepoint that normalisation turns into another letter, as pairs
 * (codepoint, letter), computed once per process. */
typedef struct {
    uint32_t cp, to;
} fold_pair;
static fold_pair *fold_pairs;
static size_t nfold_pairs;
static int fold_pairs_ok;
static pthread_once_t fold_pairs_once = PTHREAD_ONCE_INIT;
#define TIB_LITERALS_MAX 4096
typedef struct {
    uint32_t cp[2]; /* one mark, or two in a row (cp[1] != 0) */
} tib_literal;
static tib_literal tib_literals[TIB_LITERALS_MAX];
static size_t ntib_literals;
static int e0_drops;

static void fold_pairs_init(void)
{
    size_t cap = 16384, n = 0;
    fold_pair *v = malloc(cap * sizeof *v);
    if (!v)
        return;
    /* Planes 0 to 3 hold every letter a fold can come from (beyond them:
     * tags and variation selectors, which are dropped, and private use). */
    for (uint32_t cp = 0x80; cp < 0x40000; cp++) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x0F00 && cp <= 0x0FFF))
            continue;
        uint32_t to = wa_norm_char(cp);
        if (to == 0 || to == cp)
            continue;
        if (n == cap) {
            fold_pair *g = realloc(v, 2 * cap * sizeof *v);
            if (!g) {
                free(v);
                return;
            }
            v = g;
            cap *= 2;
        }
        v[n++] = (fold_pair){cp, to};
    }
    /* The scan below skips the lead bytes of U+4000..U+9FFF: it may do so
     * only because normalisation drops none of them. */
    for (uint32_t cp = 0x4000; cp <= 0x9FFF; cp++) {
        if (wa_norm_char(cp) == 0) {
            free(v);
            return;
        }
    }
    /* Tibetan: the marks and mark pairs normalisation rewrites (a
     * decomposed vowel, a variant tsheg or shad, a digit, marks out of their
     * canonical order), found by asking the normaliser itself after a base
     * letter. Any other run of marks is in order already and stays as it is. */
    size_t tn = 0;
    wa_buf out;
    wa_buf_init(&out);
    unsigned char in[12];
    uint8_t single[256] = {0};
    for (uint32_t a = 0x0F00; a <= 0x0FFF; a++) {
        size_t k = wa_utf8_encode(0x0F40, in);
        k += wa_utf8_encode(a, in + k);
        if (wa_norm_string((const char *)in, k, &out) != 0)
            goto fail;
        if (out.len != k || memcmp(out.data, in, k) != 0) {
            single[a - 0x0F00] = 1;
            if (tn < TIB_LITERALS_MAX)
                tib_literals[tn++] = (tib_literal){{a, 0}};
            else
                goto fail;
        }
    }
    for (uint32_t a = 0x0F00; a <= 0x0FFF; a++) {
        if (single[a - 0x0F00] || !wa_tibetan_is_syllable_cp(a) || (a >= 0x0F40 && a <= 0x0F6C))
            continue;
        for (uint32_t b = 0x0F00; b <= 0x0FFF; b++) {
            if (single[b - 0x0F00] || !wa_tibetan_is_syllable_cp(b) || (b >= 0x0F40 && b <= 0x0F6C))
                continue;
            size_t k = wa_utf8_encode(0x0F40, in);
            k += wa_utf8_encode(a, in + k);
            k += wa_utf8_encode(b, in + k);
            if (wa_norm_string((const char *)in, k, &out) != 0)
                goto fail;
            if (out.len != k || memcmp(out.data, in, k) != 0) {
                if (tn == TIB_LITERALS_MAX)
                    goto fail;
                tib_literals[tn++] = (tib_literal){{a, b}};
            }
        }
    }
    wa_buf_free(&out);
    ntib_literals = tn;
    /* Whether some character of U+0800..U+0FFF other than Tibetan can be
     * dropped: if none, the scan may skip their lead byte. */
    for (uint32_t cp = 0x0800; cp < 0x0F00; cp++)
        if (wa_norm_char(cp) == 0)
            e0_drops = 1;
    fold_pairs = v;
    nfold_pairs = n;
    fold_pairs_ok = 1;
    return;
fail:
    wa_buf_free(&out);
    free(v);
}

static inline int bit(const uint8_t *bits, uint32_t cp)
{
    return (bits[cp >> 3] >> (cp & 7)) & 1;
}

static int is_term_char(const wa_prefilter *p, uint32_t cp)
{
    if (cp >= 0x10000)
        return p->astral_terms;
    return bit(p->term_chars, cp);
}

static uint64_t bigram_key(uint32_t a, uint32_t b)
{
    return ((uint64_t)a << 32 | b) + 1; /* never 0 */
}

static size_t bigram_slot(uint64_t k, size_t mask)
{
    return (size_t)((k * 0x9E3779B97F4A7C15ull) >> 20) & mask;
}

static int bigram_has(const wa_prefilter *p, uint32_t a, uint32_t b)
{
    uint64_t k = bigram_key(a, b);
    for (size_t i = bigram_slot(k, p->bigram_mask);; i = (i + 1) & p->bigram_mask) {
        if (p->bigrams[i] == k)
            return 1;
        if (p->bigrams[i] == 0)
            return 0;
    }
}

static void bigram_add(wa_prefilter *p, uint32_t a, uint32_t b)
{
    uint64_t k = bigram_key(a, b);
    size_t i = bigram_slot(k, p->bigram_mask);
    while (p->bigrams[i] != 0 && p->bigrams[i] != k)
        i = (i + 1) & p->bigram_mask;
    p->bigrams[i] = k;
}

static inline int tibetan(uint32_t cp)
{
    return cp >= 0x0F00 && cp <= 0x0FFF;
}

/* The marks normalisation writes as a shad (and before which it drops a tsheg). */
static inline int is_shad(uint32_t cp)
{
    return (cp >= 0x0F0D && cp <= 0x0F12) || cp == 0x0F14;
}

/* Add the k bytes written at vbytes + *off as one more "unsure" literal. */
static void push_unsure(const char **rx, size_t *rl, unsigned *ri, unsigned *rf, size_t *m, const unsigned char *vbytes,
                        size_t *off, size_t k)
{
    rx[*m] = (const char *)vbytes + *off;
    rl[*m] = k;
    ri[*m] = RAW_UNSURE;
    rf[*m] = HS_FLAG_SINGLEMATCH;
    (*m)++;
    *off += k;
}

/* Whether hides_terms looks at every occurrence of codepoint cp: its lead
 * byte is not one the vector scan skips (ASCII letters and digits,
 * U+4000..U+9FFF, and with skip_e0 U+0800..U+0FFF). Every character beyond
 * the BMP is looked at (hides_at). */
static int scan_visits(const wa_prefilter *p, uint32_t cp)
{
    if (cp < 0x80 || (cp >= 0x4000 && cp <= 0x9FFF))
        return 0;
    return !(p->skip_e0 && cp >= 0x800 && cp <= 0xFFF);
}

/* Builds p->raw_db from the prefilter's terms (exprs[0..n), their sides in
 * ids). Leaves it NULL (no raw stage) when a term or variant cannot be
 * compiled; -1 only when out of memory. */
static int raw_build(wa_prefilter *p, const wa_dict *d, const char **exprs, const size_t *lens, const unsigned *ids,
                     unsigned n, const char *cache_dir)
{
    (void)d;
    pthread_once(&fold_pairs_once, fold_pairs_init);
    if (!fold_pairs_ok)
        return 0;
    p->term_chars = calloc(0x10000 / 8, 1);
    if (!p->term_chars)
        return -1;
    size_t nletters = 0;
    for (unsigned i = 0; i < n; i++)
        nletters += lens[i];
    size_t slots = 64;
    while (slots < 2 * nletters)
        slots *= 2;
    p->bigrams = calloc(slots, sizeof *p->bigrams);
    if (!p->bigrams)
        return -1;
    p->bigram_mask = slots - 1;
    size_t cap = (size_t)n + 64, m = 0;
    const char **rx = malloc(cap * sizeof *rx);
    size_t *rl = malloc(cap * sizeof *rl);
    unsigned *ri = malloc(cap * sizeof *ri), *rf = malloc(cap * sizeof *rf);
    unsigned char *vbytes = NULL;
    int rc = -1;
    if (!rx || !rl || !ri || !rf)
        goto out;
    /* The letters of the terms and which follow which. */
    uint8_t *has_tibetan = calloc(n ? n : 1, 1), *ascii_letters = calloc(n ? n : 1, 1);
    if (!has_tibetan || !ascii_letters) {
        free(has_tibetan);
        free(ascii_letters);
        goto out;
    }
    p->tibetan_raw = 1;
    for (unsigned i = 0; i < n; i++) {
        const unsigned char *t = (const unsigned char *)exprs[i];
        uint32_t last = 0;
        for (size_t k = 0; k < lens[i];) {
            size_t adv;
            uint32_t cp = wa_utf8_decode(t + k, lens[i] - k, &adv);
            k += adv;
            if (cp == WA_UTF8_INVALID)
                continue;
            if (last)
                bigram_add(p, last, cp);
            last = cp;
            if (tibetan(cp)) {
                has_tibetan[i] = 1;
                /* a shad in a term: tshegs dropped before shads would matter */
                if (!wa_tibetan_is_syllable_cp(cp) && cp != TSHEG)
                    p->tibetan_raw = 0;
            }
            if (cp >= 0x10000) {
                /* a pictograph word (🧹) makes its documents unsure (hides_at),
                 * not every document with an emoji */
                if (!wa_pictograph_word(cp))
                    p->astral_terms = 1;
                continue;
            }
            p->term_chars[cp >> 3] |= (uint8_t)(1u << (cp & 7));
            if (cp >= 'a' && cp <= 'z') {
                ascii_letters[i] = 1;
                uint32_t up = cp - 32;
                p->term_chars[up >> 3] |= (uint8_t)(1u << (up & 7));
            }
        }
    }
    for (unsigned i = 0; i < n; i++) {
        /* Without the Tibetan rules below, a document with Tibetan always
         * goes to the normalised prefilter: its terms need no raw literal. */
        if (has_tibetan[i] && !p->tibetan_raw)
            continue;
        rx[m] = exprs[i];
        rl[m] = lens[i];
        ri[m] = ids[i];
        rf[m] = HS_FLAG_SINGLEMATCH | (ascii_letters[i] ? HS_FLAG_CASELESS : 0);
        m++;
    }
    free(has_tibetan);
    free(ascii_letters);
    size_t nterms = m;
    for (uint32_t c = '0'; c <= '9'; c++)
        p->digit_terms |= bit(p->term_chars, c);
    p->skip_e0 = p->tibetan_raw && !e0_drops;
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    p->avx2 = __builtin_cpu_supports("avx2") != 0;
#endif
    p->drop_chars = calloc(0x10000 / 8, 1);
    p->variant_chars = calloc(0x10000 / 8, 1);
    if (!p->drop_chars || !p->variant_chars)
        goto out;
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || tibetan(cp))
            continue;
        uint32_t to = wa_norm_char(cp);
        /* a pictograph that is a letter is a tsheg after a Tibetan syllable:
         * the scan stops on it too (hides_at) */
        if (to == 0 || (to == ',' && p->digit_terms) || wa_pictograph_word(cp))
            p->drop_chars[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    }
    /* Unsure literals: variants of term letters; with the Tibetan rules, the
     * marks normalisation rewrites, and a term letter that is not a Tibetan
     * syllable followed by a tsheg (which is dropped there: 环་卫, ་་). */
    size_t nvar = 0, ntib = 0, ntsheg = 0;
    for (size_t i = 0; i < nfold_pairs; i++)
        nvar += is_term_char(p, fold_pairs[i].to) && !is_term_char(p, fold_pairs[i].cp);
    if (p->tibetan_raw) {
        ntib = ntib_literals;
        for (uint32_t cp = 1; cp < 0x10000; cp++)
            ntsheg += bit(p->term_chars, cp) && !wa_tibetan_is_syllable_cp(cp);
    }
    size_t more = nvar + ntib + ntsheg;
    vbytes = malloc(nvar * 4 + ntib * 6 + ntsheg * 6 + 1);
    if (!vbytes)
        goto out;
    if (m + more > cap) {
        cap = m + more;
        const char **a = realloc(rx, cap * sizeof *rx);
        if (a)
            rx = a;
        size_t *b = realloc(rl, cap * sizeof *rl);
        if (b)
            rl = b;
        unsigned *c = realloc(ri, cap * sizeof *ri);
        if (c)
            ri = c;
        unsigned *e = realloc(rf, cap * sizeof *rf);
        if (e)
            rf = e;
        if (!a || !b || !c || !e)
            goto out;
    }
    size_t off = 0;
    for (size_t i = 0; i < nfold_pairs; i++) {
        uint32_t cp = fold_pairs[i].cp;
        if (!is_term_char(p, fold_pairs[i].to) || is_term_char(p, cp))
            continue;
        if (scan_visits(p, cp)) {
            /* The vector scan stops on it anyway: a bit (or, beyond the BMP,
             * hides_at asking the normaliser) is cheaper than a short literal
             * in Vectorscan (accented, full-width and mathematical letters
             * are most of the variants). */
            if (cp < 0x10000)
                p->variant_chars[cp >> 3] |= (uint8_t)(1u << (cp & 7));
            continue;
        }
        size_t k = wa_utf8_encode(cp, vbytes + off);
        push_unsure(rx, rl, ri, rf, &m, vbytes, &off, k);
    }
    for (size_t i = 0; i < ntib; i++) {
        size_t k = wa_utf8_encode(tib_literals[i].cp[0], vbytes + off);
        if (tib_literals[i].cp[1])
            k += wa_utf8_encode(tib_literals[i].cp[1], vbytes + off + k);
        push_unsure(rx, rl, ri, rf, &m, vbytes, &off, k);
    }
    for (uint32_t cp = 1; ntsheg && cp < 0x10000; cp++) {
        if (!bit(p->term_chars, cp) || wa_tibetan_is_syllable_cp(cp))
            continue;
        size_t k = wa_utf8_encode(cp, vbytes + off);
        k += wa_utf8_encode(TSHEG, vbytes + off + k);
        push_unsure(rx, rl, ri, rf, &m, vbytes, &off, k);
    }
    p->nvariants = m - nterms;
    for (size_t k = 0; k < sizeof common_marks / sizeof common_marks[0]; k++) {
        uint32_t cp = common_marks[k];
        if (!tibetan(cp) && !bit(p->variant_chars, cp) && !bit(p->drop_chars, cp))
            p->skip_common |= 1 << k;
    }

    crypto_generichash_state ks;
    unsigned char key[16];
    crypto_generichash_init(&ks, NULL, 0, sizeof key);
    crypto_generichash_update(&ks, (const unsigned char *)"raw2", 4);
    for (size_t i = 0; i < m; i++) {
        unsigned meta[2] = {ri[i], rf[i]};
        crypto_generichash_update(&ks, (const unsigned char *)rx[i], rl[i]);
        crypto_generichash_update(&ks, (const unsigned char *)meta, sizeof meta);
    }
    crypto_generichash_final(&ks, key, sizeof key);
    char hex[33], name[80];
    sodium_bin2hex(hex, sizeof hex, key, sizeof key);
    snprintf(name, sizeof name, "prefilter-raw-%s.hsdb", hex);
    p->raw_db = wa_cache_load(cache_dir, name);
    if (!p->raw_db && m) {
        hs_compile_error_t *err = NULL;
        if (hs_compile_lit_multi(rx, rf, ri, rl, (unsigned)m, HS_MODE_BLOCK, NULL, &p->raw_db, &err) != HS_SUCCESS) {
            hs_free_compile_error(err);
            p->raw_db = NULL; /* every document goes to the normalised prefilter */
        } else {
            wa_cache_store(cache_dir, name, p->raw_db);
        }
    }
    rc = 0;
out:
    free(rx);
    free(rl);
    free(ri);
    free(rf);
    free(vbytes);
    return rc;
}

/* The codepoint that ends just before s + i (valid UTF-8). */
static uint32_t cp_before(const unsigned char *s, size_t i)
{
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && (s[j] & 0xC0) == 0x80)
        j--;
    size_t adv;
    return wa_utf8_decode(s + j, i - j, &adv);
}

/* Whether the character at s + i (its first byte) may hide a term: Tibetan,
 * or dropped by normalisation between two letters that follow each other in
 * some term (环*卫 hides 环卫; 的"钱" hides 的钱; "的" alone hides nothing). */
static int hides_at(const wa_prefilter *p, const unsigned char *s, size_t len, size_t i)
{
    size_t adv;
    uint32_t cp = wa_utf8_decode(s + i, len - i, &adv);
    /* a pictograph is a letter or, after a Tibetan syllable, a tsheg: the
     * normalised stage decides */
    if ((cp >= 0x10000 && p->astral_terms) || wa_pictograph_word(cp))
        return 1;
    if (cp >= 0x10000 && cp != WA_UTF8_INVALID && is_term_char(p, wa_norm_char(cp)))
        return 1; /* a variant of a term letter (𝐀 for A): raw_build gave it no literal */
    if (tibetan(cp))
        return !p->tibetan_raw; /* else the Tibetan literals decide */
    uint32_t to = wa_norm_char(cp);
    if ((to != 0 && to != ',') || i == 0)
        return 0;
    uint32_t prev = wa_norm_char(cp_before(s, i));
    if (!is_term_char(p, prev) || (to == ',' && !(p->digit_terms && prev >= '0' && prev <= '9')))
        return 0; /* a comma goes only from between digits */
    /* After a Tibetan syllable a dropped character (a space, a symbol, an
     * emoji) is a tsheg, and a tsheg stays, unless a shad follows (ག །: no
     * tsheg is written before a shad); after anything else both are dropped. */
    int syllable = wa_tibetan_is_syllable_cp(prev);
    int via_tsheg = syllable && to == 0;
    size_t j = i + adv;
    uint32_t next = 0;
    while (j < len) {
        uint32_t c = wa_utf8_decode(s + j, len - j, &adv);
        j += adv;
        if (c == ' ' || c == '\t' || c == TSHEG || c == 0x0F0C) {
            via_tsheg |= syllable;
            continue;
        }
        next = wa_norm_char(c);
        if (next == 0)
            via_tsheg |= syllable;
        if (next != 0 && next != ',')
            break;
        next = 0;
    }
    if (via_tsheg)
        return !is_shad(next) && bigram_has(p, prev, TSHEG);
    return next != 0 && bigram_has(p, prev, next);
}

/* hides_at for the character starting at s + i, with the common answer
 * (neither Tibetan nor ever dropped) found from one bit. */
static inline int suspect(const wa_prefilter *p, const unsigned char *s, size_t len, size_t i)
{
    unsigned c = s[i];
    uint32_t cp;
    if (c < 0x80)
        cp = c;
    else if (c < 0xE0 && i + 1 < len)
        cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    else if (c >= 0xE0 && c < 0xF0 && i + 2 < len)
        cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
    else
        return hides_at(p, s, len, i);
    if (tibetan(cp) || bit(p->variant_chars, cp))
        return 1;
    return bit(p->drop_chars, cp) && hides_at(p, s, len, i);
}

/* Lead bytes and ASCII the scan must look at, 1 bit per byte of x: ASCII
 * other than letters and digits, and lead bytes outside 0xE4..0xE9
 * (U+4000..U+9FFF), and outside 0xE0 too when skip_e0. Written once for
 * 16- and 32-byte vectors. */
#define WANT_MASK(V, SET1, MAXU, MINU, CMPEQ, CMPGT, SUB, OR, ANDNOT, MOVEMASK, x, e0)                           \
    ({                                                                                                           \
        V lead_ = CMPEQ(MAXU(x, SET1((char)0xC0)), x);                                                           \
        V t_ = SUB(x, SET1((char)0xE4));                                                                         \
        V cjk_ = OR(CMPEQ(MINU(t_, SET1(5)), t_), CMPEQ(x, e0));                                                 \
        V ascii_ = CMPGT(x, SET1(-1));                                                                           \
        V l_ = SUB(OR(x, SET1(0x20)), SET1('a'));                                                                \
        V letter_ = CMPEQ(MINU(l_, SET1(25)), l_);                                                               \
        V dg_ = SUB(x, SET1('0'));                                                                               \
        V digit_ = CMPEQ(MINU(dg_, SET1(9)), dg_);                                                               \
        (uint32_t) MOVEMASK(OR(ANDNOT(cjk_, lead_), ANDNOT(OR(letter_, digit_), ascii_)));                      \
    })

#if defined(__x86_64__) && defined(__GNUC__)
/* The same scan 32 bytes at a time, where the processor has AVX2 (chosen
 * when the prefilter is built), passing by the common marks that
 * skip_common allows (their three bytes compared at once: 0xFF, which valid
 * UTF-8 never holds, stands for a mark that is not passed by). Returns where
 * it stopped: before the last 33 bytes, or just past a suspect (then *found
 * is 1). */
__attribute__((target("avx2"))) static size_t hides_terms_avx2(const wa_prefilter *p, const unsigned char *s,
                                                               size_t len, int *found)
{
    const __m256i e0 = _mm256_set1_epi8(p->skip_e0 ? (char)0xE0 : (char)0xE4);
    const int sk = p->skip_common;
    const __m256i comma_lead = _mm256_set1_epi8(sk & 1 ? (char)0xEF : (char)0xFF);
    const __m256i mark_lead = _mm256_set1_epi8(sk & 6 ? (char)0xE3 : (char)0xFF);
    const __m256i full_stop = _mm256_set1_epi8(sk & 2 ? (char)0x82 : (char)0xFF);
    const __m256i list_comma = _mm256_set1_epi8(sk & 4 ? (char)0x81 : (char)0xFF);
    const __m256i newline = _mm256_set1_epi8(sk & 8 ? '\n' : (char)0xFF);
    size_t i = 0;
    for (; i + 34 <= len; i += 32) {
        __m256i x = _mm256_loadu_si256((const __m256i *)(s + i));
        __m256i x1 = _mm256_loadu_si256((const __m256i *)(s + i + 1));
        __m256i x2 = _mm256_loadu_si256((const __m256i *)(s + i + 2));
        uint32_t mask = WANT_MASK(__m256i, _mm256_set1_epi8, _mm256_max_epu8, _mm256_min_epu8, _mm256_cmpeq_epi8,
                                  _mm256_cmpgt_epi8, _mm256_sub_epi8, _mm256_or_si256, _mm256_andnot_si256,
                                  _mm256_movemask_epi8, x, e0);
        /* ， is EF BC 8C; 。 and 、 are E3 80 82 and E3 80 81 */
        __m256i comma = _mm256_and_si256(
            _mm256_and_si256(_mm256_cmpeq_epi8(x, comma_lead), _mm256_cmpeq_epi8(x1, _mm256_set1_epi8((char)0xBC))),
            _mm256_cmpeq_epi8(x2, _mm256_set1_epi8((char)0x8C)));
        __m256i mark = _mm256_and_si256(
            _mm256_and_si256(_mm256_cmpeq_epi8(x, mark_lead), _mm256_cmpeq_epi8(x1, _mm256_set1_epi8((char)0x80))),
            _mm256_or_si256(_mm256_cmpeq_epi8(x2, full_stop), _mm256_cmpeq_epi8(x2, list_comma)));
        __m256i pass = _mm256_or_si256(_mm256_or_si256(comma, mark), _mm256_cmpeq_epi8(x, newline));
        mask &= ~(uint32_t)_mm256_movemask_epi8(pass);
        while (mask) {
            unsigned b = (unsigned)__builtin_ctz(mask);
            mask &= mask - 1;
            if (suspect(p, s, len, i + b)) {
                *found = 1;
                return i;
            }
        }
    }
    return i;
}
#endif

/* 1 when valid UTF-8 s[0..len) may hide a term from a literal search. Only
 * ASCII other than letters and digits, and the lead bytes of characters
 * outside U+4000..U+9FFF, can be dropped or Tibetan: a vector pass finds
 * them, and each is looked at on its own. */
static int hides_terms(const wa_prefilter *p, const unsigned char *s, size_t len)
{
    size_t i = 0;
#if defined(__x86_64__) && defined(__GNUC__)
    if (p->avx2) {
        int found = 0;
        i = hides_terms_avx2(p, s, len, &found);
        if (found)
            return 1;
    }
#endif
#if defined(__SSE2__)
    /* 0xE0 leads U+0800..U+0FFF: skipped when Tibetan is decided by literals
     * and nothing else there is ever dropped. */
    const __m128i e0 = _mm_set1_epi8(p->skip_e0 ? (char)0xE0 : (char)0xE4);
    for (; i + 16 <= len; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
        uint32_t mask = WANT_MASK(__m128i, _mm_set1_epi8, _mm_max_epu8, _mm_min_epu8, _mm_cmpeq_epi8, _mm_cmpgt_epi8,
                                  _mm_sub_epi8, _mm_or_si128, _mm_andnot_si128, _mm_movemask_epi8, x, e0);
        while (mask) {
            unsigned b = (unsigned)__builtin_ctz(mask);
            mask &= mask - 1;
            if (suspect(p, s, len, i + b))
                return 1;
        }
    }
#endif
    for (; i < len; i++) {
        unsigned c = s[i];
        int want = c < 0x80 ? !((c | 0x20) - 'a' <= 25u || c - '0' <= 9u)
                            : (c >= 0xC0 && c - 0xE4 > 5u && !(c == 0xE0 && p->skip_e0));
        if (want && suspect(p, s, len, i))
            return 1;
    }
    return 0;
}

static int on_raw(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    unsigned *seen = ctx;
    *seen |= 1u << id;
    return (*seen & 3u) == 3u || (*seen & 4u);
}

static int raw_field(const wa_prefilter *p, void *scratch, const char *s, size_t len, int valid_utf8, unsigned *seen)
{
    if (len == 0)
        return 0;
    /* The vector scan skips continuation bytes: behind invalid UTF-8
     * (which normalisation drops) a term could hide from it. */
    if (len > UINT32_MAX || (!valid_utf8 && !wa_utf8_valid(s, len)) || hides_terms(p, (const unsigned char *)s, len)) {
        *seen |= 4u;
        return 0;
    }
    hs_error_t e = hs_scan(p->raw_db, s, (unsigned)len, 0, scratch, on_raw, seen);
    return e == HS_SUCCESS || e == HS_SCAN_TERMINATED ? 0 : -1;
}

int wa_prefilter_raw(const wa_prefilter *p, void *scratch, const char *title, size_t title_len, const char *text,
                     size_t text_len, int valid_utf8)
{
    if (!p->raw_db)
        return WA_PREFILTER_UNSURE;
    unsigned seen = 0;
    if (raw_field(p, scratch, title, title_len, valid_utf8, &seen) != 0)
        return -1;
    if ((seen & 3u) != 3u && !(seen & 4u) && raw_field(p, scratch, text, text_len, valid_utf8, &seen) != 0)
        return -1;
    if ((seen & 3u) == 3u)
        return WA_PREFILTER_PASS;
    return seen & 4u ? WA_PREFILTER_UNSURE : WA_PREFILTER_REJECT;
}

int wa_prefilter_has_window(const wa_prefilter *p)
{
    return p->reach != UINT32_MAX;
}

size_t wa_prefilter_variants(const wa_prefilter *p)
{
    return p->raw_db ? p->nvariants : 0;
}

/* Builds p->event_db: the event patterns that run on Han text, in
 * Vectorscan's prefilter mode (whose matches include the pattern's own, at
 * the same ends), all matches reported. A pattern Vectorscan refuses sets
 * events_unknown instead: then an event or wage term near a subject is
 * enough to pass. The Tibetan patterns are left out: with them the
 * database is five times larger, and the few Tibetan documents they spare
 * the full classifier made no measurable difference. -1 only when out of
 * memory. */
static int events_build(wa_prefilter *p, const wa_dict *d, const char *cache_dir)
{
    size_t cap = d->npatterns ? d->npatterns : 1;
    const char **exprs = calloc(cap, sizeof *exprs);
    unsigned *flags = calloc(cap, sizeof *flags), *ids = calloc(cap, sizeof *ids);
    wa_buf *src = calloc(cap, sizeof *src);
    unsigned n = 0;
    int rc = -1;
    if (!exprs || !flags || !ids || !src)
        goto out;
    crypto_generichash_state ks;
    unsigned char key[16];
    crypto_generichash_init(&ks, NULL, 0, sizeof key);
    crypto_generichash_update(&ks, (const unsigned char *)"events3", 7);
    for (size_t i = 0; i < d->npatterns; i++) {
        const wa_pattern *pt = &d->patterns[i];
        if (pt->group < 0 || d->groups[pt->group].role != WA_ROLE_EVENT)
            continue;
        if (pt->script == 1) {
            p->tibetan_events = 1;
            continue;
        }
        wa_buf_init(&src[n]);
        if (wa_dict_gate_source(pt->source, 1, &src[n]) != 0) {
            n++;
            goto out;
        }
        exprs[n] = src[n].data;
        flags[n] = HS_FLAG_UTF8 | HS_FLAG_UCP | HS_FLAG_PREFILTER;
        ids[n] = KIND_EVENT;
        crypto_generichash_update(&ks, (const unsigned char *)exprs[n], src[n].len + 1);
        n++;
    }
    rc = 0;
    if (n == 0)
        goto out;
    crypto_generichash_final(&ks, key, sizeof key);
    char hex[33], name[80];
    sodium_bin2hex(hex, sizeof hex, key, sizeof key);
    snprintf(name, sizeof name, "prefilter-events-%s.hsdb", hex);
    p->event_db = wa_cache_load(cache_dir, name);
    if (!p->event_db) {
        hs_compile_error_t *err = NULL;
        if (hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, NULL, &p->event_db, &err) != HS_SUCCESS) {
            hs_free_compile_error(err);
            p->event_db = NULL;
            p->events_unknown = 1;
        } else {
            wa_cache_store(cache_dir, name, p->event_db);
        }
    }
out:
    for (unsigned k = 0; src && k < n; k++)
        wa_buf_free(&src[k]);
    free(src);
    free(exprs);
    free(flags);
    free(ids);
    return rc;
}

int wa_prefilter_build(wa_dict *d, const char *cache_dir, wa_diag *diag)
{
    wa_prefilter *p = calloc(1, sizeof *p);
    size_t cap = d->nterms ? d->nterms : 1;
    const char **exprs = malloc(cap * sizeof *exprs);
    size_t *lens = malloc(cap * sizeof *lens);
    unsigned *ids = malloc(cap * sizeof *ids), *flags = malloc(cap * sizeof *flags);
    unsigned *sides = malloc(cap * sizeof *sides);
    int rc = -1;
    if (p) {
        p->term_kind = malloc(cap);
        p->term_len = malloc(cap * sizeof *p->term_len);
    }
    if (!p || !exprs || !lens || !ids || !flags || !sides || !p->term_kind || !p->term_len) {
        wa_diag_add(diag, d->dir, 0, "out of memory building the prefilter");
        goto out;
    }
    /* Terms are unique (lint refuses duplicates): one literal each. The cache
     * is keyed by what is compiled. */
    crypto_generichash_state ks;
    unsigned char key[16];
    crypto_generichash_init(&ks, NULL, 0, sizeof key);
    crypto_generichash_update(&ks, (const unsigned char *)"spans", 5);
    unsigned n = 0;
    uint32_t longest = 0;
    for (size_t i = 0; i < d->nterms; i++) {
        int side = term_side(d, &d->terms[i]);
        if (side < 0)
            continue;
        exprs[n] = d->terms[i].norm;
        lens[n] = d->terms[i].norm_len;
        ids[n] = n; /* its place is its start: the literal's length before the end */
        p->term_kind[n] = (uint8_t)term_kind(d, &d->terms[i]);
        p->term_len[n] = (uint32_t)d->terms[i].norm_len;
        sides[n] = (unsigned)side;
        flags[n] = 0; /* every match: the window needs their places */
        p->count[side]++;
        if (d->terms[i].norm_len > longest)
            longest = d->terms[i].norm_len;
        crypto_generichash_update(&ks, (const unsigned char *)exprs[n], lens[n] + 1);
        crypto_generichash_update(&ks, (const unsigned char *)&p->term_kind[n], 1);
        n++;
    }
    /* The event patterns decide the window's width, kept beside the database. */
    for (size_t i = 0; i < d->npatterns; i++) {
        const wa_pattern *pt = &d->patterns[i];
        if (pt->group >= 0 && d->groups[pt->group].role == WA_ROLE_EVENT)
            crypto_generichash_update(&ks, (const unsigned char *)pt->source, strlen(pt->source) + 1);
    }
    crypto_generichash_final(&ks, key, sizeof key);
    char hex[33], name[80];
    sodium_bin2hex(hex, sizeof hex, key, sizeof key);
    snprintf(name, sizeof name, "prefilter-%s.hsdb", hex);
    uint32_t width = UINT32_MAX;
    wa_buf note;
    wa_buf_init(&note);
    p->db = wa_cache_load_noted(cache_dir, name, &note);
    if (p->db && note.len == sizeof width) {
        memcpy(&width, note.data, sizeof width);
    } else if (p->db) {
        hs_free_database(p->db);
        p->db = NULL;
    }
    wa_buf_free(&note);
    if (!p->db) {
        width = wa_dict_event_pattern_width(d);
        hs_compile_error_t *err = NULL;
        if (hs_compile_lit_multi(exprs, flags, ids, lens, n, HS_MODE_BLOCK, NULL, &p->db, &err) != HS_SUCCESS) {
            wa_diag_add(diag, d->dir, 0, "cannot compile the prefilter: %s",
                        err && err->message ? err->message : "unknown error");
            hs_free_compile_error(err);
            p->db = NULL;
            goto out;
        }
        wa_cache_store_noted(cache_dir, name, p->db, &width, sizeof width);
    }
    /* classify.c pairs a subject and an event at most rules.window
     * characters apart (4 bytes each at most); an event pattern reaches past
     * the event or wage term it holds by at most its width. */
    uint64_t reach = 4ull * d->rules.window + longest + (uint64_t)width;
    uint64_t reach_bo = 4ull * d->rules.window_tibetan + longest + (uint64_t)width;
    p->reach = width == UINT32_MAX || reach >= UINT32_MAX ? UINT32_MAX : (uint32_t)reach;
    p->reach_bo = width == UINT32_MAX || reach_bo >= UINT32_MAX ? UINT32_MAX : (uint32_t)reach_bo;
    p->window = d->rules.window;
    p->window_bo = d->rules.window_tibetan;
    p->width = width;
    if (events_build(p, d, cache_dir) != 0) {
        wa_diag_add(diag, d->dir, 0, "out of memory building the prefilter");
        goto out;
    }
    if (raw_build(p, d, exprs, lens, sides, n, cache_dir) != 0) {
        wa_diag_add(diag, d->dir, 0, "out of memory building the prefilter");
        goto out;
    }
    rc = 0;
out:
    free(exprs);
    free(lens);
    free(ids);
    free(sides);
    free(flags);
    if (rc != 0) {
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
    if (p->db)
        hs_free_database(p->db);
    if (p->raw_db)
        hs_free_database(p->raw_db);
    if (p->event_db)
        hs_free_database(p->event_db);
    free(p->term_chars);
    free(p->bigrams);
    free(p->drop_chars);
    free(p->variant_chars);
    free(p->term_kind);
    free(p->term_len);
    free(p);
}

int wa_prefilter_alloc_scratch(const wa_prefilter *p, void **scratch)
{
    hs_scratch_t *s = *scratch;
    if (hs_alloc_scratch(p->db, &s) != HS_SUCCESS)
        return -1;
    if ((p->raw_db && hs_alloc_scratch(p->raw_db, &s) != HS_SUCCESS) ||
        (p->event_db && hs_alloc_scratch(p->event_db, &s) != HS_SUCCESS)) {
        *scratch = s;
        return -1;
    }
    *scratch = s;
    return 0;
}

/* Where the subjects, events and wage terms lie, for the window. */
#define PASS_SPANS 256
typedef struct {
    uint32_t start, end;
} span;

typedef struct {
    const wa_prefilter *p;
    const char *text;
    span spans[3][PASS_SPANS];
    size_t n[3];
    int overflow[3]; /* more spans than kept: treated as near */
    int pass;        /* a subject and an event near enough to pair were seen */
    uint32_t window; /* this text's window (wider when it holds Tibetan letters, as in classify.c) */
    uint32_t reach;  /* and its reach */
} pass_ctx;

/* Whether a span ending at end and a span starting at start (not before
 * the other's start) are at most window characters apart, counted as
 * classify.c counts them (char_gap): 0 when they overlap. */
static int near_enough(const pass_ctx *c, uint32_t end, uint32_t start)
{
    if (start <= end)
        return 1;
    uint32_t bytes = start - end, window = c->window;
    if (bytes <= window)
        return 1; /* bytes >= characters */
    if (bytes > 4 * window)
        return 0;
    return wa_utf8_count(c->text + end, bytes) <= window;
}

static int near_spans(const pass_ctx *c, span a, span b)
{
    return a.start <= b.start ? near_enough(c, a.end, b.start) : near_enough(c, b.end, a.start);
}

static void add_span(pass_ctx *c, unsigned kind, span x)
{
    /* Matches come roughly in order of their end: the latest of the other
     * side usually settles it at once. */
    if (kind != KIND_WAGE) {
        unsigned other = kind == KIND_SUBJECT ? KIND_EVENT : KIND_SUBJECT;
        if (c->n[other] && near_spans(c, c->spans[other][c->n[other] - 1], x)) {
            c->pass = 1;
            return;
        }
    }
    if (c->n[kind] == PASS_SPANS)
        c->overflow[kind] = 1;
    else
        c->spans[kind][c->n[kind]++] = x;
}

static int on_term(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)from;
    (void)flags;
    pass_ctx *c = ctx;
    span x = {(uint32_t)to - c->p->term_len[id], (uint32_t)to};
    add_span(c, c->p->term_kind[id], x);
    return c->pass;
}

/* An event pattern's match in prefilter mode: only its end is known; it
 * starts at most width bytes before (a wider span is never further away). */
static int on_event_pattern(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)id;
    (void)from;
    (void)flags;
    pass_ctx *c = ctx;
    uint32_t end = (uint32_t)to, w = c->p->width;
    span x = {w == UINT32_MAX || w > end ? 0 : end - w, end};
    add_span(c, KIND_EVENT, x);
    return c->pass;
}

static int cmp_start(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* Whether a subject and an event span lie near enough to pair: in order of
 * their starts, each span against the furthest-reaching span of the other
 * side that started before it. */
static int pair_near(pass_ctx *c)
{
    size_t ns = c->n[KIND_SUBJECT], ne = c->n[KIND_EVENT];
    if (!ns || !ne)
        return 0;
    if (c->overflow[KIND_SUBJECT] || c->overflow[KIND_EVENT])
        return 1;
    span *S = c->spans[KIND_SUBJECT], *E = c->spans[KIND_EVENT];
    qsort(S, ns, sizeof *S, cmp_start);
    qsort(E, ne, sizeof *E, cmp_start);
    size_t i = 0, j = 0;
    int seen_s = 0, seen_e = 0;
    uint32_t reach_s = 0, reach_e = 0; /* furthest end so far of each side */
    while (i < ns || j < ne) {
        if (j == ne || (i < ns && S[i].start <= E[j].start)) {
            if (seen_e && near_enough(c, reach_e, S[i].start))
                return 1;
            reach_s = seen_s && reach_s > S[i].end ? reach_s : S[i].end;
            seen_s = 1;
            i++;
        } else {
            if (seen_s && near_enough(c, reach_s, E[j].start))
                return 1;
            reach_e = seen_e && reach_e > E[j].end ? reach_e : E[j].end;
            seen_e = 1;
            j++;
        }
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Whether some subject and some event or wage term end within reach (bytes)
 * of each other: an event pattern covering that term, reaching further
 * than the term itself, may then pair. */
static int term_within_reach(pass_ctx *c)
{
    size_t ns = c->n[KIND_SUBJECT], nw = c->n[KIND_WAGE] + c->n[KIND_EVENT];
    if (!ns || !nw)
        return 0;
    if (c->overflow[KIND_SUBJECT] || c->overflow[KIND_WAGE] || c->overflow[KIND_EVENT] || c->reach == UINT32_MAX)
        return 1;
    uint32_t a[PASS_SPANS], b[2 * PASS_SPANS];
    for (size_t k = 0; k < ns; k++)
        a[k] = c->spans[KIND_SUBJECT][k].end;
    for (size_t k = 0; k < c->n[KIND_WAGE]; k++)
        b[k] = c->spans[KIND_WAGE][k].end;
    for (size_t k = 0; k < c->n[KIND_EVENT]; k++)
        b[c->n[KIND_WAGE] + k] = c->spans[KIND_EVENT][k].end;
    qsort(a, ns, sizeof *a, cmp_u32);
    qsort(b, nw, sizeof *b, cmp_u32);
    size_t i = 0, j = 0;
    while (i < ns && j < nw) {
        uint32_t x = a[i], y = b[j];
        if ((x > y ? x - y : y - x) <= c->reach)
            return 1;
        if (x < y)
            i++;
        else
            j++;
    }
    return 0;
}

/* Whether a subject term lies in the title and an event or wage term
 * anywhere: the classifier pairs them at any distance. */
static int title_pairs(const pass_ctx *c, size_t title_end)
{
    if (title_end == 0 || !(c->n[KIND_EVENT] || c->n[KIND_WAGE] || c->overflow[KIND_EVENT] || c->overflow[KIND_WAGE]))
        return 0;
    for (size_t i = 0; i < c->n[KIND_SUBJECT]; i++)
        if (c->spans[KIND_SUBJECT][i].end <= title_end)
            return 1;
    return c->overflow[KIND_SUBJECT];
}

int wa_prefilter_pass(const wa_prefilter *p, void *scratch, const wa_norm *q, size_t title_end)
{
    const char *norm = q->text.data;
    size_t len = q->text.len;
    if (len == 0)
        return 0;
    pass_ctx ctx, *c = &ctx;
    memset(c->n, 0, sizeof c->n);
    memset(c->overflow, 0, sizeof c->overflow);
    c->p = p;
    c->text = norm;
    c->pass = 0;
    c->window = q->n_tibetan > 0 ? p->window_bo : p->window;
    c->reach = q->n_tibetan > 0 ? p->reach_bo : p->reach;
    hs_error_t e = hs_scan(p->db, norm, (unsigned)len, 0, scratch, on_term, c);
    if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED)
        return -1;
    if (c->pass || title_pairs(c, title_end) || pair_near(c))
        return 1;
    /* No event term near a subject: only an event pattern can still make
     * one. It covers an event or wage term and may reach past it (欠了4个月
     * holds 欠了), so such a term must be near a subject (within the window
     * widened by the widest pattern) and a pattern's match must be within
     * the window. */
    if (!term_within_reach(c))
        return 0;
    if (p->events_unknown || (p->tibetan_events && q->n_tibetan > 0))
        return 1;
    if (!p->event_db)
        return 0;
    e = hs_scan(p->event_db, norm, (unsigned)len, 0, scratch, on_event_pattern, c);
    if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED)
        return -1;
    return c->pass || pair_near(c);
}

size_t wa_prefilter_count(const wa_prefilter *p, int side)
{
    return p->count[side & 1];
}
