#include "crawl.h"

#include <curl/curl.h>
#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../common/buf.h"
#include "../common/metrics_http.h"
#include "../common/utf8.h"
#include "charset.h"
#include "dates.h"
#include "extract.h"
#include "feed.h"
#include "robots.h"
#include "simhash.h"
#include "urlcanon.h"

#define WHO "wa-crawler"
#define ROBOTS_TTL_S 86400.0
#define ROBOTS_AGENT "wa-crawler"
#define MAX_SITEMAP_DEPTH 3

typedef enum { J_ROBOTS, J_FEED, J_LIST, J_ARTICLE, J_BOARD, J_SITEMAP } job_kind;

typedef struct job {
    job_kind kind;
    size_t src;  /* index into the sources */
    size_t host; /* index into the hosts */
    char *url;
    char *first_url; /* before redirects (its canonical form is a key of the document) */
    int redirects, attempts, root, depth;
    long long page;
    double not_before;
    /* what a feed said about the item, used when the page says less */
    char *hint_title, *hint_text, *hint_time, *hint_author;
    struct job *next;
} job;

typedef struct {
    char origin[512];
    wa_robots *robots; /* NULL until known */
    int robots_pending;
    int robots_unavailable; /* robots.txt could not be read: nothing is fetched for now */
    double next_at;    /* earliest start of the next request */
    double delay;      /* seconds between request starts */
    int inflight;
    job *head, *tail;
} host;

typedef struct {
    CURL *easy;
    job *j;
    wa_buf body;
    int truncated;
    char *content_type, *etag, *last_modified, *location, *retry_after;
    struct curl_slist *headers;
    size_t cap; /* body size cap */
} transfer;

/* Canonical keys queued in this run, so a link found twice is fetched once. */
typedef struct {
    uint64_t *slots;
    size_t cap, n;
} key_set;

typedef struct {
    const wa_crawl_config *c;
    wa_state *st;
    wa_doc_sink sink;
    void *sink_ctx;
    volatile sig_atomic_t *stop;
    wa_crawl_stats *stats;
    CURLM *multi;
    host *hosts;
    size_t nhosts, cap_hosts;
    size_t queued, inflight;
    key_set keys;
    int fatal;
    unsigned long *source_docs; /* documents per source in this run */
    transfer **active;          /* transfers in flight, to abandon on a stop */
    size_t nactive, cap_active;
    /* Validators of feeds, lists and boards are stored only at the end of a
     * run in which every link they led to was dealt with: stored earlier, a
     * crash or a timed-out article would make the next run get a 304 and
     * never see those links again. */
    struct pending_validator {
        size_t src;
        char *url, *etag, *last_modified;
    } *pending;
    size_t npending, cap_pending;
    unsigned char *incomplete; /* per source: something is left for a later run */
} crawl;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void job_free(job *j)
{
    if (!j)
        return;
    free(j->url);
    free(j->first_url);
    free(j->hint_title);
    free(j->hint_text);
    free(j->hint_time);
    free(j->hint_author);
    free(j);
}

/* ---- the set of queued keys -------------------------------------------------------- */

static uint64_t key_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

/* 1 when newly added, 0 when already there, -1 on memory. A 64-bit hash
 * collision would skip one link in one run; it is fetched in the next. */
static int key_add(key_set *k, const char *key)
{
    if ((k->n + 1) * 2 > k->cap) {
        size_t ncap = k->cap ? k->cap * 2 : 1024;
        uint64_t *ns = calloc(ncap, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; i < k->cap; i++) {
            if (!k->slots[i])
                continue;
            size_t p = k->slots[i] & (ncap - 1);
            while (ns[p])
                p = (p + 1) & (ncap - 1);
            ns[p] = k->slots[i];
        }
        free(k->slots);
        k->slots = ns;
        k->cap = ncap;
    }
    uint64_t h = key_hash(key);
    size_t p = h & (k->cap - 1);
    while (k->slots[p]) {
        if (k->slots[p] == h)
            return 0;
        p = (p + 1) & (k->cap - 1);
    }
    k->slots[p] = h;
    k->n++;
    return 1;
}

/* ---- hosts and queues -------------------------------------------------------------- */

static long long host_index(crawl *cr, const char *url)
{
    char origin[512];
    if (wa_url_origin(url, origin, sizeof origin) != 0)
        return -1;
    for (size_t i = 0; i < cr->nhosts; i++)
        if (strcmp(cr->hosts[i].origin, origin) == 0)
            return (long long)i;
    void *arr = cr->hosts;
    if (wa_grow(&arr, &cr->cap_hosts, cr->nhosts + 1, sizeof *cr->hosts) != 0)
        return -1;
    cr->hosts = arr;
    host *h = &cr->hosts[cr->nhosts];
    memset(h, 0, sizeof *h);
    snprintf(h->origin, sizeof h->origin, "%s", origin);
    h->delay = (double)cr->c->per_host_delay_ms / 1000.0;
    return (long long)cr->nhosts++;
}

static void enqueue(crawl *cr, job *j)
{
    host *h = &cr->hosts[j->host];
    j->next = NULL;
    if (j->kind == J_ROBOTS) { /* robots.txt goes first */
        j->next = h->head;
        h->head = j;
        if (!h->tail)
            h->tail = j;
    } else {
        if (h->tail)
            h->tail->next = j;
        else
            h->head = j;
        h->tail = j;
    }
    cr->queued++;
}

static job *new_job(crawl *cr, job_kind kind, size_t src, const char *url)
{
    long long hi = host_index(cr, url);
    if (hi < 0)
        return NULL;
    job *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->kind = kind;
    j->src = src;
    j->host = (size_t)hi;
    j->url = strdup(url);
    j->first_url = strdup(url);
    if (!j->url || !j->first_url) {
        job_free(j);
        return NULL;
    }
    return j;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* ---- documents --------------------------------------------------------------------- */

static void hex(const unsigned char *b, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[b[i] >> 4];
        out[2 * i + 1] = digits[b[i] & 15];
    }
    out[2 * n] = '\0';
}

/* A 128-bit BLAKE2b of s as 32 hex characters. */
static void hash_hex(const char *s, size_t len, char *out)
{
    unsigned char h[16];
    crypto_generichash(h, sizeof h, (const unsigned char *)s, len, NULL, 0);
    hex(h, sizeof h, out);
}

/* The content hash: of the text without blanks, so a re-wrapped copy is
 * the same content. */
