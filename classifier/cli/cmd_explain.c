/* explain: why a text is or is not a hit, for analysts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../common/utf8.h"
#include "../json_input.h"
#include "cli.h"
#include "jsonl_reader.h"

/* Print the original field with every matched span marked; where one match
 * ends and the next begins without overlapping, the marks close and reopen. */
static void print_marked(const wa_result *r, int field, const char *s, size_t len, int color)
{
    const char *open = color ? "\x1b[7m" : "[[", *close = color ? "\x1b[0m" : "]]";
    int inside = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && ((unsigned char)s[i] & 0xC0) == 0x80) {
            putchar(s[i]);
            continue;
        }
        int covered = 0, bridged = 0, starts = 0;
        for (size_t k = 0; k < r->nmatches; k++) {
            const wa_match *m = &r->matches[k];
            if (m->cancelled || m->field != field)
                continue;
            if (m->start <= i && i < m->end) {
                covered = 1;
                if (m->start < i)
                    bridged = 1;
                if (m->start == i)
                    starts = 1;
            }
        }
        if (inside && covered && starts && !bridged) {
            fputs(close, stdout);
            fputs(open, stdout);
        } else if (covered != inside) {
            fputs(covered ? open : close, stdout);
        }
        inside = covered;
        if (i < len)
            putchar(s[i]);
    }
    if (inside)
        fputs(close, stdout);
    putchar('\n');
}

static void explain_doc(const wa_dict *d, wa_session *s, const wa_doc *doc, int flags, int color)
{
    const wa_result *r;
    if (wa_classify(s, d, doc, flags | WA_EXPLAIN, &r) != 0) {
        printf("internal error\n");
        return;
    }
    size_t nlen;
    const char *norm = wa_session_normalized(s, &nlen);
    if (doc->id)
        printf("document    %.*s\n", (int)doc->id_len, doc->id);
    printf("normalised  %.*s\n", (int)(nlen > 2000 ? 2000 : nlen), norm);
    printf("matches\n");
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *m = &r->matches[i];
        const char *src = m->field ? doc->text : doc->title;
        double w = m->from_pattern ? d->groups[m->group].weight : d->terms[m->index].weight;
        printf("  %-16s %-24.*s %s %u-%u  %+.1f", d->groups[m->group].name, (int)(m->end - m->start), src + m->start,
               m->field ? "text" : "title", m->start, m->end, w);
        if (m->from_pattern)
            printf("  pattern %s:%u", d->files[d->patterns[m->index].file], d->patterns[m->index].line);
        else
            printf("  %s:%u", d->files[d->terms[m->index].file], d->terms[m->index].line);
        printf("%s\n", m->cancelled ? "  (cancelled by a negation)" : "");
    }
    printf("rules\n");
    const char *e = r->explain.data ? r->explain.data : "";
    while (*e) {
        const char *nl = strchr(e, '\n');
        size_t n = nl ? (size_t)(nl - e) : strlen(e);
        printf("  %.*s\n", (int)n, e);
        e += n + (nl ? 1 : 0);
    }
    printf("verdict     %s  score %.1f  level %s  lang %s\n", r->hit ? "HIT" : "not a hit", r->score,
           r->hit ? r->level : "-", r->lang);
    printf("region      %s %s\n", r->pref >= 0 ? d->regions[r->pref].name : "-",
           r->county >= 0 ? d->regions[r->county].name : "");
    printf("entities    workers %.0f  months %.0f  amount %.0f  company %.*s\n", r->workers.value > 0 ? r->workers.value : 0,
           r->months.value > 0 ? r->months.value : 0, r->amount.value > 0 ? r->amount.value : 0,
           (int)r->company_name.len, r->company_name.len ? r->company_name.data : "-");
    if (doc->title && doc->title_len) {
        printf("title       ");
        print_marked(r, 0, doc->title, doc->title_len, color);
    }
    printf("text        ");
    print_marked(r, 1, doc->text, doc->text_len, color);
    printf("\n");
}

int cmd_explain(cli_opts *o, int argc, char **argv)
{
    int json = 0;
    wa_buf text;
    wa_buf_init(&text);
    for (int i = 1; i < argc; i++) {
        int c = cli_common_option(o, argc, argv, &i);
        if (c < 0)
            return 2;
        if (c > 0)
            continue;
        if (strcmp(argv[i], "--json") == 0) {
            json = 1;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] == '-') {
            fprintf(stderr, "wa-classify explain: unknown option '%s'\n", argv[i]);
            return 2;
        }
        if (text.len)
            wa_buf_append(&text, " ", 1);
        if (wa_buf_append_str(&text, argv[i]) != 0)
            return 1;
    }
    wa_classifier *c = cli_open_classifier(o);
    if (!c) {
        wa_buf_free(&text);
        return 2;
    }
    wa_dict *d = wa_classifier_acquire(c);
    wa_session *s = wa_session_new();
    int color = isatty(STDOUT_FILENO);
    int flags = o->no_prefilter ? WA_NO_PREFILTER : 0;
    int status = 0;
    printf("dictionary  %s (%zu terms, %zu patterns)\n", d->version, d->nterms, d->npatterns);
    if (!s) {
        status = 1;
    } else if (json) {
        jsonl_reader r;
        wa_json_reader *jr = wa_json_reader_new();
        if (!jr || jsonl_open(&r, stdin, WA_MAX_LINE_BYTES, wa_json_padding()) != 0) {
            status = 1;
        } else {
            const char *line;
            size_t len, cap;
            char err[256];
            int rc;
            while ((rc = jsonl_next(&r, &line, &len, &cap)) > 0) {
                wa_json_doc jd;
                if (rc != JSONL_LINE || wa_json_read_doc(jr, line, len, cap, &jd, err, sizeof err) != 0) {
                    fprintf(stderr, "stdin:%zu: %s\n", r.line_no, rc != JSONL_LINE ? "line too long" : err);
                    continue;
                }
                wa_doc doc = {jd.id, jd.id_len, jd.title, jd.title_len, jd.text,
                              cli_truncate_utf8(jd.text, jd.text_len, o->max_doc_bytes), 1};
                explain_doc(d, s, &doc, flags, color);
            }
            jsonl_close(&r);
        }
        wa_json_reader_free(jr);
    } else {
        if (text.len == 0) {
            char chunk[65536];
            size_t n;
            while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0 && text.len < o->max_doc_bytes)
                if (wa_buf_append(&text, chunk, n) != 0)
                    break;
        }
        if (wa_buf_terminate(&text) != 0) {
            status = 1;
        } else {
            size_t len = cli_truncate_utf8(text.data, text.len, o->max_doc_bytes);
            if (wa_utf8_check(text.data, len) != len)
                fprintf(stderr, "wa-classify explain: the text is not valid UTF-8; invalid bytes are skipped\n");
            wa_doc doc = {NULL, 0, NULL, 0, text.data, len, 0};
            explain_doc(d, s, &doc, flags, color);
        }
    }
    wa_buf_free(&text);
    wa_session_free(s);
    wa_dict_release(d);
    wa_classifier_free(c);
    return status;
}
