#include "service.h"

#include <inttypes.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../common/metrics_http.h"
#include "../kafka/dead_letter.h"
#include "../kafka/kafka_client.h"
#include "clocks.h"
#include "deliver.h"
#include "hotline_api.h"
#include "incidents.h"

#define WHO "wa-alertd"
#define BATCH_MAX 500       /* hits per ledger transaction */
#define BATCH_WAIT_MS 20    /* longest a hit waits for its batch to fill */
#define KAFKA_IN_FLIGHT 20000

typedef struct {
    const wa_service_opts *o;
    wa_ledger *ledger;
    wa_ctx x;
    wa_incidents *inc;
    wa_deliverer *deliver;
    wa_consumer cons;
    wa_producer prod;
    rd_kafka_message_t *batch[BATCH_MAX];
    int nbatch;
    /* Kafka outbox: rows queued to the producer, and those acknowledged. */
    long long last_queued;
    long long *acked;
    size_t nacked, acked_cap;
    long in_flight;
    int publish_failed;
    int ledger_failing; /* the last write failed: only the batch retry touches the ledger */
    /* counters: atomics, because /metrics reads them from the HTTP thread */
    atomic_ulong hits, new_cases, joined, duplicates, malformed, ledger_errors;
    atomic_llong lag;
} service;

static long long mono_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void on_delivery(void *ctx, const rd_kafka_message_t *m)
{
    service *s = ctx;
    s->in_flight--;
    long long id = (long long)(intptr_t)m->_private;
    if (m->err) {
        /* Not acknowledged: it stays unsent in the ledger and is queued again. */
        if (!s->publish_failed)
            fprintf(stderr, WHO ": publishing to %s failed: %s (kept, retried)\n", rd_kafka_topic_name(m->rkt),
                    rd_kafka_err2str(m->err));
        s->publish_failed = 1;
        return;
    }
    if (wa_grow((void **)&s->acked, &s->acked_cap, s->nacked + 1, sizeof *s->acked) == 0)
        s->acked[s->nacked++] = id;
}

/* Queue the ledger's unsent Kafka messages, and mark the acknowledged ones sent. */
static void publish(service *s)
{
    rd_kafka_poll(s->prod.rk, 0);
    if (s->nacked > 0 && !s->ledger_failing) {
        long long now = wa_clock_now();
        int ok = wa_ledger_begin(s->ledger) == 0;
        for (size_t i = 0; ok && i < s->nacked; i++)
            ok = wa_ledger_kafka_sent(s->ledger, s->acked[i], now) == 0;
        if (ok && wa_ledger_commit(s->ledger) == 0) {
            s->nacked = 0;
        } else {
            /* Kept and tried again later; should the service stop first,
             * they are re-sent after a restart (at least once). */
            wa_ledger_rollback(s->ledger);
            s->ledger_failing = 1;
        }
    }
    if (s->publish_failed && s->in_flight == 0) {
        s->publish_failed = 0;
        s->last_queued = 0; /* start over from the oldest unsent */
    }
    while (s->in_flight < KAFKA_IN_FLIGHT) {
        wa_kafka_row *rows = NULL;
        int n = 0;
        if (wa_ledger_kafka_unsent(s->ledger, s->last_queued, 500, &rows, &n) != 0) {
            fprintf(stderr, WHO ": %s\n", wa_ledger_error(s->ledger));
            return;
        }
        int refused = 0;
        for (int i = 0; i < n; i++) {
            char err[256];
            wa_kafka_row *r = &rows[i];
            if (!refused && wa_producer_send(&s->prod, r->topic, r->key, r->key ? strlen(r->key) : 0, r->value,
                                             strlen(r->value), (void *)(intptr_t)r->id, NULL, s->o->stop, err,
                                             sizeof err) == 0) {
                s->in_flight++;
                s->last_queued = r->id;
            } else if (!refused) {
                /* Left unsent in the ledger; tried again on a later round. */
                fprintf(stderr, WHO ": %s\n", err);
                refused = 1;
            }
            wa_kafka_row_clear(r);
        }
        free(rows);
        if (n < 500 || refused)
            break;
    }
}

/* Store the hits of the batch and everything they cause in one
 * transaction. 0 when committed, -1 when the ledger refused (rolled back). */
