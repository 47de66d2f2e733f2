/* wa-classify run: the classifier as a Kafka stage (SPEC §3.1, §3.4).
 *
 * wa.docs ──> classify ──> wa.hits  (a hit, keyed by incident)
 *                     └──> wa.dlq   (a message that is not a document, with the reason)
 *
 * Delivery: at least once, nothing lost. A consumed message's offset is
 * committed only when every output it caused has been acknowledged by the
 * brokers, and every earlier message of its partition too (commit_tracker).
 * A crash therefore redoes, at most, the messages after the last commit:
 * their hits may appear twice in wa.hits, with the same document id, and
 * the alerting service attaches a hit it has seen before to its case
 * instead of opening another (SPEC §3.4: idempotent consumers).
 *
 * One thread polls the consumer, classifies, produces and serves delivery
 * reports, so the bookkeeping needs no locks; librdkafka fetches and sends
 * in its own threads meanwhile. A second thread watches the dictionary, and
 * libmicrohttpd's thread answers /metrics from atomic counters. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../common/config.h"
#include "../../common/metrics_http.h"
#include "../../kafka/commit_tracker.h"
#include "../../kafka/dead_letter.h"
#include "../../kafka/kafka_client.h"
#include "../cli/cli.h"
#include "../hit_json.h"
#include "../json_input.h"
#include "dict_watch.h"

#define WHO "wa-classify run"

static const char usage[] =
    "Usage: wa-classify run [OPTIONS]\n"
    "\n"
    "The classifier as a Kafka stage: consumes documents from wa.docs, produces a hit for each\n"
    "wage-arrears document to wa.hits, and each message that is not a valid document to wa.dlq\n"
    "with the reason and the original bytes. Offsets are committed only once the outputs are\n"
    "acknowledged by the brokers. Several processes with the same --group share the partitions.\n"
    "SIGTERM or SIGINT: finish, commit and leave the group, exit 0. SIGHUP, or a change to a\n"
    "dictionary file: reload the dictionary (a broken one is refused, the old one stays).\n"
    "\n"
    "Options:\n"
    "  --config FILE         the JSON configuration shared by every binary (see deploy/)\n"
    "  --brokers LIST        Kafka bootstrap servers host:port,... (overrides the config and\n"
    "                        $WA_KAFKA_BROKERS)\n"
    "  --group ID            consumer group (default: classifier.group, else wa-classify)\n"
    "  --metrics HOST:PORT   serve Prometheus metrics at http://HOST:PORT/metrics (port 0 picks\n"
    "                        a free port, logged); default: classifier.metrics, else none\n"
    "  --stats-interval S    seconds between stats lines on stderr, 0 for none (default:\n"
    "                        classifier.stats_interval_s, else 10; --quiet makes it 0)\n"
    "  --dict DIR            dictionary folder (default: classifier.dict, $WA_DICT_DIR, dict/)\n"
    "  --cache-dir DIR, --no-cache, --max-doc-bytes N, --no-prefilter   as for wa-classify\n"
    "  --help                this text\n"
    "\n"
    "Hits are keyed \"PREFECTURE|COMPANY\" (either part may be empty), so the hits of one\n"
    "incident tend to one partition; a hit with neither is keyed by its document id.\n"
    "Exit status: 0 after a clean stop; 2 on a usage, configuration or dictionary error; 1 when\n"
    "Kafka fails for good (a delivery that cannot be completed, a fatal client error).\n";

/* Set by SIGTERM/SIGINT, and by the stage itself on a fatal error: stop
 * taking new work. Also bounds the wait for room in the producer queue. */
static volatile sig_atomic_t stop_signal, hup_signal;
/* Set only by SIGTERM/SIGINT: work cut short then is abandoned (redone after
 * a restart), not an error. */
static volatile sig_atomic_t signalled;

static void on_stop(int sig)
{
    (void)sig;
    signalled = 1;
    stop_signal = 1;
}

