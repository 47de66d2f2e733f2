#include "normalize.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "../common/utf8.h"
#include "t2s_table.inc"

/* ---- folding one codepoint ------------------------------------------------
 * Outside Tibetan, a codepoint is folded on its own: compatibility forms to
 * their plain form with utf8proc (circled digits, CJK compatibility
 * ideographs, mathematical letters, accented pinyin such as gōngzī), then
 * traditional to simplified with the OpenCC table. The results for the whole
 * BMP are computed once into a dense table, so the hot path is one load. */
#define FOLD_BMP 0x10000u
static uint32_t *fold_bmp;
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static uint32_t t2s_search(uint32_t cp)
{
    size_t lo = 0, hi = WA_T2S_COUNT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (wa_t2s_table[mid][0] == cp)
            return wa_t2s_table[mid][1];
        if (wa_t2s_table[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return cp;
}

/* 0 means "drop": a combining mark left alone. */
static uint32_t fold_slow(uint32_t cp)
{
    if (cp < 0x80 || (cp >= 0x0F00 && cp <= 0x0FFF) || (cp >= 0x4E00 && cp <= 0x9FFF))
        return cp < 0x80 ? cp : t2s_search(cp);
    /* CJK extensions B and later have no decomposition (the compatibility
     * ideographs between them do): skip utf8proc for them. */
    if (cp >= 0x20000 && cp <= 0x3134F && !(cp >= 0x2F800 && cp <= 0x2FA1F))
        return t2s_search(cp);
    if (cp >= 0x0300 && cp <= 0x036F)
        return 0;
    /* Most codepoints have no decomposition and are no mark: nothing for
     * utf8proc to do (this keeps building the tables quick). */
    const utf8proc_property_t *prop = utf8proc_get_property((utf8proc_int32_t)cp);
    if (prop->decomp_seqindex == UINT16_MAX && prop->category != UTF8PROC_CATEGORY_MN &&
        prop->category != UTF8PROC_CATEGORY_MC && prop->category != UTF8PROC_CATEGORY_ME)
        return t2s_search(cp);
    utf8proc_int32_t dst[8];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, dst, 8,
                                                 UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &last);
    if (n == 1 && dst[0] > 0)
        cp = (uint32_t)dst[0];
    return t2s_search(cp);
}

/* Look-alikes people type instead of the real character to dodge filters
 * (katakana エ for 工 in エ资). Checked after utf8proc and before OpenCC. */
static const uint32_t confusables[][2] = {
    {0x30A8, 0x5DE5}, /* エ -> 工 */ {0x30A7, 0x5DE5}, /* ェ -> 工 */ {0x30ED, 0x53E3}, /* ロ -> 口 */
    {0x30AB, 0x529B}, /* カ -> 力 */ {0x30CB, 0x4E8C}, /* ニ -> 二 */ {0x30CF, 0x516B}, /* ハ -> 八 */
    {0x30C8, 0x535C}, /* ト -> 卜 */ {0x30BF, 0x5915}, /* タ -> 夕 */
};

static uint32_t confusable(uint32_t cp)
{
    for (size_t i = 0; i < sizeof confusables / sizeof confusables[0]; i++)
        if (confusables[i][0] == cp)
            return confusables[i][1];
    return cp;
}

static int is_noise(uint32_t cp);

/* What a codepoint outside ASCII and Tibetan becomes: 0 when it is dropped
 * (noise), else its folded form, which may be ASCII. */
static uint32_t fold_full(uint32_t cp)
{
    if (is_noise(cp))
        return 0;
    if (cp == 0x2028 || cp == 0x2029)
        return '\n';
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFEE0; /* full-width ASCII */
    uint32_t f = fold_slow(confusable(cp));
    if (f >= 0x80 && is_noise(f))
        return 0;
    return f;
}

/* One bit per CJK Unified Ideograph that normalisation leaves as it is:
 * 2.6 KB, so the commonest path stays in the first-level cache. */
static uint8_t han_same[(0x9FFF - 0x4E00) / 8 + 1];

static void tibetan_tables_init(void);

static void fold_init(void)
{
    tibetan_tables_init();
    uint32_t *t = malloc(FOLD_BMP * sizeof *t);
    if (!t)
        return; /* fold_full answers instead */
    for (uint32_t cp = 0; cp < FOLD_BMP; cp++)
        t[cp] = (cp < 0x80 || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x0F00 && cp <= 0x0FFF)) ? cp : fold_full(cp);
    for (uint32_t cp = 0x4E00; cp <= 0x9FFF; cp++)
        if (t[cp] == cp)
            han_same[(cp - 0x4E00) >> 3] |= (uint8_t)(1u << ((cp - 0x4E00) & 7));
    fold_bmp = t;
}