static void content_hash(const char *title, const char *text, char *out)
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, 16);
    crypto_generichash_update(&st, (const unsigned char *)title, strlen(title));
    crypto_generichash_update(&st, (const unsigned char *)"\n", 1);
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " \n\t");
        crypto_generichash_update(&st, (const unsigned char *)p, n);
        p += n;
        p += strspn(p, " \n\t");
    }
    unsigned char h[16];
    crypto_generichash_final(&st, h, sizeof h);
    hex(h, sizeof h, out);
}

static void iso_now(char *out, size_t cap)
{
    wa_date d = {.epoch = time(NULL), .offset_min = 0, .has_time = 1};
    wa_date_format(&d, out, cap);
}

static int set_str(json_t *o, const char *k, const char *v)
{
    json_t *s = v ? json_string(v) : json_null();
    if (!s)
        s = json_string(""); /* invalid UTF-8 cannot happen here; be safe anyway */
    return json_object_set_new(o, k, s);
}

typedef struct {
    const char *keys[4]; /* canonical URLs / board key; [0] gives the id */
    const char *url;
    const char *title, *text, *author, *published_at;
} doc_in;

/* Deduplicate, write and record one document. 0, or -1 on a fatal error. */
static int emit(crawl *cr, size_t src_i, const doc_in *d)
{
    const wa_source *src = &cr->c->sources[src_i];
    char *text = strdup(d->text ? d->text : "");
    char *title = strdup(d->title ? d->title : "");
    if (!text || !title) {
        free(text);
        free(title);
        return -1;
    }
    wa_text_tidy(text);
    wa_text_tidy(title);
    int rc = 0;
    if (!text[0] && !title[0]) {
        cr->stats->empty_pages++;
        fprintf(stderr, "%s: %s: no text found\n", WHO, d->url);
        goto out;
    }
    char chash[33], id[WA_DOC_ID_LEN + 1], earlier[WA_DOC_ID_LEN + 1];
    content_hash(title, text, chash);
    int found = wa_state_find_content(cr->st, chash, earlier);
    if (found < 0) {
        fprintf(stderr, "%s: error: crawl state: %s\n", WHO, wa_state_error(cr->st));
        rc = -1;
        goto out;
    }
    if (found) {
        /* The same text under another URL: remember the URL, produce nothing. */
        cr->stats->duplicate_content++;
        for (size_t i = 0; i < 4 && d->keys[i]; i++)
            (void)wa_state_add_key(cr->st, d->keys[i], earlier);
        goto out;
    }
    hash_hex(d->keys[0], strlen(d->keys[0]), id);
    size_t shingles;
    uint64_t sim = wa_simhash(text, strlen(text), &shingles);
    int near_ok = shingles >= WA_SIMHASH_MIN_SHINGLES;
    int near = near_ok && wa_state_find_near(cr->st, sim, (int)cr->c->near_distance, earlier);
    char fetched[40];
    iso_now(fetched, sizeof fetched);
    json_t *o = json_object();
    if (!o || set_str(o, "id", id) || set_str(o, "source", src->name) || set_str(o, "kind", src->kind) ||
        set_str(o, "url", d->url) || set_str(o, "title", title) || set_str(o, "text", text) ||
        set_str(o, "author", d->author && d->author[0] ? d->author : NULL) ||
        set_str(o, "published_at", d->published_at) || set_str(o, "fetched_at", fetched) ||
        (near && set_str(o, "dup_of", earlier))) {
        json_decref(o);
        rc = -1;
        goto out;
    }
    char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!line) {
        rc = -1;
        goto out;
    }
    if (cr->sink(cr->sink_ctx, line, strlen(line), id) != 0) {
        free(line);
        rc = -1;
        goto out;
    }
    free(line);
    double now = now_s();
    if (wa_state_add_doc(cr->st, id, d->keys[0], d->url, src->name, chash, sim, near_ok, now) != 0) {
        fprintf(stderr, "%s: error: crawl state: %s\n", WHO, wa_state_error(cr->st));
        rc = -1;
        goto out;
    }
    for (size_t i = 1; i < 4 && d->keys[i]; i++)
        (void)wa_state_add_key(cr->st, d->keys[i], id);
    (void)wa_state_source_item(cr->st, src->name, now);
    cr->stats->documents++;
    cr->source_docs[src_i]++;
    if (near)
        cr->stats->near_duplicates++;
out:
    free(text);
    free(title);
    return rc;
}

/* ---- scheduling links -------------------------------------------------------------- */

/* Queue an article page unless its URL led to a document before or is
 * already queued. hint (may be NULL) carries what a feed said. */
static int queue_article(crawl *cr, size_t src, const char *url, const wa_feed_item *hint)
{
    char *key = wa_url_canonical(NULL, url);
    if (!key)
        return 0;
    if (wa_state_seen(cr->st, key)) {
        cr->stats->seen_urls++;
        free(key);
        return 0;
    }
    int added = key_add(&cr->keys, key);
    free(key);
    if (added <= 0)
        return added;
    job *j = new_job(cr, J_ARTICLE, src, url);
    if (!j)
        return -1;
    if (hint) {
        j->hint_title = dup_or_null(hint->title);
        j->hint_text = dup_or_null(hint->summary);
        j->hint_time = dup_or_null(hint->published_at);
        j->hint_author = dup_or_null(hint->author);
    }
    enqueue(cr, j);
    return 0;
}

/* ---- handlers of fetched bodies ---------------------------------------------------- */

static int decode(crawl *cr, transfer *t, wa_buf *out)
{
    wa_charset cs;
    size_t bad = 0;
    if (wa_charset_decode(t->content_type, (const unsigned char *)(t->body.data ? t->body.data : ""), t->body.len,
                          out, &cs, &bad) != 0)
        return -1;
    if (cs.declared[0] && strcmp(cs.declared, cs.name) != 0 && strcmp(cs.how, "detected") == 0)
        fprintf(stderr, "%s: %s: declared charset %s does not fit the bytes; decoded as %s\n", WHO, t->j->url,
                cs.declared, cs.name);
    (void)cr;
    return 0;
}

