/* wa-demo-site — the bundled demo source of `make run`: a small news site and message board on
 * loopback, built from one content file (deploy/demo/content.jsonl) at start.
 *
 * Usage: wa-demo-site --content FILE [--listen HOST:PORT] [--verbose]
 *
 * Each line of the content file is one item: {"id", "channel", "title", "text", "published_at",
 * "author"} (other fields, such as the expectations the tests read, are ignored). The channel
 * decides where the item appears:
 *
 *   news   /news/rss.xml (RSS 2.0)  and /news/ID.html, Chinese, UTF-8
 *   gbk    /gbk/atom.xml (Atom)     and /gbk/ID.html, Chinese, served as real GBK bytes
 *                                   (converted with iconv at start; <meta charset="gbk"> and
 *                                   Content-Type: text/html; charset=GBK)
 *   bo     /bo/rss.xml (RSS 2.0)    and /bo/ID.html, Tibetan, UTF-8
 *   board  /api/board?page=N&size=M (JSON, newest first, an empty list past the end)
 *          and /board/ID.html
 *
 * plus / (an index page) and /robots.txt. Pages carry a menu and a footer around the article, as
 * real sites do. Responses have an ETag and answer If-None-Match with 304. The server listens on
 * 127.0.0.1 (default port 0: the kernel picks one) and prints its base URL
 * (http://127.0.0.1:PORT) as the first line of stdout once it accepts connections. SIGINT or
 * SIGTERM stops it (exit 0).
 */
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "demo_http.h"

#define MAX_CONTENT_BYTES (4u << 20)
#define MAX_ITEMS 1000
#define MAX_FIELD_BYTES (64u << 10)

typedef struct {
    char *data;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        b->oom = 1;
        return;
    }
    sb_add(b, tmp, (size_t)n);
}

/* Text for HTML and XML: & < > " ' escaped. */
static void sb_esc(sbuf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        case '\'': sb_puts(b, "&#39;"); break;
        default: sb_add(b, p, 1);
        }
    }
}

enum channel { CH_NEWS, CH_GBK, CH_BO, CH_BOARD, CH_COUNT };
static const char *const channel_names[CH_COUNT] = {"news", "gbk", "bo", "board"};

typedef struct {
    char *id, *title, *text, *published_at, *author;
    enum channel ch;
} item;

typedef struct {
    char *path;        /* "/news/n001.html" */
    char *body;
    size_t len;
    const char *type;  /* Content-Type */
    char etag[24];
} page;

static item *items;
static size_t nitems;
static page *pages;
static size_t npages, pages_cap;
static char base[80];  /* http://127.0.0.1:PORT, or [V6] */
static int verbose;

static int valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return 0;
    }
    return 1;
}

static int get_field(json_t *o, const char *key, char **out, const char *file, size_t line)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > MAX_FIELD_BYTES ||
        strlen(json_string_value(v)) != json_string_length(v)) {
        fprintf(stderr, "wa-demo-site: %s:%zu: \"%s\" must be a non-empty string of at most %u bytes\n", file, line,
                key, MAX_FIELD_BYTES);
        return -1;
    }
    if (!(*out = strdup(json_string_value(v)))) {
        fprintf(stderr, "wa-demo-site: out of memory\n");
        return -1;
    }
    return 0;
}

