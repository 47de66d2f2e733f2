/* Commit after acknowledgement: which consumed offsets may be committed.
 *
 * A stage consumes a message, produces zero or more outputs for it, and may
 * commit the message's offset only once every output has been acknowledged
 * by the brokers, and every earlier message of the same partition as well
 * (a Kafka commit says "everything before this offset is done").
 * Acknowledgements arrive out of order across output partitions, so each
 * input partition keeps its in-flight messages in order, each with a count
 * of outputs still unacknowledged, and the committable offset advances over
 * the finished prefix.
 *
 * A ticket names one consumed message; it fits in a pointer, so it travels
 * as the per-message opaque of librdkafka's delivery reports. Tickets of a
 * partition that was forgotten (revoked) are recognised and ignored.
 *
 * Not thread-safe: the stage calls it from its one polling thread (where
 * librdkafka also delivers the reports). */
#ifndef WA_COMMIT_TRACKER_H
#define WA_COMMIT_TRACKER_H

#include <stddef.h>
#include <stdint.h>

#define WA_TRACKER_MAX_PARTITIONS 65536

typedef struct wa_commit_tracker wa_commit_tracker;

wa_commit_tracker *wa_commit_tracker_new(void);
void wa_commit_tracker_free(wa_commit_tracker *t);

/* Register a consumed message (offsets of one partition must come in
 * increasing order). The ticket starts with one hold, the message's own,
 * released once all its outputs have been handed to the producer; each
 * output adds a hold with wa_commit_tracker_hold. Returns 0, or -1 on a bad
 * partition or out of memory. */
int wa_commit_tracker_add(wa_commit_tracker *t, int32_t partition, int64_t offset, uint64_t *ticket);
void wa_commit_tracker_hold(wa_commit_tracker *t, uint64_t ticket);
void wa_commit_tracker_release(wa_commit_tracker *t, uint64_t ticket);

/* When partition's committable offset has moved since the last call, set
 * *next_offset (the offset to commit: one past the last finished message)
 * and return 1; else return 0. */
int wa_commit_tracker_take(wa_commit_tracker *t, int32_t partition, int64_t *next_offset);
/* Did any partition move since the last wa_commit_tracker_take of it? */
int wa_commit_tracker_moved(const wa_commit_tracker *t);
/* Highest partition number seen plus one (to iterate over). */
int32_t wa_commit_tracker_partitions(const wa_commit_tracker *t);

/* The partition was revoked: drop its in-flight messages. */
void wa_commit_tracker_forget(wa_commit_tracker *t, int32_t partition);
/* Messages registered and not yet finished, over every partition. */
size_t wa_commit_tracker_in_flight(const wa_commit_tracker *t);

#endif
