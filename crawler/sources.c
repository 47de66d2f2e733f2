/* The "crawler" section of the shared configuration (see crawler/README.md
 * for every key). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "crawl.h"
#include "dates.h"
#include "extract.h"
#include "urlcanon.h"

#define DEFAULT_AGENT "wa-crawler/1.0"

void wa_crawl_config_defaults(wa_crawl_config *c)
{
    memset(c, 0, sizeof *c);
    c->max_body_bytes = 8 * 1024 * 1024;
    c->connect_timeout_ms = 10000;
    c->timeout_ms = 30000;
    c->max_redirects = 5;
    c->per_host_delay_ms = 1000;
    c->per_host_concurrency = 2;
    c->concurrency = 16;
    c->retries = 3;
    c->backoff_base_ms = 1000;
    c->backoff_max_ms = 3600 * 1000;
    c->max_wait_in_run_ms = 30000;
    c->near_distance = 8;
    c->robots = 1;
    c->tz_offset_min = 8 * 60;
}

static void source_free(wa_source *s)
{
    free(s->name);
    free(s->kind);
    free(s->url);
    for (size_t i = 0; i < s->nheaders; i++)
        free(s->headers[i]);
    free(s->headers);
    free(s->xp_links);
    free(s->xp_title);
    free(s->xp_body);
    free(s->xp_time);
    free(s->xp_author);
    free(s->items_path);
    free(s->f_id);
    free(s->f_title);
    free(s->f_text);
    free(s->f_url);
    free(s->f_time);
    free(s->f_author);
}

void wa_crawl_config_free(wa_crawl_config *c)
{
    for (size_t i = 0; i < c->nsources; i++)
        source_free(&c->sources[i]);
    free(c->sources);
    free(c->user_agent);
    free(c->state_path);
    free(c->metrics);
    memset(c, 0, sizeof *c);
}

static wa_source *new_source(wa_crawl_config *c)
{
    size_t cap = c->nsources;
    void *arr = c->sources;
    if (wa_grow(&arr, &cap, c->nsources + 1, sizeof *c->sources) != 0)
        return NULL;
    c->sources = arr;
    wa_source *s = &c->sources[c->nsources++];
    memset(s, 0, sizeof *s);
    s->interval_s = 600;
    s->fetch_articles = 1;
    s->max_items = 500;
    s->first_page = 1;
    s->max_pages = 5;
    return s;
}

int wa_crawl_config_add_url(wa_crawl_config *c, wa_source_type type, const char *url, char *err, size_t errcap)
{
    char *u = wa_url_resolve(NULL, url);
    if (!u) {
        snprintf(err, errcap, "'%.300s' is not an http or https URL", url);
        return -1;
    }
    wa_source *s = new_source(c);
    if (!s) {
        free(u);
        snprintf(err, errcap, "out of memory");
        return -1;
    }
    /* Named by its URL: each URL given on the command line keeps its own health. */
    s->name = strdup(u);
    s->kind = strdup("news");
    s->type = type;
    s->url = u;
    if (!s->name || !s->kind) {
        snprintf(err, errcap, "out of memory");
        return -1;
    }
    return 0;
}

/* ---- reading the file -------------------------------------------------------------- */

#define FAIL(...)                                                                                                    \
    do {                                                                                                             \
        snprintf(err, errcap, __VA_ARGS__);                                                                          \
        return -1;                                                                                                   \
    } while (0)

static const char *const crawler_keys[] = {"user_agent", "contact",      "state",          "max_body_bytes",
                                           "connect_timeout_ms", "timeout_ms", "max_redirects", "per_host_delay_ms",
                                           "per_host_concurrency", "concurrency", "retries", "backoff_base_ms",
                                           "backoff_max_ms", "max_wait_in_run_ms", "near_duplicate_distance",
                                           "timezone", "sources", "metrics", NULL};
