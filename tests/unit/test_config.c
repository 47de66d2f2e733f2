/* The shared configuration file (common/config.h, SPEC §3): defaults, the
 * broker overrides in their order, librdkafka properties passed through,
 * and errors that name the file, the key and what is wrong. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../common/config.h"
#include "../../kafka/kafka_client.h"

static char path[256];
static const char *tmpdir;

static int setup(void **state)
{
    (void)state;
    tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(path, sizeof path, "%s/wa-test-config-%ld.json", tmpdir, (long)getpid());
    unsetenv("WA_KAFKA_BROKERS");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    unsetenv("WA_KAFKA_BROKERS");
    return 0;
}

static void write_config(const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

/* Load the file and expect failure with every fragment in the message. */
static void expect_error(const char *text, const char *frag1, const char *frag2)
{
    write_config(text);
    wa_config cfg;
    char err[512] = "";
    assert_int_equal(wa_config_load(&cfg, path, NULL, err, sizeof err), -1);
    if (!strstr(err, path))
        fail_msg("error does not name the file: %s", err);
    if (frag1 && !strstr(err, frag1))
        fail_msg("error lacks '%s': %s", frag1, err);
    if (frag2 && !strstr(err, frag2))
        fail_msg("error lacks '%s': %s", frag2, err);
    assert_null(strchr(err, '\n'));
}

static void defaults_without_file(void **state)
{
    (void)state;
    wa_config cfg;
    char err[256];
    assert_int_equal(wa_config_load(&cfg, NULL, NULL, err, sizeof err), 0);
    assert_string_equal(cfg.brokers, WA_DEFAULT_BROKERS);
    assert_string_equal(cfg.brokers_source, "default");
    assert_string_equal(cfg.topic_docs, "wa.docs");
    assert_string_equal(cfg.topic_hits, "wa.hits");
    assert_string_equal(cfg.topic_dlq, "wa.dlq");
    assert_string_equal(cfg.topic_cases, "wa.cases");
    assert_int_equal(cfg.nprops, 0);
    wa_config_free(&cfg);
}

static void brokers_precedence(void **state)
{
    (void)state;
    write_config("{\"kafka\": {\"brokers\": \"file:1\"}}");
    wa_config cfg;
    char err[256];
    assert_int_equal(wa_config_load(&cfg, path, NULL, err, sizeof err), 0);
    assert_string_equal(cfg.brokers, "file:1");
    wa_config_free(&cfg);

    setenv("WA_KAFKA_BROKERS", "env:2", 1);
    assert_int_equal(wa_config_load(&cfg, path, NULL, err, sizeof err), 0);
    assert_string_equal(cfg.brokers, "env:2");
    assert_string_equal(cfg.brokers_source, "WA_KAFKA_BROKERS");
    wa_config_free(&cfg);

    assert_int_equal(wa_config_load(&cfg, path, "arg:3", err, sizeof err), 0);
    assert_string_equal(cfg.brokers, "arg:3");
    assert_string_equal(cfg.brokers_source, "--brokers");
    wa_config_free(&cfg);
}

static void properties_pass_through(void **state)
{
    (void)state;
    write_config("{\"_comment\": \"ignored\", \"kafka\": {\"topics\": {\"hits\": \"x.hits\"},"
                 " \"common\": {\"socket.timeout.ms\": 30000},"
                 " \"producer\": {\"linger.ms\": 2, \"compression.type\": \"lz4\"},"
                 " \"consumer\": {\"enable.partition.eof\": false}}}");
    wa_config cfg;
    char err[256];
    assert_int_equal(wa_config_load(&cfg, path, NULL, err, sizeof err), 0);
    assert_string_equal(cfg.topic_hits, "x.hits");
    assert_int_equal(cfg.nprops, 4);
    assert_string_equal(cfg.props[0].name, "socket.timeout.ms");
    assert_string_equal(cfg.props[0].value, "30000");
    assert_int_equal(cfg.props[0].role, WA_KAFKA_ANY);
    assert_string_equal(cfg.props[1].value, "2");
    assert_int_equal(cfg.props[1].role, WA_KAFKA_PRODUCER);
    assert_string_equal(cfg.props[3].value, "false");
    assert_int_equal(cfg.props[3].role, WA_KAFKA_CONSUMER);

    rd_kafka_conf_t *conf = wa_kafka_conf(&cfg, WA_KAFKA_PRODUCER, "t", err, sizeof err);
    assert_non_null(conf);
    char val[64];
    size_t n = sizeof val;
    assert_int_equal(rd_kafka_conf_get(conf, "linger.ms", val, &n), RD_KAFKA_CONF_OK);
    assert_string_equal(val, "2");
    n = sizeof val;
    assert_int_equal(rd_kafka_conf_get(conf, "enable.idempotence", val, &n), RD_KAFKA_CONF_OK);
    assert_string_equal(val, "true");
    rd_kafka_conf_destroy(conf);

    conf = wa_kafka_conf(&cfg, WA_KAFKA_CONSUMER, "t", err, sizeof err);
    assert_non_null(conf);
    n = sizeof val;
    assert_int_equal(rd_kafka_conf_get(conf, "auto.offset.reset", val, &n), RD_KAFKA_CONF_OK);
    /* librdkafka reports "earliest" by its older name */
    assert_true(strcmp(val, "earliest") == 0 || strcmp(val, "smallest") == 0);
    n = sizeof val;
    assert_int_equal(rd_kafka_conf_get(conf, "enable.auto.offset.store", val, &n), RD_KAFKA_CONF_OK);
    assert_string_equal(val, "false");
    rd_kafka_conf_destroy(conf);
    wa_config_free(&cfg);
}

