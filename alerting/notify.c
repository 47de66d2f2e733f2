#include "notify.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void wa_format_local(long long t, char *out, size_t cap)
{
    time_t tt = (time_t)(t + 8 * 3600);
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || strftime(out, cap, "%Y-%m-%d %H:%M", &tm) == 0)
        snprintf(out, cap, "%lld", t);
}

void wa_format_utc(long long t, char *out, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(out, cap, "%lld", t);
}

static const char *level_zh(const char *level)
{
    static const char *const zh[] = {"蓝色", "黄色", "橙色", "红色"};
    int lv = wa_level_parse(level);
    return lv >= 0 ? zh[lv] : level;
}

static const char *or_unknown(const char *s)
{
    return s && s[0] ? s : "不详";
}

int wa_fast_report_text(const wa_case *c, wa_buf *out)
{
    char opened[32], rep[32], res[32];
    wa_format_local(c->opened_at, opened, sizeof opened);
    wa_format_local(c->report_due, rep, sizeof rep);
    wa_format_local(c->resolve_due, res, sizeof res);
    int rc = wa_buf_printf(out, "【环卫工人欠薪快报】案件 %lld\n发现时间：%s（北京时间）\n地点：%s%s\n涉事单位：%s\n",
                           c->id, opened, or_unknown(c->prefecture), c->county ? c->county : "",
                           or_unknown(c->unit_name));
    rc |= c->workers > 0 ? wa_buf_printf(out, "涉及人数：%lld 人\n", c->workers) : wa_buf_append_str(out, "涉及人数：不详\n");
    rc |= c->months > 0 ? wa_buf_printf(out, "拖欠时长：%lld 个月\n", c->months) : wa_buf_append_str(out, "拖欠时长：不详\n");
    rc |= c->amount_yuan > 0 ? wa_buf_printf(out, "拖欠金额：%lld 元\n", c->amount_yuan)
                             : wa_buf_append_str(out, "拖欠金额：不详\n");
    rc |= wa_buf_printf(out, "预警等级：%s；信息条数：%lld；来源数：%lld\n", level_zh(c->level), c->hit_count,
                        c->source_count);
    if (c->title)
        rc |= wa_buf_printf(out, "标题：%s\n", c->title);
    if (c->excerpt)
        rc |= wa_buf_printf(out, "摘要：%s\n", c->excerpt);
    json_t *links = c->links ? json_loads(c->links, 0, NULL) : NULL;
    size_t i;
    json_t *u;
    json_array_foreach(links, i, u)
    {
        if (i >= 5)
            break;
        rc |= wa_buf_printf(out, "链接：%s\n", json_string_value(u) ? json_string_value(u) : "");
    }
    json_decref(links);
    rc |= wa_buf_printf(out, "快报时限：%s；办结时限：%s\n", rep, res);
    return rc ? -1 : 0;
}

/* Which offices hear of which kind. */
static int audience(const char *kind, const char *office)
{
    if (strcmp(kind, "case_opened") == 0)
        return strcmp(office, "cyberspace") == 0 || strcmp(office, "petition") == 0;
    if (strcmp(kind, "fast_report") == 0)
        return strcmp(office, "housing") == 0;
    if (strcmp(kind, "level_raised") == 0)
        return strcmp(office, "cyberspace") == 0;
    if (strncmp(kind, "overdue_", 8) == 0)
        return strcmp(office, "supervisors") == 0;
    return 0;
}

static int route_takes(const wa_route *r, const wa_case *c, const char *kind)
{
    if (!audience(kind, r->office) || wa_level_parse(c->level) < r->min_level)
        return 0;
    if (r->nprefectures == 0)
        return 1;
    for (size_t i = 0; i < r->nprefectures; i++)
        if (c->prefecture && strcmp(r->prefectures[i], c->prefecture) == 0)
            return 1;
    return 0;
}

static const char *subject_of(const char *kind)
{
    if (strcmp(kind, "fast_report") == 0)
        return "环卫工人欠薪快报";
    if (strcmp(kind, "case_opened") == 0)
        return "新的环卫工人欠薪预警";
    if (strcmp(kind, "level_raised") == 0)
        return "欠薪预警等级上升";
    if (strcmp(kind, "overdue_report") == 0)
        return "超时未报送：欠薪案件 2 小时快报时限已过";
    if (strcmp(kind, "overdue_resolution") == 0)
        return "超时未办结：欠薪案件 24 小时办结时限已过";
    return "欠薪案件通知";
}

/* The notification body every channel is rendered from. Complainants'
 * personal data goes only to the offices that handle the complaint. */
