#include "hit_json.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json_input.h"

/* Append v as jansson writes it, and drop v (NULL: out of memory). */
static int put_json(wa_buf *out, json_t *v)
{
    char *d = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
    json_decref(v);
    if (!d)
        return -1;
    int rc = wa_buf_append_str(out, d);
    free(d);
    return rc;
}

/* Append s[0..n) as a JSON string. Most strings (terms, group and place
 * names, spans of Chinese or Tibetan text) hold nothing JSON escapes, and
 * are written between quotes as they are; any other is escaped by jansson,
 * which also refuses invalid UTF-8. The matches of a hit are two dozen
 * small objects: built as jansson values they cost more than classifying
 * the document. */
static int put_str(wa_buf *out, const char *s, size_t n)
{
    int plain = 1, high = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        plain &= c >= 0x20 && c != '"' && c != '\\';
        high |= c >= 0x80;
    }
    if (plain && high)
        plain = wa_utf8_valid(s, n);
    if (plain)
        return wa_buf_append(out, "\"", 1) | wa_buf_append(out, s, n) | wa_buf_append(out, "\"", 1);
    return put_json(out, json_stringn(s, n));
}

/* name and an unsigned number: ,"start":12 (printf costs more than the rest of a match) */
static int put_uint(wa_buf *out, const char *name, unsigned long long v)
{
    char d[24];
    size_t k = sizeof d;
    do {
        d[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return wa_buf_append_str(out, name) | wa_buf_append(out, d + k, sizeof d - k);
}

static int put_cstr(wa_buf *out, const char *s)
{
    return s ? put_str(out, s, strlen(s)) : wa_buf_append_str(out, "null");
}

static int put_num(wa_buf *out, double v)
{
    return v > 0 ? wa_buf_printf(out, "%lld", (long long)llround(v)) : wa_buf_append_str(out, "null");
}

/* The score as jansson writes a real (the shortest form that reads back
 * the same), so the hit reads the same whichever path wrote it. */
static int put_real(wa_buf *out, double v)
{
    return put_json(out, json_real(v));
}

/* The classifier's fields of a hit, "name":value pairs without braces. */
static int put_hit_fields(wa_buf *out, const wa_dict *d, const wa_result *r, const wa_doc *doc, int truncated)
{
    int rc = wa_buf_append_str(out, "\"score\":") | put_real(out, round(r->score * 100) / 100);
    rc |= wa_buf_append_str(out, ",\"level\":") | put_cstr(out, r->level);
    rc |= wa_buf_append_str(out, ",\"lang\":") | put_cstr(out, r->lang);
    rc |= wa_buf_append_str(out, ",\"matches\":[");
    int first = 1;
    for (size_t i = 0; i < r->nmatches && rc == 0; i++) {
        const wa_match *m = &r->matches[i];
        if (m->cancelled)
            continue;
        const char *src = m->field ? doc->text : doc->title;
        rc |= wa_buf_append_str(out, first ? "{\"term\":" : ",{\"term\":");
        first = 0;
        if (m->from_pattern)
            rc |= put_str(out, src + m->start, m->end - m->start);
        else
            rc |= put_cstr(out, d->terms[m->index].raw);
        rc |= wa_buf_append_str(out, ",\"group\":") | put_cstr(out, d->groups[m->group].name);
        rc |= put_uint(out, ",\"start\":", m->start) | put_uint(out, ",\"end\":", m->end);
        rc |= wa_buf_append_str(out, m->field ? ",\"field\":\"text\"" : ",\"field\":\"title\"");
        rc |= wa_buf_append_str(out, m->from_pattern ? ",\"pattern\":true}" : "}");
    }
    rc |= wa_buf_append_str(out, "],\"region\":{\"prefecture\":");
    rc |= put_cstr(out, r->pref >= 0 ? d->regions[r->pref].name : NULL);
    rc |= wa_buf_append_str(out, ",\"county\":") | put_cstr(out, r->county >= 0 ? d->regions[r->county].name : NULL);
    rc |= wa_buf_append_str(out, "},\"entities\":{\"company\":");
    if (r->company.value > 0 && r->company_name.data)
        rc |= put_str(out, r->company_name.data, r->company_name.len);
    else
        rc |= wa_buf_append_str(out, "null");
    rc |= wa_buf_append_str(out, ",\"workers\":") | put_num(out, r->workers.value);
    rc |= wa_buf_append_str(out, ",\"months\":") | put_num(out, r->months.value);
    rc |= wa_buf_append_str(out, ",\"amount_yuan\":") | put_num(out, r->amount.value);
    rc |= wa_buf_append_str(out, "},\"dict_version\":") | put_cstr(out, d->version);
    if (truncated)
        rc |= wa_buf_append_str(out, ",\"truncated\":true");
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

/* The names a hit's own fields take; a document field so named is replaced. */
static const char *const hit_names[] = {"score",    "level",        "lang",      "matches",      "region",
                                        "entities", "dict_version", "truncated", "input_warning"};

int wa_hit_to_json(const wa_dict *d, const wa_result *r, const wa_doc *doc, const char *line, size_t line_len,
                   int truncated, wa_buf *out)
{
    size_t mark = out->len, close;
    int empty, rc = 0;
    if (splice_point(line, line_len, &close, &empty)) {
        rc |= wa_buf_append(out, line, close);
        if (!empty)
            rc |= wa_buf_append(out, ",", 1);
    } else {
        json_error_t jerr;
        json_t *o = json_loadb(line, line_len, JSON_ALLOW_NUL, &jerr);
        const char *warning = NULL;
        if (o && json_is_object(o)) {
            for (size_t i = 0; i < sizeof hit_names / sizeof hit_names[0]; i++)
                json_object_del(o, hit_names[i]);
        } else {
            /* The line passed simdjson but not jansson (an integer beyond 64
             * bits, say): carry the fields we read rather than lose the hit. */
            json_decref(o);
            o = json_object();
            if (!o)
                return -1;
            rc |= json_object_set_new(o, "id", json_stringn(doc->id, doc->id_len));
            if (doc->title)
                rc |= json_object_set_new(o, "title", json_stringn(doc->title, doc->title_len));
            rc |= json_object_set_new(o, "text", json_stringn(doc->text, doc->text_len));
            warning = jerr.text;
        }
        char *s = rc == 0 ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        int has_fields = json_object_size(o) > 0;
        json_decref(o);
        if (!s)
            return -1;
        /* s is "{...}": keep it open for the hit's fields */
        rc |= wa_buf_append(out, s, strlen(s) - 1);
        free(s);
        if (has_fields)
            rc |= wa_buf_append(out, ",", 1);
        if (warning)
            rc |= wa_buf_append_str(out, "\"input_warning\":") | put_cstr(out, warning) | wa_buf_append(out, ",", 1);
    }
    rc |= put_hit_fields(out, d, r, doc, truncated);
    rc |= wa_buf_append(out, "}\n", 2);
    if (rc != 0)
        out->len = mark; /* no half-written hit */
    return rc ? -1 : 0;
}
