/* The crawl engine: sources in, documents out.
 *
 * One thread drives every transfer through libcurl's multi interface. Each
 * host has its own queue, a concurrency cap and a minimum interval between
 * request starts (the larger of the configured delay and robots.txt's
 * Crawl-delay); robots.txt is fetched (or taken from the state, when less
 * than a day old) before anything else on a host, and a disallowed URL is
 * never requested, redirects included, since redirects are followed by
 * the engine itself rather than by libcurl.
 *
 * Documents leave as JSON Lines (SPEC §3.1 fields) through an output
 * callback; the engine records each one in the crawl state right after the
 * callback returns. */
#ifndef WA_CRAWLER_CRAWL_H
#define WA_CRAWLER_CRAWL_H

#include <signal.h>
#include <stddef.h>

#include "../common/buf.h"
#include "../common/config.h"
#include "state.h"

typedef enum { WA_SRC_FEED, WA_SRC_LIST, WA_SRC_PAGE, WA_SRC_BOARD, WA_SRC_SITEMAP } wa_source_type;

typedef struct {
    char *name;
    char *kind; /* "news", "board", "social" */
    wa_source_type type;
    char *url;                  /* for boards: with "{page}" where the page number goes */
    double interval_s;          /* how often to crawl it */
    double silent_after_s;      /* no new item for this long: a health alert (0: 3 × interval, at least a day) */
    char **headers;             /* "Name: value" */
    size_t nheaders;
    char *xp_links;             /* list pages: XPath of the article links */
    char *xp_title, *xp_body, *xp_time, *xp_author; /* article pages; NULL = automatic */
    int fetch_articles;         /* feeds: fetch each item's page (1) or use the feed's text (0) */
    size_t max_items;           /* per crawl of the source */
    /* JSON boards: dotted paths ("data.list", "user.name") */
    char *items_path, *f_id, *f_title, *f_text, *f_url, *f_time, *f_author;
    long long first_page, max_pages;
} wa_source;

typedef struct {
    char *user_agent;
    char *state_path;
    char *metrics;     /* HOST:PORT for /metrics, NULL for none */
    long long max_body_bytes, connect_timeout_ms, timeout_ms, max_redirects;
    long long per_host_delay_ms, per_host_concurrency, concurrency;
    long long retries, backoff_base_ms, backoff_max_ms, max_wait_in_run_ms;
    long long near_distance;
    int robots;        /* honour robots.txt (always on outside tests of the engine itself) */
    int tz_offset_min; /* zone of dates written without one */
    wa_source *sources;
    size_t nsources;
} wa_crawl_config;

/* Defaults for everything (no sources). */
void wa_crawl_config_defaults(wa_crawl_config *c);
/* Read the "crawler" section of the shared configuration into c (after
 * defaults). Returns 0, or -1 with "FILE: crawler.KEY: reason" in err. */
int wa_crawl_config_load(const wa_config *cfg, wa_crawl_config *c, char *err, size_t errcap);
/* Add one source with no configuration (--feed URL, --page URL). */
int wa_crawl_config_add_url(wa_crawl_config *c, wa_source_type type, const char *url, char *err, size_t errcap);
void wa_crawl_config_free(wa_crawl_config *c);

/* Counters, atomic because /metrics reads them from its own thread. */
typedef _Atomic unsigned long wa_counter;
typedef struct {
    wa_counter requests, fetched, not_modified, documents, near_duplicates;
    wa_counter seen_urls, duplicate_content, robots_disallowed, robots_fetched;
    wa_counter http_4xx, http_5xx, timeouts, network_errors, too_large, redirect_errors;
    wa_counter parse_errors, empty_pages, retries, sources_failed, sources_unhealthy;
    wa_counter bytes;
} wa_crawl_stats;

/* Append every counter in the Prometheus text format (for /metrics). */
int wa_crawl_stats_render(const wa_crawl_stats *s, wa_buf *out);

/* Called with one JSON document (no newline); returns 0, or -1 to stop
 * the crawl (the document is then not recorded as produced). */
typedef int (*wa_doc_sink)(void *ctx, const char *json, size_t len, const char *id);

/* Crawl the sources once: every source when all is set, else only those
 * due by the state's schedule. Stops early when *stop becomes non-zero.
 * Returns 0, or -1 on a fatal error (state database, output, memory),
 * reported on stderr. */
int wa_crawl_run(const wa_crawl_config *c, wa_state *st, int all, wa_doc_sink sink, void *sink_ctx,
                 volatile sig_atomic_t *stop, wa_crawl_stats *stats);

/* Seconds until the next source is due (0 when one is due now). */
double wa_crawl_next_due(const wa_crawl_config *c, wa_state *st);

/* Report sources failing or silent for longer than allowed: one
 * "source-health" event (JSON) each, on stderr and, when sink is given, to
 * sink (key "source-health:NAME"); returns how many. */
unsigned long wa_crawl_health(const wa_crawl_config *c, wa_state *st, wa_doc_sink sink, void *sink_ctx);

/* The summary line of stats, for stderr. */
void wa_crawl_stats_print(const wa_crawl_stats *s, const char *who);

#endif
