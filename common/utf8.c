#include "utf8.h"

size_t wa_utf8_check(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* ASCII runs are the common case in keys and Latin text. */
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t adv;
        if (wa_utf8_decode(p + i, len - i, &adv) == WA_UTF8_INVALID)
            return i;
        i += adv;
    }
    return len;
}

size_t wa_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}