static int handle_feed(crawl *cr, transfer *t, const char *text, size_t len)
{
    job *j = t->j;
    const wa_source *src = &cr->c->sources[j->src];
    wa_feed f;
    char err[256];
    if (wa_feed_parse(text, len, j->url, cr->c->tz_offset_min, src->max_items, &f, err, sizeof err) != 0) {
        cr->stats->parse_errors++;
        fprintf(stderr, "%s: %s: %s\n", WHO, j->url, err);
        return 1;
    }
    int rc = 0;
    for (size_t i = 0; i < f.n && rc == 0; i++) {
        wa_feed_item *it = &f.items[i];
        if (f.kind == WA_FEED_SITEMAP_INDEX) {
            if (it->link && j->depth < MAX_SITEMAP_DEPTH) {
                job *s = new_job(cr, J_SITEMAP, j->src, it->link);
                if (!s) {
                    rc = -1;
                    break;
                }
                s->depth = j->depth + 1;
                enqueue(cr, s);
            }
            continue;
        }
        if (it->link && (f.kind == WA_FEED_SITEMAP || src->fetch_articles)) {
            rc = queue_article(cr, j->src, it->link, f.kind == WA_FEED_SITEMAP ? NULL : it);
            continue;
        }
        /* The feed's own text is the document. */
        char *key = it->link ? wa_url_canonical(NULL, it->link) : NULL;
        if (!key) {
            wa_buf b;
            wa_buf_init(&b);
            if (wa_buf_printf(&b, "feed:%s:%s", src->name, it->guid ? it->guid : it->title) != 0) {
                rc = -1;
                break;
            }
            key = b.data;
        }
        if (wa_state_seen(cr->st, key)) {
            cr->stats->seen_urls++;
        } else if (key_add(&cr->keys, key) > 0) {
            doc_in d = {{key, NULL, NULL, NULL}, it->link ? it->link : j->url, it->title, it->summary, it->author,
                        it->published_at};
            rc = emit(cr, j->src, &d);
        }
        free(key);
    }
    wa_feed_free(&f);
    return rc;
}

static int handle_list(crawl *cr, transfer *t, const char *text, size_t len)
{
    job *j = t->j;
    const wa_source *src = &cr->c->sources[j->src];
    char **links;
    size_t n;
    char err[256];
    if (wa_extract_links(text, len, j->url, src->xp_links, src->max_items, &links, &n, err, sizeof err) != 0) {
        cr->stats->parse_errors++;
        fprintf(stderr, "%s: %s: %s\n", WHO, j->url, err);
        return 1;
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = queue_article(cr, j->src, links[i], NULL);
    wa_links_free(links, n);
    return rc;
}

static int handle_article(crawl *cr, transfer *t, const char *text, size_t len)
{
    job *j = t->j;
    const wa_source *src = &cr->c->sources[j->src];
    wa_xpaths xp = {src->xp_title, src->xp_body, src->xp_time, src->xp_author};
    wa_article a;
    char err[256];
    if (wa_extract_article(text, len, j->url, &xp, cr->c->tz_offset_min, &a, err, sizeof err) != 0) {
        cr->stats->parse_errors++;
        fprintf(stderr, "%s: %s: %s\n", WHO, j->url, err);
        return 1;
    }
    char *k_first = wa_url_canonical(NULL, j->first_url);
    char *k_final = wa_url_canonical(NULL, j->url);
    char *k_canon = a.canonical ? wa_url_canonical(NULL, a.canonical) : NULL;
    int rc = 0;
    if (!k_first || !k_final) {
        rc = -1;
    } else if (k_canon && strcmp(k_canon, k_final) != 0 && wa_state_seen(cr->st, k_canon)) {
        /* The page names an already produced article as its original. */
        cr->stats->seen_urls++;
        (void)wa_state_add_key(cr->st, k_final, "");
    } else {
        doc_in d = {{k_canon ? k_canon : k_final, k_first, k_final, NULL},
                    a.canonical ? a.canonical : j->url,
                    a.title[0] ? a.title : j->hint_title,
                    a.text[0] ? a.text : j->hint_text,
                    a.author ? a.author : j->hint_author,
                    a.published_at ? a.published_at : j->hint_time};
        rc = emit(cr, j->src, &d);
    }
    free(k_first);
    free(k_final);
    free(k_canon);
    wa_article_free(&a);
    return rc;
}

/* A member of a JSON value by dotted path ("data.list", "items.0.title"). */
static json_t *json_path(json_t *v, const char *path)
{
    if (!path || !path[0])
        return v;
    char part[128];
    const char *p = path;
    while (v && *p) {
        size_t n = strcspn(p, ".");
        if (n >= sizeof part)
            return NULL;
        memcpy(part, p, n);
        part[n] = '\0';
        if (json_is_object(v)) {
            v = json_object_get(v, part);
        } else if (json_is_array(v)) {
            char *end;
            unsigned long idx = strtoul(part, &end, 10);
            v = (*end || end == part) ? NULL : json_array_get(v, idx);
        } else {
            return NULL;
        }
        p += n;
        if (*p == '.')
            p++;
    }
    return v;
}

/* A field as text (strings as they are, numbers printed), malloc'd or NULL. */
static char *json_field(json_t *item, const char *path)
{
    json_t *v = path ? json_path(item, path) : NULL;
    if (json_is_string(v))
        return strdup(json_string_value(v));
    if (json_is_integer(v)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
        return strdup(buf);
    }
    if (json_is_real(v)) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.0f", json_real_value(v));
        return strdup(buf);
    }
    return NULL;
}

static char *board_page_url(const wa_source *src, long long page)
{
    const char *ph = strstr(src->url, "{page}");
    wa_buf b;
    wa_buf_init(&b);
    int rc = ph ? wa_buf_printf(&b, "%.*s%lld%s", (int)(ph - src->url), src->url, page, ph + 6)
                : wa_buf_append_str(&b, src->url);
    if (rc != 0) {
        wa_buf_free(&b);
        return NULL;
    }
    char *u = wa_url_resolve(NULL, b.data);
    wa_buf_free(&b);
    return u;
}

