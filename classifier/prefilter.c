#include "prefilter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hs/hs.h>

#include "../common/buf.h"
#include "../common/utf8.h"
#include "hs_cache.h"
#include "normalize.h"

struct wa_prefilter {
    hs_database_t *db;
    char *anchors[2]; /* UTF-8 strings of the anchor characters per side */
};

/* The commonest Chinese characters: a poor anchor passes almost every
 * document, so a term's anchor is one of its rarer characters. */
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
    const char *p = common_han;
    size_t n = sizeof common_han - 1;
    for (size_t i = 0; i + k <= n; i += 3)
        if (memcmp(p + i, u, k) == 0)
            return 1;
    return 0;
}

/* Lower is a better anchor. */
static int anchor_rank(uint32_t cp)
{
    if (cp < 0x80)
        return 9;
    if (cp == 0x0F0B || !((cp >= 0x0F40 && cp <= 0x0FBC) || cp >= 0x2E80))
        return 8; /* punctuation and the tsheg are never anchors */
    if (cp >= 0x0F00 && cp <= 0x0FFF) {
        static const uint32_t frequent[] = {0x0F72, 0x0F74, 0x0F7A, 0x0F7C, 0x0F42, 0x0F44, 0x0F51, 0x0F53,
                                            0x0F56, 0x0F58, 0x0F60, 0x0F62, 0x0F63, 0x0F66, 0x0F40, 0x0F54,
                                            0x0F4F, 0x0F0B};
        for (size_t i = 0; i < sizeof frequent / sizeof frequent[0]; i++)
            if (frequent[i] == cp)
                return 3;
        return 1;
    }
    return is_common_han(cp) ? 2 : 0;
}

typedef struct {
    uint32_t cp;
    unsigned count;
} char_count;