static void on_hup(int sig)
{
    (void)sig;
    hup_signal = 1;
}

typedef struct {
    cli_opts *o;
    wa_config cfg;
    const char *group;
    const char *metrics_addr;
    long long stats_interval_s;
    long long dict_check_ms;
    char *config_dict;    /* classifier.dict of the file, resolved */
    char *config_cache;

    wa_classifier *c;
    wa_dict *d;
    uint64_t dict_gen;
    wa_dict_watch *watch;
    wa_session *s;
    wa_json_reader *jr;
    wa_producer prod;
    wa_consumer cons;
    wa_commit_tracker *tr;
    wa_buf out;
    int fatal;            /* stopping because of an error (stop_signal is set too) */

    _Atomic unsigned long docs_in, hits_out, dlq_out, consumer_errors, delivery_failures;
    _Atomic long long lag;
    double t_first, t_last; /* when the first and the latest message arrived */
    pthread_mutex_t version_mu;
    char version[40];
} stage;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- delivery and commits --------------------------------------------------------- */

static void on_delivery(void *ctx, const rd_kafka_message_t *m)
{
    stage *st = ctx;
    uint64_t ticket = (uint64_t)(uintptr_t)m->_private;
    if (m->err) {
        /* The producer has already retried for message.timeout.ms. The input
         * stays uncommitted; stop, so a restart redoes it (nothing lost). */
        atomic_fetch_add(&st->delivery_failures, 1);
        if (!st->fatal)
            fprintf(stderr, "%s: error: delivery to %s failed: %s; stopping without committing its input\n", WHO,
                    rd_kafka_topic_name(m->rkt), rd_kafka_err2str(m->err));
        st->fatal = 1;
        stop_signal = 1;
        return;
    }
    wa_commit_tracker_release(st->tr, ticket);
}

/* Hand every offset whose work is complete to the consumer, which commits
 * them on its next auto-commit (every auto.commit.interval.ms) or at once in
 * a rebalance or at shutdown. */
static void store_offsets(stage *st)
{
    if (!wa_commit_tracker_moved(st->tr))
        return;
    int32_t n = wa_commit_tracker_partitions(st->tr);
    for (int32_t p = 0; p < n; p++) {
        int64_t next;
        if (wa_commit_tracker_take(st->tr, p, &next) && next >= 0)
            wa_consumer_store(&st->cons, st->cfg.topic_docs, p, next); /* fails only for a partition no longer ours */
    }
}

static void on_assign(void *ctx, const rd_kafka_topic_partition_list_t *parts)
{
    stage *st = ctx;
    for (int i = 0; i < parts->cnt; i++)
        wa_commit_tracker_forget(st->tr, parts->elems[i].partition);
}

static void on_revoke(void *ctx, const rd_kafka_topic_partition_list_t *parts, int lost)
{
    stage *st = ctx;
    /* Finish what is in flight so the next owner starts where we stopped. */
    int left = wa_producer_drain(&st->prod, 30000);
    if (left > 0)
        fprintf(stderr, "%s: %d output%s still unacknowledged at a rebalance; their input will be redone\n", WHO, left,
                left == 1 ? "" : "s");
    store_offsets(st);
    if (!lost)
        wa_consumer_commit_sync(&st->cons);
    for (int i = 0; i < parts->cnt; i++)
        wa_commit_tracker_forget(st->tr, parts->elems[i].partition);
}

/* ---- one message ------------------------------------------------------------------- */

static int send_out(stage *st, const char *topic, const void *key, size_t key_len, const void *val, size_t val_len,
                    uint64_t ticket, char *err, size_t errcap)
{
    wa_commit_tracker_hold(st->tr, ticket);
    if (wa_producer_send(&st->prod, topic, key, key_len, val, val_len, (void *)(uintptr_t)ticket, NULL, &stop_signal,
                         err, errcap) != 0) {
        /* Never queued, so no report will come for it: drop its hold. The
         * message's own hold, which the caller keeps on failure, is what
         * stops the offset from being committed. */
        wa_commit_tracker_release(st->tr, ticket);
        return -1;
    }
    return 0;
}

