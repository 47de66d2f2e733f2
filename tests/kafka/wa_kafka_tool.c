/* wa-kafka-tool: the Kafka tests' and the stage benchmark's helper.
 *
 *   produce  FILE      one message per line of FILE (the line's bytes exactly, so malformed
 *                      lines stay malformed), keyed by line number, idempotent, every
 *                      delivery checked
 *   dump               every message of a topic, from the start to the end as it was when
 *                      the dump began, one value per line
 *   wait-group         wait until a consumer group has committed everything of a topic
 *   latency            read new messages of a topic and report how old a stamp field is
 *
 * Options: --brokers LIST (or $WA_KAFKA_BROKERS), --topic T, and per command:
 *   produce  [--rate N]  messages per second (default: as fast as possible)
 *            [--stamp-field F]  insert "F":<microseconds since the epoch> into each object
 *   dump     [--keys]   print KEY<TAB>VALUE (empty KEY for none)
 *   wait-group --group G [--timeout S]
 *   latency  --field F --count N [--timeout S] [--idle S]  ("ready" on stdout once positioned;
 *            --idle: stop after S seconds without a message instead of waiting for N)
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../common/buf.h"
#include "../../common/config.h"
#include "../../kafka/kafka_client.h"

static const char usage[] =
    "Usage: wa-kafka-tool produce   --brokers LIST --topic T [--rate N] [--stamp-field F] FILE\n"
    "       wa-kafka-tool dump      --brokers LIST --topic T [--keys]\n"
    "       wa-kafka-tool wait-group --brokers LIST --topic T --group G [--timeout S]\n"
    "       wa-kafka-tool latency   --brokers LIST --topic T --field F --count N [--timeout S] [--idle S]\n"
    "The Kafka tests' helper: produce a file line by line, dump a topic to stdout, wait until a\n"
    "consumer group has committed a whole topic, measure the age of a stamp field in new\n"
    "messages (p50, p99). --brokers defaults to $WA_KAFKA_BROKERS.\n";

typedef struct {
    const char *cmd, *brokers, *topic, *group, *field, *file;
    double rate, timeout, idle;
    long count;
    int keys;
} args;

static int64_t now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static double mono(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int load_cfg(const args *a, wa_config *cfg)
{
    char err[512];
    if (wa_config_load(cfg, NULL, a->brokers, err, sizeof err) != 0) {
        fprintf(stderr, "wa-kafka-tool: %s\n", err);
        return -1;
    }
    return 0;
}

/* ---- produce ------------------------------------------------------------------ */

static unsigned long delivered, failed;

static void on_delivery(void *ctx, const rd_kafka_message_t *m)
{
    (void)ctx;
    if (m->err) {
        if (failed++ < 5)
            fprintf(stderr, "wa-kafka-tool: delivery failed: %s\n", rd_kafka_err2str(m->err));
    } else {
        delivered++;
    }
}

