/* Dead letters (SPEC §3.4, wa.dlq): a message a stage could not process,
 * kept with the reason so nothing is silently dropped and an operator can
 * see what was wrong and replay it.
 *
 * The dead letter is one JSON object (one line):
 *   {"reason": "line 1: not valid JSON ...", "stage": "wa-classify",
 *    "topic": "wa.docs", "partition": 3, "offset": 1234, "at": "2026-11-25T18:52:51Z",
 *    "key_base64": "...", "value_base64": "...", "value_bytes": 812}
 * The original bytes travel base64-encoded because a malformed message is
 * often not valid UTF-8 and cannot sit in a JSON string as it is. A value
 * over WA_DLQ_MAX_VALUE bytes is left out ("value_omitted": true) so the
 * dead letter itself always fits in a Kafka message; topic, partition and
 * offset still point at it. key_base64 is null for a message without key. */
#ifndef WA_DEAD_LETTER_H
#define WA_DEAD_LETTER_H

#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"

#define WA_DLQ_MAX_VALUE (512u * 1024u)

/* Append the dead letter (no newline) to out. Returns 0, or -1 when out of memory. */
int wa_dead_letter_json(const char *reason, const char *stage, const char *topic, int32_t partition, int64_t offset,
                        const void *key, size_t key_len, const void *value, size_t value_len, wa_buf *out);

#endif
