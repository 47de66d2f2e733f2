/* Reading numbers as people write them in posts: Arabic digits (with a
 * decimal point), Chinese numerals (三个月, 五十多名, 十五万元, 两万多, 壹仟),
 * mixed forms (1.5万, 3千), and Tibetan number words (ལྔ་བཅུ, ཉི་ཤུ་རྩ་ལྔ,
 * ཁྲི་གཉིས). Tibetan digits are folded to Arabic ones by the normaliser.
 * Approximation words (多, 余, 来, 几) are ignored: 五十多 reads as 50. */
#ifndef WA_NUMERALS_H
#define WA_NUMERALS_H

#include <stddef.h>

/* Parse s[0..len) (normalised text). Returns 0 and sets *out when at least
 * one numeral was read, -1 otherwise. */
int wa_parse_number(const char *s, size_t len, double *out);

#endif
