/* libFuzzer target: robots.txt parsing and matching. The input's first
 * line is the path to check, the rest is the robots.txt. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../crawler/robots.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *nl = memchr(text, '\n', size);
    size_t plen = nl ? (size_t)(nl - text) : 0;
    char *path = malloc(plen + 2);
    if (!path)
        return 0;
    path[0] = '/';
    memcpy(path + 1, text, plen);
    path[plen + 1] = '\0';
    /* an embedded NUL simply ends the path early */
    wa_robots *r = wa_robots_parse(nl ? nl + 1 : text, nl ? size - plen - 1 : size, "wa-crawler");
    if (!r)
        abort();
    (void)wa_robots_allowed(r, path);
    (void)wa_robots_allowed(r, "/");
    double d = wa_robots_crawl_delay(r);
    if (d < 0 || d > 60)
        abort();
    wa_robots_free(r);
    free(path);
    return 0;
}
