/* wa-classify: the offline classifier and the analysts' tools. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "Usage: wa-classify [OPTIONS] [FILE ...]         classify JSON Lines documents, print hits\n"
    "       wa-classify explain [OPTIONS] [TEXT ...] explain the decision on a text (stdin if none)\n"
    "       wa-classify eval [OPTIONS] FILE ...      precision, recall and F1 on labelled JSON Lines\n"
    "       wa-classify lint [OPTIONS]               check the dictionary, 'file:line: message'\n"
    "       wa-classify terms [OPTIONS]              print every dictionary term, one per line\n"
    "       wa-classify load-time [OPTIONS]          time a cold and a warm dictionary load\n"
    "       wa-classify run [OPTIONS]                the Kafka stage: wa.docs in, wa.hits out (run --help)\n"
    "\n"
    "Input: one JSON object per line with \"id\" and \"text\" (optional \"title\" and any other\n"
    "fields, carried into the hit). FILE '-' or no FILE reads stdin. Output: one hit object per\n"
    "line for each document that reports unpaid wages of sanitation workers.\n"
    "\n"
    "Options:\n"
    "  --dict DIR          dictionary folder (default: $WA_DICT_DIR, else dict/ beside bin/)\n"
    "  --cache-dir DIR     where compiled dictionaries are cached (default: $WA_CACHE_DIR,\n"
    "                      else $XDG_CACHE_HOME/wa-watch or ~/.cache/wa-watch)\n"
    "  --no-cache          always compile the dictionary\n"
    "  --max-doc-bytes N   texts longer than N bytes are cut there and flagged (default 1048576)\n"
    "  --no-prefilter      run the full classifier on every document (slower, same hits)\n"
    "  --quiet             no summary line on stderr\n"
    "  --help              this text\n"
    "eval: --min-f1 LANG=F[,LANG=F]  exit 1 when F1 of a language is below F (e.g. zh=0.9,bo=0.85)\n"
    "      --holdout             label the report as measured on unseen posts\n"
    "explain: --json             read JSON Lines documents instead of plain text\n"
    "\n"
    "Exit status: 0 on success (bad input lines are reported and counted, not fatal); 2 on a\n"
    "usage or dictionary error; 1 on an I/O error or a missed --min-f1.\n";

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
        fputs(usage, stdout);
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

int main(int argc, char **argv)
{
    cli_opts o;
    memset(&o, 0, sizeof o);
    o.max_doc_bytes = WA_DEFAULT_MAX_DOC_BYTES;
    if (argc > 1) {
        const char *cmd = argv[1];
        if (strcmp(cmd, "explain") == 0)
            return cmd_explain(&o, argc - 1, argv + 1);
        if (strcmp(cmd, "eval") == 0)
            return cmd_eval(&o, argc - 1, argv + 1);
        if (strcmp(cmd, "lint") == 0)
            return cmd_lint(&o, argc - 1, argv + 1);
        if (strcmp(cmd, "terms") == 0)
            return cmd_terms(&o, argc - 1, argv + 1);
        if (strcmp(cmd, "load-time") == 0)
            return cmd_load_time(&o, argc - 1, argv + 1);
        if (strcmp(cmd, "run") == 0)
            return cmd_run(&o, argc - 1, argv + 1);
    }
    return cmd_classify(&o, argc, argv);
}
