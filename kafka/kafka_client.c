#include "kafka_client.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name, *value;
} kv;

/* Defaults the file may override. Latency matters (a hit should reach the
 * alerting service in well under a second), so the producer waits at most
 * 5 ms to fill a batch and the consumer asks the broker to answer a fetch
 * within 100 ms rather than 500. */
static const kv producer_defaults[] = {
    {"linger.ms", "5"},
    {"message.timeout.ms", "300000"}, /* retry for 5 minutes (a broker restart) before reporting failure */
    {NULL, NULL},
};
static const kv consumer_defaults[] = {
    {"auto.offset.reset", "earliest"}, /* a new group reads what was produced before it started */
    {"enable.auto.commit", "true"},    /* commits only what the stage stored: see the locked list */
    {"auto.commit.interval.ms", "1000"},
    {"fetch.wait.max.ms", "100"},
    {"enable.partition.eof", "false"},
    {NULL, NULL},
};
/* What the delivery guarantees rest on: the file may not change these. */
static const kv producer_locked[] = {
    {"enable.idempotence", "true"}, /* retries never duplicate or reorder a message */
    {"acks", "all"},
    {NULL, NULL},
};
static const kv consumer_locked[] = {
    {"enable.auto.offset.store", "false"}, /* only offsets whose output is acknowledged are stored */
    {NULL, NULL},
};

static int set(rd_kafka_conf_t *conf, const char *name, const char *value, const char *file, const char *where,
               char *err, size_t errcap)
{
    char why[512];
    if (rd_kafka_conf_set(conf, name, value, why, sizeof why) != RD_KAFKA_CONF_OK) {
        if (where)
            snprintf(err, errcap, "%s: %s: %s", file, where, why);
        else
            snprintf(err, errcap, "cannot set %s=%s: %s", name, value, why);
        return -1;
    }
    return 0;
}

static int apply(rd_kafka_conf_t *conf, const kv *list, char *err, size_t errcap)
{
    for (size_t i = 0; list[i].name; i++)
        if (set(conf, list[i].name, list[i].value, NULL, NULL, err, errcap) != 0)
            return -1;
    return 0;
}

static const char *locked_value(const kv *list, const char *name)
{
    for (size_t i = 0; list[i].name; i++)
        if (strcmp(list[i].name, name) == 0)
            return list[i].value;
    return NULL;
}

static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque)
{
    (void)opaque;
    /* Broker connection trouble is reported here and retried by librdkafka
     * itself; a fatal error is acted on by whoever polls (wa_kafka_fatal). */
    fprintf(stderr, "%s: kafka %s: %s\n", rd_kafka_name(rk), rd_kafka_err2name((rd_kafka_resp_err_t)err), reason);
}

/* librdkafka logs connection failures (FAIL) and reports the same event to
 * error_cb; print it once. Everything else (warnings, and debug output
 * when the configuration asks for "debug") goes to stderr as usual. */
static void log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    if (level == 3 && strcmp(fac, "FAIL") == 0)
        return;
    fprintf(stderr, "%s: kafka %s: %s\n", rk ? rd_kafka_name(rk) : "kafka", fac, buf);
}

rd_kafka_conf_t *wa_kafka_conf(const wa_config *cfg, int role, const char *client_id, char *err, size_t errcap)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    if (!conf) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    const kv *defaults = role == WA_KAFKA_PRODUCER ? producer_defaults : consumer_defaults;
    const kv *locked = role == WA_KAFKA_PRODUCER ? producer_locked : consumer_locked;
    const char *file = wa_config_name(cfg);
    if (set(conf, "bootstrap.servers", cfg->brokers, NULL, NULL, err, errcap) != 0 ||
        set(conf, "client.id", client_id, NULL, NULL, err, errcap) != 0 || apply(conf, defaults, err, errcap) != 0)
        goto fail;
    for (size_t i = 0; i < cfg->nprops; i++) {
        const wa_kafka_prop *p = &cfg->props[i];
        if (p->role != WA_KAFKA_ANY && p->role != role)
            continue;
        const char *must = locked_value(locked, p->name);
        if (must && strcmp(must, p->value) != 0) {
            snprintf(err, errcap, "%s: %s: must stay \"%s\" (the delivery guarantees depend on it)", file, p->where,
                     must);
            goto fail;
        }
        if (set(conf, p->name, p->value, file, p->where, err, errcap) != 0)
            goto fail;
    }
    if (apply(conf, locked, err, errcap) != 0)
        goto fail;
    rd_kafka_conf_set_error_cb(conf, error_cb);
    rd_kafka_conf_set_log_cb(conf, log_cb);
    return conf;
fail:
    rd_kafka_conf_destroy(conf);
    return NULL;
}

int wa_kafka_fatal(rd_kafka_t *rk, char *err, size_t errcap)
{
    char why[512];
    rd_kafka_resp_err_t e = rd_kafka_fatal_error(rk, why, sizeof why);
    if (!e)
        return 0;
    snprintf(err, errcap, "fatal Kafka error %s: %s", rd_kafka_err2name(e), why);
    return 1;
}

