/* libFuzzer target: a fetched HTML page, from raw bytes through charset
 * detection and conversion to the article and the list links. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../crawler/charset.h"
#include "../../crawler/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The first byte picks a Content-Type header, as servers send them. */
    static const char *const types[] = {NULL, "text/html; charset=utf-8", "text/html; charset=gbk",
                                        "text/html; charset=big5", "text/html; charset=iso-8859-1"};
    const char *ct = size ? types[data[0] % 5] : NULL;
    wa_buf text;
    wa_buf_init(&text);
    wa_charset cs;
    if (wa_charset_decode(ct, data, size, &text, &cs, NULL) != 0)
        abort(); /* every charset we choose converts */
    const char *html = text.data ? text.data : "";
    wa_article a;
    char err[256];
    if (wa_extract_article(html, text.len, "http://example.org/a/b.html", NULL, 480, &a, err, sizeof err) == 0) {
        if (!a.title || !a.text)
            abort();
        wa_article_free(&a);
    }
    wa_xpaths xp = {"//h1", "//div[@class='content']//p", "//span[@class='time']", "//meta[@name='author']/@content"};
    if (wa_extract_article(html, text.len, "http://example.org/", &xp, 480, &a, err, sizeof err) == 0)
        wa_article_free(&a);
    char **links;
    size_t n;
    if (wa_extract_links(html, text.len, "http://example.org/list/", "//a/@href", 1000, &links, &n, err, sizeof err) ==
        0)
        wa_links_free(links, n);
    wa_buf_free(&text);
    return 0;
}
