/* The one JSON configuration file shared by every binary (SPEC §3).
 *
 *   {
 *     "kafka": {
 *       "brokers":  "host:port,host:port",
 *       "topics":   { "docs": "wa.docs", "hits": "wa.hits", "dlq": "wa.dlq", "cases": "wa.cases" },
 *       "common":   { librdkafka property: value, ... },   every client
 *       "producer": { ... },                               producers only
 *       "consumer": { ... }                                consumers only
 *     },
 *     "classifier": { ... },   read by wa-classify run (see classifier/stage/)
 *     "crawler":    { ... },   "alerting": { ... }        owned by those services
 *   }
 *
 * Keys starting with '_' are comments and ignored everywhere. Any other
 * unknown key is an error, so a misspelt key never goes unnoticed. Relative
 * paths inside the file are taken relative to the file's own folder.
 *
 * The Kafka bootstrap list is, first found: --brokers, $WA_KAFKA_BROKERS,
 * kafka.brokers of the file, 127.0.0.1:9092.
 *
 * Every error is one line "FILE: KEY: what is wrong", written into the
 * caller's err buffer (truncated to fit, never overflowing it). */
#ifndef WA_CONFIG_H
#define WA_CONFIG_H

#include <jansson.h>
#include <stddef.h>

#define WA_DEFAULT_BROKERS "127.0.0.1:9092"

enum { WA_KAFKA_ANY = 0, WA_KAFKA_PRODUCER = 1, WA_KAFKA_CONSUMER = 2 };

/* One librdkafka property from the file, with the key path for errors. */
typedef struct {
    char *name;   /* e.g. "linger.ms" */
    char *value;  /* numbers and booleans turned into their text */
    char *where;  /* e.g. kafka.producer."linger.ms" */
    int role;     /* WA_KAFKA_ANY (kafka.common), WA_KAFKA_PRODUCER, WA_KAFKA_CONSUMER */
} wa_kafka_prop;

typedef struct {
    char *path;          /* the file, or NULL when none was given */
    char *dir;           /* its folder, for relative paths; "." without a file */
    json_t *root;        /* the parsed file (an empty object without one) */
    char *brokers;       /* the bootstrap list in force */
    const char *brokers_source; /* "--brokers", "WA_KAFKA_BROKERS", the file, or "default" */
    char *topic_docs, *topic_hits, *topic_dlq, *topic_cases;
    wa_kafka_prop *props; /* common, then producer, then consumer properties */
    size_t nprops;
} wa_config;

/* Read the file at path (NULL: no file, defaults only) and apply the
 * broker overrides (brokers_arg from --brokers, may be NULL; then the
 * environment). Returns 0, or -1 with the reason in err; cfg is then empty
 * and needs no wa_config_free. */
int wa_config_load(wa_config *cfg, const char *path, const char *brokers_arg, char *err, size_t errcap);
void wa_config_free(wa_config *cfg);

/* Add a librdkafka property as if the file had it (for tools that know
 * better than the defaults). Returns 0, or -1 when out of memory. */
int wa_config_add_prop(wa_config *cfg, const char *name, const char *value, int role, char *err, size_t errcap);

/* A section of the file for one binary ("classifier", ...): NULL when
 * absent. Its keys are checked against allowed (NULL-terminated); an
 * unknown key or a section that is not an object is an error (-1). */
int wa_config_section(const wa_config *cfg, const char *section, const char *const *allowed, json_t **out, char *err,
                      size_t errcap);

/* Typed reads of section.key. When the key is absent, *out is left as it
 * was (the caller's default) and 0 is returned. A value of the wrong type or
 * out of range is an error (-1) naming the file and the key. */
int wa_config_string(const wa_config *cfg, const json_t *sec, const char *section, const char *key, const char **out,
                     char *err, size_t errcap);
int wa_config_int(const wa_config *cfg, const json_t *sec, const char *section, const char *key, long long min,
                  long long max, long long *out, char *err, size_t errcap);
/* A path: relative ones are resolved against the file's folder. The result
 * is malloc'd and owned by the caller (left NULL when absent). */
int wa_config_path(const wa_config *cfg, const json_t *sec, const char *section, const char *key, char **out,
                   char *err, size_t errcap);

/* Where the configuration came from, for error messages: the file or "(no config file)". */
const char *wa_config_name(const wa_config *cfg);

#endif
