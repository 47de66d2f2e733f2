#include "extract.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../common/utf8.h"
#include "dates.h"
#include "urlcanon.h"

/* A paragraph shorter than this (in non-blank characters) is not evidence
 * of article text: captions, buttons, dates. */
#define MIN_PARAGRAPH_CHARS 25
/* JSON-LD blocks larger than this are ignored. */
#define MAX_JSONLD_BYTES (256 * 1024)
#define MAX_JSON_DEPTH 16
#define MAX_FIELD_BYTES 4096

/* ---- small helpers ----------------------------------------------------------------- */

static int is_tag(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

static int tag_in(const xmlNode *n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    for (size_t i = 0; names[i]; i++)
        if (strcasecmp((const char *)n->name, names[i]) == 0)
            return 1;
    return 0;
}

static const char *const block_tags[] = {"p",       "div",    "br",   "li",   "ul",     "ol",    "h1",   "h2",
                                         "h3",      "h4",     "h5",   "h6",   "tr",     "table", "section",
                                         "article", "blockquote", "pre", "header", "footer", "dd", "dt",
                                         "dl",      "figure", "figcaption", "hr", "main", "address", "center", NULL};
/* Never text: their content is code, controls or embedded objects. */
static const char *const skip_tags[] = {"script", "style",  "noscript", "template", "iframe", "svg",   "object",
                                        "embed",  "select", "option",   "button",   "input",  "textarea",
                                        "canvas", "head",   "map",      NULL};
/* Page furniture, dropped before looking for the main text. */
static const char *const furniture_tags[] = {"nav", "footer", "header", "aside", "form", "menu", NULL};

static int is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
           cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

/* Append a text node's content with blank runs collapsed to one space. */
static int append_collapsed(wa_buf *b, const char *s)
{
    size_t len = strlen(s), i = 0;
    int in_space = b->len > 0 && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\n');
    while (i < len) {
        size_t adv;
        uint32_t cp = wa_utf8_decode((const unsigned char *)s + i, len - i, &adv);
        if (cp != WA_UTF8_INVALID && is_space_cp(cp) && cp != 0x3000) {
            if (!in_space && wa_buf_append(b, " ", 1) != 0)
                return -1;
            in_space = 1;
        } else {
            if (wa_buf_append(b, s + i, adv) != 0)
                return -1;
            in_space = 0;
        }
        i += adv;
    }
    return 0;
}

static int newline(wa_buf *b)
{
    if (b->len == 0 || b->data[b->len - 1] == '\n')
        return 0;
    return wa_buf_append(b, "\n", 1);
}

/* The visible text under root, block elements on lines of their own.
 * Iterative, so deeply nested hostile markup cannot exhaust the stack. */
static int node_text(const xmlNode *root, wa_buf *b)
{
    if (!root)
        return 0;
    if (root->type == XML_TEXT_NODE || root->type == XML_CDATA_SECTION_NODE || root->type == XML_ATTRIBUTE_NODE) {
        xmlChar *c = xmlNodeGetContent(root);
        int rc = c ? append_collapsed(b, (const char *)c) : 0;
        xmlFree(c);
        return rc;
    }
    const xmlNode *cur = root;
    for (;;) {
        int descend = 0;
        if (cur->type == XML_ELEMENT_NODE) {
            if (!tag_in(cur, skip_tags)) {
                if (tag_in(cur, block_tags) && newline(b) != 0)
                    return -1;
                descend = cur->children != NULL;
            }
        } else if ((cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) && cur->content) {
            if (append_collapsed(b, (const char *)cur->content) != 0)
                return -1;
        }
        if (descend) {
            cur = cur->children;
            continue;
        }
        while (cur != root && !cur->next) {
            cur = cur->parent;
            if (tag_in(cur, block_tags) && newline(b) != 0)
                return -1;
        }
        if (cur == root)
            break;
        cur = cur->next;
    }
    return 0;
}

void wa_text_tidy(char *s)
{
    char *out = s;
    const char *p = s;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        /* trim blanks (ASCII, no-break and ideographic spaces) at both ends */
        size_t a = 0, z = len;
        for (;;) {
            if (a < z && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r'))
                a++;
            else if (z - a >= 3 && memcmp(p + a, "\xE3\x80\x80", 3) == 0)
                a += 3;
            else if (z - a >= 2 && memcmp(p + a, "\xC2\xA0", 2) == 0)
                a += 2;
            else
                break;
        }
        for (;;) {
            if (z > a && (p[z - 1] == ' ' || p[z - 1] == '\t' || p[z - 1] == '\r'))
                z--;
            else if (z - a >= 3 && memcmp(p + z - 3, "\xE3\x80\x80", 3) == 0)
                z -= 3;
            else if (z - a >= 2 && memcmp(p + z - 2, "\xC2\xA0", 2) == 0)
                z -= 2;
            else
                break;
        }
        if (z > a) {
            if (out != s)
                *out++ = '\n';
            int sp = 0;
            for (size_t i = a; i < z; i++) {
                char c = p[i];
                if (c == ' ' || c == '\t' || c == '\r') {
                    if (!sp)
                        *out++ = ' ';
                    sp = 1;
                } else {
                    *out++ = c;
                    sp = 0;
                }
            }
        }
        p += len;
        if (*p == '\n')
            p++;
    }
    *out = '\0';
}

static char *finish_text(wa_buf *b)
{
    if (wa_buf_terminate(b) != 0) {
        wa_buf_free(b);
        return NULL;
    }
    if (!b->data)
        return strdup("");
    wa_text_tidy(b->data);
    return b->data;
}

/* The tidy text of a node, malloc'd (NULL only when out of memory). */
static char *text_of(const xmlNode *n)
{
    wa_buf b;
    wa_buf_init(&b);
    if (node_text(n, &b) != 0) {
        wa_buf_free(&b);
        return NULL;
    }
    return finish_text(&b);
}

/* A one-line field (title, author): text tidied, lines joined by spaces,
 * cut at MAX_FIELD_BYTES on a character boundary. */
static void one_line(char *s)
{
    if (!s)
        return;
    for (char *c = s; *c; c++)
        if (*c == '\n')
            *c = ' ';
    size_t len = strlen(s);
    if (len > MAX_FIELD_BYTES) {
        len = MAX_FIELD_BYTES;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
        s[len] = '\0';
    }
}

static char *dup_tidy(const char *s)
{
    char *d = strdup(s ? s : "");
    if (d) {
        wa_text_tidy(d);
        one_line(d);
    }
    return d;
}

/* ---- parsing and XPath ------------------------------------------------------------- */

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

/* libxml2 prints parse and XPath errors to stderr by default; pages are
 * full of them and the crawler reports its own. */
static void silence_libxml(void)
{
    xmlSetGenericErrorFunc(NULL, quiet);
    xmlSetStructuredErrorFunc(NULL, quiet_structured);
}

static htmlDocPtr parse_html(const char *html, size_t len, const char *base_url)
{
    silence_libxml();
    if (len > INT_MAX)
        return NULL;
    return htmlReadMemory(html, (int)len, base_url, "UTF-8",
                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                              HTML_PARSE_COMPACT);
}

int wa_xpath_valid(const char *xpath)
{
    silence_libxml();
    xmlXPathCompExprPtr c = xmlXPathCompile((const xmlChar *)xpath);
    if (!c)
        return 0;
    xmlXPathFreeCompExpr(c);
    return 1;
}

/* Evaluate xpath on doc: NULL when it fails (bad expression). */
static xmlXPathObjectPtr eval(xmlDocPtr doc, const char *xpath)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    if (!ctx)
        return NULL;
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)xpath, ctx);
    xmlXPathFreeContext(ctx);
    return r;
}

