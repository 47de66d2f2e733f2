#include "incidents.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../crawler/simhash.h"
#include "notify.h"
#include "prefecture.h"
#include "unitname.h"

typedef struct {
    uint64_t simhash;
    long long case_id;
} fingerprint;

/* A case some of whose fingerprints are within the distance of a hit's. */
typedef struct {
    long long case_id;
    int best;     /* the smallest distance of its fingerprints to the hit's */
    size_t near;  /* how many of its fingerprints are within the distance */
    uint64_t low; /* the smallest of those fingerprints */
} candidate;

struct wa_incidents {
    wa_ctx *x;
    fingerprint *fp;
    size_t nfp, cap, committed; /* fp[0..committed) are in the ledger for sure */
    candidate *cand;            /* scratch for near_case */
    size_t ncand, cand_cap;
    wa_buf key;                 /* scratch for unit keys */
    int load_failed;            /* out of memory while loading the index */
};

static int fp_add(wa_incidents *inc, long long case_id, uint64_t h)
{
    if (wa_grow((void **)&inc->fp, &inc->cap, inc->nfp + 1, sizeof *inc->fp) != 0)
        return -1;
    inc->fp[inc->nfp].simhash = h;
    inc->fp[inc->nfp].case_id = case_id;
    inc->nfp++;
    return 0;
}

static void load_fp(void *ctx, long long case_id, uint64_t h)
{
    wa_incidents *inc = ctx;
    if (fp_add(inc, case_id, h) != 0)
        inc->load_failed = 1;
}

wa_incidents *wa_incidents_new(wa_ctx *x, long long now, char *err, size_t errcap)
{
    wa_incidents *inc = calloc(1, sizeof *inc);
    if (!inc) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    inc->x = x;
    wa_buf_init(&inc->key);
    if (wa_ledger_fingerprints(x->ledger, now - x->ac->window_s, load_fp, inc) != 0 || inc->load_failed) {
        snprintf(err, errcap, "loading the near-duplicate index: %s",
                 inc->load_failed ? "out of memory" : wa_ledger_error(x->ledger));
        wa_incidents_free(inc);
        return NULL;
    }
    inc->committed = inc->nfp;
    return inc;
}

void wa_incidents_free(wa_incidents *inc)
{
    if (!inc)
        return;
    free(inc->fp);
    free(inc->cand);
    wa_buf_free(&inc->key);
    free(inc);
}

void wa_incidents_committed(wa_incidents *inc)
{
    inc->committed = inc->nfp;
}

void wa_incidents_rolled_back(wa_incidents *inc)
{
    inc->nfp = inc->committed;
}

/* A string field of obj, NULL when absent, null or empty. */
static const char *str_of(json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s && s[0] ? s : NULL;
}

static long long num_of(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (json_is_integer(v))
        return json_integer_value(v) > 0 ? json_integer_value(v) : 0;
    if (json_is_real(v) && json_real_value(v) > 0 && json_real_value(v) < 9e15)
        return (long long)json_real_value(v);
    return 0;
}

/* The first `max` bytes of s cut at a UTF-8 character boundary. */
static char *excerpt_of(const char *s, size_t max)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    return strndup(s, n);
}

static int spread_level(const wa_alert_config *ac, long long hits)
{
    int lv = WA_LEVEL_BLUE;
    for (int l = WA_LEVEL_YELLOW; l <= WA_LEVEL_RED; l++)
        if (ac->spread[l] > 0 && hits >= ac->spread[l])
            lv = l;
    return lv;
}

/* Append url to the case's JSON list of links (at most 20 kept). */
static int add_link(wa_case *c, const char *url)
{
    if (!url)
        return 0;
    json_t *a = json_loads(c->links ? c->links : "[]", 0, NULL);
    if (!json_is_array(a)) {
        json_decref(a);
        a = json_array();
    }
    if (!a)
        return -1;
    size_t i;
    json_t *u;
    int have = 0;
    json_array_foreach(a, i, u) have |= json_is_string(u) && strcmp(json_string_value(u), url) == 0;
    int rc = 0;
    if (!have && json_array_size(a) < 20) {
        rc = json_array_append_new(a, json_string(url));
        char *s = rc == 0 ? json_dumps(a, JSON_COMPACT) : NULL;
        if (s) {
            free(c->links);
            c->links = s;
        } else {
            rc = -1;
        }
    }
    json_decref(a);
    return rc;
}

/* Candidates in the order they are tried: nearest first; at the same
 * distance the case with more texts near the hit's; then the smaller
 * fingerprint. Every key is a function of the texts stored, not of the
 * order they came in: ids are given in arrival order, which partitions,
 * redelivery and restarts shuffle, so the id decides only between cases
 * holding exactly the same near texts. */
static int candidate_cmp(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->best != b->best)
        return a->best < b->best ? -1 : 1;
    if (a->near != b->near)
        return a->near > b->near ? -1 : 1;
    if (a->low != b->low)
        return a->low < b->low ? -1 : 1;
    return (a->case_id > b->case_id) - (a->case_id < b->case_id);
}