static int cmd_produce(const args *a)
{
    FILE *f = strcmp(a->file, "-") == 0 ? stdin : fopen(a->file, "rb");
    if (!f) {
        fprintf(stderr, "wa-kafka-tool: cannot open %s: %s\n", a->file, strerror(errno));
        return 1;
    }
    wa_config cfg;
    if (load_cfg(a, &cfg) != 0) {
        if (f != stdin)
            fclose(f);
        return 2;
    }
    wa_producer p;
    char err[512];
    if (wa_producer_init(&p, &cfg, "wa-kafka-tool", "wa-kafka-tool", on_delivery, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "wa-kafka-tool: %s\n", err);
        wa_config_free(&cfg);
        if (f != stdin)
            fclose(f);
        return 2;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long sent = 0;
    wa_buf stamped;
    wa_buf_init(&stamped);
    double t0 = mono();
    int status = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            n--;
        if (n == 0)
            continue;
        if (a->rate > 0) {
            double due = t0 + (double)sent / a->rate;
            double wait = due - mono();
            while (wait > 0.0005) {
                rd_kafka_poll(p.rk, (int)(wait * 1000) > 0 ? (int)(wait * 1000) : 0);
                if ((int)(wait * 1000) == 0)
                    usleep((useconds_t)(wait * 1e6));
                wait = due - mono();
            }
        }
        const char *val = line;
        size_t len = (size_t)n;
        if (a->field && line[0] == '{') {
            stamped.len = 0;
            if (wa_buf_printf(&stamped, "{\"%s\":%" PRId64 ",", a->field, now_us()) != 0 ||
                wa_buf_append(&stamped, line + 1, len - 1) != 0) {
                fprintf(stderr, "wa-kafka-tool: out of memory\n");
                status = 1;
                break;
            }
            val = stamped.data;
            len = stamped.len;
        }
        /* Keyed by line number: the hash spreads the messages evenly over
         * the partitions (the mock brokers keep only ~5 MB per partition,
         * and an uneven spread would overflow one). */
        char key[24];
        int klen = snprintf(key, sizeof key, "%lu", sent);
        if (wa_producer_send(&p, a->topic, key, (size_t)klen, val, len, NULL, NULL, NULL, err, sizeof err) != 0) {
            fprintf(stderr, "wa-kafka-tool: %s\n", err);
            status = 1;
            break;
        }
        sent++;
        rd_kafka_poll(p.rk, 0);
    }
    free(line);
    wa_buf_free(&stamped);
    if (f != stdin)
        fclose(f);
    int left = wa_producer_drain(&p, 120000);
    double secs = mono() - t0;
    fprintf(stderr, "wa-kafka-tool: %lu messages produced to %s, %lu acknowledged, %lu failed, %d unacknowledged (%.1f s, %.0f/s)\n",
            sent, a->topic, delivered, failed, left, secs, secs > 0 ? (double)sent / secs : 0);
    if (failed || left)
        status = 1;
    wa_producer_close(&p, 1000);
    wa_config_free(&cfg);
    return status;
}

/* ---- consumers without a group --------------------------------------------------------- */

static rd_kafka_t *plain_consumer(const args *a, wa_config *cfg, const char *group)
{
    char err[512];
    rd_kafka_conf_t *conf = wa_kafka_conf(cfg, WA_KAFKA_CONSUMER, "wa-kafka-tool", err, sizeof err);
    if (!conf) {
        fprintf(stderr, "wa-kafka-tool: %s\n", err);
        return NULL;
    }
    (void)a;
    if (rd_kafka_conf_set(conf, "group.id", group, err, sizeof err) != RD_KAFKA_CONF_OK ||
        rd_kafka_conf_set(conf, "enable.auto.commit", "false", err, sizeof err) != RD_KAFKA_CONF_OK) {
        fprintf(stderr, "wa-kafka-tool: %s\n", err);
        rd_kafka_conf_destroy(conf);
        return NULL;
    }
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
    if (!rk) {
        fprintf(stderr, "wa-kafka-tool: %s\n", err);
        rd_kafka_conf_destroy(conf);
    }
    return rk;
}

