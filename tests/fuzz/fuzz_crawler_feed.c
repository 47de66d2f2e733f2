/* libFuzzer target: feeds and sitemaps (RSS 2.0, RSS 1.0, Atom, urlset,
 * sitemapindex) from raw bytes. */
#include <stdint.h>
#include <stdlib.h>

#include "../../crawler/charset.h"
#include "../../crawler/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wa_buf text;
    wa_buf_init(&text);
    wa_charset cs;
    if (wa_charset_decode("application/xml", data, size, &text, &cs, NULL) != 0)
        abort();
    wa_feed f;
    char err[256];
    if (wa_feed_parse(text.data ? text.data : "", text.len, "http://example.org/feed.xml", 480, 1000, &f, err,
                      sizeof err) == 0) {
        for (size_t i = 0; i < f.n; i++)
            if (!f.items[i].title || !f.items[i].summary)
                abort();
        wa_feed_free(&f);
    } else if (!err[0]) {
        abort(); /* a rejection always says why */
    }
    wa_buf_free(&text);
    return 0;
}