static const char *const source_keys[] = {"name",     "kind",    "type",      "url",        "interval_s",
                                          "silent_after_s", "headers", "links", "title",  "body",
                                          "time",     "author",  "fetch_articles", "max_items", "items",
                                          "fields",   "first_page", "max_pages", NULL};
static const char *const field_keys[] = {"id", "title", "text", "url", "published_at", "author", NULL};

static int in_list(const char *k, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(k, list[i]) == 0)
            return 1;
    return 0;
}

/* An optional string member into *out (strdup'd). */
static int opt_string(const wa_config *cfg, json_t *obj, const char *key, const char *where, char **out, char *err,
                      size_t errcap)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    if (!json_is_string(v) || json_string_length(v) == 0)
        FAIL("%s: %s.%s: expected a non-empty string", wa_config_name(cfg), where, key);
    *out = strdup(json_string_value(v));
    if (!*out)
        FAIL("out of memory");
    return 0;
}

static int opt_xpath(const wa_config *cfg, json_t *obj, const char *key, const char *where, char **out, char *err,
                     size_t errcap)
{
    if (opt_string(cfg, obj, key, where, out, err, errcap) != 0)
        return -1;
    if (*out && !wa_xpath_valid(*out))
        FAIL("%s: %s.%s: '%.200s' is not a valid XPath expression", wa_config_name(cfg), where, key, *out);
    return 0;
}

static int opt_number(const wa_config *cfg, json_t *obj, const char *key, const char *where, double min, double max,
                      double *out, char *err, size_t errcap)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    if (!json_is_number(v) || json_number_value(v) < min || json_number_value(v) > max)
        FAIL("%s: %s.%s: expected a number from %g to %g", wa_config_name(cfg), where, key, min, max);
    *out = json_number_value(v);
    return 0;
}

