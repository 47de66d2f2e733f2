#include "feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/buf.h"
#include "dates.h"
#include "extract.h"
#include "urlcanon.h"

static int named(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, local) == 0;
}

static int ns_is(const xmlNode *n, const char *prefix_or_part)
{
    return n->ns && n->ns->href && strstr((const char *)n->ns->href, prefix_or_part) != NULL;
}

static xmlNode *child(const xmlNode *parent, const char *local)
{
    for (xmlNode *c = parent->children; c; c = c->next)
        if (named(c, local))
            return c;
    return NULL;
}

static char *content(const xmlNode *n)
{
    if (!n)
        return NULL;
    xmlChar *c = xmlNodeGetContent(n);
    if (!c)
        return NULL;
    char *s = strdup((const char *)c);
    xmlFree(c);
    if (s)
        wa_text_tidy(s);
    return s;
}

/* Text of a description that may hold escaped HTML. */
static char *plain(const xmlNode *n)
{
    if (!n)
        return NULL;
    xmlChar *c = xmlNodeGetContent(n);
    if (!c)
        return NULL;
    wa_buf b;
    wa_buf_init(&b);
    int rc = wa_html_to_text((const char *)c, strlen((const char *)c), &b);
    xmlFree(c);
    if (rc != 0 || wa_buf_terminate(&b) != 0) {
        wa_buf_free(&b);
        return NULL;
    }
    return b.data ? b.data : strdup("");
}

static char *date_of(const xmlNode *n, int def_off)
{
    char *s = content(n);
    if (!s)
        return NULL;
    wa_date d;
    char *out = NULL;
    if (wa_date_parse(s, strlen(s), def_off, &d) == 0) {
        char buf[40];
        wa_date_format(&d, buf, sizeof buf);
        out = strdup(buf);
    }
    free(s);
    return out;
}

static void item_free(wa_feed_item *it)
{
    free(it->title);
    free(it->link);
    free(it->guid);
    free(it->summary);
    free(it->published_at);
    free(it->author);
}

void wa_feed_free(wa_feed *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++)
        item_free(&f->items[i]);
    free(f->items);
    free(f->title);
    memset(f, 0, sizeof *f);
}

const char *wa_feed_kind_name(wa_feed_kind k)
{
    switch (k) {
    case WA_FEED_RSS2: return "rss";
    case WA_FEED_RSS1: return "rdf";
    case WA_FEED_ATOM: return "atom";
    case WA_FEED_SITEMAP: return "sitemap";
    case WA_FEED_SITEMAP_INDEX: return "sitemapindex";
    }
    return "?";
}

/* The link of an Atom entry: rel="alternate" (or no rel) first. */
static char *atom_link(const xmlNode *entry, const char *base)
{
    char *fallback = NULL;
    for (xmlNode *c = entry->children; c; c = c->next) {
        if (!named(c, "link"))
            continue;
        xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
        if (!href)
            continue;
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        int alternate = !rel || strcmp((const char *)rel, "alternate") == 0;
        xmlFree(rel);
        char *u = wa_url_resolve(base, (const char *)href);
        xmlFree(href);
        if (alternate && u) {
            free(fallback);
            return u;
        }
        if (!fallback)
            fallback = u;
        else
            free(u);
    }
    return fallback;
}

static char *atom_author(const xmlNode *entry)
{
    xmlNode *a = child(entry, "author");
    if (!a)
        return NULL;
    xmlNode *name = child(a, "name");
    return content(name ? name : a);
}