static inline uint32_t fold_cp(uint32_t cp)
{
    if (cp < FOLD_BMP && fold_bmp)
        return fold_bmp[cp];
    return fold_full(cp);
}

/* ---- character classes --------------------------------------------------- */

static inline int is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

int wa_norm_is_break_cp(uint32_t cp)
{
    return cp == '\n' || cp == '!' || cp == '?' || cp == ';' || cp == 0x3002 || cp == 0x2026 || cp == 0x0F0D;
}

/* Characters people insert inside words to dodge filters, or that carry no
 * meaning for matching: dropped from the normalised text. */
static int is_noise(uint32_t cp)
{
    if (cp < 0x80) {
        /* one bit per ASCII character: controls, space and the symbols people
         * put inside words (*-_~#^`|/\\+='"@<>[]{}()$%&) */
        static const uint32_t ascii_noise[4] = {0xFFFFFBFFu, 0x7000AFFDu, 0xF8000001u, 0x78000001u};
        return (ascii_noise[cp >> 5] >> (cp & 31)) & 1;
    }
    if (cp == 0x00A0 || cp == 0x00AD || cp == 0x00B7 || cp == 0x00D7)
        return 1;
    if (cp >= 0x2000 && cp <= 0x2025) /* spaces, zero-width, dashes, quotes, bullets */
        return 1;
    if (cp >= 0x2027 && cp <= 0x206F && cp != 0x2028 && cp != 0x2029)
        return 1;
    if (cp == 0x20E3 || (cp >= 0x2190 && cp <= 0x21FF) ||
        (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x2900 && cp <= 0x2BFF))
        return 1; /* keycaps, arrows, boxes, shapes, dingbats, stars */
    if (cp == 0x3000 || (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301F) ||
        cp == 0x3030 || cp == 0x30FB || cp == 0x3164)
        return 1; /* ideographic space, CJK brackets and quotes */
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFF65)
        return 1;
    if ((cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE0000 && cp <= 0xE01EF))
        return 1; /* emoji, skin tones, tags, variation selectors */
    return 0;
}

static inline int tib_syllable(uint32_t cp)
{
    return (cp >= 0x0F40 && cp <= 0x0F6C) || (cp >= 0x0F71 && cp <= 0x0F87) ||
           (cp >= 0x0F8D && cp <= 0x0FBC) || cp == 0x0F35 || cp == 0x0F37 || cp == 0x0F39 ||
           cp == 0x0F3E || cp == 0x0F3F;
}

int wa_tibetan_is_syllable_cp(uint32_t cp)
{
    return tib_syllable(cp);
}

static int is_tibetan_base(uint32_t cp)
{
    return cp >= 0x0F40 && cp <= 0x0F6C;
}

/* ---- Tibetan stacks -------------------------------------------------------
 * Decomposition of the discouraged vowel signs and precomposed stacks, and
 * the fixed-form letters, into the spelling botok treats as canonical. */
