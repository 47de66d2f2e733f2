#include "api_analyst.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../classifier/classifier.h"
#include "../classifier/hit_json.h"
#include "clocks.h"
#include "spans.h"

struct wa_analyst {
    char *dir;
    wa_classifier *c;  /* NULL until first needed */
    wa_session *s;
    long long loaded_at;
};

static const char *const readers[] = {"analyst", "admin", "cyberspace", NULL};
static const char *const reloaders[] = {"analyst", "admin", NULL};

wa_analyst *wa_analyst_new(const char *dict_dir)
{
    wa_analyst *a = calloc(1, sizeof *a);
    if (!a || !(a->dir = strdup(dict_dir))) {
        free(a);
        return NULL;
    }
    return a;
}

void wa_analyst_free(wa_analyst *a)
{
    if (!a)
        return;
    wa_session_free(a->s);
    wa_classifier_free(a->c);
    free(a->dir);
    free(a);
}

static json_t *problems_json(const wa_diag *diag)
{
    json_t *p = json_array();
    for (size_t i = 0; p && i < diag->n && i < 100; i++)
        if (json_array_append_new(p, json_string(diag->msgs[i])) != 0) {
            json_decref(p);
            return NULL;
        }
    return p;
}

/* Load the dictionary when not yet loaded; on failure the reply is sent and *ret set. */
static int ensure(wa_analyst *a, const wa_api_req *rq, enum MHD_Result *ret)
{
    if (a->c && a->s)
        return 0;
    if (!a->c) {
        wa_diag diag;
        wa_diag_init(&diag);
        wa_load_opts opts = {0};
        a->c = wa_classifier_open(a->dir, &opts, &diag);
        if (!a->c) {
            fprintf(stderr, "wa-alertd: dictionary %s refused (%zu problems)\n", a->dir, diag.n);
            *ret = wa_api_send_json(rq->conn, MHD_HTTP_SERVICE_UNAVAILABLE,
                                    json_pack("{s:s, s:o}", "error", "the dictionary cannot be loaded", "problems",
                                              problems_json(&diag)),
                                    NULL);
            wa_diag_free(&diag);
            return -1;
        }
        wa_diag_free(&diag);
        a->loaded_at = wa_clock_now();
    }
    if (!a->s && !(a->s = wa_session_new())) {
        *ret = wa_api_send_error(rq->conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
        return -1;
    }
    return 0;
}

static enum MHD_Result forbidden(const wa_api_req *rq, const char *what)
{
    char msg[160];
    snprintf(msg, sizeof msg, "the %s role may not %s", rq->u->role, what);
    return wa_api_send_error(rq->conn, MHD_HTTP_FORBIDDEN, msg);
}

static json_t *match_json(const wa_dict *d, const wa_match *m, const wa_doc *doc)
{
    const char *src = m->field ? doc->text : doc->title;
    size_t len = m->field ? doc->text_len : doc->title_len;
    if (!src)
        return NULL;
    json_t *sp;
    if (m->from_pattern) {
        if (m->end > len || m->start > m->end)
            return NULL;
        char *t = strndup(src + m->start, m->end - m->start);
        if (!t)
            return NULL;
        sp = wa_span_json(src, len, m->start, m->end, m->field ? "text" : "title", t, d->groups[m->group].name);
        free(t);
    } else {
        sp = wa_span_json(src, len, m->start, m->end, m->field ? "text" : "title", d->terms[m->index].raw,
                          d->groups[m->group].name);
    }
    if (!sp)
        return NULL;
    double w = m->from_pattern ? d->groups[m->group].weight : d->terms[m->index].weight;
    char where[300];
    if (m->from_pattern)
        snprintf(where, sizeof where, "%s:%u", d->files[d->patterns[m->index].file], d->patterns[m->index].line);
    else
        snprintf(where, sizeof where, "%s:%u", d->files[d->terms[m->index].file], d->terms[m->index].line);
    if (json_object_set_new(sp, "weight", json_real(w)) != 0 || json_object_set_new(sp, "source", json_string(where)) ||
        json_object_set_new(sp, "pattern", json_boolean(m->from_pattern)) != 0) {
        json_decref(sp);
        return NULL;
    }
    return sp;
}

/* "pair: subject 'x' + event 'y': +3.0" → {"name": "pair", "detail": the whole line}. */
static json_t *rules_json(const char *explain)
{
    json_t *a = json_array();
    const char *e = explain ? explain : "";
    while (a && *e) {
        const char *nl = strchr(e, '\n');
        size_t n = nl ? (size_t)(nl - e) : strlen(e);
        size_t k = strcspn(e, " :");
        if (k > n)
            k = n;
        if (json_array_append_new(a, json_pack("{s:s%, s:s%}", "name", e, k, "detail", e, n)) != 0) {
            json_decref(a);
            return NULL;
        }
        e += n + (nl ? 1 : 0);
    }
    return a;
}

enum MHD_Result wa_api_explain(wa_analyst *a, const wa_api_req *rq)
{
    if (!rq->post)
        return wa_api_send_error(rq->conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
    if (!wa_api_role_in(rq->u->role, readers))
        return forbidden(rq, "use the explain tool");
    char msg[300];
    json_t *o = wa_api_parse_object(rq->body, rq->len, msg, sizeof msg);
    if (!o)
        return wa_api_send_error(rq->conn, MHD_HTTP_BAD_REQUEST, msg);
    const char *text, *title;
    if (wa_api_str_field(o, "text", WA_EXPLAIN_MAX_BODY, &text, msg, sizeof msg) != 0 ||
        wa_api_str_field(o, "title", 2000, &title, msg, sizeof msg) != 0 || !text) {
        json_decref(o);
        return wa_api_send_error(rq->conn, MHD_HTTP_BAD_REQUEST, text ? msg : "text is required");
    }
    enum MHD_Result ret;
    if (ensure(a, rq, &ret) != 0) {
        json_decref(o);
        return ret;
    }
    wa_dict *d = wa_classifier_acquire(a->c);
    wa_doc doc = {NULL, 0, title, title ? strlen(title) : 0, text, strlen(text), 0};
    const wa_result *r;
    json_t *out = NULL;
    wa_buf hit;
    wa_buf_init(&hit);
    if (wa_classify(a->s, d, &doc, WA_EXPLAIN, &r) == 0 && wa_hit_to_json(d, r, &doc, "{}", 2, 0, &hit) == 0) {
        /* Region and entities as the hit message has them: one definition of those fields. */
        json_t *h = json_loadb(hit.data, hit.len, 0, NULL);
        json_t *spans = json_array(), *cancelled = json_array();
        int bad = !spans || !cancelled;
        /* A span the offsets of which do not fall on characters is left out (match_json NULL). */
        for (size_t i = 0; !bad && i < r->nmatches; i++) {
            json_t *sp = match_json(d, &r->matches[i], &doc);
            if (sp && json_array_append_new(r->matches[i].cancelled ? cancelled : spans, sp) != 0)
                bad = 1;
        }
        out = json_object();
        json_t *ent = json_object_get(h, "entities"), *reg = json_object_get(h, "region");
        /* json_object_set_new takes the value even when it fails: nothing is left to free. */
        bad |= !out;
        bad |= json_object_set_new(out, "hit", json_boolean(r->hit)) != 0;
        bad |= json_object_set_new(out, "score", json_real(round(r->score * 100) / 100)) != 0;
        bad |= json_object_set_new(out, "level", r->hit && r->level ? json_string(r->level) : json_null()) != 0;
        bad |= json_object_set_new(out, "lang", r->lang ? json_string(r->lang) : json_null()) != 0;
        bad |= json_object_set_new(out, "spans", spans) != 0;
        bad |= json_object_set_new(out, "cancelled", cancelled) != 0;
        bad |= json_object_set_new(out, "rules", rules_json(r->explain.data)) != 0;
        bad |= json_object_set_new(out, "entities", ent ? json_incref(ent) : json_object()) != 0;
        bad |= json_object_set_new(out, "region", reg ? json_incref(reg) : json_object()) != 0;
        bad |= json_object_set_new(out, "dict_version", json_string(d->version)) != 0;
        if (bad) {
            json_decref(out);
            out = NULL;
        }
        json_decref(h);
    }
    wa_buf_free(&hit);
    wa_dict_release(d);
    json_decref(o);
    if (!out)
        return wa_api_send_error(rq->conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "the classifier failed on this text");
    return wa_api_send_json(rq->conn, MHD_HTTP_OK, out, NULL);
}

enum MHD_Result wa_api_dict(wa_analyst *a, const wa_api_req *rq)
{
    if (!rq->get)
        return wa_api_send_error(rq->conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    if (!wa_api_role_in(rq->u->role, readers))
        return forbidden(rq, "read the dictionary");
    enum MHD_Result ret;
    if (ensure(a, rq, &ret) != 0)
        return ret;
    wa_dict *d = wa_classifier_acquire(a->c);
    json_t *groups = json_array();
    for (size_t g = 0; groups && g < d->ngroups; g++) {
        long long n = 0;
        for (size_t t = 0; t < d->nterms; t++)
            n += d->terms[t].group == (int)g;
        if (json_array_append_new(groups, json_pack("{s:s, s:s, s:I}", "name", d->groups[g].name, "role",
                                                    wa_role_name(d->groups[g].role), "terms", (json_int_t)n)) != 0) {
            json_decref(groups);
            groups = NULL;
        }
    }
    json_t *out = json_pack("{s:s, s:I, s:I, s:o, s:I, s:s, s:I}", "dict_version", d->version, "terms",
                            (json_int_t)d->nterms, "patterns", (json_int_t)d->npatterns, "groups", groups, "files",
                            (json_int_t)d->nfiles, "dir", a->dir, "loaded_at", (json_int_t)a->loaded_at);
    wa_dict_release(d);
    return wa_api_send_json(rq->conn, MHD_HTTP_OK, out, NULL);
}

enum MHD_Result wa_api_dict_reload(wa_analyst *a, const wa_api_req *rq)
{
    if (!rq->post)
        return wa_api_send_error(rq->conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
    if (!wa_api_role_in(rq->u->role, reloaders))
        return forbidden(rq, "reload the dictionary");
    enum MHD_Result ret;
    if (ensure(a, rq, &ret) != 0)
        return ret;
    char previous[WA_VERSION_SIZE];
    wa_classifier_version(a->c, previous);
    wa_diag diag;
    wa_diag_init(&diag);
    if (wa_classifier_reload(a->c, &diag) != 0) {
        fprintf(stderr, "wa-alertd: dictionary reload by %s refused (%zu problems); %s stays in force\n",
                rq->u->name, diag.n, previous);
        ret = wa_api_send_json(rq->conn, MHD_HTTP_UNPROCESSABLE_CONTENT,
                               json_pack("{s:s, s:o, s:s}", "error",
                                         "the dictionary has problems; the previous one stays in force", "problems",
                                         problems_json(&diag), "dict_version", previous),
                               NULL);
        wa_diag_free(&diag);
        return ret;
    }
    wa_diag_free(&diag);
    a->loaded_at = wa_clock_now();
    wa_dict *d = wa_classifier_acquire(a->c);
    fprintf(stderr, "wa-alertd: dictionary reloaded by %s: %s (was %s)\n", rq->u->name, d->version, previous);
    json_t *out = json_pack("{s:s, s:s, s:I}", "dict_version", d->version, "previous", previous, "terms",
                            (json_int_t)d->nterms);
    wa_dict_release(d);
    return wa_api_send_json(rq->conn, MHD_HTTP_OK, out, NULL);
}
