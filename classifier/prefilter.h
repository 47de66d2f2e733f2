/* The cheap first pass over a document.
 *
 * A hit needs a subject term (sanitation workers) and an arrears event, and
 * an event is an event term or an event pattern that covers an event or wage
 * term (SPEC §3.1, dict/README.md). So a document whose normalised text holds
 * no subject term, or no event or wage term, cannot be a hit.
 *
 * Two passes decide that without normalising most documents:
 *  - raw: one Vectorscan literal pass over the raw text. Every subject, event
 *    and wage term has an anchor, its rarest pair of adjacent characters
 *    (环卫, 拖欠) or, for Tibetan, its rarest letter. The raw pass looks for
 *    every raw spelling of every anchor (traditional, full-width, precomposed
 *    forms...). Normalisation may also drop noise between the two characters
 *    of a pair (环 卫, 拖*欠), so the raw pass also looks for the first
 *    character followed by the first bytes of any character normalisation
 *    drops: such a find is only a "maybe".
 *  - exact: for a "maybe", the document is normalised without the offset map
 *    and the whole terms are looked for in the normalised text.
 * Neither pass can drop a document the full classifier would call a hit:
 * tests/unit/test_prefilter.c, the corpus test and the fuzzer check that. */
#ifndef WA_PREFILTER_H
#define WA_PREFILTER_H

#include <stddef.h>

#include "dict.h"

enum { WA_PF_NO = 0, WA_PF_YES = 1, WA_PF_MAYBE = 2 };

/* Build d->prefilter from d's terms (using the cache when cache_dir is set). */
int wa_prefilter_build(wa_dict *d, const char *cache_dir, wa_diag *diag);
void wa_prefilter_free(wa_prefilter *p);

/* Allocate or grow a Vectorscan scratch for the prefilter's databases. */
int wa_prefilter_alloc_scratch(const wa_prefilter *p, void **scratch);

/* The raw pass over valid UTF-8: WA_PF_NO, WA_PF_YES or WA_PF_MAYBE; -1 on
 * a scan error. */
int wa_prefilter_raw(const wa_prefilter *p, void *scratch, const char *title, size_t title_len, const char *text,
                     size_t text_len);

/* The exact pass over normalised text: 1 when both kinds of terms are there. */
int wa_prefilter_exact(const wa_prefilter *p, void *scratch, const char *norm, size_t len);

/* Distinct terms on a side (0 subject, 1 event and wage) and raw literals. */
size_t wa_prefilter_count(const wa_prefilter *p, int side);
size_t wa_prefilter_literals(const wa_prefilter *p);

#endif
