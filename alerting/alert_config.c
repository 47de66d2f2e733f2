#include "alert_config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const level_names[] = {"blue", "yellow", "orange", "red"};

int wa_level_parse(const char *s)
{
    for (int i = 0; s && i < 4; i++)
        if (strcmp(s, level_names[i]) == 0)
            return i;
    return WA_LEVEL_NONE;
}

const char *wa_level_name(int level)
{
    return level >= 0 && level < 4 ? level_names[level] : "blue";
}

static const char *const keys[] = {"db",         "listen",       "group",  "metrics", "window_days", "near_distance",
                                   "report_due_minutes", "resolve_due_minutes", "spread", "hotline_token",
                                   "hotline_token_file", "retry", "smtp", "routes", "dict_dir", "dashboard_dir",
                                   "tibetan_font", "metrics_public", NULL};

static int bad(const wa_config *cfg, char *err, size_t errcap, const char *key, const char *why)
{
    snprintf(err, errcap, "%s: alerting.%s: %s", wa_config_name(cfg), key, why);
    return -1;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* A string member of obj (absent: *out stays NULL). */
static int get_str(const wa_config *cfg, const json_t *obj, const char *key, const char *where, char **out, char *err,
                   size_t errcap)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    if (!json_is_string(v))
        return bad(cfg, err, errcap, where, "must be a string");
    *out = strdup(json_string_value(v));
    return *out ? 0 : bad(cfg, err, errcap, where, "out of memory");
}

static int get_int(const wa_config *cfg, const json_t *obj, const char *key, const char *where, long long min,
                   long long max, long long *out, char *err, size_t errcap)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
        char why[96];
        snprintf(why, sizeof why, "must be a whole number from %lld to %lld", min, max);
        return bad(cfg, err, errcap, where, why);
    }
    *out = json_integer_value(v);
    return 0;
}

/* Unknown keys in a nested object are errors, as everywhere in the file. */
static int check_keys(const wa_config *cfg, const json_t *obj, const char *where, const char *const *allowed, char *err,
                      size_t errcap)
{
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)obj, k, v)
    {
        if (k[0] == '_')
            continue;
        int ok = 0;
        for (size_t i = 0; allowed[i]; i++)
            ok |= strcmp(k, allowed[i]) == 0;
        if (!ok) {
            char w[160];
            snprintf(w, sizeof w, "%s.%s", where, k);
            return bad(cfg, err, errcap, w, "unknown key");
        }
    }
    return 0;
}

static int str_list(const wa_config *cfg, const json_t *obj, const char *key, const char *where, char ***out,
                    size_t *n, char *err, size_t errcap)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    if (!json_is_array(v))
        return bad(cfg, err, errcap, where, "must be a list of strings");
    *out = calloc(json_array_size(v) + 1, sizeof **out);
    if (!*out)
        return bad(cfg, err, errcap, where, "out of memory");
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e)
    {
        if (!json_is_string(e))
            return bad(cfg, err, errcap, where, "must be a list of strings");
        if (!((*out)[i] = strdup(json_string_value(e))))
            return bad(cfg, err, errcap, where, "out of memory");
        (*n)++;
    }
    return 0;
}

