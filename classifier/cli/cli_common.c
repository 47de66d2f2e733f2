/* The pieces every wa-classify command shares, the Kafka stage's included:
 * common options, the dictionary folder, loading, cutting long texts. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_common_option(cli_opts *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    if (strcmp(a, "--dict") == 0 || strcmp(a, "--cache-dir") == 0 || strcmp(a, "--max-doc-bytes") == 0) {
        if (*i + 1 >= argc) {
            fprintf(stderr, "wa-classify: %s needs a value\n", a);
            return -1;
        }
        const char *v = argv[++*i];
        if (strcmp(a, "--dict") == 0) {
            o->dict_dir = v;
        } else if (strcmp(a, "--cache-dir") == 0) {
            o->load.cache_dir = v;
        } else {
            char *end;
            errno = 0;
            unsigned long long n = strtoull(v, &end, 10);
            if (errno || *end || n < 1024 || n > WA_MAX_LINE_BYTES) {
                fprintf(stderr, "wa-classify: --max-doc-bytes must be a number from 1024 to %u\n", WA_MAX_LINE_BYTES);
                return -1;
            }
            o->max_doc_bytes = (size_t)n;
        }
        return 1;
    }
    if (strcmp(a, "--no-cache") == 0) {
        o->load.no_cache = 1;
        return 1;
    }
    if (strcmp(a, "--no-prefilter") == 0) {
        o->no_prefilter = 1;
        return 1;
    }
    if (strcmp(a, "--quiet") == 0) {
        o->quiet = 1;
        return 1;
    }
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
        fputs(cli_usage, stdout);
        exit(0);
    }
    return 0;
}

const char *cli_dict_dir(cli_opts *o)
{
    if (o->dict_dir)
        return o->dict_dir;
    const char *env = getenv("WA_DICT_DIR");
    if (env && *env)
        return o->dict_dir = env;
    static char beside[PATH_MAX];
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            int w = snprintf(beside, sizeof beside, "%s/../dict/groups.conf", exe);
            if (w > 0 && (size_t)w < sizeof beside && access(beside, R_OK) == 0) {
                beside[strlen(beside) - strlen("/groups.conf")] = '\0';
                char *real = realpath(beside, NULL);
                if (real) {
                    snprintf(beside, sizeof beside, "%s", real);
                    free(real);
                }
                return o->dict_dir = beside;
            }
        }
    }
    return o->dict_dir = "dict";
}

wa_classifier *cli_open_classifier(cli_opts *o)
{
    wa_diag diag;
    wa_diag_init(&diag);
    const char *dir = cli_dict_dir(o);
    wa_classifier *c = wa_classifier_open(dir, &o->load, &diag);
    if (!c) {
        for (size_t i = 0; i < diag.n; i++)
            fprintf(stderr, "%s/%s\n", dir, diag.msgs[i]);
        fprintf(stderr, "wa-classify: dictionary %s refused (%zu problem%s)\n", dir, diag.n, diag.n == 1 ? "" : "s");
    }
    wa_diag_free(&diag);
    return c;
}

size_t cli_truncate_utf8(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}