/* The topic's partitions with their high watermarks in .offset (and low in *lows). */
static rd_kafka_topic_partition_list_t *partitions_at_end(rd_kafka_t *rk, const char *topic, int64_t **lows)
{
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_topic_t *t = rd_kafka_topic_new(rk, topic, NULL);
    if (!t)
        return NULL;
    rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, t, &md, 10000);
    rd_kafka_topic_destroy(t);
    if (e || md->topic_cnt != 1 || md->topics[0].err) {
        fprintf(stderr, "wa-kafka-tool: no metadata for %s: %s\n", topic,
                rd_kafka_err2str(e ? e : md->topic_cnt ? md->topics[0].err : RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART));
        if (md)
            rd_kafka_metadata_destroy(md);
        return NULL;
    }
    int n = md->topics[0].partition_cnt;
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(n);
    int64_t *lo = calloc((size_t)(n ? n : 1), sizeof *lo);
    for (int i = 0; l && lo && i < n; i++) {
        int32_t p = md->topics[0].partitions[i].id;
        int64_t low = 0, high = 0;
        e = rd_kafka_query_watermark_offsets(rk, topic, p, &low, &high, 10000);
        if (e) {
            fprintf(stderr, "wa-kafka-tool: watermarks of %s[%d]: %s\n", topic, (int)p, rd_kafka_err2str(e));
            rd_kafka_topic_partition_list_destroy(l);
            free(lo);
            rd_kafka_metadata_destroy(md);
            return NULL;
        }
        rd_kafka_topic_partition_list_add(l, topic, p)->offset = high;
        lo[l->cnt - 1] = low;
    }
    rd_kafka_metadata_destroy(md);
    if (!l || !lo) {
        if (l)
            rd_kafka_topic_partition_list_destroy(l);
        free(lo);
        return NULL;
    }
    *lows = lo;
    return l;
}

static int cmd_dump(const args *a)
{
    wa_config cfg;
    if (load_cfg(a, &cfg) != 0)
        return 2;
    rd_kafka_t *rk = plain_consumer(a, &cfg, "wa-kafka-tool-dump");
    int status = 1;
    int64_t *lows = NULL;
    rd_kafka_topic_partition_list_t *ends = rk ? partitions_at_end(rk, a->topic, &lows) : NULL;
    if (!ends)
        goto out;
    /* Read each partition from its start up to the end it had. */
    rd_kafka_topic_partition_list_t *from = rd_kafka_topic_partition_list_new(ends->cnt);
    int64_t remaining = 0;
    for (int i = 0; i < ends->cnt; i++) {
        rd_kafka_topic_partition_list_add(from, a->topic, ends->elems[i].partition)->offset = lows[i];
        remaining += ends->elems[i].offset - lows[i];
    }
    rd_kafka_resp_err_t e = rd_kafka_assign(rk, from);
    rd_kafka_topic_partition_list_destroy(from);
    if (e) {
        fprintf(stderr, "wa-kafka-tool: assign: %s\n", rd_kafka_err2str(e));
        goto out;
    }
    unsigned long n = 0;
    double deadline = mono() + (a->timeout > 0 ? a->timeout : 120);
    while (remaining > 0 && mono() < deadline) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 200);
        if (!m)
            continue;
        if (m->err) {
            fprintf(stderr, "wa-kafka-tool: %s\n", rd_kafka_message_errstr(m));
        } else {
            int64_t end = -1;
            for (int i = 0; i < ends->cnt; i++)
                if (ends->elems[i].partition == m->partition)
                    end = ends->elems[i].offset;
            if (m->offset < end) {
                remaining--;
                n++;
                if (a->keys) {
                    if (m->key_len)
                        fwrite(m->key, 1, m->key_len, stdout);
                    fputc('\t', stdout);
                }
                fwrite(m->payload, 1, m->len, stdout);
                fputc('\n', stdout);
            }
        }
        rd_kafka_message_destroy(m);
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "wa-kafka-tool: cannot write stdout\n");
        goto out;
    }
    if (remaining > 0) {
        fprintf(stderr, "wa-kafka-tool: dump of %s incomplete: %" PRId64 " messages not read in time\n", a->topic,
                remaining);
        goto out;
    }
    fprintf(stderr, "wa-kafka-tool: %lu messages dumped from %s\n", n, a->topic);
    status = 0;
out:
    if (ends)
        rd_kafka_topic_partition_list_destroy(ends);
    free(lows);
    if (rk) {
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
    }
    wa_config_free(&cfg);
    return status;
}

/* ---- wait-group ----------------------------------------------------------------------- */