static int dead_letter(stage *st, const rd_kafka_message_t *m, const char *reason, uint64_t ticket)
{
    st->out.len = 0;
    char err[512];
    if (wa_dead_letter_json(reason, "wa-classify", st->cfg.topic_docs, m->partition, m->offset, m->key, m->key_len,
                            m->payload, m->len, &st->out) != 0) {
        fprintf(stderr, "%s: error: out of memory writing a dead letter\n", WHO);
        return -1;
    }
    if (send_out(st, st->cfg.topic_dlq, m->key, m->key_len, st->out.data, st->out.len, ticket, err, sizeof err) != 0) {
        if (!signalled)
            fprintf(stderr, "%s: error: %s\n", WHO, err);
        return -1;
    }
    atomic_fetch_add(&st->dlq_out, 1);
    return 0;
}

/* The key that sends every hit of one incident to one partition. */
static void hit_key(const stage *st, const wa_result *r, const wa_doc *doc, wa_buf *key)
{
    key->len = 0;
    int have_company = r->company.value > 0 && r->company_name.len > 0;
    if (r->pref < 0 && !have_company) {
        wa_buf_append(key, doc->id, doc->id_len);
        return;
    }
    if (r->pref >= 0)
        wa_buf_append_str(key, st->d->regions[r->pref].name);
    wa_buf_append(key, "|", 1);
    if (have_company)
        wa_buf_append(key, r->company_name.data, r->company_name.len);
}

/* Returns 0, or -1 when the stage must stop (its output could not be sent). */
static int handle(stage *st, const rd_kafka_message_t *m, wa_buf *key)
{
    atomic_fetch_add(&st->docs_in, 1);
    uint64_t ticket;
    if (wa_commit_tracker_add(st->tr, m->partition, m->offset, &ticket) != 0) {
        fprintf(stderr, "%s: error: out of memory (or partition %d beyond %d)\n", WHO, (int)m->partition,
                WA_TRACKER_MAX_PARTITIONS);
        return -1;
    }
    char reason[300];
    wa_json_doc jd;
    const char *payload = m->payload ? m->payload : "";
    if (wa_json_read_doc(st->jr, payload, m->len, m->len, &jd, reason, sizeof reason) != 0) {
        if (dead_letter(st, m, reason, ticket) != 0)
            return -1;
        wa_commit_tracker_release(st->tr, ticket);
        return 0;
    }
    wa_doc doc = {jd.id, jd.id_len, jd.title, jd.title_len, jd.text, jd.text_len, 1};
    int truncated = 0;
    if (doc.text_len > st->o->max_doc_bytes) {
        doc.text_len = cli_truncate_utf8(doc.text, doc.text_len, st->o->max_doc_bytes);
        truncated = 1;
    }
    if (doc.title_len > st->o->max_doc_bytes) {
        doc.title_len = cli_truncate_utf8(doc.title, doc.title_len, st->o->max_doc_bytes);
        truncated = 1;
    }
    const wa_result *r;
    int rc = 0;
    char err[512];
    if (wa_classify(st->s, st->d, &doc, st->o->no_prefilter ? WA_NO_PREFILTER : 0, &r) != 0) {
        rc = dead_letter(st, m, "internal error while classifying (out of memory?)", ticket);
    } else if (r->hit) {
        st->out.len = 0;
        if (wa_hit_to_json(st->d, r, &doc, payload, m->len, truncated, &st->out) != 0) {
            rc = dead_letter(st, m, "cannot write the hit (out of memory?)", ticket);
        } else {
            if (st->out.len && st->out.data[st->out.len - 1] == '\n')
                st->out.len--; /* one message is one object; no line ending */
            hit_key(st, r, &doc, key);
            if (send_out(st, st->cfg.topic_hits, key->data, key->len, st->out.data, st->out.len, ticket, err,
                         sizeof err) == 0) {
                atomic_fetch_add(&st->hits_out, 1);
            } else if (!stop_signal) {
                /* e.g. larger than message.max.bytes: keep the document. */
                char why[600];
                snprintf(why, sizeof why, "the hit could not be sent: %s", err);
                rc = dead_letter(st, m, why, ticket);
            } else {
                rc = -1;
            }
        }
    }
    if (rc == 0)
        wa_commit_tracker_release(st->tr, ticket);
    return rc;
}

