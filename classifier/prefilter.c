#include "prefilter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hs/hs.h>
#include <sodium.h>

#include "hs_cache.h"

struct wa_prefilter {
    hs_database_t *db;
    size_t count[2];
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

int wa_prefilter_build(wa_dict *d, const char *cache_dir, wa_diag *diag)
{
    wa_prefilter *p = calloc(1, sizeof *p);
    size_t cap = d->nterms ? d->nterms : 1;
    const char **exprs = malloc(cap * sizeof *exprs);
    size_t *lens = malloc(cap * sizeof *lens);
    unsigned *ids = malloc(cap * sizeof *ids), *flags = malloc(cap * sizeof *flags);
    int rc = -1;
    if (!p || !exprs || !lens || !ids || !flags) {
        wa_diag_add(diag, d->dir, 0, "out of memory building the prefilter");
        goto out;
    }
    /* Terms are unique (lint refuses duplicates): one literal each. The cache
     * is keyed by what is compiled. */
    crypto_generichash_state ks;
    unsigned char key[16];
    crypto_generichash_init(&ks, NULL, 0, sizeof key);
    unsigned n = 0;
    for (size_t i = 0; i < d->nterms; i++) {
        int side = term_side(d, &d->terms[i]);
        if (side < 0)
            continue;
        exprs[n] = d->terms[i].norm;
        lens[n] = d->terms[i].norm_len;
        ids[n] = (unsigned)side;
        flags[n] = HS_FLAG_SINGLEMATCH;
        p->count[side]++;
        crypto_generichash_update(&ks, (const unsigned char *)exprs[n], lens[n] + 1);
        crypto_generichash_update(&ks, (const unsigned char *)&ids[n], sizeof ids[n]);
        n++;
    }
    crypto_generichash_final(&ks, key, sizeof key);
    char hex[33], name[80];
    sodium_bin2hex(hex, sizeof hex, key, sizeof key);
    snprintf(name, sizeof name, "prefilter-%s.hsdb", hex);
    p->db = wa_cache_load(cache_dir, name);
    if (!p->db) {
        hs_compile_error_t *err = NULL;
        if (hs_compile_lit_multi(exprs, flags, ids, lens, n, HS_MODE_BLOCK, NULL, &p->db, &err) != HS_SUCCESS) {
            wa_diag_add(diag, d->dir, 0, "cannot compile the prefilter: %s",
                        err && err->message ? err->message : "unknown error");
            hs_free_compile_error(err);
            p->db = NULL;
            goto out;
        }
        wa_cache_store(cache_dir, name, p->db);
    }
    rc = 0;
out:
    free(exprs);
    free(lens);
    free(ids);
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

static int on_term(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    unsigned *seen = ctx;
    *seen |= 1u << id;
    return *seen == 3u; /* both kinds seen: stop scanning */
}

int wa_prefilter_pass(const wa_prefilter *p, void *scratch, const char *norm, size_t len)
{
    unsigned seen = 0;
    if (len == 0)
        return 0;
    hs_error_t e = hs_scan(p->db, norm, (unsigned)len, 0, scratch, on_term, &seen);
    if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED)
        return -1;
    return seen == 3u;
}

size_t wa_prefilter_count(const wa_prefilter *p, int side)
{
    return p->count[side & 1];
}