static const struct {
    uint32_t from;
    uint32_t to[3];
} tib_decomp[] = {
    {0x0F43, {0x0F42, 0x0FB7, 0}}, {0x0F4D, {0x0F4C, 0x0FB7, 0}}, {0x0F52, {0x0F51, 0x0FB7, 0}},
    {0x0F57, {0x0F56, 0x0FB7, 0}}, {0x0F5C, {0x0F5B, 0x0FB7, 0}}, {0x0F69, {0x0F40, 0x0FB5, 0}},
    {0x0F6A, {0x0F62, 0, 0}},      {0x0F73, {0x0F71, 0x0F72, 0}}, {0x0F75, {0x0F71, 0x0F74, 0}},
    {0x0F76, {0x0FB2, 0x0F80, 0}}, {0x0F77, {0x0FB2, 0x0F71, 0x0F80}}, {0x0F78, {0x0FB3, 0x0F80, 0}},
    {0x0F79, {0x0FB3, 0x0F71, 0x0F80}}, {0x0F81, {0x0F71, 0x0F80, 0}}, {0x0F93, {0x0F92, 0x0FB7, 0}},
    {0x0F9D, {0x0F9C, 0x0FB7, 0}}, {0x0FA2, {0x0FA1, 0x0FB7, 0}}, {0x0FA7, {0x0FA6, 0x0FB7, 0}},
    {0x0FAC, {0x0FAB, 0x0FB7, 0}}, {0x0FB9, {0x0F90, 0x0FB5, 0}}, {0x0FBA, {0x0FAD, 0, 0}},
    {0x0FBB, {0x0FB1, 0, 0}},      {0x0FBC, {0x0FB2, 0, 0}},
};
#define TIB_NDECOMP (sizeof tib_decomp / sizeof tib_decomp[0])

/* Filled once by fold_init: which Tibetan codepoints decompose, and the
 * rank of every Tibetan codepoint in a stack. */
static uint32_t tib_decomp_bits[8];
static uint8_t tib_rank_table[256];

static size_t tib_decompose(uint32_t cp, uint32_t out[3])
{
    uint32_t o = cp - 0x0F00;
    if (o >= 256 || !((tib_decomp_bits[o >> 5] >> (o & 31)) & 1)) {
        out[0] = cp;
        return 1;
    }
    for (size_t i = 0; i < TIB_NDECOMP; i++) {
        if (tib_decomp[i].from == cp) {
            size_t n = 0;
            while (n < 3 && tib_decomp[i].to[n])
                out[n] = tib_decomp[i].to[n], n++;
            return n;
        }
    }
    out[0] = cp;
    return 1;
}

/* Position of a mark inside a stack, top to bottom of the written order:
 * base, tsa-phru, subjoined letters, a-chung, vowel below, vowels above,
 * other marks. Marks of the same rank keep their written order. */
static int tib_rank(uint32_t cp)
{
    if (is_tibetan_base(cp))
        return 0;
    if (cp == 0x0F39)
        return 1;
    if (cp >= 0x0F8D && cp <= 0x0FBC)
        return 2;
    if (cp == 0x0F71)
        return 3;
    if (cp == 0x0F74)
        return 4;
    if (cp == 0x0F72 || (cp >= 0x0F7A && cp <= 0x0F7D) || cp == 0x0F80)
        return 5;
    return 6;
}

/* ---- the normaliser -------------------------------------------------------- */

void wa_norm_init(wa_norm *n)
{
    memset(n, 0, sizeof *n);
    wa_buf_init(&n->text);
}

void wa_norm_free(wa_norm *n)
{
    wa_buf_free(&n->text);
    free(n->src_start);
    free(n->src_end);
    free(n->breaks);
    memset(n, 0, sizeof *n);
}

void wa_norm_reset(wa_norm *n)
{
    n->text.len = 0;
    if (n->text.data)
        n->text.data[0] = '\0';
    n->nbreaks = 0;
    n->n_han = n->n_tibetan = n->n_latin = 0;
}

/* Room is reserved once per wa_norm_append call (see reserve_for), so emit
 * only writes. */
