/* What an article page says: title, main text, publication time, author,
 * canonical URL; and the links of a list page. HTML is parsed by libxml2's
 * HTML parser (which recovers from any markup), queried with XPath.
 *
 * With XPath selectors from the source's configuration, those decide. Without
 * them the main text is found the way reading-mode tools do it: scripts,
 * navigation, headers, footers, asides, forms and blocks whose class or id
 * names them as comments, sharing widgets, related links and the like are
 * dropped; every paragraph-like block scores by its length and its Chinese
 * and Western punctuation, the score flows to its parent and (halved) its
 * grandparent; the best container, discounted by its share of link text,
 * is the article body. Title, time and author come from meta tags, <time>,
 * JSON-LD, then from the page's visible text (e.g. "发布时间：2026年11月25日
 * 10:30", "作者：..."). */
#ifndef WA_CRAWLER_EXTRACT_H
#define WA_CRAWLER_EXTRACT_H

#include <stddef.h>

#include "../common/buf.h"

/* Optional XPath selectors of an article page (NULL: automatic). */
typedef struct {
    const char *title;
    const char *body;
    const char *time;
    const char *author;
} wa_xpaths;

typedef struct {
    char *title;        /* "" when none */
    char *text;         /* the main text, paragraphs separated by "\n"; "" when none */
    char *author;       /* NULL when unknown */
    char *published_at; /* RFC 3339, NULL when unknown */
    char *canonical;    /* absolute rel=canonical URL, NULL when none */
} wa_article;

/* Extract from UTF-8 html (as produced by wa_charset_decode). base_url
 * resolves relative links. default_offset_min is the zone of times written
 * without one. Returns 0, or -1 with the reason in err (unparseable input, a
 * bad XPath, out of memory). */
int wa_extract_article(const char *html, size_t len, const char *base_url, const wa_xpaths *xp,
                       int default_offset_min, wa_article *out, char *err, size_t errcap);
void wa_article_free(wa_article *a);

/* Absolute http(s) URLs selected by xpath (attribute nodes such as
 * //a/@href, or elements whose href is taken) in a UTF-8 HTML page;
 * duplicates removed, order kept, at most max. The caller frees each and
 * the array. Returns 0, or -1 with the reason in err. */
int wa_extract_links(const char *html, size_t len, const char *base_url, const char *xpath, size_t max, char ***links,
                     size_t *n, char *err, size_t errcap);
void wa_links_free(char **links, size_t n);

/* The visible text of an HTML fragment (feed descriptions, board posts),
 * block elements separated by "\n", appended to out. Returns 0 or -1. */
int wa_html_to_text(const char *html, size_t len, wa_buf *out);

/* Whether an XPath expression compiles (for configuration checks). */
int wa_xpath_valid(const char *xpath);

/* Collapse runs of blanks, trim lines, drop empty ones; in place. */
void wa_text_tidy(char *s);

#endif
