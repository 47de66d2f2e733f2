/* Dictionary tools: lint, terms, load-time. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../prefilter.h"
#include "cli.h"

static int parse_only_common(cli_opts *o, int argc, char **argv, const char *cmd)
{
    for (int i = 1; i < argc; i++) {
        int c = cli_common_option(o, argc, argv, &i);
        if (c < 0)
            return -1;
        if (c == 0) {
            fprintf(stderr, "wa-classify %s: unexpected argument '%s' (see --help)\n", cmd, argv[i]);
            return -1;
        }
    }
    return 0;
}

int cmd_lint(cli_opts *o, int argc, char **argv)
{
    if (parse_only_common(o, argc, argv, "lint") != 0)
        return 2;
    const char *dir = cli_dict_dir(o);
    wa_diag diag;
    wa_diag_init(&diag);
    /* A full load, so that everything a reload would refuse is reported. */
    wa_load_opts lo = o->load;
    wa_dict *d = NULL;
    int rc = wa_dict_load(dir, &lo, &d, &diag);
    for (size_t i = 0; i < diag.n; i++)
        printf("%s/%s\n", dir, diag.msgs[i]);
    long unbounded = rc == 0 ? wa_dict_unbounded_event_pattern(d) : -1;
    if (unbounded >= 0) {
        /* It loads and works; but the prefilter must then pass every document with a subject
         * and a wage word anywhere in it, and the run slows to the full classifier's pace. */
        const wa_pattern *p = &d->patterns[unbounded];
        printf("%s/%s:%u: event pattern of unbounded width (* or + where {0,N} would do): the prefilter "
               "lets every document with a subject and a wage word through\n",
               dir, d->files[p->file], p->line);
        printf("%s: 1 problem\n", dir);
        wa_dict_release(d);
        wa_diag_free(&diag);
        return 1;
    }
    if (rc == 0) {
        printf("%s: OK: %zu terms, %zu patterns, %zu regions, %zu files, version %s\n", dir, d->nterms, d->npatterns,
               d->nregions, d->nfiles, d->version);
        printf("prefilter: %zu subject terms, %zu event and wage terms\n", wa_prefilter_count(d->prefilter, 0),
               wa_prefilter_count(d->prefilter, 1));
        wa_dict_release(d);
    } else {
        printf("%s: %zu problem%s\n", dir, diag.n, diag.n == 1 ? "" : "s");
    }
    wa_diag_free(&diag);
    return rc == 0 ? 0 : 1;
}

int cmd_terms(cli_opts *o, int argc, char **argv)
{
    if (parse_only_common(o, argc, argv, "terms") != 0)
        return 2;
    wa_diag diag;
    wa_diag_init(&diag);
    wa_dict *d = NULL;
    const char *dir = cli_dict_dir(o);
    if (wa_dict_load(dir, &o->load, &d, &diag) != 0) {
        for (size_t i = 0; i < diag.n; i++)
            fprintf(stderr, "%s/%s\n", dir, diag.msgs[i]);
        wa_diag_free(&diag);
        return 2;
    }
    wa_diag_free(&diag);
    for (size_t i = 0; i < d->nterms; i++)
        printf("%s\n", d->terms[i].raw);
    wa_dict_release(d);
    return fflush(stdout) == 0 ? 0 : 1;
}

int cmd_load_time(cli_opts *o, int argc, char **argv)
{
    if (parse_only_common(o, argc, argv, "load-time") != 0)
        return 2;
    const char *dir = cli_dict_dir(o);
    double secs[2] = {0, 0};
    size_t nterms = 0;
    for (int warm = 0; warm < 2; warm++) {
        wa_load_opts lo = o->load;
        wa_diag diag;
        wa_diag_init(&diag);
        wa_dict *d = NULL;
        if (!warm) {
            /* Cold: compile from scratch, then store it so the warm load can use it. */
            lo.no_cache = 1;
        }
        if (wa_dict_load(dir, &lo, &d, &diag) != 0) {
            for (size_t i = 0; i < diag.n; i++)
                fprintf(stderr, "%s/%s\n", dir, diag.msgs[i]);
            wa_diag_free(&diag);
            return 2;
        }
        secs[warm] = d->load_seconds;
        nterms = d->nterms;
        if (!warm) {
            wa_dict_release(d);
            /* fill the cache */
            if (wa_dict_load(dir, &o->load, &d, &diag) != 0) {
                wa_diag_free(&diag);
                return 2;
            }
        } else if (!d->cache_hit) {
            fprintf(stderr, "wa-classify load-time: the cache was not used (no writable cache folder?)\n");
        }
        wa_dict_release(d);
        wa_diag_free(&diag);
    }
    printf("terms %zu cold %.3f s warm %.3f s\n", nterms, secs[0], secs[1]);
    return 0;
}