static void section_values(void **state)
{
    (void)state;
    write_config("{\"classifier\": {\"group\": \"g1\", \"stats_interval_s\": 5, \"dict\": \"d\"}}");
    wa_config cfg;
    char err[256];
    assert_int_equal(wa_config_load(&cfg, path, NULL, err, sizeof err), 0);
    static const char *const keys[] = {"group", "stats_interval_s", "dict", NULL};
    json_t *sec;
    assert_int_equal(wa_config_section(&cfg, "classifier", keys, &sec, err, sizeof err), 0);
    const char *g = NULL;
    long long n = 10;
    char *dir = NULL;
    assert_int_equal(wa_config_string(&cfg, sec, "classifier", "group", &g, err, sizeof err), 0);
    assert_string_equal(g, "g1");
    assert_int_equal(wa_config_int(&cfg, sec, "classifier", "stats_interval_s", 0, 60, &n, err, sizeof err), 0);
    assert_int_equal(n, 5);
    assert_int_equal(wa_config_path(&cfg, sec, "classifier", "dict", &dir, err, sizeof err), 0);
    char want[300];
    snprintf(want, sizeof want, "%s/d", tmpdir);
    assert_string_equal(dir, want); /* relative to the file's folder */
    free(dir);
    /* out of range, wrong type */
    assert_int_equal(wa_config_int(&cfg, sec, "classifier", "stats_interval_s", 6, 60, &n, err, sizeof err), -1);
    assert_non_null(strstr(err, "classifier.stats_interval_s"));
    assert_non_null(strstr(err, "out of range"));
    assert_int_equal(wa_config_int(&cfg, sec, "classifier", "group", 0, 60, &n, err, sizeof err), -1);
    assert_non_null(strstr(err, "classifier.group: expected a whole number"));
    /* an unknown key of the section */
    static const char *const fewer[] = {"group", NULL};
    assert_int_equal(wa_config_section(&cfg, "classifier", fewer, &sec, err, sizeof err), -1);
    assert_non_null(strstr(err, "unknown key"));
    wa_config_free(&cfg);
}

static void errors_name_file_and_key(void **state)
{
    (void)state;
    expect_error("{\"kafka\": ", "line", "not valid JSON");
    expect_error("[1, 2]", "one JSON object", NULL);
    expect_error("{\"kafak\": {}}", "kafak", "unknown key");
    expect_error("{\"kafka\": {\"brokers\": 9092}}", "kafka.brokers", "got a whole number");
    expect_error("{\"kafka\": {\"brokers\": \"\"}}", "kafka.brokers", "non-empty");
    expect_error("{\"kafka\": {\"topics\": {\"docs\": \"bad topic!\"}}}", "kafka.topics.docs", "not a valid topic");
    expect_error("{\"kafka\": {\"topics\": {\"doc\": \"x\"}}}", "kafka.topics.doc", "unknown key");
    expect_error("{\"kafka\": {\"producer\": {\"linger.ms\": [5]}}}", "kafka.producer.\"linger.ms\"", "an array");
    expect_error("{\"kafka\": {\"common\": {\"bootstrap.servers\": \"x:1\"}}}", "kafka.common.\"bootstrap.servers\"",
                 "kafka.brokers");
    expect_error("{\"kafka\": {\"consumer\": 5}}", "kafka.consumer", "expected an object");
    expect_error("{\"a\": 1, \"a\": 2}", "duplicate", NULL);
}

static void missing_file(void **state)
{
    (void)state;
    wa_config cfg;
    char err[256];
    assert_int_equal(wa_config_load(&cfg, "/nonexistent/wa.json", NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent/wa.json: cannot read"));
}

/* librdkafka checks the properties: its complaint carries the file and key. */
static void bad_kafka_property(void **state)
{
    (void)state;
    write_config("{\"kafka\": {\"producer\": {\"no.such.property\": 1}}}");
    wa_config cfg;
    char err[512];
    assert_int_equal(wa_config_load(&cfg, path, NULL, err, sizeof err), 0);
    assert_null(wa_kafka_conf(&cfg, WA_KAFKA_PRODUCER, "t", err, sizeof err));
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "kafka.producer.\"no.such.property\""));
    /* a consumer does not read producer properties */
    rd_kafka_conf_t *conf = wa_kafka_conf(&cfg, WA_KAFKA_CONSUMER, "t", err, sizeof err);
    assert_non_null(conf);
    rd_kafka_conf_destroy(conf);
    wa_config_free(&cfg);

    write_config("{\"kafka\": {\"producer\": {\"enable.idempotence\": false}}}");
    assert_int_equal(wa_config_load(&cfg, path, NULL, err, sizeof err), 0);
    assert_null(wa_kafka_conf(&cfg, WA_KAFKA_PRODUCER, "t", err, sizeof err));
    assert_non_null(strstr(err, "kafka.producer.\"enable.idempotence\": must stay \"true\""));
    wa_config_free(&cfg);
}

static void small_error_buffer(void **state)
{
    (void)state;
    write_config("{\"kafka\": {\"brokers\": 1}}");
    wa_config cfg;
    char err[8];
    memset(err, 'x', sizeof err);
    assert_int_equal(wa_config_load(&cfg, path, NULL, err, sizeof err), -1);
    assert_int_equal(err[sizeof err - 1], '\0');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(defaults_without_file, setup, teardown),
        cmocka_unit_test_setup_teardown(brokers_precedence, setup, teardown),
        cmocka_unit_test_setup_teardown(properties_pass_through, setup, teardown),
        cmocka_unit_test_setup_teardown(section_values, setup, teardown),
        cmocka_unit_test_setup_teardown(errors_name_file_and_key, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_kafka_property, setup, teardown),
        cmocka_unit_test_setup_teardown(small_error_buffer, setup, teardown),
    };
    return cmocka_run_group_tests_name("test_config", tests, NULL, NULL);
}
