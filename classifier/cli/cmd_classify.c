/* The offline classifier: JSON Lines in, hits out (SPEC §3.1). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../hit_json.h"
#include "../json_input.h"
#include "cli.h"
#include "jsonl_reader.h"

typedef struct {
    size_t lines, docs, hits, bad, truncated, too_long, full;
    size_t bytes;
} stats;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int flush_out(wa_buf *out)
{
    if (out->len && fwrite(out->data, 1, out->len, stdout) != out->len)
        return -1;
    out->len = 0;
    return 0;
}

static int classify_stream(cli_opts *o, const wa_dict *d, wa_session *s, wa_json_reader *jr, FILE *f,
                           const char *name, stats *st, wa_buf *out, double t0)
{
    jsonl_reader r;
    if (jsonl_open(&r, f, WA_MAX_LINE_BYTES, wa_json_padding()) != 0) {
        fprintf(stderr, "wa-classify: out of memory\n");
        return -1;
    }
    int flags = o->no_prefilter ? WA_NO_PREFILTER : 0;
    int tty = isatty(STDERR_FILENO) && !o->quiet;
    double last_progress = t0;
    const char *line;
    size_t len, cap;
    int rc, status = 0;
    char err[256];
    while ((rc = jsonl_next(&r, &line, &len, &cap)) > 0) {
        st->lines++;
        if (rc == JSONL_TOO_LONG) {
            st->bad++;
            st->too_long++;
            fprintf(stderr, "%s:%zu: line longer than %u bytes, skipped\n", name, r.line_no, WA_MAX_LINE_BYTES);
            continue;
        }
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len)
            continue; /* blank line */
        wa_json_doc jd;
        if (wa_json_read_doc(jr, line, len, cap, &jd, err, sizeof err) != 0) {
            st->bad++;
            fprintf(stderr, "%s:%zu: %s\n", name, r.line_no, err);
            continue;
        }
        st->docs++;
        wa_doc doc = {jd.id, jd.id_len, jd.title, jd.title_len, jd.text, jd.text_len, 1};
        int truncated = 0;
        if (doc.text_len > o->max_doc_bytes) {
            doc.text_len = cli_truncate_utf8(doc.text, doc.text_len, o->max_doc_bytes);
            truncated = 1;
            st->truncated++;
            fprintf(stderr, "%s:%zu: text of %zu bytes cut to %zu (--max-doc-bytes)\n", name, r.line_no, jd.text_len,
                    doc.text_len);
        }
        if (doc.title_len > o->max_doc_bytes) {
            doc.title_len = cli_truncate_utf8(doc.title, doc.title_len, o->max_doc_bytes);
            truncated = 1;
        }
        const wa_result *res;
        if (wa_classify(s, d, &doc, flags, &res) != 0) {
            st->bad++;
            fprintf(stderr, "%s:%zu: internal error while classifying (out of memory?)\n", name, r.line_no);
            continue;
        }
        st->full += !res->prefiltered_out;
        if (res->hit) {
            st->hits++;
            if (wa_hit_to_json(d, res, &doc, line, len, truncated, out) != 0) {
                fprintf(stderr, "%s:%zu: cannot write the hit\n", name, r.line_no);
                status = -1;
                break;
            }
            if (out->len > (1u << 16) && flush_out(out) != 0) {
                fprintf(stderr, "wa-classify: cannot write output: %s\n", strerror(errno));
                status = -1;
                break;
            }
        }
        if (tty && (st->lines & 1023) == 0) {
            double t = now();
            if (t - last_progress >= 1.0) {
                last_progress = t;
                fprintf(stderr, "\r%s: %zu lines, %zu hits, %.0f MB/s   ", name, st->lines, st->hits,
                        (double)(st->bytes + r.bytes) / 1e6 / (t - t0));
            }
        }
    }
    if (tty && last_progress != t0)
        fputc('\n', stderr);
    if (rc < 0) {
        fprintf(stderr, "%s: read error: %s\n", name, strerror(errno));
        status = -1;
    }
    st->bytes += r.bytes;
    jsonl_close(&r);
    return status;
}

int cmd_classify(cli_opts *o, int argc, char **argv)
{
    const char *files[256];
    size_t nfiles = 0;
    for (int i = 1; i < argc; i++) {
        int c = cli_common_option(o, argc, argv, &i);
        if (c < 0)
            return 2;
        if (c > 0)
            continue;
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "wa-classify: unknown option '%s' (see --help)\n", argv[i]);
            return 2;
        }
        if (nfiles == sizeof files / sizeof files[0]) {
            fprintf(stderr, "wa-classify: too many files (at most 256)\n");
            return 2;
        }
        files[nfiles++] = argv[i];
    }
    if (nfiles == 0)
        files[nfiles++] = "-";

    wa_classifier *c = cli_open_classifier(o);
    if (!c)
        return 2;
    wa_dict *d = wa_classifier_acquire(c);
    wa_session *s = wa_session_new();
    wa_json_reader *jr = wa_json_reader_new();
    wa_buf out;
    wa_buf_init(&out);
    stats st = {0};
    int status = 0;
    double t0 = now();
    if (!s || !jr) {
        fprintf(stderr, "wa-classify: out of memory\n");
        status = 1;
    }
    for (size_t i = 0; i < nfiles && status == 0; i++) {
        int is_stdin = strcmp(files[i], "-") == 0;
        FILE *f = is_stdin ? stdin : fopen(files[i], "rb");
        if (!f) {
            fprintf(stderr, "wa-classify: cannot open %s: %s\n", files[i], strerror(errno));
            status = 1;
            break;
        }
        if (classify_stream(o, d, s, jr, f, is_stdin ? "stdin" : files[i], &st, &out, t0) != 0)
            status = 1;
        if (!is_stdin)
            fclose(f);
    }
    if (flush_out(&out) != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "wa-classify: cannot write output: %s\n", strerror(errno));
        status = 1;
    }
    double secs = now() - t0;
    if (!o->quiet)
        fprintf(stderr,
                "wa-classify: %zu lines, %zu documents (%zu past the prefilter), %zu hits, %zu bad lines, %zu truncated; "
                "%.1f MB in %.2f s (%.0f MB/s); dictionary %s\n",
                st.lines, st.docs, st.full, st.hits, st.bad, st.truncated, (double)st.bytes / 1e6, secs,
                secs > 0 ? (double)st.bytes / 1e6 / secs : 0.0, d->version);
    wa_buf_free(&out);
    wa_json_reader_free(jr);
    wa_session_free(s);
    wa_dict_release(d);
    wa_classifier_free(c);
    return status;
}
