/* wa-kafka-dev: a local Kafka-protocol cluster for development and tests,
 * built on librdkafka's mock cluster (SPEC §3.4). Production points the same
 * binaries at a real cluster through the configuration; nothing else
 * changes.
 *
 * The mock brokers listen on 127.0.0.1, on ports the kernel picks, so
 * several clusters (parallel test runs) never collide. */
#include <arpa/inet.h>
#include <errno.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *const topics[] = {"wa.docs", "wa.hits", "wa.dlq", "wa.cases"};
#define NTOPICS (sizeof topics / sizeof topics[0])

static const char usage[] =
    "Usage: wa-kafka-dev [--broker-count N] [--partitions N] [--bootstrap-file FILE] [--fault-broker ID]\n"
    "\n"
    "A local Kafka-protocol cluster for development and tests (librdkafka's mock cluster), with\n"
    "the topics wa.docs, wa.hits, wa.dlq and wa.cases. The brokers listen on 127.0.0.1 on free\n"
    "ports. Once they accept connections, the bootstrap list (host:port,host:port,...) is printed\n"
    "as the first line of stdout and written to --bootstrap-file. Runs until SIGTERM or SIGINT,\n"
    "then exits 0. Messages live in memory only; each partition keeps about its latest 5 MB.\n"
    "\n"
    "Options:\n"
    "  --broker-count N      brokers in the cluster, 1 to 16 (default 3)\n"
    "  --partitions N        partitions of every topic, 1 to 256 (default 6)\n"
    "  --bootstrap-file FILE also write the bootstrap list to FILE (replaced atomically)\n"
    "  --fault-broker ID     the broker SIGUSR1 takes down, 1 to N (default 2)\n"
    "  --help                this text\n"
    "\n"
    "Fault control (for tests): SIGUSR1 takes the fault broker down (connections cut, new ones\n"
    "refused; its partitions keep it as leader, as after a crash); SIGUSR2 brings every broker\n"
    "back up. Each is confirmed by a line on stderr.\n";

static int parse_int(const char *opt, const char *v, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long n = v ? strtol(v, &end, 10) : 0;
    if (!v || errno || *end || n < lo || n > hi) {
        fprintf(stderr, "wa-kafka-dev: %s needs a number from %d to %d\n", opt, lo, hi);
        return -1;
    }
    *out = (int)n;
    return 0;
}

/* Try a TCP connection to every broker of the list: the cluster is only
 * announced once every one accepts. */
static int all_accepting(const char *list)
{
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char hp[128];
        if (n == 0 || n >= sizeof hp)
            return 0;
        memcpy(hp, p, n);
        hp[n] = '\0';
        char *colon = strrchr(hp, ':');
        if (!colon)
            return 0;
        *colon = '\0';
        struct sockaddr_in a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_port = htons((uint16_t)atoi(colon + 1));
        if (inet_pton(AF_INET, hp, &a.sin_addr) != 1)
            return 0;
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return 0;
        int ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
        close(fd);
        if (!ok)
            return 0;
        p += n;
        if (*p == ',')
            p++;
    }
    return 1;
}

/* Ask the cluster for its metadata as a client would: every topic must be
 * there with its partitions. */
static int topics_ready(const char *bootstraps, int partitions, char *why, size_t whycap)
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    if (!conf || rd_kafka_conf_set(conf, "bootstrap.servers", bootstraps, err, sizeof err) != RD_KAFKA_CONF_OK ||
        rd_kafka_conf_set(conf, "log_level", "3", err, sizeof err) != RD_KAFKA_CONF_OK) {
        snprintf(why, whycap, "client configuration: %s", conf ? err : "out of memory");
        if (conf)
            rd_kafka_conf_destroy(conf);
        return 0;
    }
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk) {
        rd_kafka_conf_destroy(conf);
        snprintf(why, whycap, "client: %s", err);
        return 0;
    }
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 1, NULL, &md, 5000);
    int ok = 0;
    if (e) {
        snprintf(why, whycap, "metadata: %s", rd_kafka_err2str(e));
    } else {
        ok = 1;
        for (size_t t = 0; t < NTOPICS && ok; t++) {
            int found = 0;
            for (int i = 0; i < md->topic_cnt; i++)
                if (strcmp(md->topics[i].topic, topics[t]) == 0 && !md->topics[i].err &&
                    md->topics[i].partition_cnt == partitions)
                    found = 1;
            if (!found) {
                snprintf(why, whycap, "topic %s not (yet) in the metadata", topics[t]);
                ok = 0;
            }
        }
        rd_kafka_metadata_destroy(md);
    }
    rd_kafka_destroy(rk);
    return ok;
}

