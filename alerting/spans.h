/* Matched spans for highlighting (case detail, explain). Offsets are given
 * three ways, all into the original field's text, end exclusive:
 *   start, end             UTF-8 byte offsets (as the classifier reports them)
 *   start_char, end_char   Unicode code-point offsets
 *   start_u16, end_u16     UTF-16 code-unit offsets: JavaScript's
 *                          text.slice(start_u16, end_u16) is the matched text */
#ifndef WA_SPANS_H
#define WA_SPANS_H

#include <jansson.h>
#include <stddef.h>

/* One span object {"field", "start", "end", "start_char", "end_char",
 * "start_u16", "end_u16", "term", "group"}; NULL when the offsets do not fall
 * on character boundaries within text, or out of memory. */
json_t *wa_span_json(const char *text, size_t len, size_t start, size_t end, const char *field, const char *term,
                     const char *group);

/* A stored hit message (JSON text) → {"text", "title", "spans": [...],
 * "text_truncated"} with the text cut at max_text bytes (on a character
 * boundary; spans past the cut are dropped). NULL when body is not a JSON
 * object or out of memory. */
json_t *wa_hit_view(const char *body, size_t max_text);

#endif
