/* Near-duplicate detection of reposts: a 64-bit SimHash over character
 * bigrams. Shingles of characters rather than words work on Chinese,
 * which is written without spaces; whitespace and punctuation are skipped
 * and ASCII letters lower-cased first, so a repost that changes layout,
 * punctuation or a few words stays within a small Hamming distance of the
 * original, while unrelated texts land about 32 bits apart. Bigrams (two
 * characters, the length of most Chinese words) beat longer shingles here:
 * an edit disturbs fewer of them, so reposts stay closer. */
#ifndef WA_CRAWLER_SIMHASH_H
#define WA_CRAWLER_SIMHASH_H

#include <stddef.h>
#include <stdint.h>

/* The fingerprint of a UTF-8 text; *shingles (may be NULL) receives the
 * number of shingles it was built from: too few (a one-line text) make a
 * fingerprint that should not be compared. */
uint64_t wa_simhash(const char *text, size_t len, size_t *shingles);

static inline int wa_simhash_distance(uint64_t a, uint64_t b)
{
    return __builtin_popcountll(a ^ b);
}

/* Default largest distance at which two texts count as the same story. */
#define WA_SIMHASH_NEAR 8
/* Fewer shingles than this: no near-duplicate check. */
#define WA_SIMHASH_MIN_SHINGLES 30

#endif