static int store_batch(service *s, long long now, char *err, size_t errcap)
{
    if (wa_ledger_begin(s->ledger) != 0)
        goto fail;
    wa_buf value, dl;
    wa_buf_init(&value);
    wa_buf_init(&dl);
    unsigned long nnew = 0, njoin = 0, ndup = 0, nbad = 0;
    int rc = 0;
    for (int i = 0; i < s->nbatch && rc == 0; i++) {
        rd_kafka_message_t *m = s->batch[i];
        wa_hit_result res;
        value.len = 0;
        /* A NUL-terminated copy: the ledger stores the hit as text. */
        if (wa_buf_append(&value, m->payload ? m->payload : "", m->len) != 0 || wa_buf_terminate(&value) != 0) {
            rc = -1;
            break;
        }
        if (memchr(value.data, '\0', value.len)) {
            res.outcome = WA_HIT_MALFORMED;
            snprintf(res.reason, sizeof res.reason, "a NUL byte inside the message");
        } else if (wa_incidents_add(s->inc, value.data, value.len, now, &res) != 0) {
            rc = -1;
            break;
        }
        switch (res.outcome) {
        case WA_HIT_NEW_CASE: nnew++; break;
        case WA_HIT_JOINED: njoin++; break;
        case WA_HIT_DUPLICATE: ndup++; break;
        case WA_HIT_MALFORMED: {
            char dedup[128];
            const char *topic = rd_kafka_topic_name(m->rkt);
            dl.len = 0;
            snprintf(dedup, sizeof dedup, "dlq:%s:%" PRId32 ":%" PRId64, topic, m->partition, m->offset);
            if (wa_dead_letter_json(res.reason, WHO, topic, m->partition, m->offset, m->key, m->key_len, m->payload,
                                    m->len, &dl) != 0 ||
                wa_buf_terminate(&dl) != 0 ||
                wa_ledger_kafka_add(s->ledger, s->o->cfg->topic_dlq, NULL, dl.data, dedup, now) != 0)
                rc = -1;
            else
                nbad++;
            break;
        }
        }
    }
    wa_buf_free(&value);
    wa_buf_free(&dl);
    if (rc != 0 || wa_ledger_commit(s->ledger) != 0)
        goto fail;
    wa_incidents_committed(s->inc);
    atomic_fetch_add(&s->hits, (unsigned long)s->nbatch);
    atomic_fetch_add(&s->new_cases, nnew);
    atomic_fetch_add(&s->joined, njoin);
    atomic_fetch_add(&s->duplicates, ndup);
    atomic_fetch_add(&s->malformed, nbad);
    return 0;
fail:
    snprintf(err, errcap, "%s", wa_ledger_error(s->ledger));
    wa_ledger_rollback(s->ledger);
    wa_incidents_rolled_back(s->inc);
    return -1;
}

/* After the commit: the offsets of the batch may go to Kafka. */
static void release_batch(service *s, int store)
{
    for (int i = 0; i < s->nbatch; i++) {
        rd_kafka_message_t *m = s->batch[i];
        if (store) {
            /* Offsets are per partition and the batch is in order within
             * each, so storing each in turn leaves the highest. A partition
             * no longer ours refuses: its new owner redoes the message. */
            wa_consumer_store(&s->cons, rd_kafka_topic_name(m->rkt), m->partition, m->offset + 1);
        }
        rd_kafka_message_destroy(m);
    }
    s->nbatch = 0;
}

/* Process the batch, retrying while the ledger refuses (keeping the batch,
 * committing nothing). Returns 0, or -1 when stopped before it succeeded. */
static int process_batch(service *s, int retry)
{
    if (s->nbatch == 0)
        return 0;
    char err[512];
    int failures = 0;
    while (store_batch(s, wa_clock_now(), err, sizeof err) != 0) {
        atomic_fetch_add(&s->ledger_errors, 1);
        s->ledger_failing = 1;
        const rd_kafka_message_t *m = s->batch[0];
        fprintf(stderr, WHO ": cannot write the ledger %s: %s; %d hit%s kept (from %s[%" PRId32 "] offset %" PRId64
                        "), nothing committed to Kafka past them; retrying every second\n",
                s->o->db_path, err, s->nbatch, s->nbatch == 1 ? "" : "s", rd_kafka_topic_name(m->rkt), m->partition,
                m->offset);
        failures++;
        if (!retry || *s->o->stop) {
            release_batch(s, 0);
            return -1;
        }
        for (int i = 0; i < 10 && !*s->o->stop; i++) {
            rd_kafka_poll(s->prod.rk, 0);
            usleep(100 * 1000);
        }
    }
    if (failures)
        fprintf(stderr, WHO ": the ledger is writable again; %d hit%s stored\n", s->nbatch, s->nbatch == 1 ? "" : "s");
    s->ledger_failing = 0;
    release_batch(s, 1);
    wa_deliver_kick(s->deliver);
    return 0;
}

