#include "workflow.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify.h"

static const struct {
    const char *from, *to;
} steps[] = {
    {"open", "reported"},     {"reported", "assigned"}, {"assigned", "resolved"}, {"resolved", "closed"},
    {"open", "dismissed"},    {"reported", "dismissed"}, {"assigned", "dismissed"},
};

int wa_workflow_allowed(const char *from, const char *to)
{
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (strcmp(steps[i].from, from) == 0 && strcmp(steps[i].to, to) == 0)
            return 1;
    return 0;
}

int wa_case_event(wa_ctx *x, const wa_case *c, long long at, const char *actor, const char *kind,
                  const char *from_status, const char *to_status, const char *note)
{
    if (wa_ledger_event_add(x->ledger, c->id, at, actor, kind, from_status, to_status, note) != 0)
        return -1;
    long long event_id = wa_ledger_last_id(x->ledger);
    if (!x->topic_cases)
        return 0;
    /* The wa.cases message: the event and the case's state after it. */
    char when[32], key[64], dedup[64];
    wa_format_utc(at, when, sizeof when);
    snprintf(key, sizeof key, "%lld", c->id);
    json_t *o = json_pack("{s:s, s:I, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s, s:s?, s:s?, s:I}", "ledger",
                          wa_ledger_id(x->ledger), "case_id", (json_int_t)c->id, "at", when, "actor", actor, "kind",
                          kind, "from", from_status, "to", to_status, "note", note, "level", c->level, "prefecture",
                          c->prefecture, "unit", c->unit_name, "hits", (json_int_t)c->hit_count);
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!s)
        return -1;
    /* The event's row id names it for good (events are never changed). */
    snprintf(dedup, sizeof dedup, "event-%lld", event_id);
    int rc = wa_ledger_kafka_add(x->ledger, x->topic_cases, key, s, dedup, at);
    free(s);
    return rc;
}

static int set_str(char **field, const char *v)
{
    char *d = strdup(v);
    if (!d)
        return -1;
    free(*field);
    *field = d;
    return 0;
}

int wa_workflow_apply(wa_ctx *x, wa_case *c, const char *to, const char *actor, const char *note, long long now,
                      char *err, size_t errcap)
{
    int has_note = note && note[strspn(note, " \t\r\n")];
    if (!wa_workflow_allowed(c->status, to)) {
        snprintf(err, errcap, "case %lld is %s: it cannot become %s", c->id, c->status, to);
        return -1;
    }
    if (strcmp(to, "resolved") == 0 && !has_note) {
        snprintf(err, errcap, "resolving case %lld needs a note saying how (e.g. wages paid, amount, date)", c->id);
        return -1;
    }
    if (strcmp(to, "dismissed") == 0 && !has_note) {
        snprintf(err, errcap, "dismissing case %lld needs a reason", c->id);
        return -1;
    }
    if (strcmp(to, "assigned") == 0 && !has_note) {
        snprintf(err, errcap, "assigning case %lld needs the assignee (office or person) as the note", c->id);
        return -1;
    }
    char from[16];
    snprintf(from, sizeof from, "%s", c->status);
    if (set_str(&c->status, to) != 0)
        goto oom;
    if (strcmp(to, "reported") == 0)
        c->reported_at = now;
    else if (strcmp(to, "assigned") == 0 && set_str(&c->assignee, note) != 0)
        goto oom;
    else if (strcmp(to, "resolved") == 0) {
        c->resolved_at = now;
        if (set_str(&c->resolution, note) != 0)
            goto oom;
    } else if (strcmp(to, "closed") == 0)
        c->closed_at = now;
    else if (strcmp(to, "dismissed") == 0 && set_str(&c->dismiss_reason, note) != 0)
        goto oom;
    if (wa_ledger_case_update(x->ledger, c) != 0 || wa_case_event(x, c, now, actor, "status", from, to, note) != 0) {
        snprintf(err, errcap, "%s", wa_ledger_error(x->ledger));
        return -1;
    }
    return 0;
oom:
    snprintf(err, errcap, "out of memory");
    return -1;
}

int wa_workflow_change(wa_ctx *x, long long case_id, const char *to, const char *actor, const char *note,
                       long long now, char *err, size_t errcap)
{
    wa_case c;
    if (wa_ledger_begin(x->ledger) != 0) {
        snprintf(err, errcap, "%s", wa_ledger_error(x->ledger));
        return -1;
    }
    if (wa_ledger_case_get(x->ledger, case_id, &c) != 0) {
        snprintf(err, errcap, "%s", wa_ledger_error(x->ledger));
        wa_ledger_rollback(x->ledger);
        return -1;
    }
    int rc = wa_workflow_apply(x, &c, to, actor, note, now, err, errcap);
    wa_case_clear(&c);
    if (rc != 0) {
        wa_ledger_rollback(x->ledger);
        return -1;
    }
    if (wa_ledger_commit(x->ledger) != 0) {
        snprintf(err, errcap, "%s", wa_ledger_error(x->ledger));
        return -1;
    }
    return 0;
}