static int handle_board(crawl *cr, transfer *t, const char *text, size_t len)
{
    job *j = t->j;
    const wa_source *src = &cr->c->sources[j->src];
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_DECODE_ANY, &jerr);
    if (!root) {
        cr->stats->parse_errors++;
        fprintf(stderr, "%s: %s: not JSON: %s (line %d)\n", WHO, j->url, jerr.text, jerr.line);
        return 1;
    }
    json_t *items = json_path(root, src->items_path);
    if (!json_is_array(items)) {
        cr->stats->parse_errors++;
        fprintf(stderr, "%s: %s: no array at \"%s\"\n", WHO, j->url, src->items_path ? src->items_path : "");
        json_decref(root);
        return 1;
    }
    size_t i, fresh = 0;
    json_t *it;
    int rc = 0;
    json_array_foreach(items, i, it) {
        if (rc != 0 || i >= src->max_items)
            break;
        char *iid = json_field(it, src->f_id);
        char *url_raw = json_field(it, src->f_url);
        char *url = url_raw ? wa_url_resolve(j->url, url_raw) : NULL;
        char *title = json_field(it, src->f_title);
        char *body = json_field(it, src->f_text);
        char *author = json_field(it, src->f_author);
        char *when = json_field(it, src->f_time);
        wa_buf key, plain;
        wa_buf_init(&key);
        wa_buf_init(&plain);
        char pub[40] = "";
        wa_date dt;
        if (when && wa_date_parse_at(when, strlen(when), cr->c->tz_offset_min, time(NULL), &dt) == 0)
            wa_date_format(&dt, pub, sizeof pub);
        if (!iid && !url) {
            cr->stats->parse_errors++;
            fprintf(stderr, "%s: %s: item %zu has neither \"%s\" nor a URL\n", WHO, j->url, i, src->f_id);
        } else if (wa_buf_printf(&key, "board:%s:%s", src->name, iid ? iid : url) != 0 ||
                   (body && wa_html_to_text(body, strlen(body), &plain) != 0) || wa_buf_terminate(&plain) != 0) {
            rc = -1;
        } else if (wa_state_seen(cr->st, key.data)) {
            cr->stats->seen_urls++;
        } else if (key_add(&cr->keys, key.data) > 0) {
            fresh++;
            doc_in d = {{key.data, NULL, NULL, NULL}, url ? url : j->url, title, plain.data ? plain.data : "",
                        author, pub[0] ? pub : NULL};
            rc = emit(cr, j->src, &d);
        }
        wa_buf_free(&key);
        wa_buf_free(&plain);
        free(iid);
        free(url_raw);
        free(url);
        free(title);
        free(body);
        free(author);
        free(when);
    }
    /* The next page, while pages bring something new; after an interrupted
     * run, while pages hold anything at all (a page of known items may be
     * followed by one the interrupted run never reached). */
    char marker[600];
    snprintf(marker, sizeof marker, "board-complete:%s", src->name);
    char *done_etag = NULL, *done_lm = NULL;
    (void)wa_state_get_validators(cr->st, marker, &done_etag, &done_lm);
    int last_run_complete = done_etag != NULL;
    free(done_etag);
    free(done_lm);
    if (rc == 0 && (fresh > 0 || !last_run_complete) && json_array_size(items) > 0 && j->page + 1 < src->first_page + src->max_pages &&
        strstr(src->url, "{page}")) {
        char *next = board_page_url(src, j->page + 1);
        job *nj = next ? new_job(cr, J_BOARD, j->src, next) : NULL;
        free(next);
        if (!nj) {
            rc = -1;
        } else {
            nj->page = j->page + 1;
            enqueue(cr, nj);
        }
    }
    json_decref(root);
    return rc;
}

/* ---- robots.txt -------------------------------------------------------------------- */

static void set_robots(crawl *cr, host *h, const char *body, size_t len, int status)
{
    wa_robots_free(h->robots);
    if (status >= 200 && status < 300)
        h->robots = wa_robots_parse(body, len, ROBOTS_AGENT);
    else if (status >= 400 && status < 500)
        h->robots = wa_robots_allow_all();
    else
        h->robots = wa_robots_deny_all();
    h->robots_unavailable = status >= 500 || (status < 400 && status >= 300);
    if (!h->robots) {
        cr->fatal = 1;
        return;
    }
    double d = wa_robots_crawl_delay(h->robots);
    double base = (double)cr->c->per_host_delay_ms / 1000.0;
    h->delay = d > base ? d : base;
    /* The robots.txt request itself counts: the next one waits a full delay. */
    if (h->next_at < now_s() + h->delay)
        h->next_at = now_s() + h->delay;
    h->robots_pending = 0;
}

/* Make sure the host's robots.txt is known or on its way. */
static int ensure_robots(crawl *cr, size_t hi)
{
    host *h = &cr->hosts[hi];
    if (h->robots || h->robots_pending)
        return 0;
    if (!cr->c->robots) {
        set_robots(cr, h, "", 0, 404);
        return cr->fatal ? -1 : 0;
    }
    char *body;
    size_t len;
    int status;
    double at;
    if (wa_state_get_robots(cr->st, h->origin, &body, &len, &status, &at) && now_s() - at < ROBOTS_TTL_S &&
        (status < 500 || now_s() - at < 60)) {
        set_robots(cr, h, body, len, status);
        free(body);
        return cr->fatal ? -1 : 0;
    }
    free(body);
    char url[600];
    snprintf(url, sizeof url, "%s/robots.txt", h->origin);
    job *j = new_job(cr, J_ROBOTS, 0, url);
    if (!j)
        return -1;
    h->robots_pending = 1;
    enqueue(cr, j);
    return 0;
}

/* ---- transfers --------------------------------------------------------------------- */

/* The write callback with the size cap: the body is cut at the cap and the
 * transfer aborted, so a 50 MB page or a decompression bomb never sits in
 * memory whole. */
static size_t on_body(char *data, size_t size, size_t nmemb, void *ud)
{
    transfer *t = ud;
    size_t n = size * nmemb;
    if (t->body.len + n > t->cap) {
        size_t room = t->cap - t->body.len;
        if (room && wa_buf_append(&t->body, data, room) != 0)
            return 0;
        t->truncated = 1;
        return 0; /* abort: CURLE_WRITE_ERROR */
    }
    return wa_buf_append(&t->body, data, n) == 0 ? n : 0;
}

static char **header_slot(transfer *t, const char *line, size_t n, size_t *vstart)
{
    struct {
        const char *name;
        char **slot;
    } names[] = {
        {"content-type", &t->content_type}, {"etag", &t->etag},         {"last-modified", &t->last_modified},
        {"location", &t->location},         {"retry-after", &t->retry_after},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t l = strlen(names[i].name);
        if (n > l && line[l] == ':' && strncasecmp(line, names[i].name, l) == 0) {
            *vstart = l + 1;
            return names[i].slot;
        }
    }
    return NULL;
}

static size_t on_header(char *line, size_t size, size_t nmemb, void *ud)
{
    transfer *t = ud;
    size_t n = size * nmemb;
    if (n >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        /* A new response (after a 100 Continue): forget the previous headers. */
        free(t->content_type);
        free(t->etag);
        free(t->last_modified);
        free(t->location);
        free(t->retry_after);
        t->content_type = t->etag = t->last_modified = t->location = t->retry_after = NULL;
        return n;
    }
    size_t v;
    char **slot = header_slot(t, line, n, &v);
    if (!slot || n - v > 8192)
        return n;
    while (v < n && (line[v] == ' ' || line[v] == '\t'))
        v++;
    size_t e = n;
    while (e > v && (line[e - 1] == '\r' || line[e - 1] == '\n' || line[e - 1] == ' '))
        e--;
    free(*slot);
    *slot = strndup(line + v, e - v);
    return n;
}

