/* Text normalisation for matching (SPEC §5).
 *
 * The matcher sees one canonical form of a text: traditional characters
 * folded to simplified, full-width to half-width, ASCII lower-cased, noise
 * inside words (spaces, symbols, zero-width characters, emoji) dropped, and
 * Tibetan brought to one spelling per stack. Between digits a decimal point
 * stays, a thousands comma goes and a dash or tilde stays as '-' (7-10月 is a
 * range, not 710月). Terms are normalised by the same
 * code, so "環 衛*工人" in a post meets "环卫工人" in the dictionary.
 *
 * Every normalised byte remembers which original bytes produced it, so a
 * match found in the normalised text is reported at its place in the text
 * the user wrote. */
#ifndef WA_NORMALIZE_H
#define WA_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"

typedef struct {
    wa_buf text;          /* normalised UTF-8, NUL-terminated */
    uint32_t *src_start;  /* per normalised byte: first original byte */
    uint32_t *src_end;    /* per normalised byte: one past the last original byte */
    size_t map_cap;
    uint32_t *breaks;     /* normalised offsets of sentence breaks, ascending */
    size_t nbreaks, breaks_cap;
    size_t n_han, n_tibetan, n_latin; /* letters seen, for language detection */
    int no_map;           /* set by the caller: text only, no map and no breaks (faster) */
} wa_norm;

void wa_norm_init(wa_norm *n);
void wa_norm_free(wa_norm *n);
void wa_norm_reset(wa_norm *n);

/* Append the normalised form of s[0..len) to n. Original offsets recorded in
 * the map are base + the offset in s. Invalid UTF-8 bytes are skipped. */
int wa_norm_append(wa_norm *n, const char *s, size_t len, uint32_t base);

/* Append a sentence break (used between fields, e.g. title and text). */
int wa_norm_append_break(wa_norm *n, uint32_t at);

/* Normalise a dictionary term or any short string into out (reset first). */
int wa_norm_string(const char *s, size_t len, wa_buf *out);

/* What normalisation makes of one codepoint between two letters, outside
 * Tibetan (whose marks depend on their neighbours and are returned as they
 * are): its folded, lower-cased form, or 0 when it is dropped. A full stop,
 * kept only between digits, counts as dropped; a comma, dropped only between
 * digits (1,500), is returned as ','. */
uint32_t wa_norm_char(uint32_t cp);

/* True for codepoints that belong to a Tibetan syllable (letters, vowel
 * signs, subjoined letters, marks): everything else is a syllable boundary. */
int wa_tibetan_is_syllable_cp(uint32_t cp);

/* The word a pictograph stands for in a post, or 0 for any other codepoint:
 * 💰 and the other money signs for 钱; the broom 🧹, the toilet 🚽 and the
 * bin 🗑 (🚮 too) for themselves, letters the dictionary may hold; the cross
 * ❌, 🚫 and the squared 🈚 for 没. Outside Tibetan text these are read as
 * letters, not dropped as emoji are: 工💰 is 工钱, 环🧹工人 holds 🧹, 💰❌ is
 * 钱没. After a Tibetan syllable they stand for a tsheg, as other symbols do.
 * Every one lies at U+2000..U+2BFF or beyond the BMP. */
uint32_t wa_pictograph_word(uint32_t cp);

/* True for codepoints that end a sentence in normalised text. */
int wa_norm_is_break_cp(uint32_t cp);

#endif