static inline int emit(wa_norm *n, uint32_t cp, uint32_t s, uint32_t e)
{
    unsigned char *out = (unsigned char *)n->text.data + n->text.len;
    size_t k = wa_utf8_encode(cp, out);
    if (!n->no_map) {
        for (size_t i = 0; i < k; i++) {
            n->src_start[n->text.len + i] = s;
            n->src_end[n->text.len + i] = e;
        }
        if (wa_norm_is_break_cp(cp)) {
            void *br = n->breaks;
            if (wa_grow(&br, &n->breaks_cap, n->nbreaks + 1, sizeof(uint32_t)) != 0)
                return -1;
            n->breaks = br;
            n->breaks[n->nbreaks++] = (uint32_t)n->text.len;
        }
    }
    n->text.len += k;
    return 0;
}

/* One input byte yields at most four output bytes (a Tibetan vowel sign of
 * three bytes decomposes into three codepoints of three bytes each). */
static int reserve_for(wa_norm *n, size_t len)
{
    if (len > (SIZE_MAX - 64) / 4)
        return -1;
    size_t extra = 4 * len + 64;
    if (wa_buf_reserve(&n->text, extra) != 0)
        return -1;
    if (n->no_map)
        return 0;
    size_t need = n->text.len + extra;
    if (need > n->map_cap) {
        size_t cap = n->map_cap, cap2 = n->map_cap;
        void *a = n->src_start, *b = n->src_end;
        if (wa_grow(&a, &cap, need, sizeof(uint32_t)) != 0)
            return -1;
        n->src_start = a;
        if (wa_grow(&b, &cap2, need, sizeof(uint32_t)) != 0)
            return -1;
        n->src_end = b;
        n->map_cap = cap < cap2 ? cap : cap2;
    }
    return 0;
}

/* The last codepoint of the normalised text, or 0 when empty. */
static uint32_t last_cp(const wa_norm *n, size_t *len_out)
{
    size_t i = n->text.len;
    if (i == 0) {
        *len_out = 0;
        return 0;
    }
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)n->text.data[j] & 0xC0) == 0x80)
        j--;
    size_t adv;
    uint32_t cp = wa_utf8_decode((const unsigned char *)n->text.data + j, i - j, &adv);
    *len_out = i - j;
    return cp;
}

/* Whether s[i..len) starts with a digit: ASCII, full-width or Tibetan. */
static int digit_at(const unsigned char *s, size_t i, size_t len)
{
    return i < len && ((s[i] >= '0' && s[i] <= '9') ||
                       (i + 2 < len && s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] >= 0x90 && s[i + 2] <= 0x99) ||
                       (i + 2 < len && s[i] == 0xE0 && s[i + 1] == 0xBC && s[i + 2] >= 0xA0 && s[i + 2] <= 0xA9));
}

/* A dash or a tilde between two digits is a range (7-10月, 3～5个月): it is
 * written as '-', where elsewhere it is noise and dropped (7-10 must not
 * become 710). */
static int is_range_dash(uint32_t cp)
{
    return cp == '-' || cp == '~' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212 || cp == 0x301C ||
           cp == 0xFF0D || cp == 0xFF5E;
}

static int range_between_digits(const wa_norm *n, uint32_t cp, const unsigned char *s, size_t i, size_t len)
{
    if (!is_range_dash(cp))
        return 0;
    while (i < len && s[i] == ' ') /* 10 - 12月 */
        i++;
    if (!digit_at(s, i, len))
        return 0;
    size_t k;
    uint32_t prev = last_cp(n, &k);
    return prev >= '0' && prev <= '9';
}

static void drop_last(wa_norm *n, size_t k)
{
    uint32_t at = (uint32_t)(n->text.len - k);
    n->text.len -= k;
    n->text.data[n->text.len] = '\0';
    if (n->nbreaks && n->breaks[n->nbreaks - 1] == at)
        n->nbreaks--;
}

#define TIB_CLUSTER_MAX 16