/* ---- stats and metrics ------------------------------------------------------------- */

static void set_version(stage *st, const char *v)
{
    pthread_mutex_lock(&st->version_mu);
    snprintf(st->version, sizeof st->version, "%s", v);
    pthread_mutex_unlock(&st->version_mu);
}

static int render_metrics(void *ctx, wa_buf *out)
{
    stage *st = ctx;
    char version[sizeof st->version];
    pthread_mutex_lock(&st->version_mu);
    memcpy(version, st->version, sizeof version);
    pthread_mutex_unlock(&st->version_mu);
    int rc = 0;
    rc |= wa_metrics_add(out, "wa_classify_docs_in_total", "counter", "Messages consumed from the documents topic.",
                         (double)atomic_load(&st->docs_in));
    rc |= wa_metrics_add(out, "wa_classify_hits_out_total", "counter", "Hits produced to the hits topic.",
                         (double)atomic_load(&st->hits_out));
    rc |= wa_metrics_add(out, "wa_classify_dlq_total", "counter", "Messages sent to the dead-letter topic.",
                         (double)atomic_load(&st->dlq_out));
    rc |= wa_metrics_add(out, "wa_classify_consumer_lag", "gauge",
                         "Messages of the assigned partitions not yet consumed.", (double)atomic_load(&st->lag));
    rc |= wa_metrics_add(out, "wa_classify_consumer_errors_total", "counter", "Errors reported by the consumer.",
                         (double)atomic_load(&st->consumer_errors));
    rc |= wa_metrics_add(out, "wa_classify_delivery_failures_total", "counter",
                         "Outputs the brokers did not acknowledge in time.",
                         (double)atomic_load(&st->delivery_failures));
    rc |= wa_metrics_add(out, "wa_classify_dict_reloads_total", "counter", "Successful dictionary reloads.",
                         st->watch ? (double)wa_dict_watch_reloads(st->watch) : 0);
    rc |= wa_metrics_add(out, "wa_classify_dict_reload_failures_total", "counter",
                         "Dictionaries refused at reload (the old one stayed in force).",
                         st->watch ? (double)wa_dict_watch_failures(st->watch) : 0);
    rc |= wa_buf_printf(out,
                        "# HELP wa_classify_dict_info The dictionary in force.\n# TYPE wa_classify_dict_info gauge\n"
                        "wa_classify_dict_info{version=\"%s\"} 1\n",
                        version);
    return rc ? -1 : 0;
}

static void stats_line(stage *st, double rate)
{
    fprintf(stderr, "%s: docs_in=%lu hits_out=%lu dlq=%lu lag=%lld in_flight=%zu dict_version=%s rate=%.0f/s\n", WHO,
            atomic_load(&st->docs_in), atomic_load(&st->hits_out), atomic_load(&st->dlq_out),
            (long long)atomic_load(&st->lag), wa_commit_tracker_in_flight(st->tr), st->d->version, rate);
}

/* ---- setup ------------------------------------------------------------------------------ */

static const char *const classifier_keys[] = {"dict", "cache_dir", "group", "metrics", "stats_interval_s",
                                              "dict_check_interval_ms", "max_doc_bytes", NULL};

