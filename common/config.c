#include "config.h"

#include "buf.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The top-level sections a file may hold. Every service owns one; they are
 * listed here so that a misspelt section name is an error for all of them. */
static const char *const top_level_keys[] = {"kafka", "classifier", "crawler", "alerting", NULL};
static const char *const kafka_keys[] = {"brokers", "topics", "common", "producer", "consumer", NULL};
static const char *const topic_keys[] = {"docs", "hits", "dlq", "cases", NULL};

/* Longest value accepted for a string setting: bounds what a broken or
 * hostile file can make us copy around. */
#define MAX_SETTING_BYTES 4096

static void fail(char *err, size_t errcap, const wa_config *cfg, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void fail(char *err, size_t errcap, const wa_config *cfg, const char *key, const char *fmt, ...)
{
    if (!err || errcap == 0)
        return;
    int n = snprintf(err, errcap, "%s: %s%s", wa_config_name(cfg), key ? key : "", key ? ": " : "");
    if (n < 0 || (size_t)n >= errcap)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + n, errcap - (size_t)n, fmt, ap);
    va_end(ap);
}

const char *wa_config_name(const wa_config *cfg)
{
    return cfg && cfg->path ? cfg->path : "(no config file)";
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "a whole number";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "something else";
}

static int is_comment(const char *key)
{
    return key[0] == '_';
}

static int in_list(const char *key, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(key, list[i]) == 0)
            return 1;
    return 0;
}

/* Every key of obj must be in allowed (or a comment). */
static int check_keys(const wa_config *cfg, const json_t *obj, const char *where, const char *const *allowed,
                      char *err, size_t errcap)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        (void)v;
        if (is_comment(key) || in_list(key, allowed))
            continue;
        char path[256];
        snprintf(path, sizeof path, "%s%s%.120s", where ? where : "", where ? "." : "", key);
        wa_buf known;
        wa_buf_init(&known);
        for (size_t i = 0; allowed[i]; i++)
            if (wa_buf_printf(&known, "%s%s", i ? ", " : "", allowed[i]) != 0)
                break;
        fail(err, errcap, cfg, path, "unknown key (known: %s)", known.data ? known.data : "none");
        wa_buf_free(&known);
        return -1;
    }
    return 0;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static char *dirname_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* A topic name as Kafka allows it: 1 to 249 of [A-Za-z0-9._-]. */
static int valid_topic(const char *t)
{
    size_t n = strlen(t);
    if (n == 0 || n > 249)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-'))
            return 0;
    }
    return 1;
}

static int set_topic(wa_config *cfg, const json_t *topics, const char *name, char **slot, char *err, size_t errcap)
{
    json_t *v = topics ? json_object_get(topics, name) : NULL;
    if (!v)
        return 0;
    char key[64];
    snprintf(key, sizeof key, "kafka.topics.%s", name);
    if (!json_is_string(v)) {
        fail(err, errcap, cfg, key, "expected a string (a topic name), got %s", type_name(v));
        return -1;
    }
    if (!valid_topic(json_string_value(v))) {
        fail(err, errcap, cfg, key, "'%.260s' is not a valid topic name (1-249 of A-Z a-z 0-9 . _ -)",
             json_string_value(v));
        return -1;
    }
    char *copy = strdup(json_string_value(v));
    if (!copy) {
        fail(err, errcap, cfg, key, "out of memory");
        return -1;
    }
    free(*slot);
    *slot = copy;
    return 0;
}

/* A librdkafka property value from JSON: strings as they are, numbers and
 * booleans in their usual text, anything else is an error. */
static char *prop_text(const json_t *v)
{
    char num[64];
    switch (json_typeof(v)) {
    case JSON_STRING:
        return json_string_length(v) <= MAX_SETTING_BYTES ? strdup(json_string_value(v)) : NULL;
    case JSON_INTEGER:
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return strdup(num);
    case JSON_REAL:
        snprintf(num, sizeof num, "%.17g", json_real_value(v));
        return strdup(num);
    case JSON_TRUE: return strdup("true");
    case JSON_FALSE: return strdup("false");
    default: return NULL;
    }
}

static int add_props(wa_config *cfg, const json_t *kafka, const char *section, int role, char *err, size_t errcap)
{
    json_t *obj = json_object_get(kafka, section);
    if (!obj)
        return 0;
    char where[300];
    snprintf(where, sizeof where, "kafka.%s", section);
    if (!json_is_object(obj)) {
        fail(err, errcap, cfg, where, "expected an object of librdkafka properties, got %s", type_name(obj));
        return -1;
    }
    size_t cap = cfg->nprops;
    const char *name;
    json_t *v;
    json_object_foreach(obj, name, v) {
        if (is_comment(name))
            continue;
        snprintf(where, sizeof where, "kafka.%s.\"%.200s\"", section, name);
        if (strcmp(name, "bootstrap.servers") == 0 || strcmp(name, "metadata.broker.list") == 0) {
            fail(err, errcap, cfg, where, "set the brokers with kafka.brokers (or --brokers, WA_KAFKA_BROKERS)");
            return -1;
        }
        char *text = prop_text(v);
        if (!text) {
            fail(err, errcap, cfg, where, "expected a string, number or boolean of at most %d bytes, got %s",
                 MAX_SETTING_BYTES, type_name(v));
            return -1;
        }
        void *arr = cfg->props;
        if (wa_grow(&arr, &cap, cfg->nprops + 1, sizeof *cfg->props) != 0) {
            free(text);
            fail(err, errcap, cfg, where, "out of memory");
            return -1;
        }
        cfg->props = arr;
        wa_kafka_prop *p = &cfg->props[cfg->nprops];
        p->name = strdup(name);
        p->value = text;
        p->where = strdup(where);
        p->role = role;
        cfg->nprops++;
        if (!p->name || !p->where) {
            fail(err, errcap, cfg, where, "out of memory");
            return -1;
        }
    }
    return 0;
}