static int load_content(const char *file)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        fprintf(stderr, "wa-demo-site: %s: %s\n", file, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0, total = 0;
    ssize_t n;
    int rc = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        total += (size_t)n;
        if (total > MAX_CONTENT_BYTES) {
            fprintf(stderr, "wa-demo-site: %s: larger than %u bytes\n", file, MAX_CONTENT_BYTES);
            rc = -1;
            break;
        }
        if (strspn(line, " \t\r\n") == (size_t)n)
            continue;
        if (nitems == MAX_ITEMS) {
            fprintf(stderr, "wa-demo-site: %s: more than %d items\n", file, MAX_ITEMS);
            rc = -1;
            break;
        }
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)n, 0, &je);
        if (!json_is_object(o)) {
            fprintf(stderr, "wa-demo-site: %s:%zu: not a JSON object: %s\n", file, lineno, o ? "" : je.text);
            json_decref(o);
            rc = -1;
            break;
        }
        item it = {0};
        char *ch = NULL;
        int bad = get_field(o, "id", &it.id, file, lineno) || get_field(o, "channel", &ch, file, lineno) ||
                  get_field(o, "title", &it.title, file, lineno) || get_field(o, "text", &it.text, file, lineno) ||
                  get_field(o, "published_at", &it.published_at, file, lineno) ||
                  get_field(o, "author", &it.author, file, lineno);
        json_decref(o);
        if (!bad && !valid_id(it.id)) {
            fprintf(stderr, "wa-demo-site: %s:%zu: id must be 1-64 of a-z 0-9 - _\n", file, lineno);
            bad = 1;
        }
        if (!bad) {
            it.ch = CH_COUNT;
            for (int c = 0; c < CH_COUNT; c++)
                if (strcmp(ch, channel_names[c]) == 0)
                    it.ch = (enum channel)c;
            if (it.ch == CH_COUNT) {
                fprintf(stderr, "wa-demo-site: %s:%zu: channel must be news, gbk, bo or board\n", file, lineno);
                bad = 1;
            }
        }
        for (size_t i = 0; !bad && i < nitems; i++)
            if (strcmp(items[i].id, it.id) == 0) {
                fprintf(stderr, "wa-demo-site: %s:%zu: id '%s' used twice\n", file, lineno, it.id);
                bad = 1;
            }
        free(ch);
        if (bad) {
            free(it.id), free(it.title), free(it.text), free(it.published_at), free(it.author);
            rc = -1;
            break;
        }
        item *p = realloc(items, (nitems + 1) * sizeof *items);
        if (!p) {
            free(it.id), free(it.title), free(it.text), free(it.published_at), free(it.author);
            fprintf(stderr, "wa-demo-site: out of memory\n");
            rc = -1;
            break;
        }
        items = p;
        items[nitems++] = it;
    }
    if (rc == 0 && ferror(f)) {
        fprintf(stderr, "wa-demo-site: %s: read error\n", file);
        rc = -1;
    }
    free(line);
    fclose(f);
    if (rc == 0 && nitems == 0) {
        fprintf(stderr, "wa-demo-site: %s: no items\n", file);
        rc = -1;
    }
    return rc;
}

/* FNV-1a of the body, as a strong ETag. */
static void make_etag(page *p)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < p->len; i++) {
        h ^= (unsigned char)p->body[i];
        h *= 1099511628211ull;
    }
    snprintf(p->etag, sizeof p->etag, "\"%016llx\"", (unsigned long long)h);
}

/* Takes the buffer (its data) over. */
static int add_page(const char *path, sbuf *b, const char *type)
{
    if (b->oom || !b->data) {
        free(b->data);
        fprintf(stderr, "wa-demo-site: out of memory\n");
        return -1;
    }
    if (npages == pages_cap) {
        size_t cap = pages_cap ? pages_cap * 2 : 64;
        page *p = realloc(pages, cap * sizeof *pages);
        if (!p) {
            free(b->data);
            fprintf(stderr, "wa-demo-site: out of memory\n");
            return -1;
        }
        pages = p;
        pages_cap = cap;
    }
    page *p = &pages[npages];
    if (!(p->path = strdup(path))) {
        free(b->data);
        fprintf(stderr, "wa-demo-site: out of memory\n");
        return -1;
    }
    p->body = b->data;
    p->len = b->len;
    p->type = type;
    make_etag(p);
    npages++;
    memset(b, 0, sizeof *b);
    return 0;
}