static int read_config(stage *st, const char *path, const char *brokers, char *err, size_t errcap)
{
    if (wa_config_load(&st->cfg, path, brokers, err, errcap) != 0)
        return -1;
    json_t *sec;
    if (wa_config_section(&st->cfg, "classifier", classifier_keys, &sec, err, errcap) != 0)
        return -1;
    long long max_doc = -1;
    const char *group = NULL, *metrics = NULL;
    if (wa_config_path(&st->cfg, sec, "classifier", "dict", &st->config_dict, err, errcap) != 0 ||
        wa_config_path(&st->cfg, sec, "classifier", "cache_dir", &st->config_cache, err, errcap) != 0 ||
        wa_config_string(&st->cfg, sec, "classifier", "group", &group, err, errcap) != 0 ||
        wa_config_string(&st->cfg, sec, "classifier", "metrics", &metrics, err, errcap) != 0 ||
        wa_config_int(&st->cfg, sec, "classifier", "stats_interval_s", 0, 86400, &st->stats_interval_s, err,
                      errcap) != 0 ||
        wa_config_int(&st->cfg, sec, "classifier", "dict_check_interval_ms", 100, 3600000, &st->dict_check_ms, err,
                      errcap) != 0 ||
        wa_config_int(&st->cfg, sec, "classifier", "max_doc_bytes", 1024, WA_MAX_LINE_BYTES, &max_doc, err, errcap) !=
            0)
        return -1;
    if (!st->group && group)
        st->group = group;
    if (!st->metrics_addr && metrics)
        st->metrics_addr = metrics;
    if (max_doc > 0 && st->o->max_doc_bytes == WA_DEFAULT_MAX_DOC_BYTES)
        st->o->max_doc_bytes = (size_t)max_doc;
    if (!st->o->dict_dir && st->config_dict)
        st->o->dict_dir = st->config_dict;
    if (!st->o->load.cache_dir && st->config_cache)
        st->o->load.cache_dir = st->config_cache;
    return 0;
}

static int parse_seconds(const char *v, long long *out)
{
    char *end;
    errno = 0;
    long long n = v ? strtoll(v, &end, 10) : -1;
    if (!v || errno || *end || n < 0 || n > 86400)
        return -1;
    *out = n;
    return 0;
}

