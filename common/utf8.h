/* UTF-8 decoding, encoding and validation shared by every binary.
 *
 * The classifier walks untrusted text codepoint by codepoint, so the decoder
 * never reads past the end of its buffer and reports malformed sequences
 * instead of guessing. */
#ifndef WA_UTF8_H
#define WA_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define WA_UTF8_INVALID 0xFFFFFFFFu

/* Decode one codepoint at s[0..len). On success returns the codepoint and
 * sets *adv to its byte length; on a malformed, overlong, surrogate or
 * truncated sequence returns WA_UTF8_INVALID and sets *adv to 1. */
static inline uint32_t wa_utf8_decode(const unsigned char *s, size_t len, size_t *adv)
{
    unsigned c = s[0];
    *adv = 1;
    if (c < 0x80)
        return c;
    if (c < 0xC2)
        return WA_UTF8_INVALID;
    if (c < 0xE0) {
        if (len < 2 || (s[1] & 0xC0) != 0x80)
            return WA_UTF8_INVALID;
        *adv = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c < 0xF0) {
        if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return WA_UTF8_INVALID;
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
            return WA_UTF8_INVALID;
        *adv = 3;
        return cp;
    }
    if (c < 0xF5) {
        if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return WA_UTF8_INVALID;
        uint32_t cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (cp < 0x10000 || cp > 0x10FFFF)
            return WA_UTF8_INVALID;
        *adv = 4;
        return cp;
    }
    return WA_UTF8_INVALID;
}

/* Encode cp into out (at least 4 bytes); returns the byte count. */
static inline size_t wa_utf8_encode(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Returns the byte offset of the first invalid sequence, or len when the
 * whole buffer is valid UTF-8. */
size_t wa_utf8_check(const char *s, size_t len);

/* Number of codepoints in s[0..len) (invalid bytes count one each). */
size_t wa_utf8_count(const char *s, size_t len);

#endif
