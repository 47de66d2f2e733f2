/* Shared by the fuzz targets: load the dictionary once ($WA_FUZZ_DICT, else
 * dict/) and make one session, or stop with the reason. */
#ifndef WA_FUZZ_SETUP_H
#define WA_FUZZ_SETUP_H

#include <stdio.h>
#include <stdlib.h>

#include "../../classifier/classifier.h"

static wa_classifier *fuzz_open(wa_session **session)
{
    const char *dir = getenv("WA_FUZZ_DICT");
    wa_diag diag;
    wa_diag_init(&diag);
    wa_load_opts opts = {0};
    wa_classifier *c = wa_classifier_open(dir ? dir : "dict", &opts, &diag);
    for (size_t i = 0; !c && i < diag.n; i++)
        fprintf(stderr, "%s\n", diag.msgs[i]);
    wa_diag_free(&diag);
    *session = wa_session_new();
    if (!c || !*session)
        abort();
    return c;
}

#endif