/* ---- producer ------------------------------------------------------------------- */

static void dr_msg_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
    (void)rk;
    wa_producer *p = opaque;
    if (m->err)
        p->failures++;
    if (p->on_delivery)
        p->on_delivery(p->ctx, m);
}

int wa_producer_init(wa_producer *p, const wa_config *cfg, const char *who, const char *client_id,
                     wa_delivery_fn on_delivery, void *ctx, char *err, size_t errcap)
{
    memset(p, 0, sizeof *p);
    p->on_delivery = on_delivery;
    p->ctx = ctx;
    p->who = who;
    rd_kafka_conf_t *conf = wa_kafka_conf(cfg, WA_KAFKA_PRODUCER, client_id, err, errcap);
    if (!conf)
        return -1;
    rd_kafka_conf_set_dr_msg_cb(conf, dr_msg_cb);
    rd_kafka_conf_set_opaque(conf, p);
    char why[512];
    p->rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, why, sizeof why);
    if (!p->rk) {
        rd_kafka_conf_destroy(conf);
        snprintf(err, errcap, "cannot create the Kafka producer: %s", why);
        return -1;
    }
    return 0;
}

int wa_producer_send(wa_producer *p, const char *topic, const void *key, size_t key_len, const void *value,
                     size_t value_len, void *opaque, rd_kafka_headers_t *headers, volatile sig_atomic_t *stop, char *err,
                     size_t errcap)
{
    for (;;) {
        rd_kafka_resp_err_t e;
        if (headers)
            e = rd_kafka_producev(p->rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                  RD_KAFKA_V_KEY(key, key_len), RD_KAFKA_V_VALUE((void *)value, value_len),
                                  RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_END);
        else
            e = rd_kafka_producev(p->rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                  RD_KAFKA_V_KEY(key, key_len), RD_KAFKA_V_VALUE((void *)value, value_len),
                                  RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
        if (e == RD_KAFKA_RESP_ERR_NO_ERROR)
            return 0; /* headers now belong to the message */
        if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL || (stop && *stop)) {
            snprintf(err, errcap, "cannot queue a message for %s: %s", topic, rd_kafka_err2str(e));
            if (headers)
                rd_kafka_headers_destroy(headers);
            return -1;
        }
        /* The brokers are slower than we are (or one is down): wait for
         * acknowledgements to make room, serving their reports meanwhile. */
        rd_kafka_poll(p->rk, 10);
    }
}

int wa_producer_drain(wa_producer *p, int timeout_ms)
{
    rd_kafka_flush(p->rk, timeout_ms);
    rd_kafka_poll(p->rk, 0);
    return rd_kafka_outq_len(p->rk);
}

void wa_producer_close(wa_producer *p, int timeout_ms)
{
    if (!p->rk)
        return;
    int left = wa_producer_drain(p, timeout_ms);
    if (left > 0)
        fprintf(stderr, "%s: %d message%s not acknowledged at shutdown (their input is not committed)\n", p->who,
                left, left == 1 ? "" : "s");
    rd_kafka_destroy(p->rk);
    p->rk = NULL;
}

/* ---- consumer ------------------------------------------------------------------- */

static void log_parts(const char *who, const char *what, const rd_kafka_topic_partition_list_t *parts)
{
    char line[1024];
    size_t n = 0;
    line[0] = '\0';
    for (int i = 0; i < parts->cnt && n < sizeof line - 32; i++) {
        int w = snprintf(line + n, sizeof line - n, "%s%s[%d]", i ? " " : "", parts->elems[i].topic,
                         (int)parts->elems[i].partition);
        if (w < 0)
            break;
        n += (size_t)w;
        if (n >= sizeof line)
            n = sizeof line - 1;
    }
    fprintf(stderr, "%s: %s %d partition%s%s%s\n", who, what, parts->cnt, parts->cnt == 1 ? "" : "s",
            parts->cnt ? ": " : "", line);
}

static void rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts,
                         void *opaque)
{
    wa_consumer *c = opaque;
    int cooperative = strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
    rd_kafka_error_t *e = NULL;
    rd_kafka_resp_err_t re = RD_KAFKA_RESP_ERR_NO_ERROR;
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        log_parts(c->who, "assigned", parts);
        if (c->hooks.on_assign)
            c->hooks.on_assign(c->hooks.ctx, parts);
        if (cooperative)
            e = rd_kafka_incremental_assign(rk, parts);
        else
            re = rd_kafka_assign(rk, parts);
    } else {
        int lost = err != RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS || rd_kafka_assignment_lost(rk);
        log_parts(c->who, lost ? "lost" : "revoked", parts);
        if (c->hooks.on_revoke)
            c->hooks.on_revoke(c->hooks.ctx, parts, lost);
        if (cooperative)
            e = rd_kafka_incremental_unassign(rk, parts);
        else
            re = rd_kafka_assign(rk, NULL);
    }
    if (e) {
        fprintf(stderr, "%s: rebalance: %s\n", c->who, rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
    } else if (re) {
        fprintf(stderr, "%s: rebalance: %s\n", c->who, rd_kafka_err2str(re));
    }
}

