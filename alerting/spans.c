#include "spans.h"

#include <string.h>

/* Code points and UTF-16 units in s[0, n); -1 when n cuts a character. */
static int count_units(const char *s, size_t len, size_t n, long long *chars, long long *u16)
{
    if (n > len || (n < len && ((unsigned char)s[n] & 0xC0) == 0x80))
        return -1;
    long long c = 0, u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if ((b & 0xC0) == 0x80)
            continue;
        c++;
        u += b >= 0xF0 ? 2 : 1; /* four-byte sequences are surrogate pairs in UTF-16 */
    }
    *chars = c;
    *u16 = u;
    return 0;
}

json_t *wa_span_json(const char *text, size_t len, size_t start, size_t end, const char *field, const char *term,
                     const char *group)
{
    long long sc, su, ec, eu;
    if (start > end || count_units(text, len, start, &sc, &su) != 0 || count_units(text, len, end, &ec, &eu) != 0)
        return NULL;
    return json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:s, s:s}", "field", field, "start", (json_int_t)start,
                     "end", (json_int_t)end, "start_char", (json_int_t)sc, "end_char", (json_int_t)ec, "start_u16",
                     (json_int_t)su, "end_u16", (json_int_t)eu, "term", term ? term : "", "group",
                     group ? group : "");
}

json_t *wa_hit_view(const char *body, size_t max_text)
{
    json_t *hit = json_loads(body, 0, NULL);
    if (!json_is_object(hit)) {
        json_decref(hit);
        return NULL;
    }
    const char *text = json_string_value(json_object_get(hit, "text"));
    const char *title = json_string_value(json_object_get(hit, "title"));
    size_t tlen = text ? json_string_length(json_object_get(hit, "text")) : 0;
    size_t cut = tlen;
    if (cut > max_text) {
        cut = max_text;
        while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
            cut--;
    }
    json_t *spans = json_array();
    json_t *out = json_pack("{s:s%, s:s?, s:o, s:b}", "text", text ? text : "", cut, "title", title, "spans", spans,
                            "text_truncated", cut < tlen);
    if (!out) {
        json_decref(hit);
        return NULL;
    }
    size_t i;
    json_t *m;
    json_array_foreach(json_object_get(hit, "matches"), i, m)
    {
        const char *field = json_string_value(json_object_get(m, "field"));
        json_t *js = json_object_get(m, "start"), *je = json_object_get(m, "end");
        if (!field || !json_is_integer(js) || !json_is_integer(je) || json_integer_value(js) < 0 ||
            json_integer_value(je) < 0)
            continue;
        int in_title = strcmp(field, "title") == 0;
        const char *src = in_title ? title : text;
        size_t slen = in_title ? (title ? strlen(title) : 0) : cut;
        if (!src)
            continue;
        json_t *sp = wa_span_json(src, slen, (size_t)json_integer_value(js), (size_t)json_integer_value(je),
                                  in_title ? "title" : "text", json_string_value(json_object_get(m, "term")),
                                  json_string_value(json_object_get(m, "group")));
        if (sp && json_array_append_new(spans, sp) != 0) {
            json_decref(out);
            json_decref(hit);
            return NULL;
        }
    }
    json_decref(hit);
    return out;
}
