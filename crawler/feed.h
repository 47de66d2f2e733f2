/* Feeds and sitemaps: RSS 2.0, RSS 1.0 (RDF), Atom, and sitemaps
 * (<urlset> and <sitemapindex>), parsed with libxml2's XML parser with the
 * network and external entities off. Malformed XML is recovered as far as
 * the parser can; what cannot be read at all is an error. */
#ifndef WA_CRAWLER_FEED_H
#define WA_CRAWLER_FEED_H

#include <stddef.h>

typedef enum {
    WA_FEED_RSS2,
    WA_FEED_RSS1,
    WA_FEED_ATOM,
    WA_FEED_SITEMAP,      /* <urlset>: items are pages */
    WA_FEED_SITEMAP_INDEX /* <sitemapindex>: items are further sitemaps */
} wa_feed_kind;

typedef struct {
    char *title;        /* "" when none */
    char *link;         /* absolute http(s) URL, NULL when none or unusable */
    char *guid;         /* NULL when none */
    char *summary;      /* plain text of description/content, "" when none */
    char *published_at; /* RFC 3339, NULL when none */
    char *author;       /* NULL when none */
} wa_feed_item;

typedef struct {
    wa_feed_kind kind;
    char *title; /* the channel's title, "" when none */
    wa_feed_item *items;
    size_t n;
} wa_feed;

/* Parse a feed or sitemap already converted to UTF-8 (any encoding
 * declaration inside is ignored). At most max_items items are kept.
 * Returns 0, or -1 with the reason in err (not XML, not a known kind). */
int wa_feed_parse(const char *xml, size_t len, const char *base_url, int default_offset_min, size_t max_items,
                  wa_feed *out, char *err, size_t errcap);
void wa_feed_free(wa_feed *f);

const char *wa_feed_kind_name(wa_feed_kind k);

#endif
