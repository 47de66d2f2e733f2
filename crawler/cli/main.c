/* wa-crawler: crawl the configured sources (SPEC §3.2) and write documents
 * as JSON Lines. */
#include <curl/curl.h>
#include <errno.h>
#include <libxml/parser.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../../common/buf.h"
#include "../../common/config.h"
#include "../../common/metrics_http.h"
#include "../../kafka/kafka_client.h"
#include "../charset.h"
#include "../crawl.h"
#include "../state.h"

#define WHO "wa-crawler"

static const char usage[] =
    "Usage: wa-crawler [OPTIONS]\n"
    "\n"
    "Crawls feeds, list and article pages, JSON message boards and sitemaps, and writes each new\n"
    "document (id, source, kind, url, title, text, author, published_at, fetched_at, and dup_of\n"
    "for a near-duplicate of an earlier document) as one JSON object per line.\n"
    "\n"
    "Options:\n"
    "  --config FILE       the JSON configuration shared by every binary; sources and politeness\n"
    "                      settings are in its \"crawler\" section (see crawler/README.md)\n"
    "  --brokers LIST      Kafka bootstrap servers (overrides the config and $WA_KAFKA_BROKERS)\n"
    "  --once              crawl every source once and exit (default: run until SIGTERM, each\n"
    "                      source at its interval)\n"
    "  --stdout            write documents to stdout as JSON Lines (default: produce them to the\n"
    "                      Kafka topic kafka.topics.docs, wa.docs, keyed by document id)\n"
    "  --feed URL          crawl this RSS/Atom feed or sitemap (no config file needed)\n"
    "  --page URL          crawl this article page (no config file needed)\n"
    "  --state FILE        the crawl state (SQLite; default: crawler.state of the config, else\n"
    "                      $WA_STATE_DIR/crawler.db, else ~/.local/state/wa-watch/crawler.db);\n"
    "                      ':memory:' keeps nothing between runs\n"
    "  --metrics HOST:PORT serve Prometheus metrics at http://HOST:PORT/metrics (port 0 picks a\n"
    "                      free port, logged); default: crawler.metrics, else none\n"
    "  --no-politeness     no per-host delay or concurrency cap (robots.txt is still honoured);\n"
    "                      for benchmarks against one's own server only\n"
    "  --help              this text\n"
    "\n"
    "stderr: one line per problem (URL: reason), source-health events, and a summary line.\n"
    "Exit status: 0 when the crawl ran (whatever the sites answered), 2 for a usage or\n"
    "configuration error, 1 for a failure of the state database or the output.\n";

static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
    (void)sig;
    stop_signal = 1;
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", WHO);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see --help)\n");
    return 2;
}

/* Kafka output: each document is produced and acknowledged by the brokers
 * before the crawl state records it, so a crash loses nothing (a repeat is
 * possible, with the same id and key). */
typedef struct {
    wa_producer *prod; /* shared by the documents and the source-health events */
    const char *topic;
} kafka_out;

static int produce_doc(void *ctx, const char *json, size_t len, const char *id)
{
    kafka_out *k = ctx;
    char err[512];
    unsigned long failures = k->prod->failures;
    if (wa_producer_send(k->prod, k->topic, id, strlen(id), json, len, NULL, NULL, &stop_signal, err, sizeof err) !=
        0) {
        fprintf(stderr, "%s: error: %s\n", WHO, err);
        return -1;
    }
    while (wa_producer_drain(k->prod, 1000) > 0) {
        if (wa_kafka_fatal(k->prod->rk, err, sizeof err)) {
            fprintf(stderr, "%s: error: %s\n", WHO, err);
            return -1;
        }
        if (stop_signal)
            break; /* unacknowledged: not recorded, produced again by the next run */
    }
    if (k->prod->failures != failures || stop_signal) {
        if (k->prod->failures != failures)
            fprintf(stderr, "%s: error: delivery to %s failed; stopping\n", WHO, k->topic);
        return -1;
    }
    return 0;
}

static int render_metrics(void *ctx, wa_buf *out)
{
    return wa_crawl_stats_render(ctx, out);
}

static int write_line(void *ctx, const char *json, size_t len, const char *id)
{
    (void)id;
    FILE *out = ctx;
    /* Flushed per document: what was written is out of the process before
     * it is recorded as produced. */
    if (fwrite(json, 1, len, out) != len || fputc('\n', out) == EOF || fflush(out) != 0) {
        fprintf(stderr, "%s: error: writing a document: %s\n", WHO, strerror(errno));
        return -1;
    }
    return 0;
}