/* The case a hit with fingerprint h, place pref and unit key unit_key
 * (either may be NULL) joins by its text: of the cases it may join, the one
 * holding the nearest text within the distance. The cases it may not join
 * are left out before choosing, not after: the index also holds cases closed
 * or gone quiet since they were indexed (a restarted process does not load
 * them), and a nearest text of a case it may not join must not hide the
 * next one, or the answer would depend on when the process last started.
 * Returns 0 with *out (0: none), or -1 on a ledger error. */
static int near_case(wa_incidents *inc, uint64_t h, const char *pref, const char *unit_key, long long since,
                     long long *out)
{
    int within = inc->x->ac->near_distance;
    *out = 0;
    inc->ncand = 0;
    for (size_t i = 0; i < inc->nfp; i++) {
        int d = wa_simhash_distance(inc->fp[i].simhash, h);
        if (d > within)
            continue;
        size_t k = 0;
        while (k < inc->ncand && inc->cand[k].case_id != inc->fp[i].case_id)
            k++;
        if (k == inc->ncand) {
            if (wa_grow((void **)&inc->cand, &inc->cand_cap, inc->ncand + 1, sizeof *inc->cand) != 0)
                return -1;
            inc->cand[k] = (candidate){.case_id = inc->fp[i].case_id, .best = d, .near = 0, .low = inc->fp[i].simhash};
            inc->ncand++;
        }
        candidate *c = &inc->cand[k];
        c->near++;
        if (d < c->best)
            c->best = d;
        if (inc->fp[i].simhash < c->low)
            c->low = inc->fp[i].simhash;
    }
    if (inc->ncand > 1) /* cand is still NULL before the first candidate */
        qsort(inc->cand, inc->ncand, sizeof *inc->cand, candidate_cmp);
    for (size_t k = 0; k < inc->ncand && !*out; k++) {
        wa_case nc;
        if (wa_ledger_case_get(inc->x->ledger, inc->cand[k].case_id, &nc) != 0)
            return -1;
        /* A near-duplicate text with a different named unit or place is
         * another incident told with the same words (a template, a
         * campaign post): only the same story joins. */
        int other_unit = unit_key && nc.unit_key && strcmp(unit_key, nc.unit_key) != 0;
        int other_place = pref && nc.prefecture && strcmp(pref, nc.prefecture) != 0;
        if (strcmp(nc.status, "closed") != 0 && nc.last_seen >= since && !other_unit && !other_place)
            *out = inc->cand[k].case_id;
        wa_case_clear(&nc);
    }
    return 0;
}

static void malformed(wa_hit_result *res, const char *why)
{
    res->outcome = WA_HIT_MALFORMED;
    snprintf(res->reason, sizeof res->reason, "%s", why);
}

