#include "hit_json.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

static json_t *str_or_null(const char *s, size_t n)
{
    return s ? json_stringn(s, n) : json_null();
}

static json_t *num_or_null(double v)
{
    return v > 0 ? json_integer((json_int_t)llround(v)) : json_null();
}

/* json_object_set_new that reports failure instead of leaking. */
static int put(json_t *obj, const char *key, json_t *val)
{
    return val ? json_object_set_new(obj, key, val) : -1;
}

int wa_hit_to_json(const wa_dict *d, const wa_result *r, const wa_doc *doc, const char *line, size_t line_len,
                   int truncated, wa_buf *out)
{
    json_error_t jerr;
    json_t *o = json_loadb(line, line_len, JSON_ALLOW_NUL, &jerr);
    int rc = 0;
    if (!o) {
        /* The line passed simdjson but not jansson (an integer beyond 64
         * bits, say): carry the fields we read rather than lose the hit. */
        o = json_object();
        if (!o)
            return -1;
        rc |= put(o, "id", json_stringn(doc->id, doc->id_len));
        if (doc->title)
            rc |= put(o, "title", json_stringn(doc->title, doc->title_len));
        rc |= put(o, "text", json_stringn(doc->text, doc->text_len));
        rc |= put(o, "input_warning", json_string(jerr.text));
    }
    rc |= put(o, "score", json_real(round(r->score * 100) / 100));
    rc |= put(o, "level", json_string(r->level));
    rc |= put(o, "lang", json_string(r->lang));

    json_t *ms = json_array();
    for (size_t i = 0; ms && i < r->nmatches && rc == 0; i++) {
        const wa_match *m = &r->matches[i];
        if (m->cancelled)
            continue;
        const char *src = m->field ? doc->text : doc->title;
        json_t *jm = json_object();
        if (!jm) {
            rc = -1;
            break;
        }
        if (m->from_pattern)
            rc |= put(jm, "term", json_stringn(src + m->start, m->end - m->start));
        else
            rc |= put(jm, "term", json_string(d->terms[m->index].raw));
        rc |= put(jm, "group", json_string(d->groups[m->group].name));
        rc |= put(jm, "start", json_integer(m->start));
        rc |= put(jm, "end", json_integer(m->end));
        rc |= put(jm, "field", json_string(m->field ? "text" : "title"));
        if (m->from_pattern)
            rc |= put(jm, "pattern", json_true());
        rc |= json_array_append_new(ms, jm);
    }
    rc |= put(o, "matches", ms);

    json_t *region = json_object();
    if (region) {
        rc |= put(region, "prefecture", r->pref >= 0 ? json_string(d->regions[r->pref].name) : json_null());
        rc |= put(region, "county", r->county >= 0 ? json_string(d->regions[r->county].name) : json_null());
    }
    rc |= put(o, "region", region);

    json_t *ent = json_object();
    if (ent) {
        rc |= put(ent, "company", r->company.value > 0 ? str_or_null(r->company_name.data, r->company_name.len)
                                                       : json_null());
        rc |= put(ent, "workers", num_or_null(r->workers.value));
        rc |= put(ent, "months", num_or_null(r->months.value));
        rc |= put(ent, "amount_yuan", num_or_null(r->amount.value));
    }
    rc |= put(o, "entities", ent);
    rc |= put(o, "dict_version", json_string(d->version));
    if (truncated)
        rc |= put(o, "truncated", json_true());

    char *s = rc == 0 ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!s)
        return -1;
    rc = wa_buf_append_str(out, s);
    rc |= wa_buf_append(out, "\n", 1);
    free(s);
    return rc;
}