/* The first non-empty string value selected by xpath (one line), or NULL.
 * *failed is set when the expression itself is bad. */
static char *first_string(xmlDocPtr doc, const char *xpath, int *failed)
{
    xmlXPathObjectPtr r = eval(doc, xpath);
    if (!r) {
        if (failed)
            *failed = 1;
        return NULL;
    }
    char *out = NULL;
    if (r->type == XPATH_NODESET && r->nodesetval) {
        for (int i = 0; i < r->nodesetval->nodeNr && !out; i++) {
            char *t = text_of(r->nodesetval->nodeTab[i]);
            if (t && t[0]) {
                one_line(t);
                out = t;
            } else {
                free(t);
            }
        }
    } else if (r->type == XPATH_STRING && r->stringval && r->stringval[0]) {
        out = dup_tidy((const char *)r->stringval);
    } else if (r->type == XPATH_NUMBER || r->type == XPATH_BOOLEAN) {
        xmlChar *s = xmlXPathCastToString(r);
        if (s)
            out = dup_tidy((const char *)s);
        xmlFree(s);
    }
    xmlXPathFreeObject(r);
    return out;
}

/* The text of every node selected by xpath, joined by newlines. */
static char *all_text(xmlDocPtr doc, const char *xpath, int *failed)
{
    xmlXPathObjectPtr r = eval(doc, xpath);
    if (!r) {
        *failed = 1;
        return NULL;
    }
    wa_buf b;
    wa_buf_init(&b);
    int rc = 0;
    if (r->type == XPATH_NODESET && r->nodesetval) {
        for (int i = 0; i < r->nodesetval->nodeNr && rc == 0; i++) {
            rc = newline(&b);
            if (rc == 0)
                rc = node_text(r->nodesetval->nodeTab[i], &b);
        }
    } else if (r->type == XPATH_STRING && r->stringval) {
        rc = wa_buf_append_str(&b, (const char *)r->stringval);
    }
    xmlXPathFreeObject(r);
    if (rc != 0) {
        wa_buf_free(&b);
        return NULL;
    }
    return finish_text(&b);
}