/* mkdir -p of the folder that will hold path. */
static void make_parent(const char *path)
{
    char *d = strdup(path);
    if (!d)
        return;
    for (char *p = d + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        (void)mkdir(d, 0755);
        *p = '/';
    }
    free(d);
}

static char *default_state_path(void)
{
    wa_buf b;
    wa_buf_init(&b);
    const char *dir = getenv("WA_STATE_DIR"), *home = getenv("HOME");
    int rc = dir && dir[0] ? wa_buf_printf(&b, "%s/crawler.db", dir)
             : home        ? wa_buf_printf(&b, "%s/.local/state/wa-watch/crawler.db", home)
                           : wa_buf_printf(&b, "wa-crawler.db");
    if (rc != 0) {
        wa_buf_free(&b);
        return NULL;
    }
    return b.data;
}

int main(int argc, char **argv)
{
    /* First of all: a stop asked for while the crawler is still starting
     * (loading sources, opening its state) must end it cleanly, not kill it. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    const char *config_path = NULL, *brokers = NULL, *state_arg = NULL;
    const char *feed_url = NULL, *page_url = NULL, *metrics_arg = NULL;
    int once = 0, to_stdout = 0, impolite = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--once") == 0) {
            once = 1;
        } else if (strcmp(a, "--stdout") == 0) {
            to_stdout = 1;
        } else if (strcmp(a, "--no-politeness") == 0) {
            impolite = 1;
        } else if (strcmp(a, "--config") == 0 || strcmp(a, "--brokers") == 0 || strcmp(a, "--feed") == 0 ||
                   strcmp(a, "--page") == 0 || strcmp(a, "--state") == 0 || strcmp(a, "--metrics") == 0) {
            if (!has_value)
                return usage_error("%s needs a value", a);
            const char *v = argv[++i];
            if (strcmp(a, "--config") == 0)
                config_path = v;
            else if (strcmp(a, "--brokers") == 0)
                brokers = v;
            else if (strcmp(a, "--feed") == 0)
                feed_url = v;
            else if (strcmp(a, "--page") == 0)
                page_url = v;
            else if (strcmp(a, "--metrics") == 0)
                metrics_arg = v;
            else
                state_arg = v;
        } else {
            return usage_error("unknown option '%s'", a);
        }
    }
    if (!config_path && !feed_url && !page_url)
        return usage_error("%s", "nothing to crawl: give --config FILE, --feed URL or --page URL");

    char err[1024];
    wa_config cfg;
    if (wa_config_load(&cfg, config_path, brokers, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", WHO, err);
        return 2;
    }
    wa_crawl_config cc;
    wa_crawl_config_defaults(&cc);
    int rc = 0;
    wa_state *st = NULL;
    char *state_path = NULL;
    wa_metrics_http *metrics = NULL;
    static wa_producer producer;
    static kafka_out kafka, health;
    wa_doc_sink health_sink = NULL;
    void *health_ctx = NULL;
    int producing = 0;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        fprintf(stderr, "%s: error: libcurl failed to initialise\n", WHO);
        wa_config_free(&cfg);
        return 1;
    }
    xmlInitParser();
    if ((config_path && !feed_url && !page_url && wa_crawl_config_load(&cfg, &cc, err, sizeof err) != 0) ||
        (feed_url && wa_crawl_config_add_url(&cc, WA_SRC_FEED, feed_url, err, sizeof err) != 0) ||
        (page_url && wa_crawl_config_add_url(&cc, WA_SRC_PAGE, page_url, err, sizeof err) != 0)) {
        fprintf(stderr, "%s: %s\n", WHO, err);
        rc = 2;
        goto done;
    }
    /* With --feed/--page and a config file, the file still gives the
     * politeness settings and the user agent, but not its sources. */
    if (config_path && (feed_url || page_url)) {
        wa_crawl_config file;
        wa_crawl_config_defaults(&file);
        if (wa_crawl_config_load(&cfg, &file, err, sizeof err) != 0) {
            fprintf(stderr, "%s: %s\n", WHO, err);
            wa_crawl_config_free(&file);
            rc = 2;
            goto done;
        }
        /* swap: the file's settings with the command line's sources */
        wa_source *cli_sources = cc.sources;
        size_t n_cli = cc.nsources;
        cc.sources = file.sources;
        cc.nsources = file.nsources;
        file.sources = cli_sources;
        file.nsources = n_cli;
        wa_crawl_config_free(&cc);
        cc = file;
    }
    if (cc.nsources == 0) {
        fprintf(stderr, "%s: %s: crawler.sources: no sources configured\n", WHO, wa_config_name(&cfg));
        rc = 2;
        goto done;
    }
    if (!cc.user_agent && !(cc.user_agent = strdup("wa-crawler/1.0"))) {
        rc = 1;
        goto done;
    }
    if (impolite) {
        cc.per_host_delay_ms = 0;
        cc.per_host_concurrency = cc.concurrency;
    }
    state_path = state_arg ? strdup(state_arg) : cc.state_path ? strdup(cc.state_path) : default_state_path();
    if (!state_path) {
        rc = 1;
        goto done;
    }
    if (strcmp(state_path, ":memory:") != 0)
        make_parent(state_path);
    st = wa_state_open(state_path, err, sizeof err);
    if (!st) {
        fprintf(stderr, "%s: %s\n", WHO, err);
        rc = 2;
        goto done;
    }

    static wa_crawl_stats stats; /* static: /metrics may read it until the very end */
    const char *maddr = metrics_arg ? metrics_arg : cc.metrics;
    if (maddr) {
        metrics = wa_metrics_http_start(maddr, render_metrics, &stats, err, sizeof err);
        if (!metrics) {
            fprintf(stderr, "%s: --metrics %s: %s\n", WHO, maddr, err);
            rc = 2;
            goto done;
        }
        const char *colon = strrchr(maddr, ':');
        int host_len = colon ? (int)(colon - maddr) : (int)strlen(maddr);
        fprintf(stderr, "%s: metrics at http://%.*s:%u/metrics\n", WHO, host_len, maddr, wa_metrics_http_port(metrics));
    }
    wa_doc_sink sink = write_line;
    void *sink_ctx = stdout;
    if (!to_stdout) {
        if (wa_producer_init(&producer, &cfg, WHO, "wa-crawler", NULL, NULL, err, sizeof err) != 0) {
            fprintf(stderr, "%s: %s\n", WHO, err);
            rc = 2;
            goto done;
        }
        kafka.prod = &producer;
        kafka.topic = cfg.topic_docs;
        producing = 1;
        sink = produce_doc;
        sink_ctx = &kafka;
        /* Source-health events go to the case-events topic, where the alerting
         * service and other systems already listen (SPEC §3.4). */
        health.prod = &producer;
        health.topic = cfg.topic_cases;
        health_sink = produce_doc;
        health_ctx = &health;
    }
    if (once) {
        /* A stop by signal is a clean exit, even when it cut a delivery short. */
        if (wa_crawl_run(&cc, st, 1, sink, sink_ctx, &stop_signal, &stats) != 0 && !stop_signal)
            rc = 1;
    } else {
        /* Run until stopped: each round crawls the sources that are due. */
        while (!stop_signal && rc == 0) {
            if (wa_crawl_run(&cc, st, 0, sink, sink_ctx, &stop_signal, &stats) != 0) {
                rc = stop_signal ? 0 : 1;
                break;
            }
            stats.sources_unhealthy = wa_crawl_health(&cc, st, health_sink, health_ctx);
            wa_crawl_stats_print(&stats, WHO); /* running totals after each round */
            double wait = wa_crawl_next_due(&cc, st);
            for (double w = 0; w < wait && !stop_signal; w += 0.2) {
                struct timespec ts = {0, 200 * 1000 * 1000};
                nanosleep(&ts, NULL);
            }
        }
    }
    if (once)
        stats.sources_unhealthy = wa_crawl_health(&cc, st, health_sink, health_ctx);
    wa_crawl_stats_print(&stats, WHO);

done:
    if (producing)
        wa_producer_close(&producer, 10000);
    if (metrics)
        wa_metrics_http_stop(metrics);
    wa_state_close(st);
    free(state_path);
    wa_crawl_config_free(&cc);
    wa_config_free(&cfg);
    xmlCleanupParser();
    wa_charset_release();
    curl_global_cleanup();
    return rc;
}
