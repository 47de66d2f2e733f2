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

/* The classifier's fields of a hit, added to o. */
static int put_hit_fields(json_t *o, const wa_dict *d, const wa_result *r, const wa_doc *doc, int truncated)
{
    int rc = 0;
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
    return rc;
}

/* Where the document's own object closes, when the hit's fields can simply
 * be written after its last field: a JSON object (the caller parsed it)
 * that names none of the hit's fields and has no \u escape (which could
 * spell one). Then the line is copied as it is instead of being parsed and
 * written again, which on long texts costs more than classifying them. */
static int splice_point(const char *line, size_t len, size_t *close, int *empty)
{
    static const char *const taken[] = {"\"score\"",    "\"level\"",        "\"lang\"",      "\"matches\"",
                                        "\"region\"",   "\"entities\"",     "\"dict_version\"", "\"truncated\"",
                                        "\"input_warning\"", "\\u"};
    size_t a = 0, b = len;
    while (a < b && (line[a] == ' ' || line[a] == '\t' || line[a] == '\r' || line[a] == '\n'))
        a++;
    while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t' || line[b - 1] == '\r' || line[b - 1] == '\n'))
        b--;
    if (b - a < 2 || line[a] != '{' || line[b - 1] != '}')
        return 0;
    for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++)
        if (memmem(line + a, b - a, taken[i], strlen(taken[i])))
            return 0;
    size_t c = b - 1, k = c;
    while (k > a && (line[k - 1] == ' ' || line[k - 1] == '\t' || line[k - 1] == '\r' || line[k - 1] == '\n'))
        k--;
    *close = c;
    *empty = k > a && line[k - 1] == '{';
    return 1;
}

int wa_hit_to_json(const wa_dict *d, const wa_result *r, const wa_doc *doc, const char *line, size_t line_len,
                   int truncated, wa_buf *out)
{
    size_t close;
    int empty;
    if (splice_point(line, line_len, &close, &empty)) {
        json_t *o = json_object();
        if (!o)
            return -1;
        int rc = put_hit_fields(o, d, r, doc, truncated);
        char *s = rc == 0 ? json_dumps(o, JSON_COMPACT) : NULL;
        json_decref(o);
        if (!s)
            return -1;
        /* s is "{...}" with at least one field: drop its brace, keep ours */
        rc = wa_buf_append(out, line, close);
        if (!empty)
            rc |= wa_buf_append(out, ",", 1);
        rc |= wa_buf_append_str(out, s + 1);
        rc |= wa_buf_append(out, "\n", 1);
        free(s);
        return rc;
    }
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
    rc |= put_hit_fields(o, d, r, doc, truncated);
    char *s = rc == 0 ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!s)
        return -1;
    rc = wa_buf_append_str(out, s);
    rc |= wa_buf_append(out, "\n", 1);
    free(s);
    return rc;
}