static void tibetan_tables_init(void)
{
    for (size_t i = 0; i < TIB_NDECOMP; i++) {
        uint32_t o = tib_decomp[i].from - 0x0F00;
        tib_decomp_bits[o >> 5] |= 1u << (o & 31);
    }
    for (uint32_t o = 0; o < 256; o++)
        tib_rank_table[o] = (uint8_t)tib_rank(0x0F00 + o);
}

static inline int rank_of(uint32_t cp)
{
    return cp >= 0x0F00 && cp <= 0x0FFF ? tib_rank_table[cp - 0x0F00] : tib_rank(cp);
}

static int flush_cluster(wa_norm *n, uint32_t *c, size_t nc, uint32_t s, uint32_t e)
{
    /* Stable insertion sort by rank: a handful of marks at most. */
    for (size_t i = 1; i < nc; i++) {
        uint32_t v = c[i];
        int r = rank_of(v);
        size_t j = i;
        while (j > 0 && rank_of(c[j - 1]) > r) {
            c[j] = c[j - 1];
            j--;
        }
        c[j] = v;
    }
    for (size_t i = 0; i < nc; i++)
        if (emit(n, c[i], s, e) != 0)
            return -1;
    return 0;
}

uint32_t wa_pictograph_word(uint32_t cp)
{
    switch (cp) {
    case 0x1F4B0: /* 💰 money bag */
    case 0x1F4B4: /* 💴 */
    case 0x1F4B5: /* 💵 */
    case 0x1F4B6: /* 💶 */
    case 0x1F4B7: /* 💷 */
    case 0x1F4B8: /* 💸 money with wings */
    case 0x1F911: /* 🤑 */
        return 0x94B1; /* 钱 */
    case 0x1F9F9: /* 🧹 broom */
    case 0x1F6BD: /* 🚽 toilet (🚽守门大爷: the toilet keeper) */
    case 0x1F5D1: /* 🗑 wastebasket (收🗑的: the collectors) */
        return cp;
    case 0x1F6AE: /* 🚮 litter in a bin */
        return 0x1F5D1;
    case 0x274C:  /* ❌ cross mark: none, not (💰❌, 工资❌发) */
    case 0x1F6AB: /* 🚫 */
    case 0x1F21A: /* 🈚 the squared 無: none */
        return 0x6CA1; /* 没 */
    default:
        return 0;
    }
}

static int emit_tsheg(wa_norm *n, uint32_t s, uint32_t e)
{
    /* Tibetan letters are three bytes starting with 0xE0: anything else ends
     * the text, and the common case (a space after Chinese) stops here. */
    if (n->text.len < 3 || (unsigned char)n->text.data[n->text.len - 3] != 0xE0)
        return 0;
    size_t k;
    uint32_t last = last_cp(n, &k);
    if (!tib_syllable(last))
        return 0; /* nothing to separate, or already separated */
    return emit(n, 0x0F0B, s, e);
}

int wa_norm_append_break(wa_norm *n, uint32_t at)
{
    if (reserve_for(n, 1) != 0 || emit(n, '\n', at, at) != 0)
        return -1;
    n->text.data[n->text.len] = '\0';
    return 0;
}