int wa_incidents_add(wa_incidents *inc, const char *json, size_t len, long long now, wa_hit_result *res)
{
    wa_ctx *x = inc->x;
    memset(res, 0, sizeof *res);
    if (len > WA_HIT_MAX_BYTES) {
        malformed(res, "hit larger than 4 MiB");
        return 0;
    }
    json_error_t jerr;
    json_t *hit = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!hit || !json_is_object(hit)) {
        char why[160];
        snprintf(why, sizeof why, "not a JSON object: %.100s", hit ? "another JSON value" : jerr.text);
        json_decref(hit);
        malformed(res, why);
        return 0;
    }
    int rc = -1;
    wa_case c = {0};
    char idbuf[32];
    const char *doc_id = NULL;
    json_t *jid = json_object_get(hit, "id");
    if (json_is_string(jid) && json_string_length(jid) > 0 && json_string_length(jid) <= 512)
        doc_id = json_string_value(jid);
    else if (json_is_integer(jid)) {
        snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
        doc_id = idbuf;
    }
    const char *level = str_of(hit, "level");
    int lv = wa_level_parse(level);
    json_t *region = json_object_get(hit, "region"), *ent = json_object_get(hit, "entities");
    if (!doc_id) {
        malformed(res, "no \"id\" (a string of 1 to 512 bytes or an integer)");
        rc = 0;
        goto out;
    }
    if (lv == WA_LEVEL_NONE) {
        malformed(res, "\"level\" missing or not blue, yellow, orange or red");
        rc = 0;
        goto out;
    }
    if ((region && !json_is_object(region) && !json_is_null(region)) ||
        (ent && !json_is_object(ent) && !json_is_null(ent))) {
        malformed(res, "\"region\" and \"entities\" must be objects");
        rc = 0;
        goto out;
    }
    int known = wa_ledger_hit_known(x->ledger, doc_id);
    if (known < 0)
        goto out;
    if (known) {
        res->outcome = WA_HIT_DUPLICATE;
        rc = 0;
        goto out;
    }
    /* One spelling per prefecture, so scopes, routes and reports match (prefecture.h). */
    const char *pref = wa_prefecture_short(str_of(region, "prefecture")), *county = str_of(region, "county");
    const char *company = str_of(ent, "company"), *text = str_of(hit, "text"), *title = str_of(hit, "title");
    const char *url = str_of(hit, "url"), *source = str_of(hit, "source");
    if (company && wa_unit_key(company, strlen(company), &inc->key) != 0)
        goto out;
    const char *unit_key = company && inc->key.len ? inc->key.data : NULL;
    size_t shingles = 0;
    uint64_t h = text ? wa_simhash(text, strlen(text), &shingles) : 0;
    int has_h = text && shingles >= WA_SIMHASH_MIN_SHINGLES;

    long long case_id = 0, since = now - x->ac->window_s;
    if (unit_key && wa_ledger_case_by_unit(x->ledger, pref, unit_key, since, &case_id) != 0)
        goto out;
    if (!case_id && has_h && near_case(inc, h, pref, unit_key, since, &case_id) != 0)
        goto out;
    if (case_id) {
        if (wa_ledger_case_get(x->ledger, case_id, &c) != 0)
            goto out;
        int old_level = wa_level_parse(c.level);
        c.hit_count++;
        c.last_seen = now;
        if (source) {
            int added = wa_ledger_case_source_add(x->ledger, case_id, source);
            if (added < 0)
                goto out;
            c.source_count += added;
        }
        /* Fill what the first posts did not say. */
        if (!c.prefecture && pref && !(c.prefecture = strdup(pref)))
            goto out;
        if (!c.county && county && !(c.county = strdup(county)))
            goto out;
        if (!c.unit_name && unit_key && (!(c.unit_name = strdup(company)) || !(c.unit_key = strdup(unit_key))))
            goto out;
        if (!c.workers)
            c.workers = num_of(ent, "workers");
        if (!c.months)
            c.months = num_of(ent, "months");
        if (!c.amount_yuan)
            c.amount_yuan = num_of(ent, "amount_yuan");
        if (add_link(&c, url) != 0)
            goto out;
        int new_level = lv > old_level ? lv : old_level;
        int sl = spread_level(x->ac, c.hit_count);
        if (sl > new_level)
            new_level = sl;
        if (new_level > old_level) {
            free(c.level);
            if (!(c.level = strdup(wa_level_name(new_level))))
                goto out;
        }
        if (wa_ledger_case_update(x->ledger, &c) != 0)
            goto out;
        if (new_level > old_level) {
            char note[96];
            snprintf(note, sizeof note, "%s → %s (%lld hits)", wa_level_name(old_level), c.level, c.hit_count);
            if (wa_case_event(x, &c, now, "wa-alertd", "level_raised", NULL, NULL, note) != 0 ||
                wa_notify(x, &c, "level_raised", c.level, now) != 0)
                goto out;
        }
        res->outcome = WA_HIT_JOINED;
    } else {
        int sl = spread_level(x->ac, 1);
        c.status = strdup("open");
        c.level = strdup(wa_level_name(lv > sl ? lv : sl));
        c.channel = strdup("online");
        c.links = strdup("[]");
        if (!c.status || !c.level || !c.channel || !c.links)
            goto out;
        if ((pref && !(c.prefecture = strdup(pref))) || (county && !(c.county = strdup(county))) ||
            (unit_key && (!(c.unit_name = strdup(company)) || !(c.unit_key = strdup(unit_key)))) ||
            (title && !(c.title = excerpt_of(title, 300))) || (text && !(c.excerpt = excerpt_of(text, 600))))
            goto out;
        c.workers = num_of(ent, "workers");
        c.months = num_of(ent, "months");
        c.amount_yuan = num_of(ent, "amount_yuan");
        c.hit_count = 1;
        c.source_count = source ? 1 : 0;
        c.first_seen = c.last_seen = c.opened_at = now;
        c.report_due = now + x->ac->report_due_s;
        c.resolve_due = now + x->ac->resolve_due_s;
        if (add_link(&c, url) != 0 || wa_ledger_case_insert(x->ledger, &c) != 0)
            goto out;
        case_id = c.id;
        if (source && wa_ledger_case_source_add(x->ledger, case_id, source) < 0)
            goto out;
        if (unit_key && wa_ledger_company_case(x->ledger, unit_key, company, NULL, now) != 0)
            goto out;
        char note[600];
        snprintf(note, sizeof note, "opened from hit %s", doc_id);
        if (wa_case_event(x, &c, now, "wa-alertd", "opened", NULL, "open", note) != 0 ||
            wa_notify(x, &c, "case_opened", NULL, now) != 0 || wa_notify(x, &c, "fast_report", NULL, now) != 0)
            goto out;
        res->outcome = WA_HIT_NEW_CASE;
    }
    if (wa_ledger_hit_insert(x->ledger, case_id, doc_id, source, url, title, level, h, has_h, now, json) != 0)
        goto out;
    if (has_h && fp_add(inc, case_id, h) != 0)
        goto out;
    res->case_id = case_id;
    rc = 0;
out:
    wa_case_clear(&c);
    json_decref(hit);
    return rc;
}