static char_count *find_count(char_count *cc, size_t n, uint32_t cp)
{
    for (size_t i = 0; i < n; i++)
        if (cc[i].cp == cp)
            return &cc[i];
    return NULL;
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

static int is_ascii_term(const wa_term *t)
{
    for (uint32_t i = 0; i < t->norm_len; i++)
        if ((unsigned char)t->norm[i] >= 0x80)
            return 0;
    return 1;
}

static int append_escaped_cp(wa_buf *b, uint32_t cp)
{
    unsigned char u[4];
    size_t k = wa_utf8_encode(cp, u);
    for (size_t i = 0; i < k; i++)
        if (wa_buf_printf(b, "\\x%02X", u[i]) != 0)
            return -1;
    return 0;
}

/* Expressions are collected as owned strings with a side id each. */
typedef struct {
    char **expr;
    unsigned *ids;
    size_t n, cap, idcap;
} expr_list;

static int expr_add(expr_list *L, char *expr, unsigned id)
{
    for (size_t i = 0; i < L->n; i++)
        if (L->ids[i] == id && strcmp(L->expr[i], expr) == 0) {
            free(expr);
            return 0;
        }
    void *a = L->expr, *b = L->ids;
    if (wa_grow(&a, &L->cap, L->n + 1, sizeof(char *)) != 0) {
        free(expr);
        return -1;
    }
    L->expr = a;
    if (wa_grow(&b, &L->idcap, L->n + 1, sizeof(unsigned)) != 0) {
        free(expr);
        return -1;
    }
    L->ids = b;
    L->expr[L->n] = expr;
    L->ids[L->n] = id;
    L->n++;
    return 0;
}

static char *ascii_term_regex(const wa_term *t)
{
    wa_buf b;
    wa_buf_init(&b);
    int rc = 0;
    for (uint32_t i = 0; i < t->norm_len && rc == 0; i++) {
        unsigned char c = (unsigned char)t->norm[i];
        if (i > 0)
            rc |= wa_buf_append_str(&b, "[^a-zA-Z0-9]*");
        uint32_t pre[8];
        size_t np = wa_norm_preimages(c, pre, 8);
        rc |= wa_buf_append_str(&b, "(?:");
        for (size_t k = 0; k < np && rc == 0; k++) {
            if (k)
                rc |= wa_buf_append_str(&b, "|");
            rc |= append_escaped_cp(&b, pre[k]);
        }
        rc |= wa_buf_append_str(&b, ")");
    }
    if (rc != 0) {
        wa_buf_free(&b);
        return NULL;
    }
    return b.data;
}

int wa_prefilter_build(wa_dict *d, const char *cache_dir, wa_diag *diag)
{
    wa_prefilter *p = calloc(1, sizeof *p);
    if (!p)
        return -1;
    expr_list L = {0};
    wa_buf anchors[2];
    wa_buf_init(&anchors[0]);
    wa_buf_init(&anchors[1]);
    int rc = 0;

    /* How many terms of each side use each character: a character shared by
     * many terms is preferred, to keep the anchor set small. */
    char_count *cc[2] = {NULL, NULL};
    size_t ncc[2] = {0, 0}, capcc[2] = {0, 0};
    for (size_t i = 0; i < d->nterms && rc == 0; i++) {
        const wa_term *t = &d->terms[i];
        int side = term_side(d, t);
        if (side < 0)
            continue;
        for (uint32_t k = 0; k < t->norm_len;) {
            size_t adv;
            uint32_t cp = wa_utf8_decode((const unsigned char *)t->norm + k, t->norm_len - k, &adv);
            k += (uint32_t)adv;
            char_count *c = find_count(cc[side], ncc[side], cp);
            if (c) {
                c->count++;
                continue;
            }
            void *arr = cc[side];
            if (wa_grow(&arr, &capcc[side], ncc[side] + 1, sizeof(char_count)) != 0) {
                rc = -1;
                break;
            }
            cc[side] = arr;
            cc[side][ncc[side]].cp = cp;
            cc[side][ncc[side]].count = 1;
            ncc[side]++;
        }
    }

    for (size_t i = 0; i < d->nterms && rc == 0; i++) {
        const wa_term *t = &d->terms[i];
        int side = term_side(d, t);
        if (side < 0)
            continue;
        if (is_ascii_term(t)) {
            char *re = ascii_term_regex(t);
            rc = re ? expr_add(&L, re, (unsigned)side) : -1;
            continue;
        }
        uint32_t best = 0;
        int best_rank = 100;
        unsigned best_count = 0;
        for (uint32_t k = 0; k < t->norm_len;) {
            size_t adv;
            uint32_t cp = wa_utf8_decode((const unsigned char *)t->norm + k, t->norm_len - k, &adv);
            k += (uint32_t)adv;
            int r = anchor_rank(cp);
            char_count *c = find_count(cc[side], ncc[side], cp);
            unsigned cnt = c ? c->count : 0;
            if (r < best_rank || (r == best_rank && cnt > best_count)) {
                best = cp;
                best_rank = r;
                best_count = cnt;
            }
        }
        uint32_t pre[64];
        size_t np = wa_norm_preimages(best, pre, 64);
        for (size_t k = 0; k < np && rc == 0; k++) {
            wa_buf e;
            wa_buf_init(&e);
            if (append_escaped_cp(&e, pre[k]) != 0 || !e.data) {
                wa_buf_free(&e);
                rc = -1;
                break;
            }
            size_t before = L.n;
            rc = expr_add(&L, e.data, (unsigned)side);
            if (rc == 0 && L.n > before && k == 0) {
                unsigned char u[4];
                size_t n = wa_utf8_encode(best, u);
                rc = wa_buf_append(&anchors[side], u, n);
            }
        }
    }
    free(cc[0]);
    free(cc[1]);
    for (int s = 0; s < 2; s++) {
        if (wa_buf_terminate(&anchors[s]) != 0)
            rc = -1;
        p->anchors[s] = anchors[s].data;
    }

    if (rc == 0) {
        char name[80];
        snprintf(name, sizeof name, "prefilter-%s.hsdb", d->version);
        p->db = wa_cache_load(cache_dir, name);
        if (!p->db) {
            unsigned *flags = malloc(L.n * sizeof *flags);
            hs_compile_error_t *err = NULL;
            if (!flags) {
                rc = -1;
            } else {
                for (size_t i = 0; i < L.n; i++)
                    flags[i] = HS_FLAG_SINGLEMATCH | HS_FLAG_CASELESS | HS_FLAG_DOTALL;
                if (hs_compile_multi((const char *const *)L.expr, flags, L.ids, (unsigned)L.n, HS_MODE_BLOCK, NULL,
                                     &p->db, &err) != HS_SUCCESS) {
                    wa_diag_add(diag, d->dir, 0, "cannot compile the prefilter: %s",
                                err && err->message ? err->message : "unknown error");
                    hs_free_compile_error(err);
                    p->db = NULL;
                    rc = -1;
                }
                free(flags);
            }
            if (p->db)
                wa_cache_store(cache_dir, name, p->db);
        }
    }
    for (size_t i = 0; i < L.n; i++)
        free(L.expr[i]);
    free(L.expr);
    free(L.ids);
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
    free(p->anchors[0]);
    free(p->anchors[1]);
    free(p);
}

int wa_prefilter_alloc_scratch(const wa_prefilter *p, void **scratch)
{
    hs_scratch_t *s = *scratch;
    if (hs_alloc_scratch(p->db, &s) != HS_SUCCESS)
        return -1;
    *scratch = s;
    return 0;
}

static int on_anchor(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    unsigned *seen = ctx;
    *seen |= 1u << id;
    return *seen == 3u; /* both sides seen: stop scanning */
}

int wa_prefilter_pass(const wa_prefilter *p, void *scratch, const char *title, size_t title_len,
                      const char *text, size_t text_len)
{
    unsigned seen = 0;
    const char *parts[2] = {title, text};
    size_t lens[2] = {title_len, text_len};
    for (int i = 0; i < 2 && seen != 3u; i++) {
        if (!parts[i] || !lens[i])
            continue;
        hs_error_t e = hs_scan(p->db, parts[i], (unsigned)lens[i], 0, scratch, on_anchor, &seen);
        if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED)
            return -1;
    }
    return seen == 3u;
}

const char *wa_prefilter_anchors(const wa_prefilter *p, int side)
{
    return p->anchors[side & 1];
}