/* ---- JSON-LD ----------------------------------------------------------------------- */

/* The first string value of key anywhere in v (objects, arrays, @graph);
 * for "author" also the "name" of an object or the first of an array. */
static const char *jsonld_find(json_t *v, const char *key, int depth)
{
    if (depth > MAX_JSON_DEPTH || !v)
        return NULL;
    if (json_is_object(v)) {
        json_t *hit = json_object_get(v, key);
        if (json_is_string(hit))
            return json_string_value(hit);
        if (hit && (json_is_object(hit) || json_is_array(hit))) {
            json_t *first = json_is_array(hit) ? json_array_get(hit, 0) : hit;
            if (json_is_string(first))
                return json_string_value(first);
            json_t *name = json_is_object(first) ? json_object_get(first, "name") : NULL;
            if (json_is_string(name))
                return json_string_value(name);
        }
        const char *k;
        json_t *child;
        json_object_foreach(v, k, child) {
            const char *s = jsonld_find(child, key, depth + 1);
            if (s)
                return s;
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *child;
        json_array_foreach(v, i, child) {
            const char *s = jsonld_find(child, key, depth + 1);
            if (s)
                return s;
        }
    }
    return NULL;
}

/* JSON-LD blocks of the page, parsed (NULL entries skipped). */
static void jsonld_fields(xmlDocPtr doc, char **date, char **author, char **headline)
{
    xmlXPathObjectPtr r = eval(doc, "//script[@type='application/ld+json']");
    if (!r)
        return;
    if (r->type == XPATH_NODESET && r->nodesetval) {
        for (int i = 0; i < r->nodesetval->nodeNr; i++) {
            xmlChar *c = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
            if (!c)
                continue;
            size_t n = strlen((const char *)c);
            json_t *root = n <= MAX_JSONLD_BYTES ? json_loadb((const char *)c, n, 0, NULL) : NULL;
            xmlFree(c);
            if (!root)
                continue;
            const char *s;
            if (!*date && (s = jsonld_find(root, "datePublished", 0)))
                *date = strdup(s);
            if (!*author && (s = jsonld_find(root, "author", 0)))
                *author = dup_tidy(s);
            if (!*headline && (s = jsonld_find(root, "headline", 0)))
                *headline = dup_tidy(s);
            json_decref(root);
        }
    }
    xmlXPathFreeObject(r);
}

/* ---- title, time, author ----------------------------------------------------------- */

#define LOWER(x) "translate(" x ",'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')"

static const char xp_meta_title[] = "//meta[" LOWER("@property") "='og:title' or " LOWER("@name") "='articletitle' or "
                                    LOWER("@name") "='og:title']/@content";
static const char xp_meta_time[] =
    "//meta[" LOWER("@property") "='article:published_time' or " LOWER("@name") "='article:published_time' or "
    LOWER("@name") "='pubdate' or " LOWER("@name") "='publishdate' or " LOWER("@name") "='publish_date' or "
    LOWER("@name") "='publication_date' or " LOWER("@name") "='dc.date' or " LOWER("@name") "='dc.date.issued' or "
    LOWER("@name") "='date' or " LOWER("@property") "='og:release_date' or " LOWER("@itemprop") "='datepublished' or "
    LOWER("@name") "='firstpublishedtime' or " LOWER("@name") "='publishtime']/@content";
static const char xp_time_elem[] = "(//*[@itemprop='datePublished']/@datetime | //*[@itemprop='datePublished']/@content"
                                   " | //time[@pubdate]/@datetime | //time/@datetime)";
static const char xp_meta_author[] = "//meta[" LOWER("@name") "='author' or " LOWER("@property") "='article:author' or "
                                     LOWER("@name") "='article:author' or " LOWER("@itemprop") "='author']/@content";
/* Elements that usually hold "发布时间 / 来源 / 作者" lines. */
static const char xp_info[] =
    "//*[contains(" LOWER("@class") ",'time') or contains(" LOWER("@class") ",'date') or contains(" LOWER("@class")
    ",'info') or contains(" LOWER("@class") ",'meta') or contains(" LOWER("@class") ",'source') or contains("
    LOWER("@class") ",'pub') or contains(" LOWER("@id") ",'time') or contains(" LOWER("@id") ",'date') or contains("
    LOWER("@id") ",'info') or contains(" LOWER("@class") ",'author') or contains(" LOWER("@class") ",'byline')]";

/* Cut a <title> at the first site-name separator. */
static void strip_site_name(char *t)
{
    static const char *const seps[] = {" - ", " | ", " _ ", "_", " — ", "——", "－", " -- ", "|", NULL};
    for (size_t i = 0; seps[i]; i++) {
        char *s = strstr(t, seps[i]);
        if (s && s - t >= 4) {
            *s = '\0';
            wa_text_tidy(t);
            return;
        }
    }
}

/* "作者：张三 来源：..." → "张三". Names end at a blank or punctuation. */
static char *author_from_text(const char *text)
{
    static const char *const labels[] = {"作者：", "作者:", "记者：", "记者:", "发布人：", "发布人:", "发帖人：",
                                         "发帖人:", "楼主：", "楼主:", "文／", "文/", "撰稿：", "撰稿:", "编辑：",
                                         "编辑:", NULL};
    for (size_t i = 0; labels[i]; i++) {
        const char *p = strstr(text, labels[i]);
        if (!p)
            continue;
        p += strlen(labels[i]);
        while (*p == ' ')
            p++;
        size_t len = 0, chars = 0;
        while (p[len] && chars < 24) {
            size_t adv;
            uint32_t cp = wa_utf8_decode((const unsigned char *)p + len, strlen(p + len), &adv);
            if (cp == WA_UTF8_INVALID || is_space_cp(cp) || cp == '\n' || cp == 0xFF0C || cp == 0x3001 ||
                cp == 0x3002 || cp == ',' || cp == '|' || cp == 0xFF5C || cp == 0xFF1B || cp == ';' || cp == 0xFF09 ||
                cp == ')' || cp == 0x3011 || cp == ']')
                break;
            len += adv;
            chars++;
        }
        if (len > 0 && chars < 24) {
            char *out = strndup(p, len);
            return out;
        }
    }
    return NULL;
}

/* ---- main text --------------------------------------------------------------------- */

typedef struct {
    xmlNode *node;
    size_t chars;      /* non-blank characters under the node */
    size_t link_chars; /* of those, inside links */
    size_t punct;      /* commas and full stops under the node */
    size_t direct_chars, direct_punct;
    int in_link;
    double score;
} node_info;

static int class_tokens_match(const char *v, const char *const *stems)
{
    char tok[64];
    size_t n = 0;
    for (const char *p = v;; p++) {
        char c = *p;
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum && n + 1 < sizeof tok) {
            tok[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            continue;
        }
        if (alnum)
            continue; /* overlong token: keep its start only */
        if (n > 0) {
            tok[n] = '\0';
            for (size_t i = 0; stems[i]; i++) {
                size_t sl = strlen(stems[i]);
                /* short stems must match the whole token ("ad" is not "address") */
                if (sl <= 3 ? strcmp(tok, stems[i]) == 0 : strncmp(tok, stems[i], sl) == 0)
                    return 1;
            }
        }
        n = 0;
        if (!c)
            return 0;
    }
}

/* Page furniture by class or id. Some names always mean furniture; the
 * rest only when nothing in the name says "article". */
static int is_furniture(xmlNode *n)
{
    static const char *const always[] = {"comment", "reply", "related", "recommend", "share", "sharing",
                                         "breadcrumb", "crumb", "footer", "copyright", "sidebar", "nav",
                                         "menu", "advert", "banner", "pagination", "pager", "social", "toolbar",
                                         "login", "hot", "rank", "ad", "ads", "gg", "xgwz", "pinglun", NULL};
    static const char *const weak[] = {"side", "foot", "tags", "widget", "header", "top", "bottom", "links", NULL};
    static const char *const positive[] = {"article", "content", "main", "post", "entry", "detail", "story", "zoom",
                                           "editor", "body", "text", "con", "trs", NULL};
    for (int which = 0; which < 2; which++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)(which ? "id" : "class"));
        if (!v)
            continue;
        int bad = class_tokens_match((const char *)v, always) ||
                  (class_tokens_match((const char *)v, weak) && !class_tokens_match((const char *)v, positive));
        xmlFree(v);
        if (bad)
            return 1;
    }
    return 0;
}