/* UTF-8 to GBK (the whole buffer, in place of the old one). */
static int to_gbk(sbuf *b)
{
    if (b->oom)
        return -1;
    iconv_t cd = iconv_open("GBK", "UTF-8");
    if (cd == (iconv_t)-1) {
        fprintf(stderr, "wa-demo-site: iconv UTF-8 to GBK: %s\n", strerror(errno));
        return -1;
    }
    size_t cap = b->len * 2 + 16;
    char *out = malloc(cap);
    if (!out) {
        iconv_close(cd);
        return -1;
    }
    char *in = b->data, *o = out;
    size_t inleft = b->len, outleft = cap;
    size_t r = iconv(cd, &in, &inleft, &o, &outleft);
    iconv_close(cd);
    if (r == (size_t)-1) {
        fprintf(stderr, "wa-demo-site: a GBK page holds text GBK cannot encode: %s\n", strerror(errno));
        free(out);
        return -1;
    }
    free(b->data);
    b->data = out;
    b->len = cap - outleft;
    b->cap = cap;
    return 0;
}

static const char *const site_name[CH_COUNT] = {"高原日报 · 新闻", "山南晚报 · 本地", "བོད་ལྗོངས་གསར་འགྱུར།",
                                                "市民留言板"};

static void page_head(sbuf *b, enum channel ch, const char *title)
{
    sb_puts(b, "<!DOCTYPE html>\n<html lang=\"");
    sb_puts(b, ch == CH_BO ? "bo" : "zh-CN");
    sb_puts(b, "\">\n<head>\n<meta charset=\"");
    sb_puts(b, ch == CH_GBK ? "gbk" : "utf-8");
    sb_puts(b, "\">\n<title>");
    sb_esc(b, title);
    sb_puts(b, " - ");
    sb_esc(b, site_name[ch]);
    sb_puts(b, "</title>\n</head>\n<body>\n<div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/news/rss.xml\">新闻</a> | "
               "<a href=\"/gbk/atom.xml\">山南晚报</a> | <a href=\"/bo/rss.xml\">藏文</a> | "
               "<a href=\"/api/board?page=1\">留言板</a></div>\n");
}

static void page_foot(sbuf *b)
{
    sb_puts(b, "<div class=\"footer\">版权所有 演示站点 | 联系我们 | 网站地图 | 本站内容均为演示所用</div>\n</body>\n</html>\n");
}

static int build_article(const item *it)
{
    sbuf b = {0};
    page_head(&b, it->ch, it->title);
    sb_puts(&b, "<div class=\"article\">\n<h1>");
    sb_esc(&b, it->title);
    sb_puts(&b, "</h1>\n<div class=\"info\">发布时间：<time datetime=\"");
    sb_esc(&b, it->published_at);
    sb_puts(&b, "\">");
    sb_esc(&b, it->published_at);
    sb_puts(&b, "</time> 作者：<span class=\"author\">");
    sb_esc(&b, it->author);
    sb_puts(&b, "</span></div>\n<div class=\"content\">\n<p>");
    sb_esc(&b, it->text);
    sb_puts(&b, "</p>\n</div>\n</div>\n<div class=\"related\">相关阅读：<a href=\"/\">更多新闻</a></div>\n");
    page_foot(&b);
    char path[128];
    snprintf(path, sizeof path, "/%s/%s.html", channel_names[it->ch], it->id);
    const char *type = "text/html; charset=utf-8";
    if (it->ch == CH_GBK) {
        if (to_gbk(&b) != 0) {
            free(b.data);
            return -1;
        }
        type = "text/html; charset=GBK";
    }
    return add_page(path, &b, type);
}

/* RSS 2.0 wants RFC 822 dates: "2026-12-01T09:12:00+08:00" -> "Tue, 01 Dec 2026 09:12:00 +0800".
 * Anything else is passed on as it is. */