/* One item of any kind; returns 0 or -1 (memory). */
static int read_item(const xmlNode *n, wa_feed_kind kind, const char *base, int def_off, wa_feed_item *it)
{
    memset(it, 0, sizeof *it);
    if (kind == WA_FEED_SITEMAP || kind == WA_FEED_SITEMAP_INDEX) {
        char *loc = content(child(n, "loc"));
        it->link = loc ? wa_url_resolve(base, loc) : NULL;
        free(loc);
        it->published_at = date_of(child(n, "lastmod"), def_off);
        it->title = strdup("");
        it->summary = strdup("");
        return it->title && it->summary ? 0 : -1;
    }
    it->title = content(child(n, "title"));
    if (kind == WA_FEED_ATOM) {
        it->link = atom_link(n, base);
        it->guid = content(child(n, "id"));
        xmlNode *body = child(n, "content");
        it->summary = plain(body ? body : child(n, "summary"));
        xmlNode *d = child(n, "published");
        it->published_at = date_of(d ? d : child(n, "updated"), def_off);
        it->author = atom_author(n);
    } else {
        /* The first <link> with text: an atom:link (attributes only) may come first. */
        char *link = NULL;
        for (xmlNode *c = n->children; c && !link; c = c->next) {
            if (!named(c, "link"))
                continue;
            link = content(c);
            if (link && !link[0]) {
                free(link);
                link = NULL;
            }
        }
        if (!link && kind == WA_FEED_RSS1) {
            xmlChar *about = xmlGetNsProp(n, (const xmlChar *)"about",
                                          (const xmlChar *)"http://www.w3.org/1999/02/22-rdf-syntax-ns#");
            if (about) {
                link = strdup((const char *)about);
                xmlFree(about);
            }
        }
        it->guid = content(child(n, "guid"));
        if (!link && it->guid && strncmp(it->guid, "http", 4) == 0)
            link = strdup(it->guid);
        it->link = link ? wa_url_resolve(base, link) : NULL;
        free(link);
        /* content:encoded holds the full text where a feed has it */
        xmlNode *full = NULL;
        for (xmlNode *c = n->children; c && !full; c = c->next)
            if (named(c, "encoded") && ns_is(c, "content"))
                full = c;
        it->summary = plain(full ? full : child(n, "description"));
        xmlNode *d = child(n, "pubDate");
        if (!d)
            for (xmlNode *c = n->children; c && !d; c = c->next)
                if (named(c, "date") && ns_is(c, "purl.org/dc"))
                    d = c;
        it->published_at = date_of(d, def_off);
        xmlNode *au = NULL;
        for (xmlNode *c = n->children; c && !au; c = c->next)
            if (named(c, "creator") || named(c, "author"))
                au = c;
        it->author = content(au);
    }
    if (!it->title)
        it->title = strdup("");
    if (!it->summary)
        it->summary = strdup("");
    if (it->author && !it->author[0]) {
        free(it->author);
        it->author = NULL;
    }
    return it->title && it->summary ? 0 : -1;
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int wa_feed_parse(const char *xml, size_t len, const char *base_url, int def_off, size_t max_items, wa_feed *out,
                  char *err, size_t errcap)
{
    memset(out, 0, sizeof *out);
    if (len > INT_MAX) {
        snprintf(err, errcap, "too large");
        return -1;
    }
    xmlSetGenericErrorFunc(NULL, quiet);
    /* No XML_PARSE_NOENT (entities stay unexpanded: no billion laughs, no
     * external files), no DTD loading, no network. */
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, base_url, "UTF-8",
                                  XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                      XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        snprintf(err, errcap, "not well-formed XML");
        return -1;
    }
    const xmlNode *container = NULL;
    const char *item_name = NULL;
    if (named(root, "rss")) {
        out->kind = WA_FEED_RSS2;
        container = child(root, "channel");
        item_name = "item";
    } else if (named(root, "RDF")) {
        out->kind = WA_FEED_RSS1;
        container = root; /* RSS 1.0 items are siblings of the channel */
        item_name = "item";
    } else if (named(root, "feed")) {
        out->kind = WA_FEED_ATOM;
        container = root;
        item_name = "entry";
    } else if (named(root, "urlset")) {
        out->kind = WA_FEED_SITEMAP;
        container = root;
        item_name = "url";
    } else if (named(root, "sitemapindex")) {
        out->kind = WA_FEED_SITEMAP_INDEX;
        container = root;
        item_name = "sitemap";
    } else {
        snprintf(err, errcap, "root element <%.40s> is not rss, RDF, feed, urlset or sitemapindex",
                 (const char *)root->name);
        xmlFreeDoc(doc);
        return -1;
    }
    if (!container) {
        xmlFreeDoc(doc);
        snprintf(err, errcap, "an RSS feed without <channel>");
        return -1;
    }
    const xmlNode *chan = out->kind == WA_FEED_RSS1 ? child(root, "channel") : container;
    out->title = chan && out->kind <= WA_FEED_ATOM ? content(child(chan, "title")) : NULL;
    if (!out->title)
        out->title = strdup("");
    size_t cap = 0;
    int rc = out->title ? 0 : -1;
    for (xmlNode *c = container->children; c && rc == 0 && out->n < max_items; c = c->next) {
        if (!named(c, item_name))
            continue;
        void *arr = out->items;
        if (wa_grow(&arr, &cap, out->n + 1, sizeof *out->items) != 0) {
            rc = -1;
            break;
        }
        out->items = arr;
        if (read_item(c, out->kind, base_url, def_off, &out->items[out->n]) != 0) {
            item_free(&out->items[out->n]);
            rc = -1;
            break;
        }
        out->n++;
    }
    xmlFreeDoc(doc);
    if (rc != 0) {
        wa_feed_free(out);
        snprintf(err, errcap, "out of memory");
        return -1;
    }
    return 0;
}