static int cmd_wait_group(const args *a)
{
    wa_config cfg;
    if (load_cfg(a, &cfg) != 0)
        return 2;
    rd_kafka_t *rk = plain_consumer(a, &cfg, a->group);
    int status = 1;
    double deadline = mono() + (a->timeout > 0 ? a->timeout : 120);
    int64_t lag = -1;
    while (rk && mono() < deadline) {
        int64_t *lows = NULL;
        rd_kafka_topic_partition_list_t *ends = partitions_at_end(rk, a->topic, &lows);
        free(lows);
        if (!ends) {
            sleep(1);
            continue;
        }
        rd_kafka_topic_partition_list_t *com = rd_kafka_topic_partition_list_copy(ends);
        rd_kafka_resp_err_t e = rd_kafka_committed(rk, com, 10000);
        if (!e) {
            lag = 0;
            for (int i = 0; i < ends->cnt; i++) {
                int64_t c = com->elems[i].offset >= 0 ? com->elems[i].offset : 0;
                if (ends->elems[i].offset > c)
                    lag += ends->elems[i].offset - c;
            }
        }
        rd_kafka_topic_partition_list_destroy(com);
        rd_kafka_topic_partition_list_destroy(ends);
        if (!e && lag == 0) {
            status = 0;
            break;
        }
        usleep(250 * 1000);
    }
    printf("lag %" PRId64 "\n", lag);
    if (status)
        fprintf(stderr, "wa-kafka-tool: group %s has not committed all of %s in time (lag %" PRId64 ")\n", a->group,
                a->topic, lag);
    if (rk)
        rd_kafka_destroy(rk);
    wa_config_free(&cfg);
    return status;
}

/* ---- latency -------------------------------------------------------------------------- */

static int cmp_i64(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}

static int cmd_latency(const args *a)
{
    wa_config cfg;
    if (load_cfg(a, &cfg) != 0)
        return 2;
    /* A fetch that finds no data is answered after fetch.wait.max.ms by the
     * mock brokers (a real broker answers as soon as data arrives): keep it
     * short so the measuring consumer adds little of its own. */
    char err[512];
    if (wa_config_add_prop(&cfg, "fetch.wait.max.ms", "5", WA_KAFKA_CONSUMER, err, sizeof err) != 0) {
        fprintf(stderr, "wa-kafka-tool: %s\n", err);
        wa_config_free(&cfg);
        return 2;
    }
    rd_kafka_t *rk = plain_consumer(a, &cfg, "wa-kafka-tool-latency");
    int64_t *lows = NULL;
    rd_kafka_topic_partition_list_t *ends = rk ? partitions_at_end(rk, a->topic, &lows) : NULL;
    free(lows);
    int64_t *lat = calloc((size_t)a->count, sizeof *lat);
    int status = 1;
    long n = 0;
    if (!ends || !lat || rd_kafka_assign(rk, ends) != 0)
        goto out;
    /* The first fetches of a new consumer take a while (connections,
     * leaders, offset validation): let them happen before saying ready, so
     * they are not counted as latency of the first messages. */
    for (double settle = mono() + 1.5; mono() < settle;) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
        if (m)
            rd_kafka_message_destroy(m);
    }
    printf("ready\n");
    fflush(stdout);
    char pat[160];
    snprintf(pat, sizeof pat, "\"%s\":", a->field);
    double deadline = mono() + (a->timeout > 0 ? a->timeout : 120);
    double last = 0;
    while (n < a->count && mono() < deadline) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
        if (!m) {
            if (a->idle > 0 && n > 0 && mono() - last > a->idle)
                break; /* the stream is over */
            continue;
        }
        last = mono();
        int64_t t = now_us();
        if (!m->err && m->len > 0) {
            /* The stamp is ours, at the start of the object: memmem over
             * the first bytes finds it without parsing the hit. */
            size_t look = m->len < 256 ? m->len : 256;
            const char *p = memmem(m->payload, look, pat, strlen(pat));
            if (p) {
                long long sent = strtoll(p + strlen(pat), NULL, 10);
                if (sent > 0) {
                    lat[n++] = t - sent;
                    if (getenv("WA_TOOL_SLOW_MS") && t - sent > 1000 * atoll(getenv("WA_TOOL_SLOW_MS")))
                        fprintf(stderr, "slow: %s[%d]@%lld %.1f ms at %.3f\n", a->topic, (int)m->partition,
                                (long long)m->offset, (t - sent) / 1000.0, (double)(t % 100000000) / 1e6);
                }
            }
        }
        rd_kafka_message_destroy(m);
    }
    if (n == 0) {
        fprintf(stderr, "wa-kafka-tool: no stamped message arrived on %s\n", a->topic);
        goto out;
    }
    qsort(lat, (size_t)n, sizeof *lat, cmp_i64);
    printf("latency n=%ld p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n", n, lat[n / 2] / 1000.0,
           lat[(n * 90) / 100] / 1000.0, lat[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1] / 1000.0,
           lat[n - 1] / 1000.0);
    status = n == a->count || a->idle > 0 ? 0 : 1;
    if (status)
        fprintf(stderr, "wa-kafka-tool: only %ld of %ld stamped messages arrived in time\n", n, a->count);