static void sb_rfc822(sbuf *b, const char *iso)
{
    static const char *const wd[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y, mo, d, h, mi, se, n = 0;
    if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) != 6 || mo < 1 || mo > 12 ||
        d < 1 || d > 31 || (iso[n] != '+' && iso[n] != '-') || strlen(iso + n) != 6 || iso[n + 3] != ':') {
        sb_esc(b, iso);
        return;
    }
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = 12};
    time_t t = timegm(&tm);
    struct tm out;
    if (t == (time_t)-1 || !gmtime_r(&t, &out)) {
        sb_esc(b, iso);
        return;
    }
    sb_printf(b, "%s, %02d %s %04d %02d:%02d:%02d %c%.2s%.2s", wd[out.tm_wday], d, mon[mo - 1], y, h, mi, se, iso[n],
              iso + n + 1, iso + n + 4);
}

static int build_rss(enum channel ch)
{
    sbuf b = {0};
    sb_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n<title>");
    sb_esc(&b, site_name[ch]);
    sb_printf(&b, "</title>\n<link>%s/</link>\n<description>demo</description>\n<language>%s</language>\n", base,
              ch == CH_BO ? "bo" : "zh-cn");
    for (size_t i = 0; i < nitems; i++) {
        if (items[i].ch != ch)
            continue;
        sb_puts(&b, "<item>\n<title>");
        sb_esc(&b, items[i].title);
        sb_printf(&b, "</title>\n<link>%s/%s/%s.html</link>\n<guid>%s/%s/%s.html</guid>\n<pubDate>", base,
                  channel_names[ch], items[i].id, base, channel_names[ch], items[i].id);
        sb_rfc822(&b, items[i].published_at);
        sb_puts(&b, "</pubDate>\n<author>");
        sb_esc(&b, items[i].author);
        sb_puts(&b, "</author>\n</item>\n");
    }
    sb_puts(&b, "</channel>\n</rss>\n");
    char path[64];
    snprintf(path, sizeof path, "/%s/rss.xml", channel_names[ch]);
    return add_page(path, &b, "application/rss+xml; charset=utf-8");
}

static int build_atom(enum channel ch)
{
    sbuf b = {0};
    sb_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>");
    sb_esc(&b, site_name[ch]);
    sb_printf(&b, "</title>\n<id>%s/%s/</id>\n<link href=\"%s/%s/atom.xml\" rel=\"self\"/>\n", base,
              channel_names[ch], base, channel_names[ch]);
    const char *updated = NULL;
    for (size_t i = 0; i < nitems; i++)
        if (items[i].ch == ch && !updated)
            updated = items[i].published_at;
    sb_puts(&b, "<updated>");
    sb_esc(&b, updated ? updated : "2026-01-01T00:00:00+08:00");
    sb_puts(&b, "</updated>\n");
    for (size_t i = 0; i < nitems; i++) {
        if (items[i].ch != ch)
            continue;
        sb_puts(&b, "<entry>\n<title>");
        sb_esc(&b, items[i].title);
        sb_printf(&b, "</title>\n<link href=\"%s/%s/%s.html\"/>\n<id>%s/%s/%s.html</id>\n<updated>", base,
                  channel_names[ch], items[i].id, base, channel_names[ch], items[i].id);
        sb_esc(&b, items[i].published_at);
        sb_puts(&b, "</updated>\n<author><name>");
        sb_esc(&b, items[i].author);
        sb_puts(&b, "</name></author>\n</entry>\n");
    }
    sb_puts(&b, "</feed>\n");
    char path[64];
    snprintf(path, sizeof path, "/%s/atom.xml", channel_names[ch]);
    return add_page(path, &b, "application/atom+xml; charset=utf-8");
}

static int build_index(void)
{
    sbuf b = {0};
    sb_puts(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>演示站点</title>\n"
                "</head>\n<body>\n<h1>演示站点</h1>\n<ul>\n");
    for (size_t i = 0; i < nitems; i++) {
        sb_printf(&b, "<li><a href=\"/%s/%s.html\">", channel_names[items[i].ch], items[i].id);
        sb_esc(&b, items[i].title);
        sb_puts(&b, "</a></li>\n");
    }
    sb_puts(&b, "</ul>\n</body>\n</html>\n");
    sbuf r = {0};
    sb_puts(&r, "User-agent: *\nAllow: /\n");
    return add_page("/", &b, "text/html; charset=utf-8") || add_page("/robots.txt", &r, "text/plain; charset=utf-8");
}