static int write_bootstrap_file(const char *path, const char *list)
{
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return -1;
    snprintf(tmp, n, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    int rc = -1;
    if (f) {
        int w = fprintf(f, "%s\n", list);
        if (fclose(f) == 0 && w > 0 && rename(tmp, path) == 0)
            rc = 0;
    }
    if (rc != 0) {
        fprintf(stderr, "wa-kafka-dev: cannot write %s: %s\n", path, strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return rc;
}

int main(int argc, char **argv)
{
    int brokers = 3, partitions = 6, fault = 2;
    const char *bootstrap_file = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--broker-count") == 0) {
            if (parse_int(a, v, 1, 16, &brokers) != 0)
                return 2;
            i++;
        } else if (strcmp(a, "--partitions") == 0) {
            if (parse_int(a, v, 1, 256, &partitions) != 0)
                return 2;
            i++;
        } else if (strcmp(a, "--fault-broker") == 0) {
            if (parse_int(a, v, 1, 16, &fault) != 0)
                return 2;
            i++;
        } else if (strcmp(a, "--bootstrap-file") == 0) {
            if (!v || !*v) {
                fprintf(stderr, "wa-kafka-dev: --bootstrap-file needs a file name\n");
                return 2;
            }
            bootstrap_file = v;
            i++;
        } else {
            fprintf(stderr, "wa-kafka-dev: unknown argument '%s' (see --help)\n", a);
            return 2;
        }
    }
    if (fault > brokers) {
        fprintf(stderr, "wa-kafka-dev: --fault-broker %d is beyond --broker-count %d\n", fault, brokers);
        return 2;
    }

    /* Signals are taken by sigwait in this thread only: block them before
     * librdkafka starts its threads, which inherit the mask. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGUSR1);
    sigaddset(&sigs, SIGUSR2);
    if (pthread_sigmask(SIG_BLOCK, &sigs, NULL) != 0) {
        fprintf(stderr, "wa-kafka-dev: cannot block signals\n");
        return 1;
    }

    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    /* The handle only hosts the mock cluster; it never connects anywhere,
     * so its "no bootstrap.servers" warning is noise. */
    if (!conf || rd_kafka_conf_set(conf, "log_level", "3", err, sizeof err) != RD_KAFKA_CONF_OK ||
        rd_kafka_conf_set(conf, "client.id", "wa-kafka-dev", err, sizeof err) != RD_KAFKA_CONF_OK) {
        fprintf(stderr, "wa-kafka-dev: cannot configure librdkafka: %s\n", conf ? err : "out of memory");
        return 1;
    }
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk) {
        rd_kafka_conf_destroy(conf);
        fprintf(stderr, "wa-kafka-dev: cannot start librdkafka: %s\n", err);
        return 1;
    }
    rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(rk, brokers);
    if (!mc) {
        fprintf(stderr, "wa-kafka-dev: cannot create the mock cluster of %d brokers\n", brokers);
        rd_kafka_destroy(rk);
        return 1;
    }
    int status = 1;
    int replication = brokers < 3 ? brokers : 3;
    for (size_t t = 0; t < NTOPICS; t++) {
        rd_kafka_resp_err_t e = rd_kafka_mock_topic_create(mc, topics[t], partitions, replication);
        if (e) {
            fprintf(stderr, "wa-kafka-dev: cannot create topic %s: %s\n", topics[t], rd_kafka_err2str(e));
            goto out;
        }
    }
    const char *list = rd_kafka_mock_cluster_bootstraps(mc);
    if (!list || !*list) {
        fprintf(stderr, "wa-kafka-dev: the mock cluster has no listeners\n");
        goto out;
    }
    char why[600] = "";
    int ready = 0;
    for (int attempt = 0; attempt < 50 && !ready; attempt++) {
        ready = all_accepting(list) && topics_ready(list, partitions, why, sizeof why);
        if (!ready)
            usleep(100 * 1000);
    }
    if (!ready) {
        fprintf(stderr, "wa-kafka-dev: the cluster did not become ready: %s\n", why[0] ? why : "brokers not accepting");
        goto out;
    }
    if (bootstrap_file && write_bootstrap_file(bootstrap_file, list) != 0)
        goto out;
    if (printf("%s\n", list) < 0 || fflush(stdout) != 0) {
        fprintf(stderr, "wa-kafka-dev: cannot write to stdout\n");
        goto out;
    }
    fprintf(stderr, "wa-kafka-dev: %d broker%s, topics wa.docs wa.hits wa.dlq wa.cases with %d partition%s each, at %s\n",
            brokers, brokers == 1 ? "" : "s", partitions, partitions == 1 ? "" : "s", list);

    for (;;) {
        int sig;
        if (sigwait(&sigs, &sig) != 0)
            continue;
        if (sig == SIGUSR1) {
            rd_kafka_resp_err_t e = rd_kafka_mock_broker_set_down(mc, fault);
            fprintf(stderr, "wa-kafka-dev: broker %d down%s%s\n", fault, e ? ": " : "", e ? rd_kafka_err2str(e) : "");
        } else if (sig == SIGUSR2) {
            rd_kafka_resp_err_t e = rd_kafka_mock_broker_set_up(mc, -1);
            fprintf(stderr, "wa-kafka-dev: every broker up%s%s\n", e ? ": " : "", e ? rd_kafka_err2str(e) : "");
        } else {
            fprintf(stderr, "wa-kafka-dev: stopping (%s)\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
            break;
        }
    }
    status = 0;
    if (bootstrap_file)
        unlink(bootstrap_file); /* a stale list would point at ports no longer ours */
out:
    rd_kafka_mock_cluster_destroy(mc);
    rd_kafka_destroy(rk);
    return status;
}