static void transfer_free(transfer *t)
{
    if (!t)
        return;
    if (t->easy)
        curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->headers);
    wa_buf_free(&t->body);
    free(t->content_type);
    free(t->etag);
    free(t->last_modified);
    free(t->location);
    free(t->retry_after);
    job_free(t->j);
    free(t);
}

static int add_header(transfer *t, const char *h)
{
    struct curl_slist *l = curl_slist_append(t->headers, h);
    if (!l)
        return -1;
    t->headers = l;
    return 0;
}

static int start(crawl *cr, job *j)
{
    const wa_crawl_config *c = cr->c;
    transfer *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    t->j = j;
    t->cap = (size_t)c->max_body_bytes;
    t->easy = curl_easy_init();
    if (!t->easy) {
        t->j = NULL;
        transfer_free(t);
        return -1;
    }
    CURL *e = t->easy;
    int bad = 0;
    bad |= curl_easy_setopt(e, CURLOPT_URL, j->url) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_PRIVATE, t) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_WRITEDATA, t) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_HEADERDATA, t) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_USERAGENT, c->user_agent) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "") != CURLE_OK; /* every encoding libcurl decodes */
    bad |= curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK;  /* followed by us, through robots */
    bad |= curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)c->connect_timeout_ms) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)c->timeout_ms) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_body_bytes) != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK;
    bad |= curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
    const wa_source *src = j->kind == J_ROBOTS ? NULL : &c->sources[j->src];
    for (size_t i = 0; src && i < src->nheaders && !bad; i++)
        bad |= add_header(t, src->headers[i]) != 0;
    if (j->kind != J_ROBOTS && !bad) {
        char *etag = NULL, *lm = NULL;
        if (wa_state_get_validators(cr->st, j->url, &etag, &lm) == 0) {
            wa_buf b;
            wa_buf_init(&b);
            if (etag && etag[0] && wa_buf_printf(&b, "If-None-Match: %s", etag) == 0)
                bad |= add_header(t, b.data) != 0;
            b.len = 0;
            if (lm && lm[0] && wa_buf_printf(&b, "If-Modified-Since: %s", lm) == 0)
                bad |= add_header(t, b.data) != 0;
            wa_buf_free(&b);
        }
        free(etag);
        free(lm);
    }
    if (t->headers)
        bad |= curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers) != CURLE_OK;
    void *arr = cr->active;
    if (bad || wa_grow(&arr, &cr->cap_active, cr->nactive + 1, sizeof *cr->active) != 0 ||
        curl_multi_add_handle(cr->multi, e) != CURLM_OK) {
        t->j = NULL;
        transfer_free(t);
        return -1;
    }
    cr->active = arr;
    cr->active[cr->nactive++] = t;
    cr->inflight++;
    cr->hosts[j->host].inflight++;
    cr->stats->requests++;
    return 0;
}

/* ---- outcomes ---------------------------------------------------------------------- */

/* Seconds to wait before attempt number n (1-based) of something: capped
 * exponential backoff with full jitter in its upper half, so retries of
 * many clients do not synchronise. */
static double backoff_s(const wa_crawl_config *c, long long n)
{
    double base = (double)c->backoff_base_ms / 1000.0, cap = (double)c->backoff_max_ms / 1000.0;
    double d = base * pow(2.0, (double)(n > 40 ? 40 : n - 1));
    if (d > cap)
        d = cap;
    return d * (0.5 + 0.5 * randombytes_uniform(1000001) / 1e6);
}

/* Retry-After: seconds, or an HTTP date. -1 when absent or unreadable. */
static double retry_after_s(const char *v)
{
    if (!v)
        return -1;
    char *end;
    double s = strtod(v, &end);
    if (end != v && *end == '\0')
        return s < 0 ? 0 : s;
    wa_date d;
    if (wa_date_parse(v, strlen(v), 0, &d) == 0) {
        double w = (double)d.epoch - now_s();
        return w < 0 ? 0 : w;
    }
    return -1;
}

static void source_failed_after(crawl *cr, job *j, const char *why, double min_wait);

static void source_failed(crawl *cr, job *j, const char *why)
{
    source_failed_after(cr, j, why, 0);
}

/* min_wait: a Retry-After the server asked for. */
static void source_failed_after(crawl *cr, job *j, const char *why, double min_wait)
{
    const wa_source *src = &cr->c->sources[j->src];
    wa_source_health h;
    long long fails = 1;
    if (wa_state_source_get(cr->st, src->name, &h) == 0)
        fails = h.consecutive_failures + 1;
    /* Never given up: the next try comes after a capped, growing wait. */
    double wait = backoff_s(cr->c, fails);
    if (wait > src->interval_s * 8 && src->interval_s * 8 > (double)cr->c->backoff_base_ms / 1000.0)
        wait = src->interval_s * 8;
    if (wait < min_wait)
        wait = min_wait;
    (void)wa_state_source_failure(cr->st, src->name, now_s(), now_s() + wait, why);
    cr->stats->sources_failed++;
}

/* Requeue j for another attempt, or give up on it for this run. */
static void retry_or_fail(crawl *cr, job *j, double retry_after, const char *why)
{
    double wait = retry_after >= 0 ? retry_after : backoff_s(cr->c, j->attempts + 1);
    if (j->kind != J_ROBOTS && j->attempts < cr->c->retries && wait * 1000 <= (double)cr->c->max_wait_in_run_ms) {
        j->attempts++;
        j->not_before = now_s() + wait;
        cr->stats->retries++;
        fprintf(stderr, "%s: %s: %s; retry %d in %.1f s\n", WHO, j->url, why, j->attempts, wait);
        enqueue(cr, j);
        return;
    }
    fprintf(stderr, "%s: %s: %s; giving up for this run\n", WHO, j->url, why);
    if (j->kind != J_ROBOTS)
        cr->incomplete[j->src] = 1;
    if (j->kind == J_ROBOTS) {
        host *h = &cr->hosts[j->host];
        set_robots(cr, h, "", 0, 503);
        (void)wa_state_put_robots(cr->st, h->origin, "", 0, 503, now_s());
    } else if (j->root) {
        source_failed_after(cr, j, why, retry_after > 0 ? retry_after : 0);
    }
    job_free(j);
}

