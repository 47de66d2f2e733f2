/* Shared pieces of the wa-classify command line. */
#ifndef WA_CLI_H
#define WA_CLI_H

#include <stddef.h>

#include "../classifier.h"

typedef struct {
    const char *dict_dir;
    wa_load_opts load;
    size_t max_doc_bytes;   /* texts longer than this are truncated */
    int no_prefilter;
    int quiet;
} cli_opts;

#define WA_DEFAULT_MAX_DOC_BYTES (1u << 20)
#define WA_MAX_LINE_BYTES (64u << 20)

/* The binary's usage text, printed by --help (main.c, stage_main.c). */
extern const char cli_usage[];

/* Parse an option shared by every subcommand at argv[*i]; returns 1 when it
 * was one (advancing *i past its value), 0 when it was not, -1 on a bad
 * value (message printed). */
int cli_common_option(cli_opts *o, int argc, char **argv, int *i);
/* The dictionary folder: --dict, $WA_DICT_DIR, ../dict beside the binary, ./dict. */
const char *cli_dict_dir(cli_opts *o);
/* Load the dictionary or print every finding and return NULL. */
wa_classifier *cli_open_classifier(cli_opts *o);

int cmd_classify(cli_opts *o, int argc, char **argv);
int cmd_explain(cli_opts *o, int argc, char **argv);
int cmd_eval(cli_opts *o, int argc, char **argv);
int cmd_lint(cli_opts *o, int argc, char **argv);
int cmd_terms(cli_opts *o, int argc, char **argv);
int cmd_load_time(cli_opts *o, int argc, char **argv);
/* The Kafka stage (classifier/stage/stage_run.c, bin/wa-classify-stage). */
int cmd_run(cli_opts *o, int argc, char **argv);

/* Cut a text at max bytes on a UTF-8 boundary; returns the new length. */
size_t cli_truncate_utf8(const char *s, size_t len, size_t max);

#endif
