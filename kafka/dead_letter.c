#include "dead_letter.h"

#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <time.h>

static json_t *b64(const void *data, size_t len)
{
    if (!data)
        return json_null();
    size_t cap = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
    char *s = malloc(cap);
    if (!s)
        return NULL;
    sodium_bin2base64(s, cap, data, len, sodium_base64_VARIANT_ORIGINAL);
    json_t *j = json_string(s);
    free(s);
    return j;
}

static int put(json_t *o, const char *k, json_t *v)
{
    return v ? json_object_set_new(o, k, v) : -1;
}

int wa_dead_letter_json(const char *reason, const char *stage, const char *topic, int32_t partition, int64_t offset,
                        const void *key, size_t key_len, const void *value, size_t value_len, wa_buf *out)
{
    json_t *o = json_object();
    if (!o)
        return -1;
    char at[32] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm))
        strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
    int rc = 0;
    /* jansson refuses a reason that is not UTF-8; the reasons are ours, but
     * say so rather than lose the letter. */
    json_t *r = json_string(reason);
    rc |= put(o, "reason", r ? r : json_string("(reason not valid UTF-8)"));
    rc |= put(o, "stage", json_string(stage));
    rc |= put(o, "topic", json_string(topic));
    rc |= put(o, "partition", json_integer(partition));
    rc |= put(o, "offset", json_integer(offset));
    rc |= put(o, "at", json_string(at));
    rc |= put(o, "key_base64", b64(key, key_len));
    if (value_len <= WA_DLQ_MAX_VALUE)
        rc |= put(o, "value_base64", b64(value ? value : "", value_len));
    else
        rc |= put(o, "value_omitted", json_true());
    rc |= put(o, "value_bytes", json_integer((json_int_t)value_len));
    char *s = rc == 0 ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!s)
        return -1;
    rc = wa_buf_append_str(out, s);
    free(s);
    return rc;
}