static int read_source(const wa_config *cfg, json_t *o, size_t idx, wa_crawl_config *c, char *err, size_t errcap)
{
    char where[64];
    snprintf(where, sizeof where, "crawler.sources[%zu]", idx);
    if (!json_is_object(o))
        FAIL("%s: %s: expected an object", wa_config_name(cfg), where);
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v) {
        if (k[0] != '_' && !in_list(k, source_keys))
            FAIL("%s: %s.%s: unknown key", wa_config_name(cfg), where, k);
    }
    wa_source *s = new_source(c);
    if (!s)
        FAIL("out of memory");
    if (opt_string(cfg, o, "name", where, &s->name, err, errcap) || opt_string(cfg, o, "kind", where, &s->kind, err,
                                                                               errcap) ||
        opt_string(cfg, o, "url", where, &s->url, err, errcap))
        return -1;
    if (!s->name)
        FAIL("%s: %s.name: missing", wa_config_name(cfg), where);
    if (!s->url)
        FAIL("%s: %s.url: missing", wa_config_name(cfg), where);
    for (size_t i = 0; i + 1 < c->nsources; i++)
        if (strcmp(c->sources[i].name, s->name) == 0)
            FAIL("%s: %s.name: '%s' is used by another source", wa_config_name(cfg), where, s->name);
    if (!s->kind && !(s->kind = strdup("news")))
        FAIL("out of memory");
    if (strcmp(s->kind, "news") != 0 && strcmp(s->kind, "board") != 0 && strcmp(s->kind, "social") != 0)
        FAIL("%s: %s.kind: '%s' is not one of news, board, social", wa_config_name(cfg), where, s->kind);
    char *type = NULL;
    if (opt_string(cfg, o, "type", where, &type, err, errcap) != 0)
        return -1;
    static const char *const types[] = {"feed", "list", "page", "board", "sitemap", NULL};
    int t = -1;
    for (int i = 0; type && types[i]; i++)
        if (strcmp(type, types[i]) == 0)
            t = i;
    free(type);
    if (t < 0)
        FAIL("%s: %s.type: expected one of feed, list, page, board, sitemap", wa_config_name(cfg), where);
    s->type = (wa_source_type)t;
    /* A board URL carries a {page} placeholder; check the rest resolves. */
    char *probe = wa_url_resolve(NULL, s->url);
    if (!probe)
        FAIL("%s: %s.url: '%.300s' is not an http or https URL", wa_config_name(cfg), where, s->url);
    free(probe);
    if (opt_number(cfg, o, "interval_s", where, 1, 30 * 86400, &s->interval_s, err, errcap) ||
        opt_number(cfg, o, "silent_after_s", where, 0, 365 * 86400.0, &s->silent_after_s, err, errcap))
        return -1;
    double d = (double)s->max_items;
    if (opt_number(cfg, o, "max_items", where, 1, 100000, &d, err, errcap) != 0)
        return -1;
    s->max_items = (size_t)d;
    d = (double)s->first_page;
    if (opt_number(cfg, o, "first_page", where, 0, 1e6, &d, err, errcap) != 0)
        return -1;
    s->first_page = (long long)d;
    d = (double)s->max_pages;
    if (opt_number(cfg, o, "max_pages", where, 1, 1000, &d, err, errcap) != 0)
        return -1;
    s->max_pages = (long long)d;
    json_t *fa = json_object_get(o, "fetch_articles");
    if (fa) {
        if (!json_is_boolean(fa))
            FAIL("%s: %s.fetch_articles: expected true or false", wa_config_name(cfg), where);
        s->fetch_articles = json_is_true(fa);
    }
    json_t *h = json_object_get(o, "headers");
    if (h) {
        if (!json_is_object(h))
            FAIL("%s: %s.headers: expected an object of header names and values", wa_config_name(cfg), where);
        s->headers = calloc(json_object_size(h) + 1, sizeof *s->headers);
        if (!s->headers)
            FAIL("out of memory");
        json_object_foreach(h, k, v) {
            if (!json_is_string(v) || strpbrk(k, ":\r\n") || strpbrk(json_string_value(v), "\r\n"))
                FAIL("%s: %s.headers.%s: expected a one-line string", wa_config_name(cfg), where, k);
            wa_buf b;
            wa_buf_init(&b);
            if (wa_buf_printf(&b, "%s: %s", k, json_string_value(v)) != 0)
                FAIL("out of memory");
            s->headers[s->nheaders++] = b.data;
        }
    }
    if (opt_xpath(cfg, o, "links", where, &s->xp_links, err, errcap) ||
        opt_xpath(cfg, o, "title", where, &s->xp_title, err, errcap) ||
        opt_xpath(cfg, o, "body", where, &s->xp_body, err, errcap) ||
        opt_xpath(cfg, o, "time", where, &s->xp_time, err, errcap) ||
        opt_xpath(cfg, o, "author", where, &s->xp_author, err, errcap))
        return -1;
    if (s->type == WA_SRC_LIST && !s->xp_links)
        FAIL("%s: %s.links: a list source needs the XPath of its article links", wa_config_name(cfg), where);
    if (s->type == WA_SRC_BOARD) {
        if (opt_string(cfg, o, "items", where, &s->items_path, err, errcap) != 0)
            return -1;
        json_t *f = json_object_get(o, "fields");
        if (f && !json_is_object(f))
            FAIL("%s: %s.fields: expected an object", wa_config_name(cfg), where);
        if (f) {
            json_object_foreach(f, k, v) {
                if (k[0] != '_' && !in_list(k, field_keys))
                    FAIL("%s: %s.fields.%s: unknown field (id, title, text, url, published_at, author)",
                         wa_config_name(cfg), where, k);
            }
            char fw[80];
            snprintf(fw, sizeof fw, "%s.fields", where);
            if (opt_string(cfg, f, "id", fw, &s->f_id, err, errcap) ||
                opt_string(cfg, f, "title", fw, &s->f_title, err, errcap) ||
                opt_string(cfg, f, "text", fw, &s->f_text, err, errcap) ||
                opt_string(cfg, f, "url", fw, &s->f_url, err, errcap) ||
                opt_string(cfg, f, "published_at", fw, &s->f_time, err, errcap) ||
                opt_string(cfg, f, "author", fw, &s->f_author, err, errcap))
                return -1;
        }
        if (!s->f_text && !(s->f_text = strdup("text")))
            FAIL("out of memory");
        if (!s->f_id && !(s->f_id = strdup("id")))
            FAIL("out of memory");
    }
    return 0;
}