out:
    free(lat);
    if (ends)
        rd_kafka_topic_partition_list_destroy(ends);
    if (rk) {
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
    }
    wa_config_free(&cfg);
    return status;
}

int main(int argc, char **argv)
{
    args a;
    memset(&a, 0, sizeof a);
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    a.cmd = argv[1];
    for (int i = 2; i < argc; i++) {
        const char *o = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = 1;
        if (strcmp(o, "--keys") == 0) {
            a.keys = 1;
            takes = 0;
        } else if (!v) {
            if (o[0] == '-' && o[1]) {
                fprintf(stderr, "wa-kafka-tool: %s needs a value\n", o);
                return 2;
            }
            a.file = o;
            takes = 0;
        } else if (strcmp(o, "--brokers") == 0) {
            a.brokers = v;
        } else if (strcmp(o, "--topic") == 0) {
            a.topic = v;
        } else if (strcmp(o, "--group") == 0) {
            a.group = v;
        } else if (strcmp(o, "--field") == 0 || strcmp(o, "--stamp-field") == 0) {
            a.field = v;
        } else if (strcmp(o, "--rate") == 0) {
            a.rate = atof(v);
        } else if (strcmp(o, "--idle") == 0) {
            a.idle = atof(v);
        } else if (strcmp(o, "--timeout") == 0) {
            a.timeout = atof(v);
        } else if (strcmp(o, "--count") == 0) {
            a.count = atol(v);
        } else if (o[0] != '-' || !o[1]) {
            a.file = o;
            takes = 0;
        } else {
            fprintf(stderr, "wa-kafka-tool: unknown option '%s' (see --help)\n", o);
            return 2;
        }
        i += takes;
    }
    if (!a.topic) {
        fprintf(stderr, "wa-kafka-tool: --topic is required\n");
        return 2;
    }
    if (a.field && strlen(a.field) > 100) {
        fprintf(stderr, "wa-kafka-tool: field name too long\n");
        return 2;
    }
    if (strcmp(a.cmd, "produce") == 0) {
        if (!a.file) {
            fprintf(stderr, "wa-kafka-tool: produce needs a FILE (or -)\n");
            return 2;
        }
        return cmd_produce(&a);
    }
    if (strcmp(a.cmd, "dump") == 0)
        return cmd_dump(&a);
    if (strcmp(a.cmd, "wait-group") == 0) {
        if (!a.group) {
            fprintf(stderr, "wa-kafka-tool: wait-group needs --group\n");
            return 2;
        }
        return cmd_wait_group(&a);
    }
    if (strcmp(a.cmd, "latency") == 0) {
        if (!a.field || a.count <= 0 || a.count > 100000000) {
            fprintf(stderr, "wa-kafka-tool: latency needs --field and --count N\n");
            return 2;
        }
        return cmd_latency(&a);
    }
    fprintf(stderr, "wa-kafka-tool: unknown command '%s' (see --help)\n", a.cmd);
    return 2;
}