static int load_route(const wa_config *cfg, const json_t *r, size_t idx, wa_route *rt, char *err, size_t errcap)
{
    static const char *const rkeys[] = {"name", "office", "channel", "url", "secret", "to", "prefectures", "min_level", NULL};
    char where[64], w[96];
    snprintf(where, sizeof where, "routes[%zu]", idx);
    if (!json_is_object(r))
        return bad(cfg, err, errcap, where, "must be an object");
    if (check_keys(cfg, r, where, rkeys, err, errcap) != 0)
        return -1;
    char *level = NULL;
#define W(k) (snprintf(w, sizeof w, "%s.%s", where, k), w)
    if (get_str(cfg, r, "name", W("name"), &rt->name, err, errcap) || get_str(cfg, r, "office", W("office"), &rt->office, err, errcap) ||
        get_str(cfg, r, "channel", W("channel"), &rt->channel, err, errcap) || get_str(cfg, r, "url", W("url"), &rt->url, err, errcap) ||
        get_str(cfg, r, "secret", W("secret"), &rt->secret, err, errcap) ||
        str_list(cfg, r, "to", W("to"), &rt->to, &rt->nto, err, errcap) ||
        str_list(cfg, r, "prefectures", W("prefectures"), &rt->prefectures, &rt->nprefectures, err, errcap) ||
        get_str(cfg, r, "min_level", W("min_level"), &level, err, errcap))
        goto fail;
    rt->min_level = level ? wa_level_parse(level) : WA_LEVEL_BLUE;
    if (rt->min_level == WA_LEVEL_NONE) {
        bad(cfg, err, errcap, W("min_level"), "must be blue, yellow, orange or red");
        goto fail;
    }
    if (!rt->name || !rt->name[0] || strlen(rt->name) > 64) {
        bad(cfg, err, errcap, W("name"), "is required (1 to 64 characters)");
        goto fail;
    }
    static const char *const offices[] = {"cyberspace", "petition", "housing", "supervisors"};
    int ok = 0;
    for (size_t i = 0; rt->office && i < 4; i++)
        ok |= strcmp(rt->office, offices[i]) == 0;
    if (!ok) {
        bad(cfg, err, errcap, W("office"), "must be cyberspace, petition, housing or supervisors");
        goto fail;
    }
    static const char *const channels[] = {"webhook", "wecom", "dingtalk", "email"};
    ok = 0;
    for (size_t i = 0; rt->channel && i < 4; i++)
        ok |= strcmp(rt->channel, channels[i]) == 0;
    if (!ok) {
        bad(cfg, err, errcap, W("channel"), "must be webhook, wecom, dingtalk or email");
        goto fail;
    }
    if (strcmp(rt->channel, "email") == 0 ? rt->nto == 0 : !rt->url) {
        bad(cfg, err, errcap, strcmp(rt->channel, "email") == 0 ? W("to") : W("url"),
            "is required for this channel");
        goto fail;
    }
    if (strcmp(rt->channel, "webhook") == 0 && !rt->secret) {
        bad(cfg, err, errcap, W("secret"), "is required for a webhook (the receiver checks the signature)");
        goto fail;
    }
#undef W
    free(level);
    return 0;
fail:
    free(level);
    return -1;
}

static int read_token_file(const wa_config *cfg, const json_t *sec, wa_alert_config *ac, char *err, size_t errcap)
{
    char *path = NULL;
    if (wa_config_path(cfg, sec, "alerting", "hotline_token_file", &path, err, errcap) != 0)
        return -1;
    if (!path)
        return 0;
    FILE *f = fopen(path, "r");
    char buf[512];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    free(path);
    if (!f)
        return bad(cfg, err, errcap, "hotline_token_file", "cannot be read");
    buf[n] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    free(ac->hotline_token);
    ac->hotline_token = strdup(buf);
    return ac->hotline_token ? 0 : bad(cfg, err, errcap, "hotline_token_file", "out of memory");
}

