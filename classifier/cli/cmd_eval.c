/* eval: precision, recall and F1 per language on labelled JSON Lines
 * ("label": 1|0), with the false positives and negatives listed, and how
 * often the region and entities of true positives agree with "expect". */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/utf8.h"
#include "../json_input.h"
#include "cli.h"
#include "jsonl_reader.h"

enum { L_ZH, L_BO, L_MIXED, L_NLANG };
static const char *lang_names[L_NLANG] = {"zh", "bo", "mixed"};

typedef struct {
    size_t tp, fp, fn, tn;
} counts;

typedef struct {
    size_t checked, agreed;
} agreement;

static const char *fields[] = {"prefecture", "county", "workers", "months", "amount_yuan", "company"};

#define NFIELDS (sizeof fields / sizeof fields[0])

/* Whether a labeller's region name names the gazetteer's: the full name
 * (拉萨市, 阿里地区, 噶尔县) or the name without its administrative suffix,
 * as people write it (拉萨, 阿里, 噶尔). */
static int region_name_is(const char *want, const char *name)
{
    static const char *suffixes[] = {"", "市", "地区", "县", "区"};
    size_t n = strlen(want);
    if (n == 0 || strncmp(want, name, n) != 0)
        return 0;
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
        if (strcmp(name + n, suffixes[i]) == 0)
            return 1;
    return 0;
}

static int lang_index(const char *s, size_t n)
{
    for (int i = 0; i < L_NLANG; i++)
        if (strlen(lang_names[i]) == n && memcmp(lang_names[i], s, n) == 0)
            return i;
    return -1;
}

/* Language of a raw text when the document carries no "lang". */
static int guess_lang(const char *s, size_t n)
{
    size_t han = 0, tib = 0;
    for (size_t i = 0; i + 2 < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE0 && ((unsigned char)s[i + 1] == 0xBC || (unsigned char)s[i + 1] == 0xBD ||
                          (unsigned char)s[i + 1] == 0xBE))
            tib++;
        else if (c >= 0xE3 && c <= 0xE9)
            han++;
    }
    double bo = tib / 3.0, share = (bo + han) > 0 ? bo / (bo + han) : 0;
    return share >= 0.85 ? L_BO : share <= 0.15 ? L_ZH : L_MIXED;
}