static char *payload_json(wa_ctx *x, const wa_case *c, const char *kind, const char *key, const wa_route *r,
                          long long now, const char *text)
{
    char created[32], opened[32], rep[32], res[32];
    wa_format_utc(now, created, sizeof created);
    wa_format_utc(c->opened_at, opened, sizeof opened);
    wa_format_utc(c->report_due, rep, sizeof rep);
    wa_format_utc(c->resolve_due, res, sizeof res);
    json_t *links = json_loads(c->links ? c->links : "[]", 0, NULL);
    json_t *cj = json_pack("{s:I, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:o, s:I, s:I, s:I, s:I, s:I,"
                           " s:s, s:s, s:s}",
                           "id", (json_int_t)c->id, "status", c->status, "level", c->level, "channel", c->channel,
                           "prefecture", c->prefecture, "county", c->county, "unit", c->unit_name, "credit_code",
                           c->credit_code, "title", c->title, "excerpt", c->excerpt, "links",
                           links ? links : json_array(), "workers", (json_int_t)c->workers, "months",
                           (json_int_t)c->months, "amount_yuan", (json_int_t)c->amount_yuan, "hits",
                           (json_int_t)c->hit_count, "sources", (json_int_t)c->source_count, "opened_at", opened,
                           "report_due", rep, "resolve_due", res);
    if (cj && c->complainant_name &&
        (strcmp(r->office, "petition") == 0 || strcmp(r->office, "housing") == 0))
        json_object_set_new(cj, "complainant",
                            json_pack("{s:s, s:s?}", "name", c->complainant_name, "phone", c->complainant_phone));
    json_t *o = cj ? json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "idempotency_key", key, "kind", kind,
                               "ledger", wa_ledger_id(x->ledger), "office", r->office, "route", r->name,
                               "created_at", created, "subject", subject_of(kind), "case", cj)
                   : NULL;
    if (o)
        json_object_set_new(o, "text", json_string(text));
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

/* The text of a notification for one route: complainants' personal data
 * only for the offices that handle complaints. */
static int notification_text(const wa_case *c, const char *kind, const wa_route *r, wa_buf *text)
{
    text->len = 0;
    int rc;
    if (strcmp(kind, "fast_report") == 0) {
        rc = wa_fast_report_text(c, text);
    } else {
        char opened[32];
        wa_format_local(c->opened_at, opened, sizeof opened);
        rc = wa_buf_printf(text, "%s\n案件 %lld：%s%s %s，%s预警，%lld 条信息，%s 发现（%s），状态 %s。\n",
                           subject_of(kind), c->id, or_unknown(c->prefecture), c->county ? c->county : "",
                           or_unknown(c->unit_name), level_zh(c->level), c->hit_count, opened,
                           strcmp(c->channel, "online") == 0 ? "网络舆情" : c->channel, c->status);
        if (c->title)
            rc |= wa_buf_printf(text, "标题：%s\n", c->title);
        if (c->excerpt)
            rc |= wa_buf_printf(text, "摘要：%s\n", c->excerpt);
    }
    if (c->complainant_name && (strcmp(r->office, "petition") == 0 || strcmp(r->office, "housing") == 0))
        rc |= wa_buf_printf(text, "投诉人：%s %s\n", c->complainant_name,
                            c->complainant_phone ? c->complainant_phone : "");
    rc |= wa_buf_terminate(text);
    return rc ? -1 : 0;
}

int wa_notify(wa_ctx *x, const wa_case *c, const char *kind, const char *detail, long long now)
{
    wa_buf text;
    wa_buf_init(&text);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < x->ac->nroutes; i++) {
        const wa_route *r = &x->ac->routes[i];
        if (!route_takes(r, c, kind))
            continue;
        if (notification_text(c, kind, r, &text) != 0) {
            rc = -1;
            break;
        }
        char key[256];
        snprintf(key, sizeof key, "%s:case-%lld:%s%s%s:%s", wa_ledger_id(x->ledger), c->id, kind, detail ? ":" : "",
                 detail ? detail : "", r->name);
        char *p = payload_json(x, c, kind, key, r, now, text.data);
        if (!p) {
            rc = -1;
            break;
        }
        rc = wa_ledger_outbox_add(x->ledger, c->id, key, r->name, r->office, r->channel, kind, p, now);
        free(p);
        if (rc == 0) {
            char note[200];
            snprintf(note, sizeof note, "%s → %s (%s)", kind, r->name, r->channel);
            rc = wa_case_event(x, c, now, "wa-alertd", "notification_queued", NULL, NULL, note);
        }
    }
    wa_buf_free(&text);
    return rc;
}