/* Auto-commits happen inside librdkafka; their failures would pass unseen
 * without this. A failed commit loses nothing (the work is redone after a
 * restart) but an operator should know. */
static void commit_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *offsets, void *opaque)
{
    (void)rk;
    wa_consumer *c = opaque;
    if (err == RD_KAFKA_RESP_ERR__NO_OFFSET)
        return;
    if (err) {
        fprintf(stderr, "%s: offset commit failed: %s\n", c->who, rd_kafka_err2str(err));
        return;
    }
    for (int i = 0; offsets && i < offsets->cnt; i++)
        if (offsets->elems[i].err) {
            fprintf(stderr, "%s: offset commit of %s[%d] failed: %s\n", c->who, offsets->elems[i].topic,
                    (int)offsets->elems[i].partition, rd_kafka_err2str(offsets->elems[i].err));
            break;
        }
}

int wa_consumer_init(wa_consumer *c, const wa_config *cfg, const char *who, const char *client_id, const char *group,
                     const wa_rebalance_hooks *hooks, char *err, size_t errcap)
{
    memset(c, 0, sizeof *c);
    c->who = who;
    if (hooks)
        c->hooks = *hooks;
    rd_kafka_conf_t *conf = wa_kafka_conf(cfg, WA_KAFKA_CONSUMER, client_id, err, errcap);
    if (!conf)
        return -1;
    if (set(conf, "group.id", group, NULL, NULL, err, errcap) != 0) {
        rd_kafka_conf_destroy(conf);
        return -1;
    }
    rd_kafka_conf_set_rebalance_cb(conf, rebalance_cb);
    rd_kafka_conf_set_offset_commit_cb(conf, commit_cb);
    rd_kafka_conf_set_opaque(conf, c);
    char why[512];
    c->rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, why, sizeof why);
    if (!c->rk) {
        rd_kafka_conf_destroy(conf);
        snprintf(err, errcap, "cannot create the Kafka consumer: %s", why);
        return -1;
    }
    /* Serve every event (rebalances, errors) through consumer_poll. */
    rd_kafka_poll_set_consumer(c->rk);
    return 0;
}

int wa_consumer_subscribe(wa_consumer *c, const char *topic, char *err, size_t errcap)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    if (!l) {
        snprintf(err, errcap, "out of memory");
        return -1;
    }
    rd_kafka_topic_partition_list_add(l, topic, RD_KAFKA_PARTITION_UA);
    rd_kafka_resp_err_t e = rd_kafka_subscribe(c->rk, l);
    rd_kafka_topic_partition_list_destroy(l);
    if (e) {
        snprintf(err, errcap, "cannot subscribe to %s: %s", topic, rd_kafka_err2str(e));
        return -1;
    }
    return 0;
}

int wa_consumer_store(wa_consumer *c, const char *topic, int32_t partition, int64_t next_offset)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    if (!l)
        return -1;
    rd_kafka_topic_partition_list_add(l, topic, partition)->offset = next_offset;
    rd_kafka_resp_err_t e = rd_kafka_offsets_store(c->rk, l);
    if (!e && l->elems[0].err)
        e = l->elems[0].err;
    rd_kafka_topic_partition_list_destroy(l);
    return e ? -1 : 0;
}

int wa_consumer_commit_sync(wa_consumer *c)
{
    rd_kafka_resp_err_t e = rd_kafka_commit(c->rk, NULL, 0);
    if (e && e != RD_KAFKA_RESP_ERR__NO_OFFSET) {
        fprintf(stderr, "%s: commit failed: %s (it is retried; uncommitted work is redone after a restart)\n",
                c->who, rd_kafka_err2str(e));
        return -1;
    }
    return 0;
}

int64_t wa_consumer_lag(wa_consumer *c)
{
    rd_kafka_topic_partition_list_t *a = NULL;
    if (rd_kafka_assignment(c->rk, &a) != 0 || !a)
        return -1;
    int64_t lag = 0;
    if (a->cnt > 0 && rd_kafka_position(c->rk, a) == 0) {
        for (int i = 0; i < a->cnt; i++) {
            int64_t lo, hi;
            if (rd_kafka_get_watermark_offsets(c->rk, a->elems[i].topic, a->elems[i].partition, &lo, &hi) != 0 ||
                hi < 0)
                continue;
            int64_t pos = a->elems[i].offset >= 0 ? a->elems[i].offset : lo;
            if (hi > pos)
                lag += hi - pos;
        }
    }
    rd_kafka_topic_partition_list_destroy(a);
    return lag;
}

void wa_consumer_close(wa_consumer *c)
{
    if (!c->rk)
        return;
    rd_kafka_resp_err_t e = rd_kafka_consumer_close(c->rk);
    if (e)
        fprintf(stderr, "%s: leaving the consumer group: %s\n", c->who, rd_kafka_err2str(e));
    rd_kafka_destroy(c->rk);
    c->rk = NULL;
}
