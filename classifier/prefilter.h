/* The cheap first pass over a document's raw text.
 *
 * A hit needs a subject term (sanitation workers) and an arrears event, and
 * an event is either an event term or an event pattern that covers a wage
 * term (SPEC §3.1, dict/README.md). So a document whose raw text has no
 * character that could become part of a subject term, or none that could
 * become part of an event or wage term, cannot be a hit, whatever the
 * normalisation does. For every such term one "anchor" character is chosen,
 * and the prefilter looks for every raw spelling of the anchors (traditional
 * forms, full-width forms, Tibetan precomposed letters ...) in one Vectorscan
 * pass over the raw bytes. All-ASCII terms (pinyin) are looked for as the
 * letters of the term with anything but letters and digits between them.
 *
 * The prefilter may pass documents that are not hits; it must never drop one
 * that the full classifier would call a hit. tests/unit/test_prefilter.c and
 * the corpus test check exactly that. */
#ifndef WA_PREFILTER_H
#define WA_PREFILTER_H

#include <stddef.h>

#include "dict.h"

/* Build d->prefilter from d's terms (using the cache when cache_dir is set). */
int wa_prefilter_build(wa_dict *d, const char *cache_dir, wa_diag *diag);
void wa_prefilter_free(wa_prefilter *p);

/* Allocate or grow a Vectorscan scratch for the prefilter database. */
int wa_prefilter_alloc_scratch(const wa_prefilter *p, void **scratch);

/* 1 when the document may be a hit and needs the full classifier, 0 when it
 * cannot be one, -1 on a scan error. */
int wa_prefilter_pass(const wa_prefilter *p, void *scratch, const char *title, size_t title_len,
                      const char *text, size_t text_len);

/* For explain and tests: the anchor characters, as a UTF-8 string. */
const char *wa_prefilter_anchors(const wa_prefilter *p, int side);

#endif
