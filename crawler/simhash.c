#include "simhash.h"

#include <pthread.h>

#include "../common/utf8.h"

/* Characters that carry no content for duplicate detection. */
static int skipped(uint32_t cp)
{
    if (cp < 0x80)
        return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) || /* spaces, dashes, quotes, zero-width */
           (cp >= 0x3000 && cp <= 0x303F) ||               /* CJK punctuation, ideographic space */
           (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFEFF || cp == 0xFFFD || cp == 0x0F0B || cp == 0x0F0D;
}

/* A 64-bit mix (splitmix64's finaliser) so that neighbouring shingles
 * spread over all bits. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

/* Counting, for each of the 64 bits, how many shingle hashes have it set,
 * one bit at a time costs 64 steps a shingle. Instead each byte of a hash is
 * spread into eight one-byte lanes (spread[byte]) and added to a word of
 * eight lane counters: eight additions a shingle. A lane holds up to 255, so
 * the lanes are emptied into wide counters every 255 shingles. */
static uint64_t spread[256];
static pthread_once_t spread_once = PTHREAD_ONCE_INIT;

static void spread_init(void)
{
    for (unsigned v = 0; v < 256; v++) {
        uint64_t w = 0;
        for (unsigned j = 0; j < 8; j++)
            if (v >> j & 1)
                w |= 1ull << (8 * j);
        spread[v] = w;
    }
}

static void empty_lanes(uint64_t lanes[8], uint64_t ones[64])
{
    for (int k = 0; k < 8; k++) {
        for (int j = 0; j < 8; j++)
            ones[8 * k + j] += (lanes[k] >> (8 * j)) & 0xFF;
        lanes[k] = 0;
    }
}

uint64_t wa_simhash(const char *text, size_t len, size_t *shingles)
{
    pthread_once(&spread_once, spread_init);
    uint64_t ones[64] = {0}, lanes[8] = {0};
    unsigned in_lanes = 0;
    uint32_t win[3] = {0, 0, 0};
    size_t have = 0, n = 0, i = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (i < len) {
        size_t adv;
        uint32_t cp = wa_utf8_decode(p + i, len - i, &adv);
        i += adv;
        if (cp == WA_UTF8_INVALID || skipped(cp))
            continue;
        if (cp >= 'A' && cp <= 'Z')
            cp += 32;
        if (cp >= 0xFF10 && cp <= 0xFF5A)
            cp -= 0xFEE0; /* full-width digits and letters */
        win[0] = win[1];
        win[1] = win[2];
        win[2] = cp;
        if (++have < 2)
            continue;
        uint64_t h = mix(((uint64_t)win[1] << 21) ^ win[2]);
        for (int k = 0; k < 8; k++)
            lanes[k] += spread[(h >> (8 * k)) & 0xFF];
        n++;
        if (++in_lanes == 255) {
            empty_lanes(lanes, ones);
            in_lanes = 0;
        }
    }
    empty_lanes(lanes, ones);
    /* a bit is set when more than half of the shingles have it */
    uint64_t fp = 0;
    for (int b = 0; b < 64; b++)
        if (2 * ones[b] > n)
            fp |= 1ull << b;
    if (shingles)
        *shingles = n;
    return fp;
}