static int build_site(void)
{
    for (size_t i = 0; i < nitems; i++)
        if (build_article(&items[i]) != 0)
            return -1;
    return build_rss(CH_NEWS) || build_atom(CH_GBK) || build_rss(CH_BO) || build_index();
}

static const page *find_page(const char *url)
{
    for (size_t i = 0; i < npages; i++)
        if (strcmp(pages[i].path, url) == 0)
            return &pages[i];
    return NULL;
}

static int parse_uint(const char *s, long lo, long hi, long dflt)
{
    if (!s || !*s)
        return (int)dflt;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    return (int)v;
}

/* The board's JSON API: {"code": 0, "data": {"page", "size", "total", "list": [...]}}. */
static char *board_json(int pg, int size)
{
    json_t *list = json_array();
    size_t total = 0, skip = (size_t)(pg - 1) * (size_t)size;
    for (size_t i = 0; list && i < nitems; i++) {
        if (items[i].ch != CH_BOARD)
            continue;
        total++;
        if (total <= skip || total > skip + (size_t)size)
            continue;
        char link[160];
        snprintf(link, sizeof link, "%s/board/%s.html", base, items[i].id);
        json_t *post = json_pack("{s:s, s:s, s:s, s:{s:s}, s:s, s:s}", "tid", items[i].id, "subject", items[i].title,
                                 "message", items[i].text, "author", "name", items[i].author, "dateline",
                                 items[i].published_at, "link", link);
        if (!post || json_array_append_new(list, post) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    if (!list)
        return NULL;
    json_t *root = json_pack("{s:i, s:{s:i, s:i, s:I, s:o}}", "code", 0, "data", "page", pg, "size", size, "total",
                             (json_int_t)total, "list", list);
    if (!root)
        return NULL;
    char *s = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    return s;
}

static enum MHD_Result send_buf(struct MHD_Connection *c, unsigned status, const char *body, size_t len,
                                enum MHD_ResponseMemoryMode mode, const char *type, const char *etag)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, mode);
    if (!r)
        return MHD_NO;
    if (MHD_add_response_header(r, "Content-Type", type) == MHD_NO ||
        (etag && MHD_add_response_header(r, "ETag", etag) == MHD_NO) ||
        MHD_add_response_header(r, "Server", "wa-demo-site") == MHD_NO) {
        MHD_destroy_response(r);
        return MHD_NO;
    }
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state)
{
    (void)cls, (void)version, (void)upload;
    if (!*state) { /* first call: headers only */
        *state = (void *)1;
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0;
        return MHD_YES;
    }
    static const char not_found[] = "not found\n", bad_method[] = "GET only\n", bad_query[] = "bad page or size\n";
    unsigned status = 200;
    enum MHD_Result ret;
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        status = 405;
        ret = send_buf(c, status, bad_method, sizeof bad_method - 1, MHD_RESPMEM_PERSISTENT, "text/plain", NULL);
    } else if (strcmp(url, "/api/board") == 0) {
        int pg = parse_uint(MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "page"), 1, 100000, 1);
        int size = parse_uint(MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "size"), 1, 50, 5);
        char *json = pg > 0 && size > 0 ? board_json(pg, size) : NULL;
        if (!json) {
            status = pg > 0 && size > 0 ? 500 : 400;
            ret = send_buf(c, status, bad_query, sizeof bad_query - 1, MHD_RESPMEM_PERSISTENT, "text/plain", NULL);
        } else
            ret = send_buf(c, status, json, strlen(json), MHD_RESPMEM_MUST_FREE, "application/json; charset=utf-8",
                           NULL);
    } else {
        const page *p = find_page(url);
        if (!p) {
            status = 404;
            ret = send_buf(c, status, not_found, sizeof not_found - 1, MHD_RESPMEM_PERSISTENT, "text/plain", NULL);
        } else {
            const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
            if (inm && strstr(inm, p->etag)) {
                status = 304;
                ret = send_buf(c, status, "", 0, MHD_RESPMEM_PERSISTENT, p->type, p->etag);
            } else
                ret = send_buf(c, status, p->body, p->len, MHD_RESPMEM_PERSISTENT, p->type, p->etag);
        }
    }
    if (verbose)
        fprintf(stderr, "wa-demo-site: %s %s %u\n", method, url, status);
    return ret;
}