static void redirect(crawl *cr, transfer *t, long status)
{
    job *j = t->j;
    char *to = wa_url_resolve(j->url, t->location);
    if (!to) {
        cr->stats->redirect_errors++;
        fprintf(stderr, "%s: %s: HTTP %ld to an unusable Location\n", WHO, j->url, status);
        if (j->root)
            source_failed(cr, j, "redirect to an unusable location");
        return;
    }
    if (j->redirects >= cr->c->max_redirects) {
        cr->stats->redirect_errors++;
        fprintf(stderr, "%s: %s: more than %lld redirects (a loop?)\n", WHO, j->first_url, cr->c->max_redirects);
        if (j->root)
            source_failed(cr, j, "too many redirects");
        free(to);
        return;
    }
    long long hi = host_index(cr, to);
    if (hi < 0) {
        free(to);
        cr->fatal = 1;
        return;
    }
    /* The job moves on to the new URL, through the politeness and robots
     * checks of its host like any other request. */
    t->j = NULL;
    free(j->url);
    j->url = to;
    j->host = (size_t)hi;
    j->redirects++;
    j->attempts = 0;
    j->not_before = 0;
    if (ensure_robots(cr, j->host) != 0)
        cr->fatal = 1;
    enqueue(cr, j);
}

static void finish(crawl *cr, transfer *t, CURLcode res)
{
    job *j = t->j;
    host *h = &cr->hosts[j->host];
    h->inflight--;
    cr->inflight--;
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    cr->stats->bytes += t->body.len;

    if (t->truncated || res == CURLE_FILESIZE_EXCEEDED) {
        cr->stats->too_large++;
        fprintf(stderr, "%s: %s: body larger than %lld bytes, cut off and dropped\n", WHO, j->url,
                cr->c->max_body_bytes);
        if (j->kind == J_ROBOTS) {
            /* RFC 9309: read what fits of an oversized robots.txt */
            set_robots(cr, h, t->body.data ? t->body.data : "", t->body.len, 200);
        } else if (j->root) {
            source_failed(cr, j, "body too large");
        }
        return;
    }
    if (res != CURLE_OK) {
        char why[300];
        snprintf(why, sizeof why, "%s", curl_easy_strerror(res));
        if (res == CURLE_OPERATION_TIMEDOUT)
            cr->stats->timeouts++;
        else
            cr->stats->network_errors++;
        t->j = NULL;
        retry_or_fail(cr, j, -1, why);
        return;
    }
    if (j->kind == J_ROBOTS) {
        if (status >= 300 && status < 400 && t->location && j->redirects < cr->c->max_redirects) {
            /* robots.txt may redirect (RFC 9309: follow up to five); the rules apply to this host. */
            char *to = wa_url_resolve(j->url, t->location);
            if (to) {
                free(j->url);
                j->url = to;
                j->redirects++;
                t->j = NULL;
                enqueue(cr, j);
                return;
            }
        }
        if (status >= 500 || status == 429) {
            t->j = NULL;
            char why[64];
            snprintf(why, sizeof why, "robots.txt answered HTTP %ld", status);
            cr->stats->http_5xx++;
            retry_or_fail(cr, j, -1, why);
            return;
        }
        cr->stats->robots_fetched++;
        set_robots(cr, h, t->body.data ? t->body.data : "", t->body.len, (int)status);
        (void)wa_state_put_robots(cr->st, h->origin, t->body.data, t->body.len, (int)status, now_s());
        return;
    }
    if (status == 304) {
        cr->stats->not_modified++;
        if (j->root)
            (void)wa_state_source_success(cr->st, cr->c->sources[j->src].name, now_s(),
                                          now_s() + cr->c->sources[j->src].interval_s, 0);
        return;
    }
    if (status >= 300 && status < 400 && t->location) {
        redirect(cr, t, status);
        return;
    }
    if (status == 429 || status >= 500) {
        cr->stats->http_5xx += status >= 500;
        cr->stats->http_4xx += status == 429;
        char why[64];
        snprintf(why, sizeof why, "HTTP %ld", status);
        t->j = NULL;
        retry_or_fail(cr, j, retry_after_s(t->retry_after), why);
        return;
    }
    if (status < 200 || status >= 300) {
        cr->stats->http_4xx += status >= 400;
        fprintf(stderr, "%s: %s: HTTP %ld\n", WHO, j->url, status);
        if (j->root) {
            char why[64];
            snprintf(why, sizeof why, "HTTP %ld", status);
            source_failed(cr, j, why);
        }
        return;
    }
    cr->stats->fetched++;
    wa_buf text;
    wa_buf_init(&text);
    if (decode(cr, t, &text) != 0) {
        wa_buf_free(&text);
        cr->fatal = 1;
        return;
    }
    const char *body = text.data ? text.data : "";
    int rc;
    switch (j->kind) {
    case J_FEED:
    case J_SITEMAP: rc = handle_feed(cr, t, body, text.len); break;
    case J_LIST: rc = handle_list(cr, t, body, text.len); break;
    case J_BOARD: rc = handle_board(cr, t, body, text.len); break;
    default: rc = handle_article(cr, t, body, text.len); break;
    }
    wa_buf_free(&text);
    if (rc < 0) {
        cr->fatal = 1;
        return;
    }
    /* Validators are stored once the body has been used, so a crash in
     * between refetches it rather than skipping it. */
    if ((t->etag || t->last_modified) && j->kind != J_ARTICLE) {
        void *arr = cr->pending;
        if (wa_grow(&arr, &cr->cap_pending, cr->npending + 1, sizeof *cr->pending) != 0) {
            cr->fatal = 1;
            return;
        }
        cr->pending = arr;
        struct pending_validator *pv = &cr->pending[cr->npending++];
        pv->src = j->src;
        pv->url = strdup(j->url);
        pv->etag = dup_or_null(t->etag);
        pv->last_modified = dup_or_null(t->last_modified);
    }
    if (j->root) {
        const wa_source *src = &cr->c->sources[j->src];
        if (rc == 1)
            source_failed(cr, j, "unreadable response");
        else
            (void)wa_state_source_success(cr->st, src->name, now_s(), now_s() + src->interval_s, 0);
    }
}

/* ---- the loop ---------------------------------------------------------------------- */

/* Start what politeness allows; returns seconds until something more
 * could start (a large value when nothing waits). */