static int parse_kafka(wa_config *cfg, const json_t *kafka, char *err, size_t errcap)
{
    if (!json_is_object(kafka)) {
        fail(err, errcap, cfg, "kafka", "expected an object, got %s", type_name(kafka));
        return -1;
    }
    if (check_keys(cfg, kafka, "kafka", kafka_keys, err, errcap) != 0)
        return -1;
    json_t *b = json_object_get(kafka, "brokers");
    if (b) {
        if (!json_is_string(b) || json_string_length(b) == 0 || json_string_length(b) > MAX_SETTING_BYTES) {
            fail(err, errcap, cfg, "kafka.brokers", "expected a non-empty string \"host:port,host:port\", got %s",
                 json_is_string(b) ? "an empty or over-long string" : type_name(b));
            return -1;
        }
        free(cfg->brokers);
        if (!(cfg->brokers = strdup(json_string_value(b)))) {
            fail(err, errcap, cfg, "kafka.brokers", "out of memory");
            return -1;
        }
        cfg->brokers_source = wa_config_name(cfg);
    }
    json_t *topics = json_object_get(kafka, "topics");
    if (topics) {
        if (!json_is_object(topics)) {
            fail(err, errcap, cfg, "kafka.topics", "expected an object, got %s", type_name(topics));
            return -1;
        }
        if (check_keys(cfg, topics, "kafka.topics", topic_keys, err, errcap) != 0)
            return -1;
    }
    if (set_topic(cfg, topics, "docs", &cfg->topic_docs, err, errcap) || set_topic(cfg, topics, "hits", &cfg->topic_hits, err, errcap) ||
        set_topic(cfg, topics, "dlq", &cfg->topic_dlq, err, errcap) ||
        set_topic(cfg, topics, "cases", &cfg->topic_cases, err, errcap))
        return -1;
    if (add_props(cfg, kafka, "common", WA_KAFKA_ANY, err, errcap) ||
        add_props(cfg, kafka, "producer", WA_KAFKA_PRODUCER, err, errcap) ||
        add_props(cfg, kafka, "consumer", WA_KAFKA_CONSUMER, err, errcap))
        return -1;
    return 0;
}

int wa_config_load(wa_config *cfg, const char *path, const char *brokers_arg, char *err, size_t errcap)
{
    memset(cfg, 0, sizeof *cfg);
    int rc = -1;
    cfg->path = dup_or_null(path);
    cfg->dir = path ? dirname_of(path) : strdup(".");
    cfg->brokers = strdup(WA_DEFAULT_BROKERS);
    cfg->brokers_source = "default";
    cfg->topic_docs = strdup("wa.docs");
    cfg->topic_hits = strdup("wa.hits");
    cfg->topic_dlq = strdup("wa.dlq");
    cfg->topic_cases = strdup("wa.cases");
    if ((path && !cfg->path) || !cfg->dir || !cfg->brokers || !cfg->topic_docs || !cfg->topic_hits ||
        !cfg->topic_dlq || !cfg->topic_cases) {
        fail(err, errcap, cfg, NULL, "out of memory");
        goto out;
    }
    if (path) {
        json_error_t je;
        /* The file is small and trusted to be a config file, but a wrong
         * path could point at anything: refuse what is clearly not one. */
        cfg->root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
        if (!cfg->root) {
            if (je.line < 0 || strncmp(je.text, "unable to open", 14) == 0) {
                /* jansson's text repeats the path; keep only the reason */
                const char *why = strrchr(je.text, ':');
                fail(err, errcap, cfg, NULL, "cannot read the file:%s", why ? why + 1 : je.text);
            } else
                fail(err, errcap, cfg, NULL, "line %d, column %d: not valid JSON: %s", je.line, je.column, je.text);
            goto out;
        }
        if (!json_is_object(cfg->root)) {
            fail(err, errcap, cfg, NULL, "the file must hold one JSON object, it holds %s", type_name(cfg->root));
            goto out;
        }
        if (check_keys(cfg, cfg->root, NULL, top_level_keys, err, errcap) != 0)
            goto out;
        json_t *kafka = json_object_get(cfg->root, "kafka");
        if (kafka && parse_kafka(cfg, kafka, err, errcap) != 0)
            goto out;
    } else if (!(cfg->root = json_object())) {
        fail(err, errcap, cfg, NULL, "out of memory");
        goto out;
    }

    const char *env = getenv("WA_KAFKA_BROKERS");
    const char *over = brokers_arg ? brokers_arg : (env && *env ? env : NULL);
    if (over) {
        const char *src = brokers_arg ? "--brokers" : "WA_KAFKA_BROKERS";
        if (!*over || strlen(over) > MAX_SETTING_BYTES) {
            if (err && errcap)
                snprintf(err, errcap, "%s: must be a non-empty list host:port,host:port", src);
            goto out;
        }
        char *copy = strdup(over);
        if (!copy) {
            fail(err, errcap, cfg, NULL, "out of memory");
            goto out;
        }
        free(cfg->brokers);
        cfg->brokers = copy;
        cfg->brokers_source = src;
    }
    rc = 0;
out:
    if (rc != 0)
        wa_config_free(cfg);
    return rc;
}

