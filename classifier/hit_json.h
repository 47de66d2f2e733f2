/* Writing a hit (SPEC §3.1 "Hit fields"): the document's own fields, then
 * score, level, lang, matches, region, entities and dict_version. A field of
 * the document with one of those names is replaced by the classifier's. */
#ifndef WA_HIT_JSON_H
#define WA_HIT_JSON_H

#include "../common/buf.h"
#include "classifier.h"

/* Append one JSON object and a newline to out. line is the original input
 * line (its fields are carried through). Returns 0, or -1 on failure. */
int wa_hit_to_json(const wa_dict *d, const wa_result *r, const wa_doc *doc, const char *line, size_t line_len,
                   int truncated, wa_buf *out);

#endif
