/* The cheap first pass over a document.
 *
 * A hit needs a subject term (sanitation workers) and an arrears event, and
 * an event is an event term or an event pattern that covers an event or wage
 * term (SPEC §3.1, dict/README.md). So a document whose normalised text holds
 * no subject term, or no event or wage term, cannot be a hit. The prefilter
 * normalises the document without the offset map (the costly part of
 * normalisation: no map, no sentence breaks) and looks for those terms in
 * one Vectorscan literal pass; only documents that have both go on to the
 * full classifier. It looks at the very text the classifier matches, so it
 * cannot drop a hit; tests/unit/test_prefilter.c, the command-line test on
 * the corpus and the fuzzer check that it does not.
 *
 * Looking for the terms in the raw text instead was tried twice. Loose
 * anchors (any term character next to a character normalisation drops) call
 * nearly every document "maybe". Exact detectors of every place a term can
 * hide from a literal search (a variant spelling of one of its letters, a
 * dropped character between two of its letters, a space that becomes a
 * tsheg, Tibetan marks out of order) leave only 1 % undecided, but they are
 * classes and gaps without literals, and scanning for them cost more than
 * normalising: about 0.8 s against 0.2 s on the 110 MB benchmark corpus. */
#ifndef WA_PREFILTER_H
#define WA_PREFILTER_H

#include <stddef.h>

#include "dict.h"

/* Build d->prefilter from d's terms (using the cache when cache_dir is set). */
int wa_prefilter_build(wa_dict *d, const char *cache_dir, wa_diag *diag);
void wa_prefilter_free(wa_prefilter *p);

/* Allocate or grow a Vectorscan scratch for the prefilter's database. */
int wa_prefilter_alloc_scratch(const wa_prefilter *p, void **scratch);

/* 1 when normalised text holds a subject term and an event or wage term,
 * 0 when it does not (not a hit), -1 on a scan error. */
int wa_prefilter_pass(const wa_prefilter *p, void *scratch, const char *norm, size_t len);

/* Distinct terms on a side (0 subject, 1 event and wage). */
size_t wa_prefilter_count(const wa_prefilter *p, int side);

#endif