static double start_ready(crawl *cr)
{
    double now = now_s(), wake = 3600;
    for (size_t hi = 0; hi < cr->nhosts && !cr->fatal; hi++) {
        host *h = &cr->hosts[hi];
        while (h->head && cr->inflight < (size_t)cr->c->concurrency &&
               h->inflight < cr->c->per_host_concurrency) {
            if (!h->robots && !h->robots_pending && ensure_robots(cr, hi) != 0) {
                cr->fatal = 1;
                break;
            }
            /* The first job ready to go (robots.txt always comes first). */
            job *prev = NULL, *j = h->head;
            while (j && j->not_before > now) {
                if (j->not_before - now < wake)
                    wake = j->not_before - now;
                prev = j;
                j = j->next;
            }
            if (!j)
                break;
            if (!h->robots && j->kind != J_ROBOTS)
                break; /* wait for robots.txt */
            if (h->next_at > now) {
                if (h->next_at - now < wake)
                    wake = h->next_at - now;
                break;
            }
            /* unlink j */
            if (prev)
                prev->next = j->next;
            else
                h->head = j->next;
            if (h->tail == j)
                h->tail = prev;
            cr->queued--;
            if (j->kind != J_ROBOTS) {
                char *pq = wa_url_path_query(j->url);
                int allowed = pq && wa_robots_allowed(h->robots, pq);
                free(pq);
                if (!allowed) {
                    const char *why = h->robots_unavailable ? "robots.txt unavailable" : "disallowed by robots.txt";
                    cr->stats->robots_disallowed++;
                    fprintf(stderr, "%s: %s: %s, not fetched\n", WHO, j->url, why);
                    if (h->robots_unavailable)
                        cr->incomplete[j->src] = 1;
                    if (j->root)
                        source_failed(cr, j, why);
                    job_free(j);
                    continue;
                }
            }
            if (start(cr, j) != 0) {
                job_free(j);
                cr->fatal = 1;
                break;
            }
            h->next_at = now + h->delay;
        }
    }
    return wake;
}

static int source_due(const wa_source *s, wa_state *st, double now)
{
    wa_source_health h;
    if (wa_state_source_get(st, s->name, &h) != 0)
        return 1;
    return h.next_due <= now;
}

int wa_crawl_run(const wa_crawl_config *c, wa_state *st, int all, wa_doc_sink sink, void *sink_ctx,
                 volatile sig_atomic_t *stop, wa_crawl_stats *stats)
{
    crawl cr;
    memset(&cr, 0, sizeof cr);
    cr.c = c;
    cr.st = st;
    cr.sink = sink;
    cr.sink_ctx = sink_ctx;
    cr.stop = stop;
    cr.stats = stats;
    cr.multi = curl_multi_init();
    cr.source_docs = calloc(c->nsources + 1, sizeof *cr.source_docs);
    cr.incomplete = calloc(c->nsources + 1, 1);
    if (!cr.multi || !cr.source_docs || !cr.incomplete || sodium_init() < 0) {
        fprintf(stderr, "%s: error: out of memory starting the crawl\n", WHO);
        curl_multi_cleanup(cr.multi);
        free(cr.source_docs);
        free(cr.incomplete);
        return -1;
    }
    double now = now_s();
    for (size_t i = 0; i < c->nsources && !cr.fatal; i++) {
        const wa_source *s = &c->sources[i];
        if (!all && !source_due(s, st, now))
            continue;
        static const job_kind kinds[] = {J_FEED, J_LIST, J_ARTICLE, J_BOARD, J_SITEMAP};
        char *url = s->type == WA_SRC_BOARD ? board_page_url(s, s->first_page) : wa_url_resolve(NULL, s->url);
        job *j = url ? new_job(&cr, kinds[s->type], i, url) : NULL;
        free(url);
        if (!j) {
            cr.fatal = 1;
            break;
        }
        j->root = 1;
        j->page = s->first_page;
        if (s->type == WA_SRC_BOARD) {
            /* Cleared now, set again when this run finishes. */
            char marker[600];
            snprintf(marker, sizeof marker, "board-complete:%s", s->name);
            (void)wa_state_put_validators(st, marker, NULL, NULL, now);
        }
        if (s->type == WA_SRC_PAGE) {
            /* A single page given by URL: refetched every time (its text may change). */
            j->kind = J_ARTICLE;
        }
        enqueue(&cr, j);
    }
    while (!cr.fatal && !(stop && *stop) && (cr.queued > 0 || cr.inflight > 0)) {
        double wake = start_ready(&cr);
        int running = 0;
        if (curl_multi_perform(cr.multi, &running) != CURLM_OK) {
            fprintf(stderr, "%s: error: libcurl's multi interface failed\n", WHO);
            cr.fatal = 1;
            break;
        }
        CURLMsg *m;
        int left;
        while ((m = curl_multi_info_read(cr.multi, &left))) {
            if (m->msg != CURLMSG_DONE)
                continue;
            transfer *t = NULL;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&t);
            CURLcode res = m->data.result;
            curl_multi_remove_handle(cr.multi, m->easy_handle);
            for (size_t k = 0; k < cr.nactive; k++)
                if (cr.active[k] == t) {
                    cr.active[k] = cr.active[--cr.nactive];
                    break;
                }
            finish(&cr, t, res);
            transfer_free(t);
        }
        if (cr.inflight == 0 && cr.queued == 0)
            break;
        /* Finished transfers free slots and queue new work (links of a feed):
         * start it now, and wait only as long as the new schedule says, not
         * the one computed before those transfers finished. */
        wake = start_ready(&cr);
        int timeout_ms = (int)(wake * 1000);
        if (timeout_ms > 1000)
            timeout_ms = 1000;
        if (timeout_ms < 1)
            timeout_ms = 1;
        if (cr.inflight > 0 || timeout_ms > 0)
            curl_multi_poll(cr.multi, NULL, 0, timeout_ms, NULL);
    }
    /* Abandon whatever is still in flight (a stop or a fatal error): none
     * of it has produced anything yet, so the next run redoes it. */
    for (size_t k = 0; k < cr.nactive; k++) {
        curl_multi_remove_handle(cr.multi, cr.active[k]->easy);
        transfer_free(cr.active[k]);
    }
    free(cr.active);
    int finished = !cr.fatal && !(stop && *stop);
    for (size_t k = 0; k < cr.npending; k++) {
        struct pending_validator *pv = &cr.pending[k];
        if (finished && pv->url && !cr.incomplete[pv->src])
            (void)wa_state_put_validators(st, pv->url, pv->etag, pv->last_modified, now_s());
        free(pv->url);
        free(pv->etag);
        free(pv->last_modified);
    }
    free(cr.pending);
    for (size_t i = 0; finished && i < c->nsources; i++) {
        if (c->sources[i].type != WA_SRC_BOARD || cr.incomplete[i])
            continue;
        char marker[600];
        snprintf(marker, sizeof marker, "board-complete:%s", c->sources[i].name);
        (void)wa_state_put_validators(st, marker, "1", NULL, now_s());
    }
    free(cr.incomplete);
    for (size_t hi = 0; hi < cr.nhosts; hi++) {
        job *j = cr.hosts[hi].head;
        while (j) {
            job *n = j->next;
            job_free(j);
            j = n;
        }
        wa_robots_free(cr.hosts[hi].robots);
    }
    free(cr.hosts);
    free(cr.keys.slots);
    free(cr.source_docs);
    int fatal = cr.fatal;
    curl_multi_cleanup(cr.multi);
    return fatal ? -1 : 0;
}