static void usage(FILE *f)
{
    fprintf(f, "Usage: wa-demo-site --content FILE [--listen HOST:PORT] [--verbose]\n"
               "\n"
               "The demo source of `make run`: serves the items of FILE (JSON Lines: id, channel, title,\n"
               "text, published_at, author) as a site on loopback: /news/rss.xml (RSS, UTF-8 pages),\n"
               "/gbk/atom.xml (Atom, pages in GBK), /bo/rss.xml (Tibetan pages), /api/board?page=N&size=M\n"
               "(a message board's JSON API), / and /robots.txt. Prints its base URL as the first line\n"
               "of stdout once it accepts connections. SIGINT or SIGTERM stops it (exit 0).\n"
               "\n"
               "  --content FILE      the items (deploy/demo/content.jsonl)\n"
               "  --listen HOST:PORT  where to listen (default 127.0.0.1:0, a free port)\n"
               "  --verbose           one line per request on stderr\n"
               "  --help              this text\n");
}

static void free_all(void)
{
    for (size_t i = 0; i < nitems; i++)
        free(items[i].id), free(items[i].title), free(items[i].text), free(items[i].published_at),
            free(items[i].author);
    free(items);
    for (size_t i = 0; i < npages; i++)
        free(pages[i].path), free(pages[i].body);
    free(pages);
}

int main(int argc, char **argv)
{
    const char *content = NULL, *listen = "127.0.0.1:0";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--content") == 0 && i + 1 < argc)
            content = argv[++i];
        else if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc)
            listen = argv[++i];
        else if (strcmp(argv[i], "--verbose") == 0)
            verbose = 1;
        else {
            fprintf(stderr, "wa-demo-site: unknown or incomplete option '%s' (see --help)\n", argv[i]);
            return 2;
        }
    }
    if (!content) {
        fprintf(stderr, "wa-demo-site: --content FILE is required (see --help)\n");
        return 2;
    }
    if (load_content(content) != 0) {
        free_all();
        return 2;
    }
    if (demo_http_block_signals("wa-demo-site") != 0) {
        free_all();
        return 1;
    }
    int status;
    struct MHD_Daemon *d = demo_http_start("wa-demo-site", listen, handle, NULL, base, sizeof base, &status);
    if (!d) {
        free_all();
        return status;
    }
    /* Pages hold absolute links, so they are built once the port is known; requests that come
     * before that find nothing (404), and nobody knows the port before the line below. */
    if (build_site() != 0) {
        MHD_stop_daemon(d);
        free_all();
        return 1;
    }
    size_t n_by[CH_COUNT] = {0};
    for (size_t i = 0; i < nitems; i++)
        n_by[items[i].ch]++;
    if (printf("%s\n", base) < 0 || fflush(stdout) != 0) {
        fprintf(stderr, "wa-demo-site: cannot write to stdout\n");
        MHD_stop_daemon(d);
        free_all();
        return 1;
    }
    fprintf(stderr, "wa-demo-site: serving %zu items (news %zu, gbk %zu, bo %zu, board %zu) at %s\n", nitems,
            n_by[CH_NEWS], n_by[CH_GBK], n_by[CH_BO], n_by[CH_BOARD], base);
    int sig = demo_http_wait();
    MHD_stop_daemon(d);
    free_all();
    fprintf(stderr, "wa-demo-site: stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}
