/* Normalised employing-unit names, so that the posts of one incident meet
 * in one case however they write the company: "拉萨市 净美环卫有限责任公司",
 * "拉薩市淨美環衛有限公司" and "拉萨市净美环卫(有限公司)" give one key.
 *
 * The classifier's normaliser does the folding (traditional → simplified,
 * full-width → half-width, lower case, spaces and symbols dropped); then the
 * legal-form suffixes that people write interchangeably are made one. */
#ifndef WA_UNITNAME_H
#define WA_UNITNAME_H

#include <stddef.h>

#include "../common/buf.h"

/* The key of a unit name into out (reset first, NUL-terminated). An empty
 * key means the name holds nothing to compare. Returns 0, or -1 when out of
 * memory. */
int wa_unit_key(const char *name, size_t len, wa_buf *out);

#endif
