/* URLs as the crawler handles them: resolved against the page they came
 * from, restricted to http and https, and reduced to a canonical form for
 * deduplication.
 *
 * The canonical form: lower-case scheme and host, no default port, dot
 * segments removed, "/" for an empty path, no fragment, no tracking
 * parameters (utm_*, fbclid, gclid, spm, ...), the remaining query
 * parameters sorted, and non-ASCII bytes and spaces percent-encoded. Two
 * links to the same article with different campaign tags then compare
 * equal. The fetch URL keeps the query as the site wrote it (only the
 * fragment goes), since some sites care about parameter order. */
#ifndef WA_CRAWLER_URLCANON_H
#define WA_CRAWLER_URLCANON_H

#include <stddef.h>

/* Resolve ref (absolute or relative; surrounding whitespace ignored)
 * against base (may be NULL when ref is absolute). Returns a malloc'd
 * http(s) URL without fragment, or NULL when it is not a usable http(s) URL
 * (mailto:, javascript:, malformed, over 8 KB). */
char *wa_url_resolve(const char *base, const char *ref);

/* The canonical form of ref resolved against base, malloc'd, or NULL. */
char *wa_url_canonical(const char *base, const char *ref);

/* "scheme://host[:port]" of an absolute URL into out; -1 when it does not
 * fit or the URL is not http(s). */
int wa_url_origin(const char *url, char *out, size_t cap);

/* The path and query ("/a/b?x=1") of an absolute URL, malloc'd, or NULL. */
char *wa_url_path_query(const char *url);

/* Whether a query parameter name is a tracking parameter dropped from
 * canonical URLs. */
int wa_url_is_tracking_param(const char *name, size_t len);

#endif
