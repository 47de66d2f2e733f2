/* wa-classify-stage: the classifier's Kafka stage, started by `wa-classify
 * run` (which execs it) or directly with the same options. */
#include <string.h>

#include "../cli/cli.h"

const char cli_usage[] = "Usage: wa-classify run [OPTIONS]   (see wa-classify run --help)\n";

int main(int argc, char **argv)
{
    cli_opts o;
    memset(&o, 0, sizeof o);
    o.max_doc_bytes = WA_DEFAULT_MAX_DOC_BYTES;
    return cmd_run(&o, argc, argv);
}
