/* The cheap first pass over a document.
 *
 * A hit needs a subject term (sanitation workers) and, within the rules'
 * window, an arrears event, and an event is an event term or an event
 * pattern that covers an event or wage term (SPEC §3.1, dict/README.md). So a
 * document whose normalised text holds no subject term close enough to an
 * event or wage term cannot be a hit. The prefilter answers that in two
 * stages, and only the documents it cannot rule out go on to the full
 * classifier:
 *
 *  1. The raw stage looks at the text as written, without normalising it:
 *     one Vectorscan pass for the terms and for every variant spelling of
 *     their letters (traditional, compatibility and full-width forms,
 *     look-alikes, Tibetan marks that normalisation rewrites), and a vector
 *     scan for characters normalisation drops (spaces, symbols, zero-width
 *     characters, emoji, stray tshegs) between two letters that follow each
 *     other in some term. With neither a variant nor such a gap, normalised
 *     text holds a term only where the text as written holds it, so a
 *     document without both kinds of term is rejected here. Most documents
 *     end in this stage.
 *  2. The rest is normalised without the offset map (the costly part of
 *     normalisation: no map, no sentence breaks) and the terms are searched
 *     with their places: a subject and an event term must lie within the
 *     rules' window, in characters counted as the classifier counts them.
 *     Failing that, an event pattern may still pair: it covers an event or
 *     wage term (a wage term is no event by itself) and may reach past it
 *     (欠了4个月 holds 欠了). So where such a term lies within the window
 *     widened by the longest term and the widest event pattern, the event
 *     patterns are searched too, in Vectorscan's prefilter mode (whose
 *     matches include PCRE2's, at the same ends), and a match, taken to
 *     start as far back as the widest pattern reaches (a pattern without a
 *     bound on its width: the start of the text), must lie within the window
 *     of a subject. A subject term in the title pairs with an event or wage
 *     term anywhere, as the classifier pairs a title's subject.
 *
 * It looks at nothing the classifier would not, so it cannot drop a hit;
 * tests/unit/test_prefilter.c (the corpus and thousands of mutated copies,
 * every hiding place, far-apart terms), the command-line test on the corpus
 * and the fuzzer check that it does not.
 *
 * Looking for the terms in the raw text with exact detectors of every place
 * a term can hide (character classes and gaps in Vectorscan patterns) was
 * tried before and cost more than normalising; the raw stage instead keeps
 * Vectorscan to literals and checks gaps one dropped character at a time. */
#ifndef WA_PREFILTER_H
#define WA_PREFILTER_H

#include <stddef.h>

#include "dict.h"
#include "normalize.h"

/* Build d->prefilter from d's terms (using the cache when cache_dir is set). */
int wa_prefilter_build(wa_dict *d, const char *cache_dir, wa_diag *diag);
void wa_prefilter_free(wa_prefilter *p);

/* Allocate or grow a Vectorscan scratch for the prefilter's database. */
int wa_prefilter_alloc_scratch(const wa_prefilter *p, void **scratch);

/* 1 when normalised text q (title, break, text; made without the offset
 * map) holds a subject term and, within the rules' window, an event term or
 * an event pattern's match (looked for only near an event or wage term), or
 * a subject term in the title and an event or wage term anywhere (a title
 * names the topic of a text of any length); 0 when it does not (not a hit),
 * -1 on a scan error. title_end: where the text starts in q (0: no title). */
int wa_prefilter_pass(const wa_prefilter *p, void *scratch, const wa_norm *q, size_t title_end);

enum { WA_PREFILTER_REJECT = 0, WA_PREFILTER_PASS = 1, WA_PREFILTER_UNSURE = 2 };

/* The raw stage, on title and text as written: REJECT when normalised text
 * cannot hold a subject term and an event or wage term (then
 * wa_prefilter_pass would say 0), PASS when the text as written holds both,
 * UNSURE when only normalising can tell; -1 on a scan error. valid_utf8: both
 * are known to be valid UTF-8 (else they are checked: invalid bytes make it
 * UNSURE). */
int wa_prefilter_raw(const wa_prefilter *p, void *scratch, const char *title, size_t title_len, const char *text,
                     size_t text_len, int valid_utf8);

/* 1 when every event pattern has a bounded width, so the window bounds
 * pattern events too; 0 when an event pattern near an event or wage term
 * may pair with a subject anywhere (then a document holding both kinds of
 * term as written goes straight to the full classifier). */
int wa_prefilter_has_window(const wa_prefilter *p);

/* Variant letters the raw stage looks for (0 when it is off). */
size_t wa_prefilter_variants(const wa_prefilter *p);

/* Distinct terms on a side (0 subject, 1 event and wage). */
size_t wa_prefilter_count(const wa_prefilter *p, int side);

#endif