static void remove_furniture(xmlNode *body)
{
    xmlNode *cur = body->children;
    while (cur) {
        xmlNode *next_candidate = NULL;
        if (cur->type == XML_ELEMENT_NODE && (tag_in(cur, furniture_tags) || tag_in(cur, skip_tags) ||
                                              is_furniture(cur))) {
            /* find where to go on before unlinking */
            xmlNode *n = cur;
            while (n != body && !n->next)
                n = n->parent;
            next_candidate = n == body ? NULL : n->next;
            xmlUnlinkNode(cur);
            xmlFreeNode(cur);
            cur = next_candidate;
            continue;
        }
        if (cur->type == XML_ELEMENT_NODE && cur->children) {
            cur = cur->children;
            continue;
        }
        while (cur != body && !cur->next)
            cur = cur->parent;
        cur = cur == body ? NULL : cur->next;
    }
}

static void count_text(const char *s, size_t *chars, size_t *punct)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t adv;
        uint32_t cp = wa_utf8_decode((const unsigned char *)s + i, len - i, &adv);
        i += adv;
        if (cp == WA_UTF8_INVALID || is_space_cp(cp))
            continue;
        (*chars)++;
        if (cp == 0xFF0C || cp == 0x3002 || cp == 0x3001 || cp == 0xFF1B || cp == ',' || cp == 0xFF01 ||
            cp == 0xFF1F)
            (*punct)++;
    }
}