void wa_config_free(wa_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cfg->nprops; i++) {
        free(cfg->props[i].name);
        free(cfg->props[i].value);
        free(cfg->props[i].where);
    }
    free(cfg->props);
    if (cfg->root)
        json_decref(cfg->root);
    free(cfg->path);
    free(cfg->dir);
    free(cfg->brokers);
    free(cfg->topic_docs);
    free(cfg->topic_hits);
    free(cfg->topic_dlq);
    free(cfg->topic_cases);
    memset(cfg, 0, sizeof *cfg);
}

int wa_config_section(const wa_config *cfg, const char *section, const char *const *allowed, json_t **out, char *err,
                      size_t errcap)
{
    *out = NULL;
    json_t *sec = cfg->root ? json_object_get(cfg->root, section) : NULL;
    if (!sec)
        return 0;
    if (!json_is_object(sec)) {
        fail(err, errcap, cfg, section, "expected an object, got %s", type_name(sec));
        return -1;
    }
    if (check_keys(cfg, sec, section, allowed, err, errcap) != 0)
        return -1;
    *out = sec;
    return 0;
}

int wa_config_string(const wa_config *cfg, const json_t *sec, const char *section, const char *key, const char **out,
                     char *err, size_t errcap)
{
    json_t *v = sec ? json_object_get(sec, key) : NULL;
    if (!v)
        return 0;
    char where[256];
    snprintf(where, sizeof where, "%s.%s", section, key);
    if (!json_is_string(v)) {
        fail(err, errcap, cfg, where, "expected a string, got %s", type_name(v));
        return -1;
    }
    if (json_string_length(v) == 0 || json_string_length(v) > MAX_SETTING_BYTES ||
        strlen(json_string_value(v)) != json_string_length(v)) {
        fail(err, errcap, cfg, where, "must be a non-empty string of at most %d bytes without NUL",
             MAX_SETTING_BYTES);
        return -1;
    }
    *out = json_string_value(v);
    return 0;
}

int wa_config_int(const wa_config *cfg, const json_t *sec, const char *section, const char *key, long long min,
                  long long max, long long *out, char *err, size_t errcap)
{
    json_t *v = sec ? json_object_get(sec, key) : NULL;
    if (!v)
        return 0;
    char where[256];
    snprintf(where, sizeof where, "%s.%s", section, key);
    if (!json_is_integer(v)) {
        fail(err, errcap, cfg, where, "expected a whole number from %lld to %lld, got %s", min, max, type_name(v));
        return -1;
    }
    long long n = json_integer_value(v);
    if (n < min || n > max) {
        fail(err, errcap, cfg, where, "%lld is out of range (%lld to %lld)", n, min, max);
        return -1;
    }
    *out = n;
    return 0;
}

int wa_config_path(const wa_config *cfg, const json_t *sec, const char *section, const char *key, char **out,
                   char *err, size_t errcap)
{
    const char *s = NULL;
    if (wa_config_string(cfg, sec, section, key, &s, err, errcap) != 0)
        return -1;
    if (!s)
        return 0;
    char *p;
    if (s[0] == '/' || !cfg->path) {
        p = strdup(s);
    } else {
        size_t n = strlen(cfg->dir) + 1 + strlen(s) + 1;
        p = malloc(n);
        if (p)
            snprintf(p, n, "%s/%s", cfg->dir, s);
    }
    if (!p) {
        fail(err, errcap, cfg, key, "out of memory");
        return -1;
    }
    free(*out);
    *out = p;
    return 0;
}

int wa_config_add_prop(wa_config *cfg, const char *name, const char *value, int role, char *err, size_t errcap)
{
    void *arr = cfg->props;
    size_t cap = cfg->nprops;
    if (wa_grow(&arr, &cap, cfg->nprops + 1, sizeof *cfg->props) != 0) {
        fail(err, errcap, cfg, NULL, "out of memory");
        return -1;
    }
    cfg->props = arr;
    wa_kafka_prop *p = &cfg->props[cfg->nprops];
    p->name = strdup(name);
    p->value = strdup(value);
    p->where = strdup(name);
    p->role = role;
    cfg->nprops++;
    if (!p->name || !p->value || !p->where) {
        fail(err, errcap, cfg, NULL, "out of memory");
        return -1;
    }
    return 0;
}
