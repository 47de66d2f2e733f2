/* Kafka clients shared by every service (SPEC §3.4): an idempotent producer
 * whose every delivery report reaches the caller, and a group consumer that
 * stores offsets only when told to (commit after acknowledgement), starts
 * from the earliest offset when its group has none, and calls the caller
 * back around rebalances so in-flight work can be finished and committed
 * before partitions move to another member.
 *
 * Configuration comes from wa_config (common/config.h): the bootstrap list,
 * then our defaults, then the file's librdkafka properties, then the few
 * properties the delivery guarantees rest on, which the file may not
 * change. */
#ifndef WA_KAFKA_CLIENT_H
#define WA_KAFKA_CLIENT_H

#include <librdkafka/rdkafka.h>
#include <signal.h>

#include "../common/config.h"

/* Called for every delivery report, on the thread that polls the producer.
 * m->err says whether the brokers acknowledged the message; m->_private is
 * the opaque given to wa_producer_send. */
typedef void (*wa_delivery_fn)(void *ctx, const rd_kafka_message_t *m);

typedef struct {
    rd_kafka_t *rk;
    wa_delivery_fn on_delivery;
    void *ctx;
    const char *who;          /* program name for messages */
    unsigned long failures;   /* delivery reports with an error */
} wa_producer;

typedef struct {
    /* Partitions were assigned to us (before consumption starts). */
    void (*on_assign)(void *ctx, const rd_kafka_topic_partition_list_t *parts);
    /* Partitions are being taken away (lost: taken without a clean
     * handover, commits would be refused). Finish and commit here. */
    void (*on_revoke)(void *ctx, const rd_kafka_topic_partition_list_t *parts, int lost);
    void *ctx;
} wa_rebalance_hooks;

typedef struct {
    rd_kafka_t *rk;
    wa_rebalance_hooks hooks;
    const char *who;
} wa_consumer;

/* A configuration for one client. role is WA_KAFKA_PRODUCER or
 * WA_KAFKA_CONSUMER. Returns NULL with "FILE: KEY: reason" in err. */
rd_kafka_conf_t *wa_kafka_conf(const wa_config *cfg, int role, const char *client_id, char *err, size_t errcap);

/* Returns 0, or -1 with the reason in err. */
int wa_producer_init(wa_producer *p, const wa_config *cfg, const char *who, const char *client_id,
                     wa_delivery_fn on_delivery, void *ctx, char *err, size_t errcap);
/* Queue one message (copied). When librdkafka's queue is full, serve
 * delivery reports and retry, until *stop is set (then -1). Returns 0, or -1
 * with the reason in err. */
int wa_producer_send(wa_producer *p, const char *topic, const void *key, size_t key_len, const void *value,
                     size_t value_len, void *opaque, rd_kafka_headers_t *headers, volatile sig_atomic_t *stop, char *err,
                     size_t errcap);
/* Serve delivery reports until none is outstanding or timeout_ms passes.
 * Returns how many messages are still unacknowledged. */
int wa_producer_drain(wa_producer *p, int timeout_ms);
/* Drain (up to timeout_ms) and destroy. */
void wa_producer_close(wa_producer *p, int timeout_ms);

int wa_consumer_init(wa_consumer *c, const wa_config *cfg, const char *who, const char *client_id, const char *group,
                     const wa_rebalance_hooks *hooks, char *err, size_t errcap);
int wa_consumer_subscribe(wa_consumer *c, const char *topic, char *err, size_t errcap);
/* Store (not yet commit) next_offset as the partition's position to commit. */
int wa_consumer_store(wa_consumer *c, const char *topic, int32_t partition, int64_t next_offset);
/* Commit the stored offsets now and wait for the answer. */
int wa_consumer_commit_sync(wa_consumer *c);
/* Messages between our position and the end of every assigned partition,
 * from the watermarks librdkafka already knows (no broker round trip). */
int64_t wa_consumer_lag(wa_consumer *c);
/* Leave the group (the revoke hook runs, then the final commit) and destroy. */
void wa_consumer_close(wa_consumer *c);

/* A fatal client error (e.g. the idempotent producer lost its guarantee):
 * returns 1 and fills err when there is one. */
int wa_kafka_fatal(rd_kafka_t *rk, char *err, size_t errcap);

#endif
