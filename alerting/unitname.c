#include "unitname.h"

#include <string.h>

#include "../classifier/normalize.h"

/* Legal forms written interchangeably for the same company, longest first;
 * each becomes the short form so that the variants compare equal. */
static const struct {
    const char *from, *to;
} forms[] = {
    {"股份有限责任公司", "公司"},
    {"股份有限公司", "公司"},
    {"有限责任公司", "公司"},
    {"有限公司", "公司"},
    {"责任公司", "公司"},
};

/* Replace every occurrence of from by to in b (to is never longer). */
static void replace_all(wa_buf *b, const char *from, const char *to)
{
    size_t fl = strlen(from), tl = strlen(to), r = 0, w = 0;
    while (r < b->len) {
        if (b->len - r >= fl && memcmp(b->data + r, from, fl) == 0) {
            memmove(b->data + w, to, tl);
            w += tl;
            r += fl;
        } else {
            b->data[w++] = b->data[r++];
        }
    }
    b->len = w;
}

int wa_unit_key(const char *name, size_t len, wa_buf *out)
{
    out->len = 0;
    if (wa_norm_string(name, len, out) != 0)
        return -1;
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        replace_all(out, forms[i].from, forms[i].to);
    return wa_buf_terminate(out);
}