static void on_assign(void *ctx, const rd_kafka_topic_partition_list_t *parts)
{
    (void)ctx;
    (void)parts;
}

static void on_revoke(void *ctx, const rd_kafka_topic_partition_list_t *parts, int lost)
{
    service *s = ctx;
    (void)parts;
    /* Finish what was consumed before the partitions move: the ledger
     * ignores a hit it has, so even a lost partition's work is safe to store. */
    process_batch(s, 0);
    if (!lost)
        wa_consumer_commit_sync(&s->cons);
}

static void kick(void *ctx)
{
    wa_deliver_kick(ctx);
}

static int render_metrics(void *ctx, wa_buf *out)
{
    service *s = ctx;
    unsigned long delivered = 0, failed = 0, gave_up = 0;
    wa_deliver_stats(s->deliver, &delivered, &failed, &gave_up);
    const struct {
        const char *name, *type, *help;
        double value;
    } m[] = {
        {"wa_alertd_hits_in_total", "counter", "Hits consumed and stored.", (double)atomic_load(&s->hits)},
        {"wa_alertd_cases_opened_total", "counter", "Cases opened by hits.", (double)atomic_load(&s->new_cases)},
        {"wa_alertd_hits_joined_total", "counter", "Hits attached to an existing case.",
         (double)atomic_load(&s->joined)},
        {"wa_alertd_hits_repeated_total", "counter", "Hits of documents already stored (redeliveries).",
         (double)atomic_load(&s->duplicates)},
        {"wa_alertd_dlq_total", "counter", "Malformed hits sent to the dead-letter topic.",
         (double)atomic_load(&s->malformed)},
        {"wa_alertd_ledger_errors_total", "counter", "Batches the ledger refused (retried).",
         (double)atomic_load(&s->ledger_errors)},
        {"wa_alertd_consumer_lag", "gauge", "Hits of the assigned partitions not yet consumed.",
         (double)atomic_load(&s->lag)},
        {"wa_alertd_notifications_delivered_total", "counter", "Notifications acknowledged by their receiver.",
         (double)delivered},
        {"wa_alertd_delivery_attempts_failed_total", "counter", "Delivery attempts that failed (retried).",
         (double)failed},
        {"wa_alertd_notifications_given_up_total", "counter", "Notifications given up after the retry horizon.",
         (double)gave_up},
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (wa_metrics_add(out, m[i].name, m[i].type, m[i].help, m[i].value) != 0)
            return -1;
    return 0;
}

static void stats(service *s, long long elapsed_ms, unsigned long hits_before)
{
    long long pending = -1;
    unsigned long delivered = 0, failed = 0, gave_up = 0;
    wa_ledger_outbox_pending(s->ledger, &pending);
    wa_deliver_stats(s->deliver, &delivered, &failed, &gave_up);
    fprintf(stderr,
            WHO ": stats hits_in=%lu new_cases=%lu joined=%lu duplicates=%lu dlq=%lu ledger_errors=%lu lag=%lld"
                " outbox_pending=%lld delivered=%lu attempts_failed=%lu gave_up=%lu rate=%.0f/s\n",
            atomic_load(&s->hits), atomic_load(&s->new_cases), atomic_load(&s->joined), atomic_load(&s->duplicates),
            atomic_load(&s->malformed), atomic_load(&s->ledger_errors), atomic_load(&s->lag), pending, delivered, failed,
            gave_up, elapsed_ms > 0 ? (double)(atomic_load(&s->hits) - hits_before) * 1000.0 / (double)elapsed_ms : 0.0);
}

int wa_service_run(const wa_service_opts *o)
{
    service *s = calloc(1, sizeof *s);
    if (!s) {
        fprintf(stderr, WHO ": out of memory\n");
        return 1;
    }
    int status = 1;
    char err[1024];
    wa_hotline_api *api = NULL;
    wa_metrics_http *metrics = NULL;
    int prod_ok = 0, cons_ok = 0;
    s->o = o;
    if (wa_ledger_open(&s->ledger, o->db_path, err, sizeof err) != 0) {
        fprintf(stderr, WHO ": %s\n", err);
        goto out;
    }
    s->x.ledger = s->ledger;
    s->x.ac = o->ac;
    s->x.topic_cases = o->cfg->topic_cases;
    if (!(s->inc = wa_incidents_new(&s->x, wa_clock_now(), err, sizeof err)) ||
        !(s->deliver = wa_deliver_start(o->db_path, o->ac, o->cfg->topic_cases, err, sizeof err))) {
        fprintf(stderr, WHO ": %s\n", err);
        goto out;
    }
    if (o->listen && !(api = wa_hotline_start(o->listen, o->db_path, o->ac, o->cfg->topic_cases, kick, s->deliver, err,
                                               sizeof err))) {
        fprintf(stderr, WHO ": %s\n", err);
        goto out;
    }
    if (api) {
        wa_hotline_set_metrics(api, render_metrics, s);
        fprintf(stderr, WHO ": HTTP API on port %u\n", wa_hotline_port(api));
    }
    if (o->metrics && !(metrics = wa_metrics_http_start(o->metrics, render_metrics, s, err, sizeof err))) {
        fprintf(stderr, WHO ": --metrics %s: %s\n", o->metrics, err);
        goto out;
    }
    if (metrics)
        fprintf(stderr, WHO ": metrics on port %u\n", wa_metrics_http_port(metrics));
    wa_rebalance_hooks hooks = {on_assign, on_revoke, s};
    if (wa_producer_init(&s->prod, o->cfg, WHO, "wa-alertd", on_delivery, s, err, sizeof err) != 0) {
        fprintf(stderr, WHO ": %s\n", err);
        goto out;
    }
    prod_ok = 1;
    if (wa_consumer_init(&s->cons, o->cfg, WHO, "wa-alertd", o->ac->group, &hooks, err, sizeof err) != 0 ||
        (cons_ok = 1, wa_consumer_subscribe(&s->cons, o->cfg->topic_hits, err, sizeof err) != 0)) {
        fprintf(stderr, WHO ": %s\n", err);
        goto out;
    }
    fprintf(stderr, WHO ": consuming %s from %s (group %s), ledger %s\n", o->cfg->topic_hits, o->cfg->brokers,
            o->ac->group, o->db_path);
    long long batch_start = 0, last_clock = 0, last_stats = mono_ms(), last_publish = 0, last_lag = 0;
    unsigned long hits_at_stats = 0;
    status = 0;
    while (!*o->stop) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(s->cons.rk, s->nbatch ? 0 : 10);
        if (m && m->err) {
            if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                fprintf(stderr, WHO ": consumer: %s\n", rd_kafka_message_errstr(m));
            rd_kafka_message_destroy(m);
            m = NULL;
        }
        if (m) {
            if (s->nbatch == 0)
                batch_start = mono_ms();
            s->batch[s->nbatch++] = m;
        }
        long long t = mono_ms();
        if (s->nbatch == BATCH_MAX || (s->nbatch > 0 && (!m || t - batch_start >= BATCH_WAIT_MS)))
            if (process_batch(s, 1) != 0)
                break;
        if (t - last_publish >= 50 || s->nacked > 0) {
            publish(s);
            last_publish = t;
        } else {
            rd_kafka_poll(s->prod.rk, 0);
        }
        if (t - last_clock >= o->clock_interval_ms && !s->ledger_failing) {
            int n = 0;
            if (wa_clocks_check(&s->x, wa_clock_now(), &n, err, sizeof err) != 0)
                fprintf(stderr, WHO ": %s\n", err);
            else if (n > 0)
                wa_deliver_kick(s->deliver);
            last_clock = t;
        }
        if (t - last_lag >= 1000) {
            atomic_store(&s->lag, (long long)wa_consumer_lag(&s->cons));
            last_lag = t;
        }
        if (o->stats_interval_s > 0 && t - last_stats >= o->stats_interval_s * 1000LL) {
            stats(s, t - last_stats, hits_at_stats);
            hits_at_stats = atomic_load(&s->hits);
            last_stats = t;
        }
        if (wa_kafka_fatal(s->prod.rk, err, sizeof err)) {
            fprintf(stderr, WHO ": %s\n", err);
            status = 1;
            break;
        }
    }
    /* Finish the batch in hand (or leave it uncommitted), then publish what
     * is queued and leave the group. */
    if (process_batch(s, 0) != 0 && !*o->stop)
        status = 1;
    publish(s);
    stats(s, 0, atomic_load(&s->hits));
out:
    if (cons_ok)
        wa_consumer_close(&s->cons);
    if (prod_ok) {
        wa_producer_drain(&s->prod, 5000);
        publish(s);
        wa_producer_close(&s->prod, 1000);
    }
    wa_metrics_http_stop(metrics);
    wa_hotline_stop(api);
    wa_deliver_stop(s->deliver);
    wa_incidents_free(s->inc);
    wa_ledger_close(s->ledger);
    free(s->acked);
    free(s);
    return status;
}