int cmd_run(cli_opts *o, int argc, char **argv)
{
    stage *st = calloc(1, sizeof *st);
    if (!st) {
        fprintf(stderr, "%s: out of memory\n", WHO);
        return 1;
    }
    st->o = o;
    st->stats_interval_s = -1;
    st->dict_check_ms = 1000;
    pthread_mutex_init(&st->version_mu, NULL);
    wa_buf_init(&st->out);
    wa_buf key;
    wa_buf_init(&key);
    const char *config_path = NULL, *brokers = NULL;
    long long stats_arg = -1;
    int status = 2;
    wa_metrics_http *metrics = NULL;
    char err[1024];

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            status = 0;
            goto out;
        }
        if (strcmp(a, "--config") == 0 || strcmp(a, "--brokers") == 0 || strcmp(a, "--group") == 0 ||
            strcmp(a, "--metrics") == 0 || strcmp(a, "--stats-interval") == 0) {
            if (!v || !*v) {
                fprintf(stderr, "%s: %s needs a value\n", WHO, a);
                goto out;
            }
            i++;
            if (strcmp(a, "--config") == 0)
                config_path = v;
            else if (strcmp(a, "--brokers") == 0)
                brokers = v;
            else if (strcmp(a, "--group") == 0)
                st->group = v;
            else if (strcmp(a, "--metrics") == 0)
                st->metrics_addr = v;
            else if (parse_seconds(v, &stats_arg) != 0) {
                fprintf(stderr, "%s: --stats-interval must be a number of seconds from 0 to 86400\n", WHO);
                goto out;
            }
            continue;
        }
        int c = cli_common_option(o, argc, argv, &i);
        if (c < 0)
            goto out;
        if (c == 0) {
            fprintf(stderr, "%s: unknown argument '%s' (see wa-classify run --help)\n", WHO, a);
            goto out;
        }
    }
    /* From here on SIGTERM means "stop cleanly", even during the
     * dictionary load: the main loop sees the flag before taking work. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART; /* the flags are polled; nobody needs EINTR */
    sa.sa_handler = on_stop;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_hup;
    sigaction(SIGHUP, &sa, NULL);

    if (read_config(st, config_path, brokers, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", WHO, err);
        goto out;
    }
    if (stats_arg >= 0)
        st->stats_interval_s = stats_arg;
    else if (o->quiet)
        st->stats_interval_s = 0;
    if (st->stats_interval_s < 0)
        st->stats_interval_s = 10;
    if (!st->group)
        st->group = "wa-classify";
    /* Check every Kafka property now: a bad one is a configuration error
     * (exit 2), reported before the dictionary load and any connection. */
    for (int role = WA_KAFKA_PRODUCER; role <= WA_KAFKA_CONSUMER; role++) {
        rd_kafka_conf_t *probe = wa_kafka_conf(&st->cfg, role, "wa-classify", err, sizeof err);
        if (!probe) {
            fprintf(stderr, "%s: %s\n", WHO, err);
            goto out;
        }
        rd_kafka_conf_destroy(probe);
    }

    st->c = cli_open_classifier(o);
    if (!st->c)
        goto out;
    st->d = wa_classifier_acquire(st->c);
    set_version(st, st->d->version);
    st->s = wa_session_new();
    st->jr = wa_json_reader_new();
    st->tr = wa_commit_tracker_new();
    if (!st->s || !st->jr || !st->tr) {
        fprintf(stderr, "%s: out of memory\n", WHO);
        status = 1;
        goto out;
    }
    st->watch = wa_dict_watch_start(st->c, cli_dict_dir(o), (int)st->dict_check_ms, WHO);
    if (!st->watch) {
        fprintf(stderr, "%s: cannot start the dictionary watcher\n", WHO);
        status = 1;
        goto out;
    }
    if (st->metrics_addr) {
        metrics = wa_metrics_http_start(st->metrics_addr, render_metrics, st, err, sizeof err);
        if (!metrics) {
            fprintf(stderr, "%s: metrics: %s\n", WHO, err);
            goto out;
        }
    }
    wa_rebalance_hooks hooks = {on_assign, on_revoke, st};
    if (wa_producer_init(&st->prod, &st->cfg, WHO, "wa-classify", on_delivery, st, err, sizeof err) != 0 ||
        wa_consumer_init(&st->cons, &st->cfg, WHO, "wa-classify", st->group, &hooks, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", WHO, err);
        goto out;
    }
    if (wa_consumer_subscribe(&st->cons, st->cfg.topic_docs, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", WHO, err);
        status = 1;
        goto out;
    }
    fprintf(stderr, "%s: consuming %s as group %s from %s (brokers from %s); hits to %s, dead letters to %s; dictionary %s version %s",
            WHO, st->cfg.topic_docs, st->group, st->cfg.brokers, st->cfg.brokers_source, st->cfg.topic_hits,
            st->cfg.topic_dlq, cli_dict_dir(o), st->d->version);
    if (metrics) {
        const char *colon = strrchr(st->metrics_addr, ':');
        fprintf(stderr, "; metrics at http://%.*s:%u/metrics", (int)(colon - st->metrics_addr), st->metrics_addr,
                wa_metrics_http_port(metrics));
    }
    fputc('\n', stderr);

    double t_stats = now_s(), t_tick = t_stats, t_store = t_stats;
    unsigned long docs_at_stats = 0, polls = 0;
    status = 0;
    while (!stop_signal) {
        if (hup_signal) {
            hup_signal = 0;
            wa_dict_watch_request(st->watch);
        }
        rd_kafka_message_t *m = rd_kafka_consumer_poll(st->cons.rk, 50);
        uint64_t g = wa_dict_watch_generation(st->watch);
        if (g != st->dict_gen) {
            /* Between two messages (one atomic load each): the one before
             * used the old dictionary, this one uses the new one. */
            st->dict_gen = g;
            wa_dict_release(st->d);
            st->d = wa_classifier_acquire(st->c);
            set_version(st, st->d->version);
        }
        if (m) {
            if (m->err) {
                if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                    atomic_fetch_add(&st->consumer_errors, 1);
                    fprintf(stderr, "%s: consumer: %s\n", WHO, rd_kafka_message_errstr(m));
                }
            } else if (handle(st, m, &key) != 0 && !signalled) {
                /* Its output could not be queued: stop without committing it. */
                st->fatal = 1;
                stop_signal = 1;
            }
            rd_kafka_message_destroy(m);
        }
        /* Delivery reports: serving them takes a lock, so while messages
         * stream in, every 64th message is often enough (64 is far below
         * what one linger.ms lets through at full speed). */
        if (!m || (++polls & 63) == 0)
            rd_kafka_poll(st->prod.rk, 0);
        double t = now_s();
        if (m) {
            if (st->t_first == 0)
                st->t_first = t;
            st->t_last = t;
        }
        if (t - t_store >= 0.02 || !m) {
            store_offsets(st);
            t_store = t;
        }
        if (t - t_tick >= 0.25) {
            t_tick = t;
            atomic_store(&st->lag, (long long)wa_consumer_lag(&st->cons));
            if (wa_kafka_fatal(st->prod.rk, err, sizeof err) || wa_kafka_fatal(st->cons.rk, err, sizeof err)) {
                fprintf(stderr, "%s: error: %s\n", WHO, err);
                st->fatal = 1;
                stop_signal = 1;
            }
            if (st->stats_interval_s > 0 && t - t_stats >= (double)st->stats_interval_s) {
                unsigned long docs = atomic_load(&st->docs_in);
                stats_line(st, (double)(docs - docs_at_stats) / (t - t_stats));
                docs_at_stats = docs;
                t_stats = t;
            }
        }
    }
    if (!st->fatal)
        fprintf(stderr, "%s: stopping: finishing in-flight work, committing, leaving the group\n", WHO);
    /* Shutdown: wait for the acknowledgements, store what they complete,
     * then leave the group (the revoke hook commits). */
    wa_producer_drain(&st->prod, 30000);
    store_offsets(st);
    wa_consumer_close(&st->cons);
    wa_producer_close(&st->prod, 30000);
    atomic_store(&st->lag, 0);
    /* The summary: the rate over the time messages were flowing, which is
     * what the benchmark reports as documents per second. */
    double busy = st->t_last - st->t_first;
    stats_line(st, busy > 0 ? (double)atomic_load(&st->docs_in) / busy : 0);
    fprintf(stderr, "%s: %lu messages from first to last in %.3f s\n", WHO, atomic_load(&st->docs_in), busy);
    if (st->fatal)
        status = 1;
    else
        fprintf(stderr, "%s: stopped cleanly\n", WHO);
out:
    if (st->cons.rk)
        wa_consumer_close(&st->cons);
    if (st->prod.rk)
        wa_producer_close(&st->prod, 5000);
    wa_metrics_http_stop(metrics);
    wa_dict_watch_stop(st->watch);
    wa_commit_tracker_free(st->tr);
    wa_json_reader_free(st->jr);
    wa_session_free(st->s);
    if (st->d)
        wa_dict_release(st->d);
    wa_classifier_free(st->c);
    wa_buf_free(&st->out);
    wa_buf_free(&key);
    free(st->config_dict);
    free(st->config_cache);
    wa_config_free(&st->cfg);
    pthread_mutex_destroy(&st->version_mu);
    free(st);
    return status;
}