static void prf(const counts *c, double *p, double *r, double *f)
{
    *p = c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 1.0;
    *r = c->tp + c->fn ? (double)c->tp / (double)(c->tp + c->fn) : 1.0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static void print_row(const char *name, const counts *c)
{
    double p, r, f;
    prf(c, &p, &r, &f);
    printf("  %-9s %6zu %6zu %5zu %5zu %5zu  %9.3f %7.3f %6.3f\n", name, c->tp + c->fp + c->fn + c->tn, c->tp + c->fn,
           c->tp, c->fp, c->fn, p, r, f);
}

/* Compare the classifier's hit with the document's "expect" object. */
static void check_expect(const wa_dict *d, const wa_result *r, const char *line, size_t len, agreement *ag,
                         wa_buf *mismatches, const char *id)
{
    json_error_t e;
    json_t *o = json_loadb(line, len, JSON_ALLOW_NUL, &e);
    json_t *ex = o ? json_object_get(o, "expect") : NULL;
    if (!json_is_object(ex)) {
        json_decref(o);
        return;
    }
    for (size_t k = 0; k < NFIELDS; k++) {
        json_t *v = json_object_get(ex, fields[k]);
        if (!v)
            continue;
        int ok = 0;
        char got[256] = "-";
        if (k == 0 || k == 1) {
            int idx = k == 0 ? r->pref : r->county;
            if (idx >= 0)
                snprintf(got, sizeof got, "%s", d->regions[idx].name);
            ok = json_is_string(v) && idx >= 0 && region_name_is(json_string_value(v), d->regions[idx].name);
        } else if (k == 5) {
            if (r->company_name.len)
                snprintf(got, sizeof got, "%.*s", (int)r->company_name.len, r->company_name.data);
            /* as written: accept when either contains the other */
            ok = json_is_string(v) && r->company_name.len &&
                 (strstr(json_string_value(v), got) || strstr(got, json_string_value(v)));
        } else {
            const wa_entity *en = k == 2 ? &r->workers : k == 3 ? &r->months : &r->amount;
            if (en->value > 0)
                snprintf(got, sizeof got, "%.0f", en->value);
            ok = json_is_number(v) && en->value > 0 && fabs(json_number_value(v) - en->value) < 0.5;
        }
        ag[k].checked++;
        ag[k].agreed += ok;
        if (!ok) {
            char *want = json_dumps(v, JSON_ENCODE_ANY);
            wa_buf_printf(mismatches, "  %-12s %-12s expected %s, got %s\n", id, fields[k], want ? want : "?", got);
            free(want);
        }
    }
    json_decref(o);
}

int cmd_eval(cli_opts *o, int argc, char **argv)
{
    const char *files[64];
    size_t nfiles = 0;
    double min_f1[L_NLANG + 1] = {-1, -1, -1, -1}; /* zh, bo (bo+mixed), mixed, all */
    int holdout = 0;
    for (int i = 1; i < argc; i++) {
        int c = cli_common_option(o, argc, argv, &i);
        if (c < 0)
            return 2;
        if (c > 0)
            continue;
        if (strcmp(argv[i], "--holdout") == 0) {
            holdout = 1;
        } else if (strcmp(argv[i], "--min-f1") == 0 && i + 1 < argc) {
            char *spec = strdup(argv[++i]), *save = NULL;
            if (!spec)
                return 1;
            for (char *tok = strtok_r(spec, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                char *eq = strchr(tok, '=');
                char *end = NULL;
                double v = eq ? strtod(eq + 1, &end) : -1;
                int li = eq ? (int)(eq - tok) : 0;
                int idx = !eq ? -1 : strncmp(tok, "all", 3) == 0 && li == 3 ? L_NLANG : lang_index(tok, (size_t)li);
                if (idx < 0 || !end || *end || v < 0 || v > 1) {
                    fprintf(stderr, "wa-classify eval: bad --min-f1 item '%s' (LANG=F, LANG in zh, bo, mixed, all)\n", tok);
                    free(spec);
                    return 2;
                }
                min_f1[idx] = v;
            }
            free(spec);
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "wa-classify eval: unknown option '%s'\n", argv[i]);
            return 2;
        } else if (nfiles < 64) {
            files[nfiles++] = argv[i];
        }
    }
    if (nfiles == 0) {
        fprintf(stderr, "wa-classify eval: give at least one labelled JSON Lines file\n");
        return 2;
    }
    wa_classifier *c = cli_open_classifier(o);
    if (!c)
        return 2;
    wa_dict *d = wa_classifier_acquire(c);
    wa_session *s = wa_session_new();
    wa_json_reader *jr = wa_json_reader_new();
    counts per[L_NLANG] = {{0}};
    agreement ag[NFIELDS] = {{0}};
    wa_buf fps, fns, mism;
    wa_buf_init(&fps);
    wa_buf_init(&fns);
    wa_buf_init(&mism);
    size_t nfp = 0, nfn = 0, unlabelled = 0, bad = 0;
    int status = s && jr ? 0 : 1;
    int flags = o->no_prefilter ? WA_NO_PREFILTER : 0;
    for (size_t fi = 0; fi < nfiles && status == 0; fi++) {
        FILE *f = strcmp(files[fi], "-") == 0 ? stdin : fopen(files[fi], "rb");
        if (!f) {
            fprintf(stderr, "wa-classify eval: cannot open %s: %s\n", files[fi], strerror(errno));
            status = 1;
            break;
        }
        jsonl_reader r;
        if (jsonl_open(&r, f, WA_MAX_LINE_BYTES, wa_json_padding()) != 0) {
            status = 1;
            break;
        }
        const char *line;
        size_t len, cap;
        char err[256];
        int rc;
        while ((rc = jsonl_next(&r, &line, &len, &cap)) > 0) {
            wa_json_doc jd;
            if (rc != JSONL_LINE || wa_json_read_doc(jr, line, len, cap, &jd, err, sizeof err) != 0) {
                if (len)
                    fprintf(stderr, "%s:%zu: %s\n", files[fi], r.line_no, rc != JSONL_LINE ? "line too long" : err);
                bad += len > 0;
                continue;
            }
            if (jd.label < 0) {
                unlabelled++;
                continue;
            }
            wa_doc doc = {jd.id, jd.id_len, jd.title, jd.title_len, jd.text,
                          cli_truncate_utf8(jd.text, jd.text_len, o->max_doc_bytes), 1};
            const wa_result *res;
            if (wa_classify(s, d, &doc, flags, &res) != 0) {
                status = 1;
                break;
            }
            int li = jd.lang ? lang_index(jd.lang, jd.lang_len) : -1;
            if (li < 0)
                li = guess_lang(jd.text, jd.text_len);
            counts *cc = &per[li];
            char idbuf[64];
            snprintf(idbuf, sizeof idbuf, "%.*s", (int)(jd.id_len > 60 ? 60 : jd.id_len), jd.id);
            size_t show = cli_truncate_utf8(jd.text, jd.text_len, 150);
            if (res->hit && jd.label) {
                cc->tp++;
                check_expect(d, res, line, len, ag, &mism, idbuf);
            } else if (res->hit) {
                cc->fp++;
                nfp++;
                wa_buf_printf(&fps, "  %-12s %-5s score %5.1f  %.*s\n", idbuf, lang_names[li], res->score, (int)show,
                              jd.text);
            } else if (jd.label) {
                cc->fn++;
                nfn++;
                wa_buf_printf(&fns, "  %-12s %-5s score %5.1f  %.*s\n", idbuf, lang_names[li], res->score, (int)show,
                              jd.text);
            } else {
                cc->tn++;
            }
        }
        jsonl_close(&r);
        if (f != stdin)
            fclose(f);
    }
    counts bom = {per[L_BO].tp + per[L_MIXED].tp, per[L_BO].fp + per[L_MIXED].fp, per[L_BO].fn + per[L_MIXED].fn,
                  per[L_BO].tn + per[L_MIXED].tn};
    counts all = {bom.tp + per[L_ZH].tp, bom.fp + per[L_ZH].fp, bom.fn + per[L_ZH].fn, bom.tn + per[L_ZH].tn};
    printf("eval%s: dictionary %s\n", holdout ? " (held-out posts)" : "", d->version);
    printf("  %-9s %6s %6s %5s %5s %5s  %9s %7s %6s\n", "lang", "docs", "pos", "tp", "fp", "fn", "precision", "recall",
           "F1");
    print_row("zh", &per[L_ZH]);
    print_row("bo", &per[L_BO]);
    print_row("mixed", &per[L_MIXED]);
    print_row("bo+mixed", &bom);
    print_row("all", &all);
    if (unlabelled || bad)
        printf("  (%zu documents without a label and %zu bad lines skipped)\n", unlabelled, bad);
    printf("entities of true positives (agreement with \"expect\")\n");
    for (size_t k = 0; k < NFIELDS; k++)
        if (ag[k].checked)
            printf("  %-12s %4zu/%-4zu %5.1f%%\n", fields[k], ag[k].agreed, ag[k].checked,
                   100.0 * (double)ag[k].agreed / (double)ag[k].checked);
    printf("false positives (%zu)\n%s", nfp, fps.data ? fps.data : "");
    printf("false negatives (%zu)\n%s", nfn, fns.data ? fns.data : "");
    if (mism.len)
        printf("entity mismatches\n%s", mism.data);

    const counts *gate[L_NLANG + 1] = {&per[L_ZH], &bom, &per[L_MIXED], &all};
    const char *gname[L_NLANG + 1] = {"zh", "bo+mixed", "mixed", "all"};
    for (int i = 0; i <= L_NLANG; i++) {
        if (min_f1[i] < 0)
            continue;
        double p, r, f;
        prf(gate[i], &p, &r, &f);
        if (f < min_f1[i]) {
            printf("F1 %s %.3f is below the required %.2f\n", gname[i], f, min_f1[i]);
            status = 1;
        } else {
            printf("F1 %s %.3f meets %.2f\n", gname[i], f, min_f1[i]);
        }
    }
    wa_buf_free(&fps);
    wa_buf_free(&fns);
    wa_buf_free(&mism);
    wa_json_reader_free(jr);
    wa_session_free(s);
    wa_dict_release(d);
    wa_classifier_free(c);
    return status;
}
