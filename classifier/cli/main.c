/* wa-classify: the offline classifier and the analysts' tools. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char cli_usage[] =
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

/* `wa-classify run` is the Kafka stage, a binary of its own beside this one
 * (wa-classify-stage): the offline tools then load neither librdkafka nor
 * libmicrohttpd, whose start-up (TLS libraries and all) would cost every
 * short run more than classifying a few megabytes. exec keeps the process,
 * so a supervisor's signals reach the stage. */
static int run_stage(char **argv)
{
    char exe[PATH_MAX], stage[PATH_MAX + 32];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = n > 0 ? memrchr(exe, '/', (size_t)n) : NULL;
    if (!slash) {
        fprintf(stderr, "wa-classify: run: cannot tell where this binary is: %s\n", strerror(errno));
        return 2;
    }
    *slash = '\0';
    snprintf(stage, sizeof stage, "%s/wa-classify-stage", exe);
    execv(stage, argv);
    fprintf(stderr, "wa-classify: run: cannot start %s: %s\n", stage, strerror(errno));
    return 2;
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
            return run_stage(argv + 1);
    }
    return cmd_classify(&o, argc, argv);
}