double wa_crawl_next_due(const wa_crawl_config *c, wa_state *st)
{
    double now = now_s(), next = 3600;
    for (size_t i = 0; i < c->nsources; i++) {
        wa_source_health h;
        if (wa_state_source_get(st, c->sources[i].name, &h) != 0)
            return 0;
        double w = h.next_due - now;
        if (w < next)
            next = w;
    }
    return next < 0 ? 0 : next;
}

unsigned long wa_crawl_health(const wa_crawl_config *c, wa_state *st, wa_doc_sink sink, void *sink_ctx)
{
    double now = now_s();
    unsigned long bad = 0;
    for (size_t i = 0; i < c->nsources; i++) {
        const wa_source *s = &c->sources[i];
        wa_source_health h;
        if (wa_state_source_get(st, s->name, &h) != 0)
            continue;
        double silent = s->silent_after_s > 0 ? s->silent_after_s : (s->interval_s * 3 > 86400 ? s->interval_s * 3 : 86400);
        long long day = wa_state_source_items_since(st, s->name, now - 86400);
        char last[40] = "never";
        if (h.last_success > 0) {
            wa_date ls = {.epoch = (time_t)h.last_success, .offset_min = 0, .has_time = 1};
            wa_date_format(&ls, last, sizeof last);
        }
        fprintf(stderr, "%s: source %s: last_success=%s consecutive_failures=%lld items_24h=%lld items_total=%lld%s%s\n",
                WHO, s->name, last, h.consecutive_failures, day, h.items_total, h.last_error[0] ? " last_error=" : "",
                h.last_error);
        const char *problem = NULL;
        if (h.consecutive_failures > 0 && now - h.last_success > silent)
            problem = "failing";
        else if (h.last_success > 0 && h.last_item_at > 0 && now - h.last_item_at > silent)
            problem = "silent";
        else if (h.last_success > 0 && h.last_item_at == 0 && now - h.last_success > silent)
            problem = "silent";
        if (!problem)
            continue;
        bad++;
        char at[40];
        wa_date nowd = {.epoch = (time_t)now, .offset_min = 0, .has_time = 1};
        wa_date_format(&nowd, at, sizeof at);
        json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:f, s:f, s:f, s:s}", "event", "source-health", "at", at,
                              "source", s->name, "problem", problem, "items_24h", (json_int_t)day,
                              "consecutive_failures", (json_int_t)h.consecutive_failures,
                              "last_success", h.last_success, "last_item_at", h.last_item_at, "limit_s", silent,
                              "last_error", h.last_error);
        char *line = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        fprintf(stderr, "%s: source-health: %s\n", WHO, line ? line : s->name);
        if (line && sink) {
            char key[300];
            snprintf(key, sizeof key, "source-health:%s", s->name);
            if (sink(sink_ctx, line, strlen(line), key) != 0)
                fprintf(stderr, "%s: source-health event of %s not delivered\n", WHO, s->name);
        }
        free(line);
        json_decref(o);
    }
    return bad;
}

void wa_crawl_stats_print(const wa_crawl_stats *s, const char *who)
{
    fprintf(stderr,
            "%s: summary: requests=%lu fetched=%lu not_modified=%lu documents=%lu near_duplicates=%lu "
            "seen_urls=%lu duplicate_content=%lu robots_disallowed=%lu http_4xx=%lu http_5xx=%lu timeouts=%lu "
            "network_errors=%lu too_large=%lu redirect_errors=%lu parse_errors=%lu empty_pages=%lu retries=%lu "
            "sources_failed=%lu sources_unhealthy=%lu bytes=%lu\n",
            who, s->requests, s->fetched, s->not_modified, s->documents, s->near_duplicates, s->seen_urls,
            s->duplicate_content, s->robots_disallowed, s->http_4xx, s->http_5xx, s->timeouts, s->network_errors,
            s->too_large, s->redirect_errors, s->parse_errors, s->empty_pages, s->retries, s->sources_failed,
            s->sources_unhealthy, s->bytes);
}

int wa_crawl_stats_render(const wa_crawl_stats *s, wa_buf *out)
{
    const struct {
        const char *name, *help;
        const wa_counter *v;
    } m[] = {
        {"wa_crawler_requests_total", "HTTP requests started", &s->requests},
        {"wa_crawler_fetched_total", "responses with a body that was used", &s->fetched},
        {"wa_crawler_not_modified_total", "conditional GETs answered 304", &s->not_modified},
        {"wa_crawler_documents_total", "documents produced", &s->documents},
        {"wa_crawler_near_duplicates_total", "documents produced with dup_of", &s->near_duplicates},
        {"wa_crawler_seen_urls_total", "links skipped because they led to a document before", &s->seen_urls},
        {"wa_crawler_duplicate_content_total", "pages whose text was produced before", &s->duplicate_content},
        {"wa_crawler_robots_disallowed_total", "URLs not fetched because of robots.txt", &s->robots_disallowed},
        {"wa_crawler_http_4xx_total", "answers 4xx (429 included)", &s->http_4xx},
        {"wa_crawler_http_5xx_total", "answers 5xx", &s->http_5xx},
        {"wa_crawler_timeouts_total", "requests that timed out", &s->timeouts},
        {"wa_crawler_network_errors_total", "requests failed below HTTP", &s->network_errors},
        {"wa_crawler_too_large_total", "bodies over the size cap", &s->too_large},
        {"wa_crawler_redirect_errors_total", "redirect loops and bad redirects", &s->redirect_errors},
        {"wa_crawler_parse_errors_total", "bodies that could not be parsed", &s->parse_errors},
        {"wa_crawler_empty_pages_total", "pages without text", &s->empty_pages},
        {"wa_crawler_retries_total", "requests retried", &s->retries},
        {"wa_crawler_source_failures_total", "source crawls that failed", &s->sources_failed},
        {"wa_crawler_bytes_total", "body bytes received (decompressed)", &s->bytes},
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (wa_metrics_add(out, m[i].name, "counter", m[i].help, (double)*m[i].v) != 0)
            return -1;
    return wa_metrics_add(out, "wa_crawler_sources_unhealthy", "gauge", "sources failing or silent past their limit",
                          (double)s->sources_unhealthy);
}