int wa_norm_append(wa_norm *n, const char *str, size_t len, uint32_t base)
{
    pthread_once(&fold_once, fold_init);
    if (reserve_for(n, len) != 0)
        return -1;
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    uint32_t cluster[TIB_CLUSTER_MAX + 3];
    size_t nc = 0;
    uint32_t cs = 0, ce = 0;

    while (i < len) {
        size_t adv;
        uint32_t cp;
        unsigned char c0 = s[i];
        /* Fastest path, without a map: a run of Han characters that stay as
         * they are is found first and copied in one go. */
        if (n->no_map && nc == 0 && c0 >= 0xE4 && c0 <= 0xE9) {
            size_t run = i;
            while (run + 2 < len) {
                unsigned a = s[run], b = s[run + 1], c = s[run + 2];
                if (a - 0xE4u > 5u || ((b & 0xC0u) != 0x80u) | ((c & 0xC0u) != 0x80u))
                    break;
                uint32_t h = ((a & 0x0Fu) << 12) | ((b & 0x3Fu) << 6) | (c & 0x3Fu);
                if (h < 0x4E00 || !((han_same[(h - 0x4E00) >> 3] >> ((h - 0x4E00) & 7)) & 1))
                    break;
                run += 3;
            }
            if (run > i) {
                memcpy(n->text.data + n->text.len, s + i, run - i);
                n->text.len += run - i;
                n->n_han += (run - i) / 3;
                i = run;
                continue;
            }
        }
        /* Fast path: a Han character that stays as it is is copied through. */
        if (c0 >= 0xE4 && c0 <= 0xE9 && nc == 0 && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            uint32_t h = (((uint32_t)(c0 & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F));
            if (h >= 0x4E00 && (han_same[(h - 0x4E00) >> 3] >> ((h - 0x4E00) & 7) & 1)) {
                char *o = n->text.data + n->text.len;
                o[0] = (char)c0;
                o[1] = (char)s[i + 1];
                o[2] = (char)s[i + 2];
                if (!n->no_map)
                    for (int k = 0; k < 3; k++) {
                        n->src_start[n->text.len + (size_t)k] = base + (uint32_t)i;
                        n->src_end[n->text.len + (size_t)k] = base + (uint32_t)i + 3;
                    }
                n->text.len += 3;
                n->n_han++;
                i += 3;
                continue;
            }
        }
        if (c0 < 0x80) {
            cp = c0;
            adv = 1;
        } else if (c0 >= 0xE0 && c0 <= 0xEF && c0 != 0xED && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
                   (s[i + 2] & 0xC0) == 0x80 && (c0 != 0xE0 || s[i + 1] >= 0xA0)) {
            /* three-byte characters without overlong or surrogate forms:
             * Han, Tibetan and most punctuation */
            cp = ((uint32_t)(c0 & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            adv = 3;
        } else {
            cp = wa_utf8_decode(s + i, len - i, &adv);
        }
        uint32_t os = base + (uint32_t)i, oe = base + (uint32_t)(i + adv);
        i += adv;
        if (cp == WA_UTF8_INVALID)
            continue;

        /* A Tibetan stack is collected whole, then written in canonical order. */
        if (cp >= 0x0F00 && cp <= 0x0FFF && tib_syllable(cp)) {
            if (is_tibetan_base(cp) || nc + 3 > TIB_CLUSTER_MAX) {
                if (nc && flush_cluster(n, cluster, nc, cs, ce) != 0)
                    return -1;
                nc = 0;
                cs = os;
            } else if (nc == 0) {
                cs = os;
            }
            nc += tib_decompose(cp, cluster + nc);
            ce = oe;
            n->n_tibetan++;
            continue;
        }
        if (nc) {
            if (flush_cluster(n, cluster, nc, cs, ce) != 0)
                return -1;
            nc = 0;
        }

        if (cp >= 0x10000 || (cp >= 0x2000 && cp < 0x2C00)) {
            uint32_t w = wa_pictograph_word(cp);
            size_t k;
            if (w && !tib_syllable(last_cp(n, &k))) {
                n->n_han += is_han(w);
                if (emit(n, w, os, oe) != 0)
                    return -1;
                continue;
            }
        }
        if (cp >= 0x80 && !(cp >= 0x0F00 && cp <= 0x0FFF) && range_between_digits(n, cp, s, i, len)) {
            if (emit(n, '-', os, oe) != 0)
                return -1;
            continue;
        }
        if (cp >= 0x80 && !(cp >= 0x0F00 && cp <= 0x0FFF)) {
            cp = fold_cp(cp);
            if (cp == 0) {
                /* dropped; after a Tibetan syllable it stands for a tsheg */
                if (emit_tsheg(n, os, oe) != 0)
                    return -1;
                continue;
            }
            if (cp >= 0x80) {
                /* the common case: a Han character, written straight out */
                n->n_han += is_han(cp);
                if (emit(n, cp, os, oe) != 0)
                    return -1;
                continue;
            }
        }

        if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z')
                cp += 32;
            if (cp >= 'a' && cp <= 'z') {
                n->n_latin++;
            } else if (cp == '\r') {
                cp = '\n';
            } else if (cp == ' ' || cp == '\t') {
                /* Spaces separate nothing in Chinese, but a space between two
                 * Tibetan syllables stands for a tsheg. */
                if (emit_tsheg(n, os, oe) != 0)
                    return -1;
                continue;
            } else if (cp == '.' || cp == ',') {
                /* Keep the decimal point of 1.5万; drop a thousands comma;
                 * elsewhere a full stop is noise and a comma a clause mark. */
                int next_digit = digit_at(s, i, len);
                int prev_digit = 0;
                if (next_digit) { /* the last character written is looked at only then */
                    size_t k;
                    uint32_t prev = last_cp(n, &k);
                    prev_digit = prev >= '0' && prev <= '9';
                }
                if (prev_digit && next_digit) {
                    if (cp == ',')
                        continue;
                } else if (cp == '.') {
                    if (emit_tsheg(n, os, oe) != 0)
                        return -1;
                    continue;
                }
            } else if (range_between_digits(n, cp, s, i, len)) {
                cp = '-';
            } else if (is_noise(cp)) {
                /* ཟླ*ཕོགས: a symbol typed between Tibetan syllables stands
                 * for the tsheg, as a space does */
                if (emit_tsheg(n, os, oe) != 0)
                    return -1;
                continue;
            }
        } else if (cp >= 0x0F00 && cp <= 0x0FFF) {
            if (cp == 0x0F0B || cp == 0x0F0C) {
                if (emit_tsheg(n, os, oe) != 0)
                    return -1;
                continue;
            }
            if (cp == 0x0F0D || cp == 0x0F0E || cp == 0x0F0F || cp == 0x0F10 || cp == 0x0F11 ||
                cp == 0x0F12 || cp == 0x0F14) {
                size_t k;
                uint32_t prev = last_cp(n, &k);
                if (prev == 0x0F0B) { /* a tsheg before a shad is not written */
                    drop_last(n, k);
                    prev = last_cp(n, &k);
                }
                if (prev == 0x0F0D)
                    continue;
                cp = 0x0F0D;
            } else if (cp >= 0x0F20 && cp <= 0x0F29) {
                cp = '0' + (cp - 0x0F20);
            }
        }
        if (emit(n, cp, os, oe) != 0)
            return -1;
    }
    if (nc && flush_cluster(n, cluster, nc, cs, ce) != 0)
        return -1;
    n->text.data[n->text.len] = '\0';
    return 0;
}

uint32_t wa_norm_char(uint32_t cp)
{
    pthread_once(&fold_once, fold_init);
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z')
            return cp + 32;
        if (cp == '\r')
            return '\n';
        /* a full stop survives only between digits: count it as dropped; a
         * comma is dropped only there (callers check digits around it) */
        if (cp == ' ' || cp == '\t' || cp == '.' || is_noise(cp))
            return 0;
        return cp;
    }
    if (cp >= 0x0F00 && cp <= 0x0FFF)
        return cp;
    uint32_t w = wa_pictograph_word(cp);
    if (w)
        return w;
    uint32_t f = fold_cp(cp);
    return f != 0 && f < 0x80 ? wa_norm_char(f) : f;
}

int wa_norm_string(const char *s, size_t len, wa_buf *out)
{
    wa_norm n;
    wa_norm_init(&n);
    int rc = wa_norm_append(&n, s, len, 0);
    out->len = 0;
    if (rc == 0)
        rc = wa_buf_append(out, n.text.data ? n.text.data : "", n.text.len);
    wa_norm_free(&n);
    return rc;
}