int wa_crawl_config_load(const wa_config *cfg, wa_crawl_config *c, char *err, size_t errcap)
{
    json_t *sec = NULL;
    if (wa_config_section(cfg, "crawler", crawler_keys, &sec, err, errcap) != 0)
        return -1;
    if (!sec)
        return 0;
    const char *agent = NULL, *contact = NULL, *tz = NULL, *metrics = NULL;
    if (wa_config_string(cfg, sec, "crawler", "metrics", &metrics, err, errcap) != 0)
        return -1;
    if (metrics && !(c->metrics = strdup(metrics)))
        FAIL("out of memory");
    if (wa_config_string(cfg, sec, "crawler", "user_agent", &agent, err, errcap) ||
        wa_config_string(cfg, sec, "crawler", "contact", &contact, err, errcap) ||
        wa_config_string(cfg, sec, "crawler", "timezone", &tz, err, errcap) ||
        wa_config_path(cfg, sec, "crawler", "state", &c->state_path, err, errcap))
        return -1;
    if (agent || contact) {
        wa_buf b;
        wa_buf_init(&b);
        if (wa_buf_printf(&b, "%s%s%s%s", agent ? agent : DEFAULT_AGENT, contact ? " (+" : "",
                          contact ? contact : "", contact ? ")" : "") != 0)
            FAIL("out of memory");
        free(c->user_agent);
        c->user_agent = b.data;
        if (strpbrk(c->user_agent, "\r\n"))
            FAIL("%s: crawler.user_agent: must be one line", wa_config_name(cfg));
    }
    if (tz) {
        int off;
        if (wa_date_parse_offset(tz, &off) != 0)
            FAIL("%s: crawler.timezone: '%s' is not an offset such as +08:00", wa_config_name(cfg), tz);
        c->tz_offset_min = off;
    }
    struct {
        const char *key;
        long long min, max, *out;
    } ints[] = {
        {"max_body_bytes", 1024, 1LL << 32, &c->max_body_bytes},
        {"connect_timeout_ms", 100, 600000, &c->connect_timeout_ms},
        {"timeout_ms", 100, 3600000, &c->timeout_ms},
        {"max_redirects", 0, 20, &c->max_redirects},
        {"per_host_delay_ms", 0, 600000, &c->per_host_delay_ms},
        {"per_host_concurrency", 1, 64, &c->per_host_concurrency},
        {"concurrency", 1, 1024, &c->concurrency},
        {"retries", 0, 20, &c->retries},
        {"backoff_base_ms", 1, 3600000, &c->backoff_base_ms},
        {"backoff_max_ms", 1, 7 * 86400000LL, &c->backoff_max_ms},
        {"max_wait_in_run_ms", 0, 3600000, &c->max_wait_in_run_ms},
        {"near_duplicate_distance", 0, 32, &c->near_distance},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (wa_config_int(cfg, sec, "crawler", ints[i].key, ints[i].min, ints[i].max, ints[i].out, err, errcap) != 0)
            return -1;
    json_t *src = json_object_get(sec, "sources");
    if (src && !json_is_array(src))
        FAIL("%s: crawler.sources: expected an array of sources", wa_config_name(cfg));
    size_t i;
    json_t *o;
    json_array_foreach(src, i, o) {
        if (read_source(cfg, o, i, c, err, errcap) != 0)
            return -1;
    }
    return 0;
}