int wa_alert_config_load(wa_alert_config *ac, const wa_config *cfg, char *err, size_t errcap)
{
    memset(ac, 0, sizeof *ac);
    ac->window_s = 30LL * 86400;
    ac->near_distance = 8;
    ac->report_due_s = 2 * 3600;
    ac->resolve_due_s = 24 * 3600;
    ac->spread[WA_LEVEL_YELLOW] = 3;
    ac->spread[WA_LEVEL_ORANGE] = 10;
    ac->spread[WA_LEVEL_RED] = 30;
    ac->retry_initial_ms = 1000;
    ac->retry_max_ms = 300000;
    ac->retry_horizon_s = 72 * 3600;
    ac->timeout_ms = 10000;
    json_t *sec = NULL;
    if (wa_config_section(cfg, "alerting", keys, &sec, err, errcap) != 0)
        return -1;
    const char *listen = "127.0.0.1:8080", *group = "wa-alertd";
    long long days = 30, near = 8, rep = 120, res = 1440;
    if (sec) {
        if (wa_config_path(cfg, sec, "alerting", "db", &ac->db, err, errcap) ||
            wa_config_string(cfg, sec, "alerting", "listen", &listen, err, errcap) ||
            wa_config_string(cfg, sec, "alerting", "group", &group, err, errcap) ||
            wa_config_int(cfg, sec, "alerting", "window_days", 1, 3650, &days, err, errcap) ||
            wa_config_int(cfg, sec, "alerting", "near_distance", 0, 32, &near, err, errcap) ||
            wa_config_int(cfg, sec, "alerting", "report_due_minutes", 1, 100000, &rep, err, errcap) ||
            wa_config_int(cfg, sec, "alerting", "resolve_due_minutes", 1, 1000000, &res, err, errcap) ||
            get_str(cfg, sec, "hotline_token", "hotline_token", &ac->hotline_token, err, errcap) ||
            get_str(cfg, sec, "metrics", "metrics", &ac->metrics, err, errcap) ||
            wa_config_path(cfg, sec, "alerting", "dict_dir", &ac->dict_dir, err, errcap) ||
            wa_config_path(cfg, sec, "alerting", "dashboard_dir", &ac->dashboard_dir, err, errcap) ||
            wa_config_path(cfg, sec, "alerting", "tibetan_font", &ac->tibetan_font, err, errcap) ||
            read_token_file(cfg, sec, ac, err, errcap))
            goto fail;
        json_t *mp = json_object_get(sec, "metrics_public");
        if (mp && !json_is_boolean(mp)) {
            bad(cfg, err, errcap, "metrics_public", "must be true or false");
            goto fail;
        }
        ac->metrics_public = json_is_true(mp);
        json_t *spread = json_object_get(sec, "spread");
        if (spread) {
            static const char *const skeys[] = {"yellow", "orange", "red", NULL};
            if (!json_is_object(spread) || check_keys(cfg, spread, "spread", skeys, err, errcap)) {
                if (!json_is_object(spread))
                    bad(cfg, err, errcap, "spread", "must be an object");
                goto fail;
            }
            for (int lv = WA_LEVEL_YELLOW; lv <= WA_LEVEL_RED; lv++) {
                char w[32];
                snprintf(w, sizeof w, "spread.%s", level_names[lv]);
                if (get_int(cfg, spread, level_names[lv], w, 0, 100000000, &ac->spread[lv], err, errcap))
                    goto fail;
            }
        }
        json_t *retry = json_object_get(sec, "retry");
        if (retry) {
            static const char *const rkeys[] = {"initial_ms", "max_ms", "horizon_hours", "timeout_ms", NULL};
            long long hours = ac->retry_horizon_s / 3600;
            if (!json_is_object(retry)) {
                bad(cfg, err, errcap, "retry", "must be an object");
                goto fail;
            }
            if (check_keys(cfg, retry, "retry", rkeys, err, errcap) ||
                get_int(cfg, retry, "initial_ms", "retry.initial_ms", 1, 3600000, &ac->retry_initial_ms, err, errcap) ||
                get_int(cfg, retry, "max_ms", "retry.max_ms", 1, 86400000, &ac->retry_max_ms, err, errcap) ||
                get_int(cfg, retry, "horizon_hours", "retry.horizon_hours", 1, 8760, &hours, err, errcap) ||
                get_int(cfg, retry, "timeout_ms", "retry.timeout_ms", 100, 600000, &ac->timeout_ms, err, errcap))
                goto fail;
            ac->retry_horizon_s = hours * 3600;
        }
        json_t *smtp = json_object_get(sec, "smtp");
        if (smtp) {
            static const char *const mkeys[] = {"url", "from", "username", "password", NULL};
            if (!json_is_object(smtp)) {
                bad(cfg, err, errcap, "smtp", "must be an object");
                goto fail;
            }
            if (check_keys(cfg, smtp, "smtp", mkeys, err, errcap) ||
                get_str(cfg, smtp, "url", "smtp.url", &ac->smtp_url, err, errcap) ||
                get_str(cfg, smtp, "from", "smtp.from", &ac->smtp_from, err, errcap) ||
                get_str(cfg, smtp, "username", "smtp.username", &ac->smtp_user, err, errcap) ||
                get_str(cfg, smtp, "password", "smtp.password", &ac->smtp_password, err, errcap))
                goto fail;
        }
        json_t *routes = json_object_get(sec, "routes");
        if (routes) {
            if (!json_is_array(routes)) {
                bad(cfg, err, errcap, "routes", "must be a list");
                goto fail;
            }
            ac->routes = calloc(json_array_size(routes) + 1, sizeof *ac->routes);
            if (!ac->routes) {
                bad(cfg, err, errcap, "routes", "out of memory");
                goto fail;
            }
            size_t i;
            json_t *r;
            json_array_foreach(routes, i, r)
            {
                ac->nroutes++;
                if (load_route(cfg, r, i, &ac->routes[i], err, errcap) != 0)
                    goto fail;
                for (size_t j = 0; j < i; j++)
                    if (strcmp(ac->routes[j].name, ac->routes[i].name) == 0) {
                        char w[64];
                        snprintf(w, sizeof w, "routes[%zu].name", i);
                        bad(cfg, err, errcap, w, "is used by another route");
                        goto fail;
                    }
                if (strcmp(ac->routes[i].channel, "email") == 0 && (!ac->smtp_url || !ac->smtp_from)) {
                    bad(cfg, err, errcap, "smtp", "url and from are needed by the e-mail routes");
                    goto fail;
                }
            }
        }
    }
    ac->window_s = days * 86400;
    ac->near_distance = (int)near;
    ac->report_due_s = rep * 60;
    ac->resolve_due_s = res * 60;
    ac->listen = dup_or_null(listen);
    ac->group = dup_or_null(group);
    /* Defaults relative to the working directory: a checkout run in place. */
    if (!ac->dict_dir)
        ac->dict_dir = strdup("dict");
    if (!ac->dashboard_dir)
        ac->dashboard_dir = strdup("alerting/dashboard");
    if (!ac->tibetan_font)
        ac->tibetan_font = strdup(WA_DEFAULT_TIBETAN_FONT);
    if (!ac->listen || !ac->group || !ac->dict_dir || !ac->dashboard_dir || !ac->tibetan_font) {
        bad(cfg, err, errcap, "listen", "out of memory");
        goto fail;
    }
    return 0;
fail:
    wa_alert_config_free(ac);
    return -1;
}

static void free_list(char **l, size_t n)
{
    for (size_t i = 0; l && i < n; i++)
        free(l[i]);
    free(l);
}

void wa_alert_config_free(wa_alert_config *ac)
{
    for (size_t i = 0; i < ac->nroutes; i++) {
        wa_route *r = &ac->routes[i];
        free(r->name);
        free(r->office);
        free(r->channel);
        free(r->url);
        free(r->secret);
        free_list(r->to, r->nto);
        free_list(r->prefectures, r->nprefectures);
    }
    free(ac->routes);
    free(ac->db);
    free(ac->listen);
    free(ac->group);
    free(ac->metrics);
    free(ac->dict_dir);
    free(ac->dashboard_dir);
    free(ac->tibetan_font);
    free(ac->hotline_token);
    free(ac->smtp_url);
    free(ac->smtp_from);
    free(ac->smtp_user);
    free(ac->smtp_password);
    memset(ac, 0, sizeof *ac);
}