static double paragraph_score(size_t chars, size_t punct)
{
    double s = 1.0 + (double)punct + (double)chars / 100.0 * 1.0;
    return s > 1.0 + (double)punct + 3.0 ? 1.0 + (double)punct + 3.0 : s;
}

/* The node that holds the article body, or NULL. */
static xmlNode *find_main(xmlNode *body)
{
    /* Pre-order list of the elements: parents come before children. */
    node_info *info = NULL;
    size_t n = 0, cap = 0;
    xmlNode *cur = body;
    int fail = 0;
    for (;;) {
        if (cur->type == XML_ELEMENT_NODE) {
            void *arr = info;
            if (wa_grow(&arr, &cap, n + 1, sizeof *info) != 0) {
                fail = 1;
                break;
            }
            info = arr;
            memset(&info[n], 0, sizeof *info);
            info[n].node = cur;
            cur->_private = (void *)(uintptr_t)(n + 1);
            xmlNode *par = cur->parent;
            size_t pi = (cur != body && par) ? (size_t)(uintptr_t)par->_private : 0;
            info[n].in_link = is_tag(cur, "a") || (pi && info[pi - 1].in_link);
            n++;
        } else if ((cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) && cur->content && cur->parent) {
            size_t pi = (size_t)(uintptr_t)cur->parent->_private;
            if (pi) {
                size_t c = 0, p = 0;
                count_text((const char *)cur->content, &c, &p);
                info[pi - 1].direct_chars += c;
                info[pi - 1].direct_punct += p;
            }
        }
        if (cur->type == XML_ELEMENT_NODE && cur->children) {
            cur = cur->children;
            continue;
        }
        while (cur != body && !cur->next)
            cur = cur->parent;
        if (cur == body)
            break;
        cur = cur->next;
    }
    xmlNode *best = NULL;
    if (!fail) {
        /* Children after parents: walking backwards sums subtrees. */
        for (size_t i = n; i-- > 0;) {
            node_info *in = &info[i];
            in->chars += in->direct_chars;
            in->punct += in->direct_punct;
            if (in->in_link)
                in->link_chars = in->chars;
            xmlNode *par = in->node == body ? NULL : in->node->parent;
            size_t pi = par ? (size_t)(uintptr_t)par->_private : 0;
            if (pi) {
                info[pi - 1].chars += in->chars;
                info[pi - 1].punct += in->punct;
                info[pi - 1].link_chars += in->link_chars;
            }
        }
        static const char *const para_tags[] = {"p", "pre", "blockquote", "td", NULL};
        for (size_t i = 0; i < n; i++) {
            node_info *in = &info[i];
            if (in->in_link)
                continue;
            xmlNode *par = in->node == body ? NULL : in->node->parent;
            size_t pi = par ? (size_t)(uintptr_t)par->_private : 0;
            size_t gi = (pi && par != body && par->parent) ? (size_t)(uintptr_t)par->parent->_private : 0;
            if (tag_in(in->node, para_tags)) {
                if (in->chars - in->link_chars < MIN_PARAGRAPH_CHARS)
                    continue;
                double s = paragraph_score(in->chars, in->punct);
                if (pi)
                    info[pi - 1].score += s;
                if (gi)
                    info[gi - 1].score += s / 2;
            } else if (in->direct_chars >= MIN_PARAGRAPH_CHARS) {
                /* Text written straight into a <div> with <br> between lines. */
                double s = paragraph_score(in->direct_chars, in->direct_punct);
                in->score += s;
                if (pi)
                    info[pi - 1].score += s / 2;
            }
        }
        double best_score = 0;
        for (size_t i = 0; i < n; i++) {
            node_info *in = &info[i];
            if (in->score <= 0 || in->chars == 0)
                continue;
            double density = (double)in->link_chars / (double)in->chars;
            double s = in->score * (1.0 - density);
            if (s > best_score) {
                best_score = s;
                best = in->node;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        info[i].node->_private = NULL;
    free(info);
    return best;
}

/* ---- the article ------------------------------------------------------------------- */

void wa_article_free(wa_article *a)
{
    if (!a)
        return;
    free(a->title);
    free(a->text);
    free(a->author);
    free(a->published_at);
    free(a->canonical);
    memset(a, 0, sizeof *a);
}

static xmlNode *find_body(xmlDocPtr doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return NULL;
    for (xmlNode *c = root->children; c; c = c->next)
        if (is_tag(c, "body"))
            return c;
    return root;
}

/* A date string into RFC 3339 (NULL when it is not a date). */
static char *normalise_date(const char *s, int def_off)
{
    wa_date d;
    if (!s || wa_date_parse_at(s, strlen(s), def_off, time(NULL), &d) != 0)
        return NULL;
    char buf[40];
    wa_date_format(&d, buf, sizeof buf);
    return strdup(buf);
}

static char *date_in_text(const char *s, int def_off)
{
    wa_date d;
    if (!s || wa_date_find(s, strlen(s), def_off, &d) != 0)
        return NULL;
    char buf[40];
    wa_date_format(&d, buf, sizeof buf);
    return strdup(buf);
}

/* Text of the "info" elements (time, source, author lines), joined. */
static char *info_text(xmlDocPtr doc)
{
    xmlXPathObjectPtr r = eval(doc, xp_info);
    wa_buf b;
    wa_buf_init(&b);
    if (r && r->type == XPATH_NODESET && r->nodesetval) {
        for (int i = 0; i < r->nodesetval->nodeNr && i < 50 && b.len < 64 * 1024; i++) {
            if (newline(&b) != 0 || node_text(r->nodesetval->nodeTab[i], &b) != 0)
                break;
        }
    }
    if (r)
        xmlXPathFreeObject(r);
    return finish_text(&b);
}

#define SET_ERR(...) snprintf(err, errcap, __VA_ARGS__)

int wa_extract_article(const char *html, size_t len, const char *base_url, const wa_xpaths *xp, int def_off,
                       wa_article *out, char *err, size_t errcap)
{
    memset(out, 0, sizeof *out);
    if (errcap)
        err[0] = '\0';
    htmlDocPtr doc = parse_html(html, len, base_url);
    if (!doc) {
        SET_ERR("not parseable as HTML");
        return -1;
    }
    int bad_xpath = 0;
    wa_xpaths none = {0};
    if (!xp)
        xp = &none;
    char *ld_date = NULL, *ld_author = NULL, *ld_headline = NULL;
    jsonld_fields(doc, &ld_date, &ld_author, &ld_headline);
    /* The "info" lines cost an XPath over every element: read them only
     * when the time or the author is not found otherwise. */
    char *info = NULL;
    int info_read = 0;

    /* Title */
    if (xp->title)
        out->title = first_string(doc, xp->title, &bad_xpath);
    if (!out->title)
        out->title = first_string(doc, xp_meta_title, NULL);
    if (!out->title && ld_headline) {
        out->title = ld_headline;
        ld_headline = NULL;
    }
    if (!out->title)
        out->title = first_string(doc, "//h1", NULL);
    if (!out->title) {
        out->title = first_string(doc, "//title", NULL);
        if (out->title)
            strip_site_name(out->title);
    }

    /* Time */
    char *t = xp->time ? first_string(doc, xp->time, &bad_xpath) : NULL;
    if (t) {
        out->published_at = normalise_date(t, def_off);
        free(t);
    }
    const char *const time_xpaths[] = {xp_meta_time, xp_time_elem, NULL};
    for (size_t i = 0; !out->published_at && time_xpaths[i]; i++) {
        t = first_string(doc, time_xpaths[i], NULL);
        out->published_at = normalise_date(t, def_off);
        free(t);
    }
    if (!out->published_at && ld_date)
        out->published_at = normalise_date(ld_date, def_off);
    if (!out->published_at) {
        info = info_text(doc);
        info_read = 1;
        out->published_at = date_in_text(info, def_off);
    }

    /* Author */
    if (xp->author)
        out->author = first_string(doc, xp->author, &bad_xpath);
    if (!out->author)
        out->author = first_string(doc, xp_meta_author, NULL);
    if (!out->author && ld_author) {
        out->author = ld_author;
        ld_author = NULL;
    }
    if (!out->author && !info_read) {
        info = info_text(doc);
        info_read = 1;
    }
    if (!out->author && info)
        out->author = author_from_text(info);

    /* Canonical URL */
    char *canon = first_string(doc, "//link[" LOWER("@rel") "='canonical']/@href", NULL);
    if (canon) {
        out->canonical = wa_url_resolve(base_url, canon);
        free(canon);
    }

    /* Body */
    if (xp->body) {
        out->text = all_text(doc, xp->body, &bad_xpath);
    } else {
        xmlNode *body = find_body(doc);
        if (body) {
            remove_furniture(body);
            xmlNode *main = find_main(body);
            out->text = text_of(main ? main : body);
        }
    }
    if (!out->text)
        out->text = strdup("");
    if (!out->published_at && out->text)
        out->published_at = date_in_text(out->text, def_off);
    if (!out->author && out->text) {
        /* only the first lines: a name in the middle of a story is not its author */
        size_t n = strlen(out->text);
        char *head = strndup(out->text, n < 600 ? n : 600);
        if (head)
            out->author = author_from_text(head);
        free(head);
    }
    if (!out->title)
        out->title = strdup("");
    one_line(out->title);
    one_line(out->author);

    free(ld_date);
    free(ld_author);
    free(ld_headline);
    free(info);
    xmlFreeDoc(doc);
    if (bad_xpath) {
        SET_ERR("an XPath selector of the source does not compile");
        wa_article_free(out);
        return -1;
    }
    if (!out->title || !out->text) {
        SET_ERR("out of memory");
        wa_article_free(out);
        return -1;
    }
    return 0;
}

void wa_links_free(char **links, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(links[i]);
    free(links);
}

int wa_extract_links(const char *html, size_t len, const char *base_url, const char *xpath, size_t max, char ***links,
                     size_t *n, char *err, size_t errcap)
{
    *links = NULL;
    *n = 0;
    htmlDocPtr doc = parse_html(html, len, base_url);
    if (!doc) {
        snprintf(err, errcap, "not parseable as HTML");
        return -1;
    }
    xmlXPathObjectPtr r = eval(doc, xpath);
    if (!r) {
        xmlFreeDoc(doc);
        snprintf(err, errcap, "the links XPath does not compile: %s", xpath);
        return -1;
    }
    char **arr = NULL;
    size_t cnt = 0, cap = 0;
    int rc = 0;
    if (r->type == XPATH_NODESET && r->nodesetval) {
        for (int i = 0; i < r->nodesetval->nodeNr && cnt < max; i++) {
            xmlNode *node = r->nodesetval->nodeTab[i];
            xmlChar *href = node->type == XML_ELEMENT_NODE ? xmlGetProp(node, (const xmlChar *)"href")
                                                           : xmlNodeGetContent(node);
            if (!href)
                continue;
            char *u = wa_url_resolve(base_url, (const char *)href);
            xmlFree(href);
            if (!u)
                continue;
            int dup = 0;
            for (size_t k = 0; k < cnt && !dup; k++)
                dup = strcmp(arr[k], u) == 0;
            void *a = arr;
            if (dup) {
                free(u);
            } else if (wa_grow(&a, &cap, cnt + 1, sizeof *arr) != 0) {
                free(u);
                rc = -1;
                break;
            } else {
                arr = a;
                arr[cnt++] = u;
            }
        }
    }
    xmlXPathFreeObject(r);
    xmlFreeDoc(doc);
    if (rc != 0) {
        wa_links_free(arr, cnt);
        snprintf(err, errcap, "out of memory");
        return -1;
    }
    *links = arr;
    *n = cnt;
    return 0;
}

int wa_html_to_text(const char *html, size_t len, wa_buf *out)
{
    /* Plain text needs no parser (and "a < b" would confuse one). */
    if (!memchr(html, '<', len) && !memchr(html, '&', len)) {
        char *t = strndup(html, len);
        if (!t)
            return -1;
        wa_text_tidy(t);
        int rc = wa_buf_append_str(out, t);
        free(t);
        return rc;
    }
    htmlDocPtr doc = parse_html(html, len, NULL);
    if (!doc)
        return 0;
    xmlNode *root = xmlDocGetRootElement(doc);
    wa_buf b;
    wa_buf_init(&b);
    int rc = root ? node_text(root, &b) : 0;
    char *t = rc == 0 ? finish_text(&b) : NULL;
    if (rc != 0)
        wa_buf_free(&b);
    xmlFreeDoc(doc);
    if (!t)
        return -1;
    rc = wa_buf_append_str(out, t);
    free(t);
    return rc;
}
